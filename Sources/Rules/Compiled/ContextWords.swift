/// One entry of a language's `context.yaml`: words that tell the engine how a mention reads in
/// its sentence — a place after 在 / in, a date ahead after 将于, a day named by 当天, a city
/// before 广场 or a country before 清真寺.
public struct ContextRule: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Words right before a place that make it where something happens (双方在吉隆坡, in Kyiv):
        /// a capital or country there names no side.
        case locative
        /// Words right before a month-and-day date that put it ahead (将于10月27日): without a year
        /// it is the next such day, not the last one.
        case future
        /// Date mentions that mean "that same day" (当天, that day): they take the day of the
        /// date mentioned last before them in the segment.
        case sameDay = "same_day"
        /// Nouns of a venue a city is written before (吉隆坡独立广场, 基辅火车站): the city only
        /// says where the venue is, it is no side.
        case venue
        /// Nouns of a building named after a country or a people (印度清真寺, 日本餐厅): the name
        /// is part of the building's, no side.
        case building
    }

    public var header: RuleHeader
    public var kind: Kind
    public var words: [String]

    public init(header: RuleHeader, kind: Kind, words: [String]) {
        self.header = header
        self.kind = kind
        self.words = words
    }
}

/// The context words of one language, from `<lang>/context.yaml`, ready for the engine: words
/// as scalars where they are compared at a mention's start, a set where a mention's whole text is.
/// A language without the file has none: no locative reading, no date moved ahead, no same-day word.
public struct ContextWords: Sendable {
    public private(set) var rules: [ContextRule] = []
    /// Locative words as scalars, in file order.
    public private(set) var locatives: [[Unicode.Scalar]] = []
    /// Future markers as scalars, in file order.
    public private(set) var futureMarkers: [[Unicode.Scalar]] = []
    /// Same-day words, lower-cased and folded to simplified characters.
    public private(set) var sameDay: Set<String> = []
    /// Venue and building nouns as scalars, in file order.
    public private(set) var venues: [[Unicode.Scalar]] = []
    public private(set) var buildings: [[Unicode.Scalar]] = []

    public init(_ rules: [ContextRule] = []) {
        self.rules = rules
        for rule in rules {
            switch rule.kind {
            case .locative: locatives += rule.words.map { Array($0.unicodeScalars) }
            case .future: futureMarkers += rule.words.map { Array($0.unicodeScalars) }
            case .sameDay: sameDay.formUnion(rule.words)
            case .venue: venues += rule.words.map { Array($0.unicodeScalars) }
            case .building: buildings += rule.words.map { Array($0.unicodeScalars) }
            }
        }
    }
}
