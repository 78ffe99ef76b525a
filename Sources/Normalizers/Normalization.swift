import Records

/// What a normaliser needs besides the mention text.
public struct NormalizationContext: Sendable {
    /// The document's language; the other language's reader is tried when the first finds nothing.
    public var language: Language
    /// The date relative dates resolve against (publication date or dateline); nil when unknown.
    public var referenceDate: CivilDate?
    /// ISO 3166 alpha-3 country of the document, for bare 元 / $ / dollars; nil when unknown.
    public var documentCountry: String?
    /// How `referenceDate` is named in a date's debug `anchor` (`reference`, `dateline`, …).
    public var referenceLabel: String

    public init(language: Language, referenceDate: CivilDate? = nil, documentCountry: String? = nil) {
        self.language = language
        self.referenceDate = referenceDate
        self.documentCountry = documentCountry
        self.referenceLabel = "reference"
    }

    /// The anchor text for values resolved against the reference date.
    var anchor: String {
        referenceDate.map { "\(referenceLabel) \($0.iso)" } ?? "\(referenceLabel) unknown"
    }
}

/// Which normaliser reads a mention (the `normalize:` field of an entity rule).
public enum NormalizerKind: String, CaseIterable, Sendable {
    case number, quantity, money, duration, date
}

/// The entry point the engine calls on every mention an entity rule found.
public enum Normalization {
    /// Mentions longer than this many scalars are not read (nil): no entity rule matches that
    /// much, and the cap keeps a pathological input from costing more than a bounded scan.
    public static let maxMentionLength = 200

    /// The value of `text` read as `kind`, or nil when it cannot be read (including numbers that
    /// overflow; see `ExactNumber`). `number` gives a `.quantity` with no unit.
    public static func normalize(_ text: String, as kind: NormalizerKind, context: NormalizationContext) -> MentionValue? {
        var length = 0
        for _ in text.unicodeScalars {
            length += 1
            if length > maxMentionLength { return nil }
        }
        guard length > 0 else { return nil }
        let t = ScalarText(text)
        let first = context.language
        let second: Language = first == .zh ? .en : .zh
        for lang in [first, second] {
            if let v = read(t, as: kind, language: lang, context: context) { return v }
        }
        return nil
    }

    static func read(_ t: ScalarText, as kind: NormalizerKind, language: Language, context: NormalizationContext) -> MentionValue? {
        switch kind {
        case .number:
            return QuantityNormalizer.read(t, language: language, withUnit: false).map { .quantity($0) }
        case .quantity:
            return QuantityNormalizer.read(t, language: language, withUnit: true).map { .quantity($0) }
        case .money:
            return MoneyNormalizer.read(t, language: language, documentCountry: context.documentCountry).map { .money($0) }
        case .duration:
            return DurationNormalizer.read(t, language: language).map { .duration($0) }
        case .date:
            let v = language == .zh
                ? ChineseDateParser.parse(t, context: context)
                : EnglishDateParser.parse(t, context: context)
            return v.map { .date($0) }
        }
    }
}
