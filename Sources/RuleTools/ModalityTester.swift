import Extraction
import Records
import Rules

/// Examples of the shared modality and sense layer.
extension RuleTester {
    /// `expect: none`: without the layer some rule finds an event of the cue's types in the text, and the
    /// layer takes it away (so the example proves the cue works). An expected event: the layer lets it through.
    func check(modality cue: ModalityRule, _ example: RuleExample) -> ExampleResult {
        let document = Document(id: "example", text: example.text, date: example.date, language: rules.language)
        let with = extractor.extract(document).result.events
        let all = with.map { RuleTester.describe($0) }.joined(separator: "\n        ")
        let got = all.isEmpty ? "no events" : all
        switch example.expectation {
        case .none:
            let without = withoutLayer.extract(document).result.events.filter { cue.governs($0.type) }
            let kept = with.filter { cue.governs($0.type) }
            let ok = !without.isEmpty && kept.isEmpty
            let note = without.isEmpty ? "no rule finds an event here even without the layer, so the example tests nothing" : got
            return ExampleResult(ruleID: cue.header.id, location: example.location, text: example.text, passed: ok,
                                 expected: "none (an event the layer takes away)", got: note)
        case .event(let type, let args, let attrs):
            guard let wanted = type ?? (cue.types.count == 1 ? cue.types.first : nil) else {
                return ExampleResult(ruleID: cue.header.id, location: example.location, text: example.text, passed: false,
                                     expected: "an expected event of a cue with several types names its type", got: got)
            }
            let expected = "\(wanted) " + args.map { "\($0.role)=\($0.expected)" }.joined(separator: " ")
            let ok = with.contains { event in
                event.type == wanted
                    && args.allSatisfy { want in event.args.contains { $0.role == want.role && RuleTester.matches($0, want.expected) } }
                    && attrs.allSatisfy { event.attrs[$0.key]?.description == $0.value }
            }
            return ExampleResult(ruleID: cue.header.id, location: example.location, text: example.text, passed: ok, expected: expected, got: got)
        case .mention:
            return ExampleResult(ruleID: cue.header.id, location: example.location, text: example.text, passed: false,
                                 expected: "a modality example expects an event or none", got: got)
        }
    }
}
