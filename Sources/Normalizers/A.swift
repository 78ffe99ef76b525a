import Records
// Temporary interface copy for the lead's branch until the Normalizers work merges (deleted then).
public struct NormalizationContext: Sendable {
    public var language: Language
    public var referenceDate: CivilDate?
    public var documentCountry: String?
    public var referenceLabel: String
    public init(language: Language, referenceDate: CivilDate? = nil, documentCountry: String? = nil) {
        self.language = language
        self.referenceDate = referenceDate
        self.documentCountry = documentCountry
        self.referenceLabel = "reference"
    }
}
public enum NormalizerKind: String, CaseIterable, Sendable {
    case number, quantity, money, duration, date
}
public enum Normalization {
    public static func normalize(_ text: String, as kind: NormalizerKind, context: NormalizationContext) -> MentionValue? { nil }
}
