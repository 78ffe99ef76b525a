/// An input article (schema.md "Input documents").
public struct Document: Sendable {
    public var id: String
    public var text: String
    /// Publication (reference) date, `YYYY-MM-DD`, when known.
    public var date: CivilDate?
    /// Language, when given; detected otherwise.
    public var language: Language?
    /// Every other input field (title, url, unknown ones) in input order, passed through untouched.
    public var extra: [(String, JSONValue)]

    public init(id: String, text: String, date: CivilDate? = nil, language: Language? = nil, extra: [(String, JSONValue)] = []) {
        self.id = id
        self.text = text
        self.date = date
        self.language = language
        self.extra = extra
    }
}

/// Everything extracted from one document: the `--format docs` record.
public struct DocumentResult: Sendable {
    public var doc: String
    public var language: Language
    public var referenceDate: CivilDate?
    public var events: [Event]
    public var mentions: [Mention]
    /// Input fields passed through (title, url, unknown fields).
    public var extra: [(String, JSONValue)]

    public init(doc: String, language: Language, referenceDate: CivilDate?, events: [Event], mentions: [Mention], extra: [(String, JSONValue)] = []) {
        self.doc = doc
        self.language = language
        self.referenceDate = referenceDate
        self.events = events
        self.mentions = mentions
        self.extra = extra
    }
}
