import Foundation

/// Traditional Chinese characters folded to simplified, one scalar for one scalar, so rules and
/// lexicons written in one script read both (釋放 is read as 释放) while every offset stays put.
///
/// The table is ICU's Traditional-Simplified transliterator (CLDR's data, built from Unihan's
/// kSimplifiedVariant), applied to every CJK ideograph once per process; only one-to-one mappings
/// are kept (ICU gives no other for single characters). 3,074 characters fold. Computed on first
/// use, in about 30 ms.
public enum HanFold {
    /// The first scalar the table covers; every traditional character lies in U+3400…U+FAFF.
    private static let base: UInt32 = 0x3400
    /// Simplified scalar value per scalar from `base`, 0 where the character does not fold: a flat
    /// array, since this is looked up for every Han character of every document.
    private static let table: [UInt32] = {
        var scalars: [Unicode.Scalar] = []
        var source = String.UnicodeScalarView()
        for range in [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
                scalars.append(scalar)
                source.append(scalar)
                source.append("\n")
            }
        }
        var table = [UInt32](repeating: 0, count: Int(0xFB00 - base))
        // One transform over every character (a call per character costs ten times as much).
        guard let folded = String(source).applyingTransform(StringTransform("Traditional-Simplified"), reverse: false) else { return table }
        let lines = folded.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= scalars.count else { return table }
        for (scalar, line) in zip(scalars, lines) {
            var it = line.unicodeScalars.makeIterator()
            guard let simplified = it.next(), it.next() == nil, simplified != scalar else { continue }
            table[Int(scalar.value - base)] = simplified.value
        }
        return table
    }()

    /// Number of characters the table folds.
    public static var count: Int { table.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

    /// The simplified form of a traditional character; any other scalar as it is.
    @inline(__always)
    public static func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        // Everything the table folds lies in U+3400…U+FAFF: other text never looks it up.
        let v = scalar.value
        guard v >= base, v < 0xFB00 else { return scalar }
        let folded = table[Int(v - base)]
        return folded == 0 ? scalar : Unicode.Scalar(folded) ?? scalar
    }

    /// `text` with every traditional character folded; same number of scalars.
    public static func fold(_ text: String) -> String {
        // Most text has nothing to fold: say so without building a copy.
        guard text.unicodeScalars.contains(where: { simplified($0) != $0 }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(simplified(scalar)) }
        return String(out)
    }
}
