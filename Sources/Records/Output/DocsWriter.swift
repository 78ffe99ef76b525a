/// `--format docs`: one JSON line per document — its events and mentions (docs/schema.md, "Document record").
public struct DocsWriter: RecordWriter {
    /// Adds the debug fields (date anchors) to mention values.
    public var includeDebug: Bool

    public init(includeDebug: Bool = false) { self.includeDebug = includeDebug }

    public var header: String { "" }

    public func write(_ result: DocumentResult, to out: inout String) {
        result.write(to: &out, includeDebug: includeDebug)
        out += "\n"   // in place: a long document's record is not copied
    }
}

extension DocumentResult {
    /// Appends the `--format docs` record to `out`, exactly as `json(includeDebug:).serialized()`
    /// would, but building the value tree of one event or mention at a time: a long document's
    /// record (hundreds of thousands of mentions) never exists as one tree in memory.
    public func write(to out: inout String, includeDebug: Bool = false) {
        DocumentRecordText.opening(doc: doc, language: language, referenceDate: referenceDate, to: &out)
        for (i, event) in events.enumerated() { DocumentRecordText.item(event.json(), first: i == 0, to: &out) }
        DocumentRecordText.betweenEventsAndMentions(to: &out)
        for (i, mention) in mentions.enumerated() { DocumentRecordText.item(mention.json(includeDebug: includeDebug), first: i == 0, to: &out) }
        DocumentRecordText.closing(extra: extra, to: &out)
    }
}

/// The pieces of a `--format docs` record, in order: the opening up to the events' `[`, each
/// event, the text between the events and the mentions, each mention, the closing. Written in
/// pieces, a record can be put together from parts kept elsewhere (a long document's, in files).
public enum DocumentRecordText {
    static func key(_ name: String, to out: inout String) {
        JSONValue.writeString(name, to: &out)
        out += ": "
    }

    /// `{"doc": …, "lang": …, "reference_date": …, "events": [`
    public static func opening(doc: String, language: Language, referenceDate: CivilDate?, to out: inout String) {
        out += "{"
        key("doc", to: &out); JSONValue.writeString(doc, to: &out)
        out += ", "; key("lang", to: &out); JSONValue.writeString(language.rawValue, to: &out)
        out += ", "; key("reference_date", to: &out); (referenceDate.map { JSONValue.string($0.iso) } ?? .null).write(to: &out)
        out += ", "; key("events", to: &out); out += "["
    }

    /// One event or mention of the record's lists; `first` in its list has no separator before it.
    public static func item(_ value: JSONValue, first: Bool, to out: inout String) {
        if !first { out += ", " }
        value.write(to: &out)
    }

    /// `], "mentions": [`
    public static func betweenEventsAndMentions(to out: inout String) {
        out += "], "; key("mentions", to: &out); out += "["
    }

    /// `]`, the passed-through input fields, `}`.
    public static func closing(extra: [(String, JSONValue)], to out: inout String) {
        out += "]"
        let own: Set<String> = ["doc", "lang", "reference_date", "events", "mentions"]
        for (name, value) in extra where !own.contains(name) {
            out += ", "; key(name, to: &out); value.write(to: &out)
        }
        out += "}"
    }
}
