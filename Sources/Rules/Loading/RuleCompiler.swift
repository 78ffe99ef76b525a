import Normalizers
import PCRE2
import Records
import Yams

/// Turns the rule files of one language into compiled rules, collecting every problem.
struct RuleCompiler {
    let language: Language
    let taxonomy: Taxonomy
    /// Pack-wide fragments of this language (from `<lang>/fragments.yaml`).
    let sharedFragments: [String: String]
    /// Root of the pack, to cite rule sources relative to it.
    let root: String

    var entities: [EntityRule] = []
    var events: [EventRule] = []
    var attaches: [AttachRule] = []
    var titles: [String] = []
    var speechVerbs: [String] = []
    var seenIDs: [String: SourceLocation] = [:]

    static let fileKeys: Set<String> = ["fragments", "titles", "speech", "entities", "events", "attach"]
    static let entityKeys: Set<String> = ["id", "kind", "pattern", "normalize", "value", "priority", "caseless", "examples", "description"]
    static let eventKeys: Set<String> = ["id", "type", "pattern", "where", "attrs", "fill", "dateline", "unless", "unless_clause", "requires",
                                         "priority", "confidence", "caseless", "examples", "description"]
    static let attachKeys: Set<String> = ["id", "type", "pattern", "where", "attrs", "within", "unless", "requires",
                                          "caseless", "examples", "description"]

    init(language: Language, taxonomy: Taxonomy, sharedFragments: [String: String], root: String) {
        self.language = language
        self.taxonomy = taxonomy
        self.sharedFragments = sharedFragments
        self.root = root
    }

