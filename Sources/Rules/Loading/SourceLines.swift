/// Lines of a source file as YAML (libyaml) counts them: `\r\n`, a lone `\r`, `\n`, NEL, LS and PS
/// each end one. Diagnostics carry libyaml's line numbers, so excerpts and offsets must split the
/// same way (Swift's `split(separator: "\n")` sees `\r\n` as one Character and never splits it).
public enum SourceLines {
    /// The lines of `text`, without their breaks.
    public static func split(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && afterCR {
                afterCR = false
                continue
            }
            afterCR = scalar == "\r"
            if isBreak(scalar) {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines
    }

    /// True for a scalar that ends a line (a `\r` followed by `\n` ends one line with it).
    public static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
