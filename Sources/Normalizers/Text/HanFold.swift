import Foundation

/// Traditional Chinese characters folded to simplified, one scalar for one scalar, so rules and
/// lexicons written in one script read both (釋放 is read as 释放) while every offset stays put.
///
/// The table is ICU's Traditional-Simplified transliterator (CLDR's data, built from Unihan's
/// kSimplifiedVariant), applied to every CJK ideograph; only one-to-one mappings are kept (ICU
/// gives no other for single characters). 3,074 characters fold. ICU takes about 0.6 G
/// instructions to build it — a fifth of starting a run — so the pairs it gives are kept in
/// `HanFoldTable.swift`, and a test holds that file to ICU's table of the day
/// (`TIDINGS_RECORD_GOLDEN=1` writes it again).
public enum HanFold {
    /// The first scalar the table covers; every traditional character lies in U+3400…U+FAFF.
    private static let base: UInt32 = 0x3400
    private static let end: UInt32 = 0xFB00
    /// Simplified scalar value per scalar from `base`, 0 where the character does not fold: a flat
    /// array, since this is looked up for every Han character of every document.
    private static let table: [UInt32] = {
        var table = [UInt32](repeating: 0, count: Int(end - base))
        var scalars = HanFoldTable.pairs.unicodeScalars.lazy.filter { $0 != "\n" }.makeIterator()
        while let traditional = scalars.next(), let simplified = scalars.next() {
            guard traditional.value >= base, traditional.value < end else { continue }
            table[Int(traditional.value - base)] = simplified.value
        }
        return table
    }()

    /// ICU's Traditional-Simplified fold of every CJK ideograph, as (traditional, simplified)
    /// pairs in code point order: what `HanFoldTable.pairs` holds.
    public static func icuPairs() -> [(Unicode.Scalar, Unicode.Scalar)] {
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
        // One transform over every character (a call per character costs ten times as much).
        guard let folded = String(source).applyingTransform(StringTransform("Traditional-Simplified"), reverse: false) else { return [] }
        let lines = folded.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= scalars.count else { return [] }
        var pairs: [(Unicode.Scalar, Unicode.Scalar)] = []
        for (scalar, line) in zip(scalars, lines) {
            var it = line.unicodeScalars.makeIterator()
            guard let simplified = it.next(), it.next() == nil, simplified != scalar else { continue }
            pairs.append((scalar, simplified))
        }
        return pairs
    }

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
