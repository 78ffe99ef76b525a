import Records

/// One article as a report sees it: its records, and what is known of the source.
public struct ReportDocument: Sendable {
    public var result: DocumentResult
    /// The article text, when known (the store keeps it; a JSONL of records does not), to quote evidence.
    public var text: String?

    public init(result: DocumentResult, text: String?) {
        self.result = result
        self.text = text
    }

    /// The `title` passed through from the input.
    public var title: String? { result.extra.first { $0.0 == "title" }?.1.stringValue }
    /// The `url` passed through from the input.
    public var url: String? { result.extra.first { $0.0 == "url" }?.1.stringValue }
}

/// Which stories a report covers.
public struct ReportFilter: Sendable, Equatable {
    /// First and last story day, inclusive; a story with no date is left out when either is set.
    public var from: CivilDate?
    public var to: CivilDate?
    /// Only stories of this type.
    public var type: String?
    /// Only stories naming this actor: its canonical name or the text a source wrote contains it (case-insensitive).
    public var actor: String?
    /// Only articles in this language (applied before linking, so stories are made of those articles).
    public var language: Language?

    public init(from: CivilDate? = nil, to: CivilDate? = nil, type: String? = nil, actor: String? = nil, language: Language? = nil) {
        self.from = from
        self.to = to
        self.type = type
        self.actor = actor
        self.language = language
    }

    /// One line saying what the filter keeps, for the report's header.
    public var summary: String {
        var parts: [String] = []
        if let from { parts.append("from \(from.iso)") }
        if let to { parts.append("to \(to.iso)") }
        if let type { parts.append("type \(type)") }
        if let actor { parts.append("actor \(actor)") }
        if let language { parts.append("language \(language.rawValue)") }
        return parts.isEmpty ? "all stories" : parts.joined(separator: ", ")
    }
}
