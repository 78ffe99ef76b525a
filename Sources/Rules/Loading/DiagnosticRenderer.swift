import Foundation
import Records

/// Renders diagnostics like a compiler: `file:line:col: error: message [code]`, the source
/// line, and a caret under the column padded in display cells (a CJK character is two wide).
public enum DiagnosticRenderer {
    /// The full text of one diagnostic; `source` gives a file's text (nil: no excerpt).
    public static func render(_ diagnostic: Diagnostic, source: (String) -> String?) -> String {
        var lines = [diagnostic.description]
        if let location = diagnostic.location, let column = location.column, let text = source(location.file) {
            let fileLines = SourceLines.split(text)
            if location.line >= 1, location.line <= fileLines.count {
                let line = String(fileLines[location.line - 1]).replacingOccurrences(of: "\t", with: " ")
                let prefix = String(String.UnicodeScalarView(line.unicodeScalars.prefix(max(0, column - 1))))
                lines.append("    " + line)
                lines.append("    " + String(repeating: " ", count: displayWidth(prefix)) + "^")
            }
        }
        lines += diagnostic.notes.map { "  note: " + $0 }
        return lines.joined(separator: "\n")
    }

    /// Renders all, reading each file at most once.
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        var cache: [String: String] = [:]
        return diagnostics.map { d in
            render(d) { path in
                if let text = cache[path] { return text }
                let text = try? String(contentsOfFile: path, encoding: .utf8)
                cache[path] = text
                return text
            }
        }.joined(separator: "\n")
    }

    /// Terminal cells `text` takes: East Asian wide and fullwidth characters take two.
    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            // Combining marks and format characters (zero-width space and joiner, BOM) take no cell.
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return width
            default: break
            }
            if v == 0x200B || (0x1160...0x11FF).contains(v) { return width }
            // East Asian Wide and Fullwidth (UAX #11), as terminals draw them.
            let wide = (0x1100...0x115F).contains(v) || (0x231A...0x231B).contains(v) || (0x2329...0x232A).contains(v)
                || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v) || (0x3400...0x4DBF).contains(v)
                || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v) || (0xA960...0xA97F).contains(v)
                || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE10...0xFE19).contains(v)
                || (0xFE30...0xFE6F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
                || (0x1F004...0x1F004).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F680...0x1F6FF).contains(v)
                || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
            return width + (wide ? 2 : 1)
        }
    }
}
