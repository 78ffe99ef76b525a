import Records
import Yams

/// Reading a rule's `examples:` into expectations `tidings rules test` checks.
extension RuleCompiler {
    func examples(_ node: Node?, ruleNode: Node, rule: String, mentionRule: Bool, _ reader: inout YAMLReader) -> [RuleExample] {
        guard let node else {
            reader.report(.warning, .noExamples, "rule '\(rule)' has no examples; add some for 'tidings rules test'", node: ruleNode, rule: rule)
            return []
        }
        var result: [RuleExample] = []
        for item in reader.sequence(node, "examples") ?? [] {
            guard let fields = reader.mapping(item, "an example", allowed: ["text", "date", "expect"], rule: rule) else { continue }
            guard let text = fields.first(where: { $0.key == "text" }).flatMap({ reader.string($0.value, "example text", rule: rule) }) else {
                reader.report(.error, .missingKey, "an example needs 'text'", node: item, rule: rule)
                continue
            }
            var date: CivilDate?
            if let dateNode = fields.first(where: { $0.key == "date" })?.value, let d = reader.string(dateNode, "example date", rule: rule) {
                date = CivilDate(iso: d)
                if date == nil { reader.report(.error, .badDate, "example date '\(d)' is not a valid YYYY-MM-DD date", node: dateNode, rule: rule) }
            }
            guard let expectNode = fields.first(where: { $0.key == "expect" })?.value else {
                reader.report(.error, .missingKey, "an example needs 'expect' (a result, or none)", node: item, rule: rule)
                continue
            }
            var expectation: RuleExample.Expectation = .none
            if let word = expectNode.scalar?.string {
                if word != "none" {
                    reader.report(.error, .wrongType, "expect is 'none' or a mapping, not '\(word)'", node: expectNode, rule: rule)
                    continue
                }
            } else if mentionRule {
                guard let parts = reader.mapping(expectNode, "expect", allowed: ["text", "value"], rule: rule) else { continue }
                var expectedText: String?
                var value: [(String, String)] = []
                for (key, _, v) in parts {
                    if key == "text" { expectedText = reader.string(v, "expect.text", rule: rule) }
                    else {
                        for (field, _, fv) in reader.mapping(v, "expect.value", allowed: nil, rule: rule) ?? [] {
                            if let s = reader.string(fv, "expect.value.\(field)", rule: rule) { value.append((field, s)) }
                        }
                    }
                }
                expectation = .mention(text: expectedText, value: value)
            } else {
                guard let parts = reader.mapping(expectNode, "expect", allowed: ["type", "args", "attrs"], rule: rule) else { continue }
                var type: String?
                var args: [(role: String, expected: String)] = []
                var attrs: [String: String] = [:]
                for (key, _, v) in parts {
                    switch key {
                    case "type": type = reader.string(v, "expect.type", rule: rule)
                    case "args":
                        for (role, _, values) in reader.mapping(v, "expect.args", allowed: nil, rule: rule) ?? [] {
                            for (s, _) in reader.strings(values, "expect.args.\(role)", rule: rule) ?? [] { args.append((role, s)) }
                        }
                    default:
                        for (attr, _, av) in reader.mapping(v, "expect.attrs", allowed: nil, rule: rule) ?? [] {
                            if let s = reader.string(av, "expect.attrs.\(attr)", rule: rule) { attrs[attr] = s }
                        }
                    }
                }
                expectation = .event(type: type, args: args, attrs: attrs)
            }
            result.append(RuleExample(text: text, date: date, expectation: expectation, location: reader.location(item)))
        }
        if result.isEmpty {
            reader.report(.warning, .noExamples, "rule '\(rule)' has no examples; add some for 'tidings rules test'", node: ruleNode, rule: rule)
        }
        return result
    }
}
