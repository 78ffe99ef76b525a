import ArgumentParser
import Foundation
import Records
import RuleTools
import Rules

/// `--color auto|always|never`: ANSI colour only on a terminal unless asked.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Whether to colour what goes to standard output.
    var enabled: Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }
}

/// Marks highlighted spans: reverse video on a terminal, ⟦ ⟧ brackets in plain text.
struct Highlighter {
    var color: Bool

    func render(_ text: HighlightedText) -> String {
        let scalars = Array(text.text.unicodeScalars)
        var out = ""
        var at = 0
        for span in text.highlights.sorted() where span.start >= at && span.end <= scalars.count {
            out += String(String.UnicodeScalarView(scalars[at..<span.start]))
            out += open + String(String.UnicodeScalarView(scalars[span.start..<span.end])) + close
            at = span.end
        }
        out += String(String.UnicodeScalarView(scalars[at...]))
        return out.replacingOccurrences(of: "\n", with: " ")
    }

    var open: String { color ? "\u{1B}[1;7m" : "⟦" }
    var close: String { color ? "\u{1B}[0m" : "⟧" }

    func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    func red(_ s: String) -> String { color ? "\u{1B}[31m\(s)\u{1B}[0m" : s }
    func green(_ s: String) -> String { color ? "\u{1B}[32m\(s)\u{1B}[0m" : s }
}

/// A second pack to compare with: a folder, or a git revision of the pack's folder read with `git show`.
enum BaselinePack {
    /// The folder holding the baseline pack; a revision is written to a temporary folder first.
    static func resolve(_ spec: String, comparedWith root: String) throws -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: spec, isDirectory: &isDirectory), isDirectory.boolValue { return spec }
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath()
        guard let top = try? git(["-C", rootURL.path, "rev-parse", "--show-toplevel"]).trimmingCharacters(in: .whitespacesAndNewlines), !top.isEmpty else {
            throw CommandFailure.fatal("--baseline \(spec): not a folder, and \(root) is not inside a git checkout to read a revision from")
        }
        let topURL = URL(fileURLWithPath: top).resolvingSymlinksInPath()
        guard rootURL.path.hasPrefix(topURL.path) else { throw CommandFailure.fatal("--baseline: \(root) is outside the checkout \(top)") }
        let relative = String(rootURL.path.dropFirst(topURL.path.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let files: String
        do {
            files = try git(["-C", top, "ls-tree", "-r", "--name-only", spec, "--", relative.isEmpty ? "." : relative])
        } catch {
            throw CommandFailure.fatal("--baseline \(spec): not a folder nor a git revision of \(top) (\(error))")
        }
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-baseline-\(UUID().uuidString)")
        for file in files.split(separator: "\n").map(String.init) {
            let data = try gitData(["-C", top, "show", "\(spec):\(file)"])
            let url = target.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let pack = target.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: pack.appendingPathComponent("taxonomy.yaml").path) else {
            throw CommandFailure.fatal("--baseline \(spec): the revision has no rule pack at \(relative.isEmpty ? "." : relative)")
        }
        return pack.path
    }

    struct GitFailure: Error, CustomStringConvertible {
        var description: String
    }

    static func git(_ arguments: [String]) throws -> String { String(decoding: try gitData(arguments), as: UTF8.self) }

    static func gitData(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitFailure(description: String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return data
    }
}

/// Fixed-width text tables.
enum TextTable {
    static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let w = DiagnosticRenderer.displayWidth(s)
        guard w < width else { return s }
        let fill = String(repeating: " ", count: width - w)
        return right ? fill + s : s + fill
    }

    static func f3(_ x: Double) -> String { String(format: "%.3f", x) }
    static func signed(_ x: Double) -> String { String(format: "%+.3f", x) }
}
