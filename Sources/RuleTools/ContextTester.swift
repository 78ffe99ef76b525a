import Extraction
import Records
import Rules

/// Examples of `context.yaml` entries. Each names what the entry's words make the engine read —
/// a date mention's value (`expect: {text: 当天, value: {date: …}}`) or an event's arguments —
/// and passes when that comes out with the pack, and without the entry it does not or the engine
/// reads the text otherwise: the example proves the words matter, not only that the engine agrees.
extension RuleTester {
    func check(context entry: ContextRule, _ example: RuleExample) -> ExampleResult {
        let document = Document(id: "example", text: example.text, date: example.date, language: rules.language)
        let with = extractor.extract(document).result
        var bare = rules
        bare.context = ContextWords(rules.context.rules.filter { $0.header.id != entry.header.id })
        let without = Extractor(rules: bare).extract(document).result
        let holds: (DocumentResult) -> Bool
        let expected: String
        let got: String
        switch example.expectation {
        case .mention(let text, let value):
            holds = { result in
                result.mentions.contains { m in (text == nil || m.text == text) && value.allSatisfy { RuleTester.field($0.0, of: m.value) == $0.1 } }
            }
            expected = (text.map { "\($0) → " } ?? "") + value.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
            got = with.mentions.map { "\($0.text) → \($0.value.json().serialized())" }.joined(separator: "; ")
        case .event(let type, let args, let attrs):
            holds = { result in
                result.events.contains { event in
                    (type == nil || event.type == type)
                        && args.allSatisfy { want in event.args.contains { $0.role == want.role && RuleTester.matches($0, want.expected) } }
                        && attrs.allSatisfy { event.attrs[$0.key]?.description == $0.value }
                }
            }
            expected = (type ?? "an event") + " " + args.map { "\($0.role)=\($0.expected)" }.joined(separator: " ")
            got = with.events.map { RuleTester.describe($0) }.joined(separator: "\n        ")
        case .none:
            return ExampleResult(ruleID: entry.header.id, location: example.location, text: example.text, passed: false,
                                 expected: "a context example names what the words change (a mention or an event), not none", got: "")
        }
        // Without the entry the expectation must fail, or at least the engine must read the text
        // otherwise (a capital after "in" is then also a side): either way the words matter here.
        let differs = !holds(without) || RuleTester.reading(without) != RuleTester.reading(with)
        let note = holds(with) && !differs ? " (and the same without the entry, so the example tests nothing)" : ""
        return ExampleResult(ruleID: entry.header.id, location: example.location, text: example.text, passed: holds(with) && differs,
                             expected: expected, got: (got.isEmpty ? "nothing" : got) + note)
    }

    /// Every event and mention of a result as text, to tell two readings apart.
    static func reading(_ result: DocumentResult) -> [String] {
        result.events.map(describe) + result.mentions.map { "\($0.text) \($0.span) \($0.value.json().serialized())" }
    }
}
