/// An actor, place, date, quantity, money amount or duration found in a document.
public struct Mention: Hashable, Sendable {
    /// The text as written.
    public var text: String
    /// Where, in Unicode scalars of the document text.
    public var span: Span
    /// The normalised value; its case is the mention's kind.
    public var value: MentionValue
    /// Further readings of the same text (基辅: place Kyiv, and actor Ukraine as a metonym).
    public var alternatives: [MentionValue]
    /// Id of the rule or lexicon that produced it (`zh.quantity.count-people`, `lexicon:zh/people.tsv`).
    public var rule: String

    public init(text: String, span: Span, value: MentionValue, alternatives: [MentionValue] = [], rule: String) {
        self.text = text
        self.span = span
        self.value = value
        self.alternatives = alternatives
        self.rule = rule
    }

    /// The primary kind.
    public var kind: MentionKind { value.kind }

    /// Every kind this mention can be read as.
    public var kinds: [MentionKind] { [value.kind] + alternatives.map(\.kind) }

    /// The reading of kind `kind`, if the mention has one.
    public func reading(_ kind: MentionKind) -> MentionValue? {
        if value.kind == kind { return value }
        return alternatives.first { $0.kind == kind }
    }
}

/// A trigger: the words that name the event.
public struct Trigger: Hashable, Sendable {
    public var text: String
    public var span: Span
    public init(text: String, span: Span) {
        self.text = text
        self.span = span
    }
}

/// One filled role of an event.
public struct EventArgument: Hashable, Sendable {
    /// agent, patient, participant, place, date, killed, injured, missing, released, count, amount, duration, …
    public var role: String
    public var text: String
    public var span: Span
    /// The mention's value; its case is the argument's kind.
    public var value: MentionValue
    /// How the engine found it (`group place2`, `fill`, `dateline`, `attach <rule>`), for explain;
    /// not part of the record and not compared.
    public var origin: String?

    public init(role: String, text: String, span: Span, value: MentionValue, origin: String? = nil) {
        self.role = role
        self.text = text
        self.span = span
        self.value = value
        self.origin = origin
    }

    public static func == (a: EventArgument, b: EventArgument) -> Bool {
        a.role == b.role && a.text == b.text && a.span == b.span && a.value == b.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(role)
        hasher.combine(text)
        hasher.combine(span)
        hasher.combine(value)
    }

    public var kind: MentionKind { value.kind }
}

/// A type-specific attribute value: a word from the taxonomy or a flag.
public enum AttributeValue: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case bool(Bool)

    public var description: String {
        switch self {
        case .string(let s): s
        case .bool(let b): b ? "true" : "false"
        }
    }
}

/// An event record (schema.md "Event").
public struct Event: Hashable, Sendable {
    public var type: String
    public var trigger: Trigger
    /// The sentence(s) the event was read from; contains the trigger.
    public var evidence: Span
    public var args: [EventArgument]
    /// Attributes by name, written in name order.
    public var attrs: [String: AttributeValue]
    /// Id of the rule that produced the record.
    public var rule: String
    /// Where that rule is written, `file:line` inside the pack.
    public var source: String
    public var confidence: Double

    public init(type: String, trigger: Trigger, evidence: Span, args: [EventArgument], attrs: [String: AttributeValue], rule: String, source: String, confidence: Double) {
        self.type = type
        self.trigger = trigger
        self.evidence = evidence
        self.args = args
        self.attrs = attrs
        self.rule = rule
        self.source = source
        self.confidence = confidence
    }
}
