import Normalizers
import Records
import Yams

/// Compiling `<lang>/context.yaml`: locative words, future markers and same-day words
/// (Rules/README.md, "Context words").
extension RuleCompiler {
    static let contextFile = "context.yaml"
    static let contextEntryKeys: Set<String> = ["id", "words", "examples", "description"]

    mutating func compileContext(_ reader: inout YAMLReader) {
        guard let root = reader.root() else { return }
        let sections = Set(ContextRule.Kind.allCases.map(\.rawValue))
        guard let members = reader.mapping(root, RuleCompiler.contextFile, allowed: sections) else { return }
        var rules = context.rules
        for (key, _, value) in members {
            guard let kind = ContextRule.Kind(rawValue: key) else { continue }
            for entry in reader.sequence(value, key + " entries") ?? [] {
                guard let fields = reader.mapping(entry, "a \(key) entry", allowed: RuleCompiler.contextEntryKeys) else { continue }
                func field(_ name: String) -> Node? { fields.first { $0.key == name }?.value }
                guard let id = ruleID(fields, entry, middle: kind.rawValue, &reader) else { continue }
                // A locative, venue or building example expects an event (who is a side, where it was); the others a date mention.
                let examples = examples(field("examples"), ruleNode: entry, rule: id, mentionRule: ![.locative, .venue, .building].contains(kind), &reader)
                guard let wordsNode = field("words") else {
                    reader.report(.error, .missingKey, "\(key) entry '\(id)' needs 'words'", node: entry, rule: id)
                    continue
                }
                guard var words = wordList(wordsNode, rule: id, &reader) else { continue }
                // A same-day word is compared with a date mention's whole text, lower-cased and folded.
                if kind == .sameDay { words = words.map { HanFold.fold($0.lowercased()) } }
                rules.append(ContextRule(header: header(id: id, node: entry, priority: 0, examples: examples,
                                                        expanded: words.joined(separator: "|"), reader),
                                         kind: kind, words: words))
            }
        }
        context = ContextWords(rules)
    }
}
