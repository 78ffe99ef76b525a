import PCRE2

/// One entry of a language's `segmentation.yaml`: a dateline or separator pattern, or a list of
/// caption marks or abbreviations. The segmenter runs only what these entries compiled.
public struct SegmentationRule: Sendable {
    /// Which part of segmentation the entry feeds (its section in the file).
    public enum Kind: String, Sendable, CaseIterable {
        /// A dateline (its `day` and optional `month` groups date the segment it opens).
        case dateline
        /// A line that ends one story and starts the next (阅读全文, Read more).
        case separator
        /// Words that make a bracketed credit at a line's end a photo caption.
        case caption
        /// Words whose period never ends a sentence (Mr., U.S.).
        case abbreviation
    }

    public var header: RuleHeader
    public var kind: Kind
    /// The pattern of a dateline or separator; nil for word lists.
    public var regex: Regex?
    /// The words of a caption or abbreviation entry; empty for patterns.
    public var words: [String]

    public init(header: RuleHeader, kind: Kind, regex: Regex?, words: [String]) {
        self.header = header
        self.kind = kind
        self.regex = regex
        self.words = words
    }
}

/// Everything a language's pages are cut by, from `<lang>/segmentation.yaml`. A language
/// without the file has none of it: a page is one segment dated by its document date, and
/// every period before a capital ends a sentence.
public struct SegmentationRules: Sendable {
    public var rules: [SegmentationRule] = []
    /// Month names of datelines (`KYIV, March 20`), by their first three letters lower-cased.
    public var months: [String: Int] = [:]

    public init(rules: [SegmentationRule] = [], months: [String: Int] = [:]) {
        self.rules = rules
        self.months = months
    }

    /// The entries of one kind, in file order.
    public func rules(_ kind: SegmentationRule.Kind) -> [SegmentationRule] { rules.filter { $0.kind == kind } }

    /// The words of every entry of a word-list kind, in file order.
    public func words(_ kind: SegmentationRule.Kind) -> [String] { rules(kind).flatMap(\.words) }
}
