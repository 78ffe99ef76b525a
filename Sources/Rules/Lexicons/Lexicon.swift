import Normalizers
import Records

/// One lexicon row: a literal surface and the entity it names, possibly only for a period
/// (titles such as 美国总统 resolve to whoever held the office on the article's date).
public struct LexiconEntry: Sendable, Hashable {
    /// The text as written in news.
    public var surface: String
    /// The reading: `.actor` or `.place` with canonical name, type and country.
    public var value: MentionValue
    /// First day the entry is valid, inclusive.
    public var validFrom: CivilDate?
    /// Day the entry stops being valid, exclusive.
    public var validTo: CivilDate?
    /// File and line of the row.
    public var location: SourceLocation

    /// True when the entry applies on `date` (always when the date or the range is unknown).
    public func isValid(on date: CivilDate?) -> Bool {
        guard let date else { return validTo == nil }
        if let validFrom, date < validFrom { return false }
        if let validTo, date >= validTo { return false }
        return true
    }

    /// A title (it has a validity range): names whoever holds an office.
    public var isTitle: Bool { validFrom != nil || validTo != nil }
}

/// All lexicon rows of one language behind a dictionary matcher.
public struct Lexicon: Sendable {
    /// The rows, in file order.
    public let entries: [LexiconEntry]
    /// Surface → indexes into `entries`.
    let matcher: DictionaryMatcher<Int>
    /// English surfaces need word boundaries; Chinese ones do not.
    public let language: Language

    public init(entries: [LexiconEntry], language: Language) {
        self.entries = entries
        self.language = language
        var matcher = DictionaryMatcher<Int>()
        matcher.reserveCapacity(keys: language == .en ? entries.count * 2 : entries.count)
        for (index, entry) in entries.enumerated() {
            // The text is folded to simplified characters before matching; so are the names.
            matcher.insert(HanFold.fold(entry.surface), index)
            // Datelines and headlines write English names in capitals (KYIV, March 20).
            if language == .en, entry.surface.unicodeScalars.count >= 4 {
                let upper = entry.surface.uppercased()
                if upper != entry.surface { matcher.insert(upper, index) }
            }
        }
        self.matcher = matcher
    }

    /// Number of surfaces the matcher holds.
    public var surfaceCount: Int { matcher.count }

    /// Leftmost-longest entity names in `scalars`, each with every entry valid on `date`.
    public func find(in scalars: [Unicode.Scalar], on date: CivilDate?) -> [(span: Span, entries: [LexiconEntry])] {
        let found = matcher.longestMatches(in: scalars) { start, end, payloads in
            Lexicon.isWordBounded(scalars, start, end) && payloads.contains { self.entries[$0].isValid(on: date) }
        }
        return found.map { match in
            (Span(start: match.start, end: match.end), match.payloads.map { entries[$0] }.filter { $0.isValid(on: date) })
        }
    }

    /// An ASCII word (letter or digit at an edge) must not touch another ASCII letter or digit.
    static func isWordBounded(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        func isWordScalar(_ s: Unicode.Scalar) -> Bool {
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s))
        }
        if isWordScalar(scalars[start]), start > 0, isWordScalar(scalars[start - 1]) { return false }
        if isWordScalar(scalars[end - 1]), end < scalars.count, isWordScalar(scalars[end]) { return false }
        return true
    }
}
