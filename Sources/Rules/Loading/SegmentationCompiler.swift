import Normalizers
import PCRE2
import Records
import Yams

/// Compiling `<lang>/segmentation.yaml`: the datelines, separators, caption marks and
/// abbreviations a language's pages are cut by (Rules/README.md, "Segmentation").
extension RuleCompiler {
    static let segmentationFile = "segmentation.yaml"
    static let segmentationKeys: Set<String> = ["datelines", "separators", "captions", "abbreviations", "months"]
    static let segmentationPatternKeys: Set<String> = ["id", "pattern", "examples", "description"]
    static let segmentationWordKeys: Set<String> = ["id", "words", "examples", "description"]

    mutating func compileSegmentation(_ reader: inout YAMLReader) {
        guard let root = reader.root() else { return }
        guard let members = reader.mapping(root, RuleCompiler.segmentationFile, allowed: RuleCompiler.segmentationKeys) else { return }
        for (key, _, value) in members {
            switch key {
            case "datelines": compileSegmentationEntries(value, .dateline, &reader)
            case "separators": compileSegmentationEntries(value, .separator, &reader)
            case "captions": compileSegmentationEntries(value, .caption, &reader)
            case "abbreviations": compileSegmentationEntries(value, .abbreviation, &reader)
            default: compileMonths(value, &reader)
            }
        }
    }

    /// `months: {jan: 1, …}`: month names of datelines, keyed by their first three letters.
    mutating func compileMonths(_ node: Node, _ reader: inout YAMLReader) {
        for (name, nameNode, number) in reader.mapping(node, "months", allowed: nil) ?? [] {
            guard let month = reader.int(number, "months.\(name)") else { continue }
            guard (1...12).contains(month) else {
                reader.report(.error, .badValue, "months.\(name) must be a month number from 1 to 12, not \(month)", node: number)
                continue
            }
            guard name.count >= 3 else {
                reader.report(.error, .badValue, "month names are read by their first three letters; '\(name)' is shorter", node: nameNode)
                continue
            }
            segmentation.months[String(name.lowercased().prefix(3))] = month
        }
    }

    mutating func compileSegmentationEntries(_ node: Node, _ kind: SegmentationRule.Kind, _ reader: inout YAMLReader) {
        let isPattern = kind == .dateline || kind == .separator
        for entry in reader.sequence(node, kind.rawValue + " entries") ?? [] {
            let allowed = isPattern ? RuleCompiler.segmentationPatternKeys : RuleCompiler.segmentationWordKeys
            guard let members = reader.mapping(entry, "a \(kind.rawValue) entry", allowed: allowed) else { continue }
            func field(_ name: String) -> Node? { members.first { $0.key == name }?.value }
            guard let id = ruleID(members, entry, middle: kind.rawValue, &reader) else { continue }
            let examples = examples(field("examples"), ruleNode: entry, rule: id, mentionRule: true, &reader)
            let valueKey = isPattern ? "pattern" : "words"
            guard let valueNode = field(valueKey) else {
                reader.report(.error, .missingKey, "\(kind.rawValue) entry '\(id)' needs '\(valueKey)'", node: entry, rule: id)
                continue
            }
            var regex: Regex?
            var words: [String] = []
            var expanded = ""
            if isPattern {
                guard let compiled = compileSegmentationPattern(valueNode, kind, rule: id, &reader) else { continue }
                regex = compiled
                expanded = reader.string(valueNode, "pattern", rule: id) ?? ""
            } else {
                guard let listed = wordList(valueNode, rule: id, &reader) else { continue }
                // Abbreviations are looked up lower-cased; caption marks are read in the folded text.
                words = kind == .abbreviation ? listed.map { $0.lowercased() } : listed
                expanded = words.joined(separator: "|")
            }
            segmentation.rules.append(SegmentationRule(header: header(id: id, node: entry, priority: 0, examples: examples, expanded: expanded, reader),
                                                       kind: kind, regex: regex, words: words))
        }
    }

    /// Segmentation patterns read the page folded (full-width to ASCII, traditional to simplified)
    /// and are compiled as written: a traditional character in one can never match, and is flagged. A dateline's `day` (and `month`) groups date
    /// its segment; one without them (KYIV (AP) —) keeps the document date.
    func compileSegmentationPattern(_ node: Node, _ kind: SegmentationRule.Kind, rule: String, _ reader: inout YAMLReader) -> Regex? {
        guard let raw = reader.string(node, "pattern", rule: rule) else { return nil }
        do {
            let regex = try Regex(raw)
            warnTraditional(raw, node, rule: rule, &reader)
            for finding in PatternLint.check(raw) {
                reader.report(.warning, finding.code, finding.message, at: reader.location(ofOffset: finding.offset, in: node), rule: rule)
            }
            if regex.matchesEmptySubject {
                reader.report(.error, .emptyMatch, "the pattern can match the empty string; every match must cover some text", node: node, rule: rule)
                return nil
            }
            let meaningful: Set<String> = kind == .dateline ? ["day", "month"] : []
            if let stray = regex.groupNames.first(where: { !meaningful.contains($0) && !$0.hasPrefix("_") }) {
                reader.report(.error, .unknownGroup, "group '\(stray)' means nothing here (\(kind == .dateline ? "day, month" : "no named groups"), or _private)",
                              node: node, rule: rule)
                return nil
            }
            return regex
        } catch {
            reader.report(.error, .pcre2Compile, "pattern does not compile: \(error.message)",
                          at: reader.location(ofOffset: error.offset ?? 0, in: node), rule: rule)
            return nil
        }
    }

    /// The segmenter reads text folded to simplified characters, so a traditional one in a
    /// pattern or word never matches anything: say which, and what to write instead.
    func warnTraditional(_ text: String, _ node: Node, rule: String, _ reader: inout YAMLReader) {
        let folded = HanFold.fold(text)
        guard folded != text else { return }
        let scalars = Array(text.unicodeScalars)
        let traditional = scalars.filter { HanFold.simplified($0) != $0 }.map { String($0) }
        let first = scalars.firstIndex { HanFold.simplified($0) != $0 } ?? 0
        reader.report(.warning, .badValue, "'\(traditional.joined())' can never match: the page is read folded to simplified characters; write '\(traditional.map { HanFold.fold($0) }.joined())'",
                      at: reader.location(ofOffset: first, in: node), rule: rule, notes: ["folded: " + folded])
    }

    /// The `words:` of a word-list entry; nil (reported) when one is empty. Each is read in the
    /// folded page, so a traditional character is flagged.
    func wordList(_ node: Node, rule: String, _ reader: inout YAMLReader) -> [String]? {
        let listed = reader.strings(node, "words", rule: rule) ?? []
        for (word, wordNode) in listed { warnTraditional(word, wordNode, rule: rule, &reader) }
        if let empty = listed.firstIndex(where: { $0.0.isEmpty }) {
            reader.report(.error, .emptyMatch, "word \(empty + 1) of '\(rule)' is empty", node: node, rule: rule)
            return nil
        }
        return listed.map(\.0)
    }
}
