import PCRE2
import Records
import Yams

/// Compiling `modality:` entries, the layer every event rule of a language shares.
extension RuleCompiler {
    static let modalityKeys: Set<String> = ["id", "pattern", "scope", "types", "caseless", "examples", "description"]

    mutating func compileModality(_ node: Node, _ fragments: [String: String], _ reader: inout YAMLReader) {
        guard let members = reader.mapping(node, "a modality entry", allowed: RuleCompiler.modalityKeys) else { return }
        func field(_ name: String) -> Node? { members.first { $0.key == name }?.value }
        guard let id = ruleID(members, node, middle: "modality", &reader) else { return }
        let caseless = field("caseless").flatMap { reader.bool($0, "caseless", rule: id) } ?? false
        let examples = examples(field("examples"), ruleNode: node, rule: id, mentionRule: false, &reader)
        var scope = ModalityRule.Scope.clause
        if let scopeNode = field("scope"), let text = reader.string(scopeNode, "scope", rule: id) {
            if let s = ModalityRule.Scope(rawValue: text) { scope = s } else {
                reader.report(.error, .unknownScope, "unknown scope '\(text)' (scopes: \(ModalityRule.Scope.allCases.map(\.rawValue).joined(separator: ", ")))",
                              node: scopeNode, rule: id)
            }
        }
        var types: Set<String> = []
        if let typesNode = field("types") {
            for (name, nameNode) in reader.strings(typesNode, "types", rule: id) ?? [] {
                if taxonomy.types[name] == nil {
                    reader.report(.error, .unknownType, "unknown event type '\(name)' (types: \(taxonomy.types.keys.sorted().joined(separator: ", ")))",
                                  node: nameNode, rule: id)
                } else {
                    types.insert(name)
                }
            }
        }
        guard let patternNode = field("pattern") else {
            reader.report(.error, .missingKey, "modality entry '\(id)' needs a 'pattern'", node: node, rule: id)
            return
        }
        guard let (regex, expanded) = compilePattern(patternNode, fragments, mentions: true, caseless: caseless, rule: id, &reader) else { return }
        if RuleCompiler.unboundedGap(in: expanded) {
            reader.report(.error, .unboundedGap, "modality cues must bound their gaps: write [^。]{0,20} instead of .* or [^。]+", node: patternNode, rule: id)
        }
        modality.append(ModalityRule(header: header(id: id, node: node, priority: 0, examples: examples, expanded: expanded, reader),
                                     regex: regex, scope: scope, types: types))
    }
}
