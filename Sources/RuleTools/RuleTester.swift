import Extraction
import Records
import Rules

/// The outcome of one rule example run through the real engine.
public struct ExampleResult: Sendable {
    public var ruleID: String
    public var location: SourceLocation
    public var text: String
    public var passed: Bool
    /// What was expected and what came out, for the failure report.
    public var expected: String
    public var got: String
}

/// Runs every rule's `examples:` through the extraction engine (`tidings rules test`).
public struct RuleTester {
    public let rules: RuleSet
    let extractor: Pipeline
    /// The same rules without the modality layer: a layer example's `none` must be the layer's doing.
    let withoutLayer: Pipeline

    public init(rules: RuleSet) {
        self.rules = rules
        self.extractor = Pipeline(rules: rules)
        var bare = rules
        bare.modality = []
        self.withoutLayer = Pipeline(rules: bare)
    }

    /// Results for every example of every rule whose id contains `filter` (all when nil).
    public func run(filter: String? = nil) -> [ExampleResult] {
        var results: [ExampleResult] = []
        for rule in rules.entities where filter.map(rule.header.id.contains) ?? true {
            for example in rule.header.examples { results.append(check(entity: rule, example)) }
        }
        for rule in rules.events where filter.map(rule.header.id.contains) ?? true {
            for example in rule.header.examples { results.append(check(eventRule: rule.header, type: rule.type, example)) }
        }
        for rule in rules.attaches where filter.map(rule.header.id.contains) ?? true {
            for example in rule.header.examples {
                results.append(check(eventRule: rule.header, type: rule.type, example, attachedRoles: Set(rule.roleGroups.values)))
            }
        }
        for cue in rules.modality where filter.map(cue.header.id.contains) ?? true {
            for example in cue.header.examples { results.append(check(modality: cue, example)) }
        }
        for entry in rules.segmentation.rules where filter.map(entry.header.id.contains) ?? true {
            for example in entry.header.examples { results.append(check(segmentation: entry, example)) }
        }
        for entry in rules.context.rules where filter.map(entry.header.id.contains) ?? true {
            for example in entry.header.examples { results.append(check(context: entry, example)) }
        }
        return results
    }

    func extract(_ example: RuleExample) -> DocumentResult {
        extractor.extract(Document(id: "example", text: example.text, date: example.date, language: rules.language)).result
    }

    func check(entity rule: EntityRule, _ example: RuleExample) -> ExampleResult {
        let result = extract(example)
        let mine = result.mentions.filter { $0.rule == rule.header.id }
        let got = mine.isEmpty ? "no mention from this rule" : mine.map { "\($0.text) → \($0.value.json().serialized())" }.joined(separator: "; ")
        switch example.expectation {
        case .none:
            return ExampleResult(ruleID: rule.header.id, location: example.location, text: example.text, passed: mine.isEmpty, expected: "none", got: got)
        case .mention(let text, let value):
            let expected = (text.map { "\($0) → " } ?? "") + value.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
            let ok = mine.contains { m in
                (text == nil || m.text == text) && value.allSatisfy { RuleTester.field($0.0, of: m.value) == $0.1 }
            }
            return ExampleResult(ruleID: rule.header.id, location: example.location, text: example.text, passed: ok, expected: expected, got: got)
        case .event:
            return ExampleResult(ruleID: rule.header.id, location: example.location, text: example.text, passed: false,
                                 expected: "an entity rule's example expects a mention", got: got)
        }
    }

    /// `attachedRoles`: for an attach rule, the roles it adds — its `none` means no event of its type got them.
    public func check(eventRule header: RuleHeader, type: String, _ example: RuleExample, attachedRoles: Set<String>? = nil) -> ExampleResult {
        let result = extract(example)
        let all = result.events.map { RuleTester.describe($0) }.joined(separator: "\n        ")
        let got = all.isEmpty ? "no events" : all
        switch example.expectation {
        case .none:
            // The near miss must not turn into this rule's event (or, for an attach rule, add its roles).
            let ok = !result.events.contains { event in
                guard event.type == type else { return false }
                if let attachedRoles { return event.args.contains { attachedRoles.contains($0.role) } }
                return event.rule == header.id
            }
            return ExampleResult(ruleID: header.id, location: example.location, text: example.text, passed: ok, expected: "none", got: got)
        case .event(let expectedType, let args, let attrs):
            let wanted = expectedType ?? type
            let expected = "\(wanted) " + args.map { "\($0.role)=\($0.expected)" }.joined(separator: " ")
                + (attrs.isEmpty ? "" : " " + attrs.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " "))
            let ok = result.events.contains { event in
                event.type == wanted
                    && args.allSatisfy { want in event.args.contains { $0.role == want.role && RuleTester.matches($0, want.expected) } }
                    && attrs.allSatisfy { event.attrs[$0.key]?.description == $0.value }
            }
            return ExampleResult(ruleID: header.id, location: example.location, text: example.text, passed: ok, expected: expected, got: got)
        case .mention:
            return ExampleResult(ruleID: header.id, location: example.location, text: example.text, passed: false,
                                 expected: "an event rule's example expects an event", got: got)
        }
    }

    /// An argument matches an expectation written as its text, its canonical name, or its value.
    static func matches(_ arg: EventArgument, _ expected: String) -> Bool {
        if arg.text == expected || arg.value.entity?.name == expected { return true }
        return valueStrings(arg.value).contains(expected)
    }

    /// The ways a value may be written in an example: 2025-03-18, 175, P30D, 28000000 USD.
    static func valueStrings(_ value: MentionValue) -> [String] {
        switch value {
        case .date(let d): return [d.date, d.start.map { "\($0)/\(d.end ?? "")" }].compactMap { $0 }
        case .quantity(let q): return [JSONValue.number(q.amount).serialized()]
        case .money(let m):
            let amount = JSONValue.number(m.amount).serialized()
            return [amount, amount + " " + (m.currency ?? "")]
        case .duration(let d): return [d.iso]
        case .actor(let e), .place(let e): return [e.name]
        }
    }

    /// A value field as text, for mention examples (`amount: 175`, `unit: person`).
    static func field(_ name: String, of value: MentionValue) -> String? {
        guard case .object(let members) = value.json() else { return nil }
        return members.first { $0.0 == name }.map { member in
            if case .string(let s) = member.1 { return s }
            return member.1.serialized()
        }
    }

    /// `ceasefire [rule] agent=普京 date=2025-03-18 {status: rejected}`.
    static func describe(_ event: Event) -> String {
        let args = event.args.map { "\($0.role)=\($0.text)" + (valueStrings($0.value).first.map { $0 == $0 ? "(\($0))" : "" } ?? "") }
        let attrs = event.attrs.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }
        return "\(event.type) [\(event.rule)] " + args.joined(separator: " ") + (attrs.isEmpty ? "" : " {" + attrs.joined(separator: ", ") + "}")
    }
}
