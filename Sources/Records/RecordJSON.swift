// The JSON shapes of schema.md, written in the key order the schema shows.

extension MentionValue {
    /// The `value` object of a mention or argument.
    public func json(includeDebug: Bool = false) -> JSONValue {
        var members: [(String, JSONValue)] = []
        func add(_ key: String, _ value: String?) {
            if let value { members.append((key, .string(value))) }
        }
        switch self {
        case .actor(let e), .place(let e):
            add("name", e.name)
            add("type", e.type)
            add("country", e.country)
        case .date(let d):
            if d.start != nil || d.end != nil {
                add("start", d.start)
                add("end", d.end)
            } else {
                members.append(("date", d.date.map { .string($0) } ?? .null))
            }
            add("mod", d.mod?.rawValue)
            if includeDebug { add("anchor", d.anchor) }
        case .quantity(let q):
            members.append(("amount", .number(q.amount)))
            add("unit", q.unit)
            add("mod", q.mod?.rawValue)
        case .money(let m):
            members.append(("amount", .number(m.amount)))
            add("currency", m.currency)
            add("mod", m.mod?.rawValue)
            if m.currencyAssumed { members.append(("currency_assumed", .bool(true))) }
        case .duration(let d):
            members.append(("iso", .string(d.iso)))
            members.append(("amount", .number(d.amount)))
            members.append(("unit", .string(d.unit)))
        }
        return .object(members)
    }

    /// Reads a `value` object of the given kind; nil when required fields are missing.
    public init?(kind: MentionKind, json: JSONValue) {
        guard json.objectValue != nil else { return nil }
        let amountMod = json["mod"]?.stringValue.flatMap(AmountModifier.init(rawValue:))
        switch kind {
        case .actor, .place:
            guard let name = json["name"]?.stringValue else { return nil }
            let entity = EntityValue(name: name, type: json["type"]?.stringValue ?? "", country: json["country"]?.stringValue)
            self = kind == .actor ? .actor(entity) : .place(entity)
        case .date:
            let mod = json["mod"]?.stringValue.flatMap(DateModifier.init(rawValue:))
            if json["start"] != nil || json["end"] != nil {
                self = .date(DateValue(start: json["start"]?.stringValue, end: json["end"]?.stringValue, mod: mod))
            } else {
                self = .date(DateValue(date: json["date"]?.stringValue, mod: mod))
            }
        case .quantity:
            guard let amount = json["amount"]?.doubleValue else { return nil }
            self = .quantity(QuantityValue(amount: amount, unit: json["unit"]?.stringValue, mod: amountMod))
        case .money:
            guard let amount = json["amount"]?.doubleValue else { return nil }
            self = .money(MoneyValue(amount: amount, currency: json["currency"]?.stringValue, mod: amountMod,
                                     currencyAssumed: json["currency_assumed"]?.boolValue ?? false))
        case .duration:
            guard let iso = json["iso"]?.stringValue else { return nil }
            self = .duration(DurationValue(iso: iso, amount: json["amount"]?.doubleValue ?? 0, unit: json["unit"]?.stringValue ?? ""))
        }
    }
}

extension Span {
    fileprivate func members() -> [(String, JSONValue)] {
        [("start", .number(Double(start))), ("end", .number(Double(end)))]
    }
}

extension Mention {
    /// `{"kind", "text", "start", "end", "value", "rule"}`.
    public func json(includeDebug: Bool = false) -> JSONValue {
        var members: [(String, JSONValue)] = [("kind", .string(kind.rawValue)), ("text", .string(text))]
        members += span.members()
        members.append(("value", value.json(includeDebug: includeDebug)))
        members.append(("rule", .string(rule)))
        return .object(members)
    }
}

extension EventArgument {
    /// `{"role", "kind", "text", "start", "end", "value"}`.
    public func json() -> JSONValue {
        var members: [(String, JSONValue)] = [("role", .string(role)), ("kind", .string(kind.rawValue)), ("text", .string(text))]
        members += span.members()
        members.append(("value", value.json()))
        return .object(members)
    }
}

extension AttributeValue {
    public var json: JSONValue {
        switch self {
        case .string(let s): .string(s)
        case .bool(let b): .bool(b)
        }
    }
}

extension Event {
    /// The event object; with `doc` first when given (`--format events`).
    public func json(doc: String? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let doc { members.append(("doc", .string(doc))) }
        members.append(("type", .string(type)))
        members.append(("trigger", .object([("text", .string(trigger.text))] + trigger.span.members())))
        members.append(("evidence", .object(evidence.members())))
        members.append(("args", .array(args.map { $0.json() })))
        members.append(("attrs", .object(attrs.sorted { $0.key < $1.key }.map { ($0.key, $0.value.json) })))
        members.append(("rule", .string(rule)))
        members.append(("source", .string(source)))
        members.append(("confidence", .number(confidence)))
        return .object(members)
    }
}

extension DocumentResult {
    /// The `--format docs` record; passed-through input fields follow the schema's own.
    public func json(includeDebug: Bool = false) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("doc", .string(doc)),
            ("lang", .string(language.rawValue)),
            ("reference_date", referenceDate.map { .string($0.iso) } ?? .null),
            ("events", .array(events.map { $0.json() })),
            ("mentions", .array(mentions.map { $0.json(includeDebug: includeDebug) })),
        ]
        let own: Set<String> = ["doc", "lang", "reference_date", "events", "mentions"]
        members += extra.filter { !own.contains($0.0) }
        return .object(members)
    }
}

/// Why an input record could not be read as a document.
public enum DocumentDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAnObject
    case missingField(String)
    case wrongType(field: String, expected: String)
    case invalidDate(String)
    case unknownLanguage(String)

    public var description: String {
        switch self {
        case .notAnObject: "the record is not a JSON object"
        case .missingField(let f): "missing required field \"\(f)\""
        case .wrongType(let f, let t): "field \"\(f)\" must be a \(t)"
        case .invalidDate(let d): "field \"date\" is not a YYYY-MM-DD date: \"\(d)\""
        case .unknownLanguage(let l): "field \"lang\" must be \"zh\" or \"en\", not \"\(l)\""
        }
    }
}

extension Document {
    /// Reads an input record: `id` and `text` required, `date`/`lang` optional, the rest kept.
    public init(json: JSONValue) throws(DocumentDecodingError) {
        guard let members = json.objectValue else { throw .notAnObject }
        guard let idValue = json["id"] else { throw .missingField("id") }
        let id: String
        switch idValue {
        case .string(let s): id = s
        case .number(let n): id = JSONValue.format(n)
        default: throw .wrongType(field: "id", expected: "string")
        }
        guard let textValue = json["text"] else { throw .missingField("text") }
        guard let text = textValue.stringValue else { throw .wrongType(field: "text", expected: "string") }
        var date: CivilDate?
        if let d = json["date"], d != .null {
            guard let s = d.stringValue else { throw .wrongType(field: "date", expected: "string") }
            // Accept a timestamp too: the day is its first ten characters.
            guard let parsed = CivilDate(iso: String(s.prefix(10))) else { throw .invalidDate(s) }
            date = parsed
        }
        var language: Language?
        if let l = json["lang"], l != .null {
            guard let s = l.stringValue else { throw .wrongType(field: "lang", expected: "string") }
            guard let parsed = Language(rawValue: s.lowercased()) else { throw .unknownLanguage(s) }
            language = parsed
        }
        let known: Set<String> = ["id", "text", "date", "lang"]
        self.init(id: id, text: text, date: date, language: language, extra: members.filter { !known.contains($0.0) })
    }
}
