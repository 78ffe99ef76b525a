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
        out += "{"
        func key(_ name: String) {
            JSONValue.writeString(name, to: &out)
            out += ": "
        }
        key("doc"); JSONValue.writeString(doc, to: &out)
        out += ", "; key("lang"); JSONValue.writeString(language.rawValue, to: &out)
        out += ", "; key("reference_date"); (referenceDate.map { JSONValue.string($0.iso) } ?? .null).write(to: &out)
        out += ", "; key("events"); out += "["
        for (i, event) in events.enumerated() {
            if i > 0 { out += ", " }
            event.json().write(to: &out)
        }
        out += "], "; key("mentions"); out += "["
        for (i, mention) in mentions.enumerated() {
            if i > 0 { out += ", " }
            mention.json(includeDebug: includeDebug).write(to: &out)
        }
        out += "]"
        let own: Set<String> = ["doc", "lang", "reference_date", "events", "mentions"]
        for (name, value) in extra where !own.contains(name) {
            out += ", "; key(name); value.write(to: &out)
        }
        out += "}"
    }
}
