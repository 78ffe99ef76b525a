import Normalizers
import Records

/// Text clean-up that never moves an offset: every change maps one scalar to one scalar.
public enum TextPreparation {
    /// Full-width ASCII (！ to ～) to ASCII, the ideographic space to a space, and traditional
    /// Chinese to simplified (`HanFold`), so rules and normalisers see one form of digits,
    /// punctuation and characters while spans stay valid. Input
    /// characters in the placeholder range (U+E000–U+E03F) become U+FFFD, so no text can pose
    /// as a folded mention.
    public static func foldFullWidth(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: out.append(" ")
            case 0xE000...0xE03F: out.append("\u{FFFD}")
            default: out.append(HanFold.simplified(scalar))
            }
        }
        return String(out)
    }

    /// `zh` when Han characters make up at least a fifth of the letters, else `en`.
    public static func detectLanguage(_ text: String) -> Language {
        var han = 0
        var letters = 0
        for scalar in text.unicodeScalars.prefix(5000) {
            if scalar.properties.isIdeographic { han += 1; letters += 1 }
            else if scalar.properties.isAlphabetic { letters += 1 }
        }
        return letters > 0 && han * 5 >= letters ? .zh : .en
    }
}