    /// The fragments a file declares (also used for the pack-wide file).
    static func fragments(of members: [(key: String, keyNode: Node, value: Node)], _ reader: inout YAMLReader) -> [String: String] {
        var fragments: [String: String] = [:]
        for (key, _, value) in members where key == "fragments" {
            for (name, nameNode, body) in reader.mapping(value, "fragments", allowed: nil) ?? [] {
                guard name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }) else {
                    reader.report(.error, "bad-fragment-name", "fragment names are letters, digits and _: '\(name)'", node: nameNode)
                    continue
                }
                if Placeholder.referenceNames[name] != nil {
                    reader.report(.error, "bad-fragment-name", "'\(name)' is reserved for mention references", node: nameNode)
                    continue
                }
                if let pattern = reader.string(body, "fragment '\(name)'") { fragments[name] = pattern }
            }
        }
        return fragments
    }

    mutating func compileFile(_ reader: inout YAMLReader) {
        guard let root = reader.root() else { return }
        guard let members = reader.mapping(root, "a rule file", allowed: RuleCompiler.fileKeys) else { return }
        let local = RuleCompiler.fragments(of: members, &reader)
        var fragments = sharedFragments
        for (name, pattern) in local {
            if sharedFragments[name] != nil, reader.path.hasSuffix("/fragments.yaml") == false {
                // A file-local fragment shadows a pack-wide one: allowed, the file's own wins.
            }
            fragments[name] = pattern
        }
        for (key, _, value) in members {
            switch key {
            case "titles":
                titles += reader.strings(value, "titles")?.map(\.0) ?? []
            case "speech":
                speechVerbs += reader.strings(value, "speech")?.map(\.0) ?? []
            case "entities":
                for node in reader.sequence(value, "entities") ?? [] { compileEntity(node, fragments, &reader) }
            case "events":
                for node in reader.sequence(value, "events") ?? [] { compileEvent(node, fragments, &reader) }
            case "attach":
                for node in reader.sequence(value, "attach") ?? [] { compileAttach(node, fragments, &reader) }
            default:
                break
            }
        }
    }

    // MARK: - Shared pieces

    /// Checks the id's shape and uniqueness; returns it when usable.
    mutating func ruleID(_ members: [(key: String, keyNode: Node, value: Node)], _ node: Node, middle: String?, _ reader: inout YAMLReader) -> String? {
        guard let (idNode) = members.first(where: { $0.key == "id" })?.value else {
            reader.report(.error, "missing-key", "a rule needs an 'id' such as \(language.rawValue).\(middle ?? "type").my-rule", node: node)
            return nil
        }
        guard let id = reader.string(idNode, "id") else { return nil }
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        let slugOK = parts.count == 3 && !parts[2].isEmpty
            && parts[2].unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        if !slugOK || parts[0] != Substring(language.rawValue) || (middle != nil && parts[1] != Substring(middle!)) {
            reader.report(.error, "bad-id", "rule id '\(id)' must read \(language.rawValue).\(middle ?? "<type>").<slug> (slug: a-z, 0-9, -)", node: idNode, rule: id)
        }
        if let first = seenIDs[id] {
            reader.report(.error, "duplicate-id", "rule id '\(id)' is already used at \(first)", node: idNode, rule: id)
            return nil
        }
        seenIDs[id] = reader.location(idNode)
        return id
    }

    func header(id: String, node: Node, priority: Int, examples: [RuleExample], expanded: String, _ reader: YAMLReader) -> RuleHeader {
        let location = reader.location(node)
        let relative = reader.path.hasPrefix(root + "/") ? String(reader.path.dropFirst(root.count + 1)) : reader.path
        return RuleHeader(id: id, source: "\(relative):\(location.line)", location: location, priority: priority,
                          examples: examples, expandedPattern: expanded)
    }

    /// Expands and compiles a pattern, reporting problems where the author wrote them.
    func compilePattern(_ node: Node, _ fragments: [String: String], mentions: Bool, caseless: Bool, rule: String,
                        _ reader: inout YAMLReader) -> (Regex, String)? {
        guard let raw = reader.string(node, "pattern", rule: rule) else { return nil }
        if raw.isEmpty {
            reader.report(.error, "empty-match", "the pattern is empty", node: node, rule: rule)
            return nil
        }
        let (expanded, problems) = FragmentExpander(fragments: fragments, allowMentions: mentions).expand(raw)
        for problem in problems {
            reader.report(.error, problem.code, problem.message, at: reader.location(ofOffset: problem.rawOffset, in: node), rule: rule)
        }
        guard problems.isEmpty else { return nil }
        let text = expanded.text
        do {
            let regex = try Regex(text, options: caseless ? .caseless : [])
            if (try? regex.firstMatch(in: Subject(""))) != nil {
                reader.report(.error, "empty-match", "the pattern can match the empty string; every match must cover some text", node: node, rule: rule)
            }
            return (regex, text)
        } catch {
            let origin = expanded.origin(at: error.offset ?? 0, rawLength: raw.unicodeScalars.count)
            var notes: [String] = []
            if let fragment = origin.fragment {
                notes.append("the error is inside fragment {{\(fragment)}}; expanded pattern:")
                notes.append("  " + text)
                notes.append("  " + String(repeating: " ", count: DiagnosticRenderer.displayWidth(String(String.UnicodeScalarView(expanded.scalars.prefix(error.offset ?? 0))))) + "^")
            }
            reader.report(.error, "pcre2-compile", "pattern does not compile: \(error.message)",
                          at: reader.location(ofOffset: origin.rawOffset, in: node), rule: rule, notes: notes)
            return nil
        }
    }

    /// Named groups must be roles of the type (with an optional numeric suffix), `trigger`, or private (`_name`).
    func roleGroups(_ regex: Regex, type: Taxonomy.EventType?, node: Node, rule: String, _ reader: inout YAMLReader) -> [String: String] {
        var groups: [String: String] = [:]
        for name in regex.groupNames where !RuleCompiler.isTriggerGroup(name) && !name.hasPrefix("_") {
            var role = name
            while let last = role.last, last.isNumber { role.removeLast() }
            if let type, type.roles.contains(role) {
                groups[name] = role
            } else {
                let allowed = type.map { $0.roles.sorted().joined(separator: ", ") } ?? "?"
                reader.report(.error, "group-not-role",
                              "group '\(name)' is not a role of '\(type?.name ?? "?")' (roles: \(allowed)); name helper groups with a leading _",
                              at: RuleCompiler.groupOffset(name, in: node.scalar?.string ?? "").map { reader.location(ofOffset: $0, in: node) } ?? reader.location(node),
                              rule: rule)
            }
        }
        return groups
    }

    /// Scalar offset of `(?<name>`, `(?P<name>` or `(?'name'` in `pattern`; nil when a fragment declares it.
    static func groupOffset(_ name: String, in pattern: String) -> Int? {
        let scalars = Array(pattern.unicodeScalars)
        for opener in ["(?<\(name)>", "(?P<\(name)>", "(?'\(name)'"] {
            let o = Array(opener.unicodeScalars)
            if o.count <= scalars.count, let i = (0...(scalars.count - o.count)).first(where: { Array(scalars[$0..<($0 + o.count)]) == o }) {
                return i
            }
        }
        return nil
    }

    /// `trigger`, or `trigger2`, `trigger3` … for the other branches of an alternation.
    public static func isTriggerGroup(_ name: String) -> Bool {
        name.hasPrefix("trigger") && name.dropFirst(7).allSatisfy(\.isNumber)
    }

    /// `.*`, `.+`, `[^…]*`, `[^…]+`, `{n,}` after a dot or negated class: gaps without a bound.
    static func unboundedGap(in pattern: String) -> Bool { unboundedGapOffset(in: pattern) != nil }

    /// Scalar offset of the first unbounded gap's atom (`.` or `[`), or nil.
    static func unboundedGapOffset(in pattern: String) -> Int? {
        let p = Array(pattern.unicodeScalars)
        var i = 0
        while i < p.count {
            var atomEnd: Int? = nil
            if p[i] == "\\" { i += 2; continue }
            if p[i] == "." {
                atomEnd = i + 1
            } else if p[i] == "[" {
                var j = i + 1
                let negated = j < p.count && p[j] == "^"
                if j < p.count, p[j] == "^" { j += 1 }
                if j < p.count, p[j] == "]" { j += 1 }
                while j < p.count, p[j] != "]" { if p[j] == "\\" { j += 1 }; j += 1 }
                if negated { atomEnd = j + 1 } else { i = j + 1; continue }
            }
            if let end = atomEnd, end < p.count {
                if p[end] == "*" || p[end] == "+" { return i }
                if p[end] == "{" {
                    var j = end + 1
                    while j < p.count, p[j] != "}" { j += 1 }
                    let inside = String(String.UnicodeScalarView(p[(end + 1)..<min(j, p.count)]))
                    if inside.hasSuffix(",") { return i }
                }
            }
            i = (atomEnd ?? i + 1)
        }
        return nil
    }

    func constraints(_ node: Node?, groups: Set<String>, rule: String, _ reader: inout YAMLReader) -> [String: MentionConstraint] {
        guard let node else { return [:] }
        var result: [String: MentionConstraint] = [:]
        for (group, groupNode, body) in reader.mapping(node, "where", allowed: nil, rule: rule) ?? [] {
            var role = group
            while let last = role.last, last.isNumber { role.removeLast() }
            if !groups.contains(group) && !taxonomy.roles.contains(role) {
                reader.report(.error, "unknown-role", "'where' names '\(group)', which is neither a group of the pattern nor a role", node: groupNode, rule: rule)
                continue
            }
            var constraint = MentionConstraint()
            for (field, _, values) in reader.mapping(body, "where.\(group)", allowed: ["type", "country", "name", "unit"], rule: rule) ?? [] {
                let set = Set(reader.strings(values, "where.\(group).\(field)", rule: rule)?.map(\.0) ?? [])
                switch field {
                case "type": constraint.types = set
                case "country": constraint.countries = set
                case "name": constraint.names = set
                default: constraint.units = set
                }
            }
            result[group] = constraint
        }
        return result
    }

    func attributes(_ node: Node?, type: Taxonomy.EventType?, groups: Set<String>, rule: String, _ reader: inout YAMLReader) -> [String: AttributeSpec] {
        guard let node, let type else { return [:] }
        func value(_ text: String, attr: String, at node: Node, _ reader: inout YAMLReader) -> AttributeValue? {
            guard let allowed = type.attributes[attr] else { return nil }
            guard allowed.contains(text) else {
                reader.report(.error, "unknown-attr-value", "'\(text)' is not a value of \(type.name).\(attr) (allowed: \(allowed.sorted().joined(separator: ", ")))", node: node, rule: rule)
                return nil
            }
            if text == "true" || text == "false" { return .bool(text == "true") }
            return .string(text)
        }
        var result: [String: AttributeSpec] = [:]
        for (attr, attrNode, body) in reader.mapping(node, "attrs", allowed: nil, rule: rule) ?? [] {
            guard type.attributes[attr] != nil else {
                let known = type.attributes.keys.sorted().joined(separator: ", ")
                reader.report(.error, "unknown-attr", "'\(type.name)' has no attribute '\(attr)' (attributes: \(known.isEmpty ? "none" : known))", node: attrNode, rule: rule)
                continue
            }
            if let text = body.scalar?.string {
                if let v = value(text, attr: attr, at: body, &reader) { result[attr] = .fixed(v) }
                continue
            }
            guard let fields = reader.mapping(body, "attrs.\(attr)", allowed: ["from", "map", "default"], rule: rule) else { continue }
            var from: String?
            var map: [String: AttributeValue] = [:]
            var fallback: AttributeValue?
            for (field, fieldNode, v) in fields {
                switch field {
                case "from":
                    from = reader.string(v, "attrs.\(attr).from", rule: rule)
                    if let f = from, !groups.contains(f) {
                        reader.report(.error, "unknown-group", "attrs.\(attr).from names '\(f)', which is not a group of the pattern", node: v, rule: rule)
                    }
                case "map":
                    for (word, _, mapped) in reader.mapping(v, "attrs.\(attr).map", allowed: nil, rule: rule) ?? [] {
                        if let text = reader.string(mapped, "attrs.\(attr).map.\(word)", rule: rule),
                           let av = value(text, attr: attr, at: mapped, &reader) { map[word] = av }
                    }
                default:
                    if let text = reader.string(v, "attrs.\(attr).default", rule: rule) {
                        fallback = value(text, attr: attr, at: v, &reader)
                    }
                    _ = fieldNode
                }
            }
            guard let from else {
                reader.report(.error, "missing-key", "attrs.\(attr) needs 'from: <group>' (or a fixed value)", node: body, rule: rule)
                continue
            }
            result[attr] = .mapped(from: from, map: map, fallback: fallback)
        }
        return result
    }

    func unlessPatterns(_ node: Node?, _ fragments: [String: String], caseless: Bool, rule: String, _ reader: inout YAMLReader) -> [Regex] {
        guard let node else { return [] }
        var regexes: [Regex] = []
        let items: [Node] = node.scalar != nil ? [node] : (reader.sequence(node, "unless") ?? [])
        for item in items {
            if let (regex, _) = compilePattern(item, fragments, mentions: true, caseless: caseless, rule: rule, &reader) { regexes.append(regex) }
        }
        return regexes
    }

    func examples(_ node: Node?, ruleNode: Node, rule: String, mentionRule: Bool, _ reader: inout YAMLReader) -> [RuleExample] {
        guard let node else {
            reader.report(.warning, "no-examples", "rule '\(rule)' has no examples; add some for 'tidings rules test'", node: ruleNode, rule: rule)
            return []
        }
        var result: [RuleExample] = []
        for item in reader.sequence(node, "examples") ?? [] {
            guard let fields = reader.mapping(item, "an example", allowed: ["text", "date", "expect"], rule: rule) else { continue }
            guard let text = fields.first(where: { $0.key == "text" }).flatMap({ reader.string($0.value, "example text", rule: rule) }) else {
                reader.report(.error, "missing-key", "an example needs 'text'", node: item, rule: rule)
                continue
            }
            var date: CivilDate?
            if let dateNode = fields.first(where: { $0.key == "date" })?.value, let d = reader.string(dateNode, "example date", rule: rule) {
                date = CivilDate(iso: d)
                if date == nil { reader.report(.error, "bad-date", "example date '\(d)' is not a valid YYYY-MM-DD date", node: dateNode, rule: rule) }
            }
            guard let expectNode = fields.first(where: { $0.key == "expect" })?.value else {
                reader.report(.error, "missing-key", "an example needs 'expect' (a result, or none)", node: item, rule: rule)
                continue
            }
            var expectation: RuleExample.Expectation = .none
            if let word = expectNode.scalar?.string {
                if word != "none" {
                    reader.report(.error, "wrong-type", "expect is 'none' or a mapping, not '\(word)'", node: expectNode, rule: rule)
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
            reader.report(.warning, "no-examples", "rule '\(rule)' has no examples; add some for 'tidings rules test'", node: ruleNode, rule: rule)
        }
        return result
    }

    // MARK: - Rules

    mutating func compileEntity(_ node: Node, _ fragments: [String: String], _ reader: inout YAMLReader) {
        guard let members = reader.mapping(node, "an entity rule", allowed: RuleCompiler.entityKeys) else { return }
        func field(_ name: String) -> Node? { members.first { $0.key == name }?.value }
        var kind: MentionKind?
        if let kindNode = field("kind"), let text = reader.string(kindNode, "kind") {
            kind = MentionKind(rawValue: text)
            if kind == nil {
                reader.report(.error, "unknown-kind", "unknown mention kind '\(text)' (kinds: \(MentionKind.allCases.map(\.rawValue).joined(separator: ", ")))", node: kindNode)
            }
        } else if field("kind") == nil {
            reader.report(.error, "missing-key", "an entity rule needs 'kind'", node: node)
        }
        guard let id = ruleID(members, node, middle: kind?.rawValue, &reader) else { return }
        let caseless = field("caseless").flatMap { reader.bool($0, "caseless", rule: id) } ?? false
        let priority = field("priority").flatMap { reader.int($0, "priority", rule: id) } ?? 0
        let examples = examples(field("examples"), ruleNode: node, rule: id, mentionRule: true, &reader)
        guard let patternNode = field("pattern") else {
            reader.report(.error, "missing-key", "rule '\(id)' needs a 'pattern'", node: node, rule: id)
            return
        }
        let compiled = compilePattern(patternNode, fragments, mentions: false, caseless: caseless, rule: id, &reader)
        var normalizer: NormalizerKind?
        var fixed: MentionValue?
        if let n = field("normalize"), let text = reader.string(n, "normalize", rule: id) {
            normalizer = NormalizerKind(rawValue: text)
            if normalizer == nil {
                reader.report(.error, "unknown-normalizer", "unknown normaliser '\(text)' (normalisers: \(NormalizerKind.allCases.map(\.rawValue).joined(separator: ", ")))", node: n, rule: id)
            }
        }
        if let v = field("value"), let kind {
            var json: [(String, JSONValue)] = []
            for (key, _, fv) in reader.mapping(v, "value", allowed: nil, rule: id) ?? [] {
                if let s = reader.string(fv, "value.\(key)", rule: id) { json.append((key, Double(s).map { .number($0) } ?? .string(s))) }
            }
            // An actor or place rule without a name names what it matched (在南投縣仁愛鄉 → 南投縣仁愛鄉).
            if (kind == .actor || kind == .place), !json.contains(where: { $0.0 == "name" }) {
                json.insert(("name", .string(EntityRule.matchedName)), at: 0)
            }
            fixed = MentionValue(kind: kind, json: .object(json))
            if fixed == nil { reader.report(.error, "bad-value", "value does not describe a mention of kind '\(kind.rawValue)'", node: v, rule: id) }
        }
        if let kind, normalizer == nil, fixed == nil, field("value") == nil || !(kind == .actor || kind == .place) {
            switch kind {
            case .date: normalizer = .date
            case .quantity: normalizer = .quantity
            case .money: normalizer = .money
            case .duration: normalizer = .duration
            case .actor, .place:
                reader.report(.error, "missing-key", "an \(kind.rawValue) rule needs a fixed 'value' (name, type, country)", node: node, rule: id)
            }
        }
        guard let kind, let (regex, expanded) = compiled else { return }
        entities.append(EntityRule(header: header(id: id, node: node, priority: priority, examples: examples, expanded: expanded, reader),
                                   kind: kind, regex: regex, normalizer: normalizer, fixedValue: fixed))
    }

    /// What event and attach rules share: type, pattern, groups, where, attrs, unless, requires.
    struct EventParts {
        var id: String
        var type: Taxonomy.EventType
        var regex: Regex
        var expanded: String
        var groups: [String: String]
        var constraints: [String: MentionConstraint]
        var attributes: [String: AttributeSpec]
        var unless: [Regex]
        var unlessClause: [Regex]
        var required: [String]
        var examples: [RuleExample]
        var priority: Int
    }

    mutating func eventParts(_ node: Node, _ members: [(key: String, keyNode: Node, value: Node)], _ fragments: [String: String], _ reader: inout YAMLReader) -> EventParts? {
        func field(_ name: String) -> Node? { members.first { $0.key == name }?.value }
        var type: Taxonomy.EventType?
        if let typeNode = field("type"), let name = reader.string(typeNode, "type") {
            type = taxonomy.types[name]
            if type == nil {
                reader.report(.error, "unknown-type", "unknown event type '\(name)'; declare it in taxonomy.yaml (types: \(taxonomy.types.keys.sorted().joined(separator: ", ")))", node: typeNode)
            }
        } else if field("type") == nil {
            reader.report(.error, "missing-key", "an event rule needs 'type'", node: node)
        }
        guard let id = ruleID(members, node, middle: type?.name, &reader) else { return nil }
        let caseless = field("caseless").flatMap { reader.bool($0, "caseless", rule: id) } ?? false
        let priority = field("priority").flatMap { reader.int($0, "priority", rule: id) } ?? 0
        let examples = examples(field("examples"), ruleNode: node, rule: id, mentionRule: false, &reader)
        guard let patternNode = field("pattern") else {
            reader.report(.error, "missing-key", "rule '\(id)' needs a 'pattern'", node: node, rule: id)
            return nil
        }
        let compiled = compilePattern(patternNode, fragments, mentions: true, caseless: caseless, rule: id, &reader)
        if let (_, expanded) = compiled, RuleCompiler.unboundedGap(in: expanded) {
            // Point at the gap when the rule writes it itself; a gap from a fragment gets the whole pattern.
            let raw = patternNode.scalar?.string ?? ""
            let at = RuleCompiler.unboundedGapOffset(in: raw).map { reader.location(ofOffset: $0, in: patternNode) } ?? reader.location(patternNode)
            reader.report(.error, "unbounded-gap", "event patterns must bound their gaps: write [^。]{0,20} instead of .* or [^。]+", at: at, rule: id)
        }
        let unless = unlessPatterns(field("unless"), fragments, caseless: caseless, rule: id, &reader)
        let unlessClause = unlessPatterns(field("unless_clause"), fragments, caseless: caseless, rule: id, &reader)
        guard let type, let (regex, expanded) = compiled else { return nil }
        let groups = roleGroups(regex, type: type, node: patternNode, rule: id, &reader)
        let allGroups = Set(regex.groupNames)
        let constraints = constraints(field("where"), groups: allGroups, rule: id, &reader)
        let attributes = attributes(field("attrs"), type: type, groups: allGroups, rule: id, &reader)
        var required: [String] = []
        if let requiresNode = field("requires") {
            required = reader.strings(requiresNode, "requires", rule: id)?.map(\.0) ?? []
        } else {
            required = LiteralExtractor.requiredLiterals(expanded)
        }
        return EventParts(id: id, type: type, regex: regex, expanded: expanded, groups: groups, constraints: constraints,
                          attributes: attributes, unless: unless, unlessClause: unlessClause, required: required, examples: examples, priority: priority)
    }

    mutating func compileEvent(_ node: Node, _ fragments: [String: String], _ reader: inout YAMLReader) {
        guard let members = reader.mapping(node, "an event rule", allowed: RuleCompiler.eventKeys) else { return }
        guard let parts = eventParts(node, members, fragments, &reader) else { return }
        func field(_ name: String) -> Node? { members.first { $0.key == name }?.value }
        var fill: [(role: String, limit: Int)] = []
        if let fillNode = field("fill") {
            // (role, where the role is written, the node holding its count in the mapping form)
            let items: [(String, Node, Node)]
            if case .mapping = fillNode {
                items = (reader.mapping(fillNode, "fill", allowed: nil, rule: parts.id) ?? []).map { ($0.key, $0.keyNode, $0.value) }
            } else {
                items = (reader.strings(fillNode, "fill", rule: parts.id) ?? []).map { ($0.0, $0.1, $0.1) }
            }
            for (role, nameNode, roleNode) in items {
                guard parts.type.roles.contains(role) else {
                    reader.report(.error, "unknown-role", "fill names '\(role)', which is not a role of '\(parts.type.name)'", node: nameNode, rule: parts.id)
                    continue
                }
                // A number caps how many mentions fill the role; `first` takes the sentence's first one (its subject).
                var limit = role == "participant" ? 2 : 1
                if case .mapping = fillNode, let text = roleNode.scalar?.string {
                    if text == "first" { limit = EventRule.firstMention } else if let n = Int(text), n > 0 { limit = n } else {
                        reader.report(.error, "wrong-type", "fill.\(role) must be a count or 'first', not '\(text)'", node: roleNode, rule: parts.id)
                    }
                }
                fill.append((role, limit))
            }
        }
        var dateline: Set<String> = []
        if let node = field("dateline") {
            for (role, roleNode) in reader.strings(node, "dateline", rule: parts.id) ?? [] {
                if role == "date" || role == "place" { dateline.insert(role) } else {
                    reader.report(.error, "unknown-role", "dateline fills only 'date' and 'place', not '\(role)'", node: roleNode, rule: parts.id)
                }
            }
        }
        let confidence = field("confidence").flatMap { reader.double($0, "confidence", rule: parts.id) } ?? 0.8
        events.append(EventRule(
            header: header(id: parts.id, node: node, priority: parts.priority, examples: parts.examples, expanded: parts.expanded, reader),
            type: parts.type.name, regex: parts.regex, roleGroups: parts.groups,
            triggerGroups: parts.regex.groupNames.filter(RuleCompiler.isTriggerGroup).sorted(), constraints: parts.constraints,
            attributes: parts.attributes, fill: fill, fillFromDateline: dateline, unless: parts.unless, unlessClause: parts.unlessClause,
            requiredLiterals: parts.required, confidence: confidence))
    }

    mutating func compileAttach(_ node: Node, _ fragments: [String: String], _ reader: inout YAMLReader) {
        guard let members = reader.mapping(node, "an attach rule", allowed: RuleCompiler.attachKeys) else { return }
        guard let parts = eventParts(node, members, fragments, &reader) else { return }
        let within = members.first { $0.key == "within" }.flatMap { reader.int($0.value, "within", rule: parts.id) } ?? 1
        attaches.append(AttachRule(
            header: header(id: parts.id, node: node, priority: parts.priority, examples: parts.examples, expanded: parts.expanded, reader),
            type: parts.type.name, regex: parts.regex, roleGroups: parts.groups, constraints: parts.constraints,
            attributes: parts.attributes, within: within, unless: parts.unless, requiredLiterals: parts.required))
    }
}
