// Reading back the output shapes of schema.md (`--format docs` and `--format events`), for
// the store's export check and for reports made from a JSONL file.

/// Why an output record could not be read back.
public struct RecordDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, naming the field (`events[2].trigger: missing "start"`).
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

extension Span {
    fileprivate init(json: JSONValue, at path: String) throws(RecordDecodingError) {
        guard let s = json["start"]?.doubleValue, let e = json["end"]?.doubleValue else {
            throw RecordDecodingError("\(path): needs numeric \"start\" and \"end\"")
        }
        guard s >= 0, e >= s, s == s.rounded(), e == e.rounded() else { throw RecordDecodingError("\(path): bad offsets \(s)..\(e)") }
        self.init(start: Int(s), end: Int(e))
    }
}

extension Mention {
    /// Reads a mention object (`{"kind", "text", "start", "end", "value", "rule"}`).
    public init(json: JSONValue, at path: String = "mention") throws(RecordDecodingError) {
        guard let k = json["kind"]?.stringValue, let kind = MentionKind(rawValue: k) else { throw RecordDecodingError("\(path): unknown or missing \"kind\"") }
        guard let text = json["text"]?.stringValue else { throw RecordDecodingError("\(path): missing \"text\"") }
        guard let v = json["value"], let value = MentionValue(kind: kind, json: v) else { throw RecordDecodingError("\(path): bad \"value\" for kind \(k)") }
        self.init(text: text, span: try Span(json: json, at: path), value: value, rule: json["rule"]?.stringValue ?? "")
    }
}

extension EventArgument {
    /// Reads an argument object (`{"role", "kind", "text", "start", "end", "value"}`).
    public init(json: JSONValue, at path: String) throws(RecordDecodingError) {
        guard let role = json["role"]?.stringValue else { throw RecordDecodingError("\(path): missing \"role\"") }
        guard let k = json["kind"]?.stringValue, let kind = MentionKind(rawValue: k) else { throw RecordDecodingError("\(path): unknown or missing \"kind\"") }
        guard let text = json["text"]?.stringValue else { throw RecordDecodingError("\(path): missing \"text\"") }
        guard let v = json["value"], let value = MentionValue(kind: kind, json: v) else { throw RecordDecodingError("\(path): bad \"value\" for kind \(k)") }
        self.init(role: role, text: text, span: try Span(json: json, at: path), value: value)
    }
}

extension AttributeValue {
    /// A string or boolean attribute; nil for any other JSON.
    public init?(json: JSONValue) {
        switch json {
        case .string(let s): self = .string(s)
        case .bool(let b): self = .bool(b)
        default: return nil
        }
    }
}

extension Event {
    /// Reads an event object; a `doc` member (the events format) is ignored here.
    public init(json: JSONValue, at path: String = "event") throws(RecordDecodingError) {
        guard let type = json["type"]?.stringValue else { throw RecordDecodingError("\(path): missing \"type\"") }
        guard let t = json["trigger"], let triggerText = t["text"]?.stringValue else { throw RecordDecodingError("\(path).trigger: missing \"text\"") }
        let trigger = Trigger(text: triggerText, span: try Span(json: t, at: "\(path).trigger"))
        guard let ev = json["evidence"] else { throw RecordDecodingError("\(path): missing \"evidence\"") }
        let evidence = try Span(json: ev, at: "\(path).evidence")
        var args: [EventArgument] = []
        for (i, a) in (json["args"]?.arrayValue ?? []).enumerated() {
            args.append(try EventArgument(json: a, at: "\(path).args[\(i)]"))
        }
        var attrs: [String: AttributeValue] = [:]
        for (key, value) in json["attrs"]?.objectValue ?? [] {
            guard let a = AttributeValue(json: value) else { throw RecordDecodingError("\(path).attrs.\(key): must be a string or boolean") }
            attrs[key] = a
        }
        self.init(type: type, trigger: trigger, evidence: evidence, args: args, attrs: attrs,
                  rule: json["rule"]?.stringValue ?? "", source: json["source"]?.stringValue ?? "",
                  confidence: json["confidence"]?.doubleValue ?? 0)
    }
}

extension DocumentResult {
    /// Reads a `--format docs` record; members other than the schema's are kept as `extra`.
    public init(json: JSONValue) throws(RecordDecodingError) {
        guard let members = json.objectValue else { throw RecordDecodingError("the record is not a JSON object") }
        guard let doc = json["doc"]?.stringValue else { throw RecordDecodingError("missing \"doc\"") }
        guard let l = json["lang"]?.stringValue, let language = Language(rawValue: l) else { throw RecordDecodingError("\(doc): \"lang\" must be zh or en") }
        var date: CivilDate?
        if let d = json["reference_date"], d != .null {
            guard let s = d.stringValue, let parsed = CivilDate(iso: s) else { throw RecordDecodingError("\(doc): \"reference_date\" is not YYYY-MM-DD") }
            date = parsed
        }
        var events: [Event] = []
        for (i, e) in (json["events"]?.arrayValue ?? []).enumerated() { events.append(try Event(json: e, at: "\(doc): events[\(i)]")) }
        var mentions: [Mention] = []
        for (i, m) in (json["mentions"]?.arrayValue ?? []).enumerated() { mentions.append(try Mention(json: m, at: "\(doc): mentions[\(i)]")) }
        let own: Set<String> = ["doc", "lang", "reference_date", "events", "mentions"]
        self.init(doc: doc, language: language, referenceDate: date, events: events, mentions: mentions,
                  extra: members.filter { !own.contains($0.0) })
    }
}
