/// Escaping for the two output languages.
enum Escape {
    /// Text or attribute value in HTML/SVG.
    static func xml(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A Markdown table cell: pipes, backslashes and markup characters escaped, line breaks flattened.
    static func markdownCell(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#": out += "\\\(c)"
            case "\n", "\r": out += " "
            default: out.append(c)
            }
        }
        return out
    }

    /// A fragment id usable in HTML and Markdown links: letters, digits, - and _ kept, the rest as -.
    static func anchor(_ s: String) -> String {
        String(s.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    }
}
