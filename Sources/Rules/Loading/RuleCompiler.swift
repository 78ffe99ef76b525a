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
    var anaphora: [String] = []
    var mediatorsAfter: [String] = []
    var mediatorsBefore: [String] = []
    var notSides: [String] = []
    var targetMarkers: [String] = []
    var descriptors: [String] = []
    var outlets: [String: String] = [:]
    var modality: [ModalityRule] = []
    var segmentation = SegmentationRules()
    var context = ContextWords()
    var seenIDs: [String: SourceLocation] = [:]
    /// The gap fragments of the file being compiled (body → names), for the inline-gap lint:
    /// found once per file, not once per pattern.
    var gapFragments: [(body: [Unicode.Scalar], names: [String])] = []

    static let fileKeys: Set<String> = ["fragments", "titles", "speech", "anaphora", "mediators", "not_sides", "targets", "descriptors", "outlets", "modality", "entities", "events", "attach"]
    static let entityKeys: Set<String> = ["id", "kind", "pattern", "patterns", "normalize", "value", "priority", "caseless", "examples", "description"]
    static let eventKeys: Set<String> = ["id", "type", "pattern", "patterns", "where", "attrs", "fill", "dateline", "unless", "unless_clause", "requires",
                                         "priority", "confidence", "caseless", "examples", "description"]
    static let attachKeys: Set<String> = ["id", "type", "pattern", "patterns", "where", "attrs", "within", "unless", "requires",
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
                    reader.report(.error, .badFragmentName, "fragment names are letters, digits and _: '\(name)'", node: nameNode)
                    continue
                }
                if Placeholder.references[name] != nil {
                    reader.report(.error, .badFragmentName, "'\(name)' is reserved for mention references", node: nameNode)
                    continue
                }
                // Folded as patterns are (compilePattern): traditional and simplified read alike.
                guard let pattern = reader.string(body, "fragment '\(name)'") else { continue }
                PatternLint.reportSpelledPlaceholders(in: pattern, at: body, &reader, rule: nil)
                PatternLint.reportScriptTwins(in: pattern, at: body, &reader, rule: nil)
                fragments[name] = HanFold.fold(pattern)
            }
        }
        return fragments
    }

    mutating func compileFile(_ reader: inout YAMLReader) {
        guard let root = reader.root() else { return }
        guard let members = reader.mapping(root, "a rule file", allowed: RuleCompiler.fileKeys) else { return }
        let local = RuleCompiler.fragments(of: members, &reader)
        // A file-local fragment shadows a pack-wide one of the same name.
        let fragments = sharedFragments.merging(local) { _, own in own }
        gapFragments = PatternLint.gapFragments(fragments)
        for (key, _, value) in members {
            switch key {
            case "titles":
                titles += reader.foldedWords(value, "titles") ?? []
            case "speech":
                speechVerbs += reader.foldedWords(value, "speech") ?? []
            case "anaphora":
                anaphora += reader.foldedWords(value, "anaphora") ?? []
            case "outlets":
                for (host, _, country) in reader.mapping(value, "outlets", allowed: nil) ?? [] {
                    if let code = reader.string(country, "outlets.\(host)") { outlets[host.lowercased()] = code.uppercased() }
                }
            case "descriptors":
                descriptors += reader.foldedWords(value, "descriptors") ?? []
            case "targets":
                targetMarkers += reader.foldedWords(value, "targets") ?? []
            case "not_sides":
                notSides += reader.foldedWords(value, "not_sides") ?? []
            case "mediators":
                for (side, _, words) in reader.mapping(value, "mediators", allowed: ["after", "before"]) ?? [] {
                    let list = reader.foldedWords(words, "mediators.\(side)") ?? []
                    if side == "after" { mediatorsAfter += list } else { mediatorsBefore += list }
                }
            case "entities":
                for node in reader.sequence(value, "entities") ?? [] { compileEntity(node, fragments, &reader) }
            case "events":
                for node in reader.sequence(value, "events") ?? [] { compileEvent(node, fragments, &reader) }
            case "attach":
                for node in reader.sequence(value, "attach") ?? [] { compileAttach(node, fragments, &reader) }
            case "modality":
                for node in reader.sequence(value, "modality") ?? [] { compileModality(node, fragments, &reader) }
            default:
                break
            }
        }
    }

    // MARK: - Shared pieces

    /// Checks the id's shape and uniqueness; returns it when usable.
    mutating func ruleID(_ members: [(key: String, keyNode: Node, value: Node)], _ node: Node, middle: String?, _ reader: inout YAMLReader) -> String? {
        guard let (idNode) = members.first(where: { $0.key == "id" })?.value else {
            reader.report(.error, .missingKey, "a rule needs an 'id' such as \(language.rawValue).\(middle ?? "type").my-rule", node: node)
            return nil
        }
        guard let id = reader.string(idNode, "id") else { return nil }
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        let slugOK = parts.count == 3 && !parts[2].isEmpty
            && parts[2].unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        if !slugOK || parts[0] != Substring(language.rawValue) || (middle != nil && parts[1] != Substring(middle!)) {
            reader.report(.error, .badId, "rule id '\(id)' must read \(language.rawValue).\(middle ?? "<type>").<slug> (slug: a-z, 0-9, -)", node: idNode, rule: id)
        }
        if let first = seenIDs[id] {
            reader.report(.error, .duplicateId, "rule id '\(id)' is already used at \(first)", node: idNode, rule: id)
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

    // MARK: - Rules

    mutating func compileEntity(_ node: Node, _ fragments: [String: String], _ reader: inout YAMLReader) {
        guard let members = reader.mapping(node, "an entity rule", allowed: RuleCompiler.entityKeys) else { return }
        func field(_ name: String) -> Node? { members.first { $0.key == name }?.value }
        var kind: MentionKind?
        if let kindNode = field("kind"), let text = reader.string(kindNode, "kind") {
            kind = MentionKind(rawValue: text)
            if kind == nil {
                reader.report(.error, .unknownKind, "unknown mention kind '\(text)' (kinds: \(MentionKind.allCases.map(\.rawValue).joined(separator: ", ")))", node: kindNode)
            }
        } else if field("kind") == nil {
            reader.report(.error, .missingKey, "an entity rule needs 'kind'", node: node)
        }
        guard let id = ruleID(members, node, middle: kind?.rawValue, &reader) else { return }
        let caseless = field("caseless").flatMap { reader.bool($0, "caseless", rule: id) } ?? false
        let priority = field("priority").flatMap { reader.int($0, "priority", rule: id) } ?? 0
        let examples = examples(field("examples"), ruleNode: node, rule: id, mentionRule: true, &reader)
        guard let (patternNode, compiled) = rulePattern(members, node, fragments, mentions: false, caseless: caseless, rule: id, &reader) else { return }
        var normalizer: NormalizerKind?
        var fixed: MentionValue?
        if let n = field("normalize"), let text = reader.string(n, "normalize", rule: id) {
            normalizer = NormalizerKind(rawValue: text)
            if normalizer == nil {
                reader.report(.error, .unknownNormalizer, "unknown normaliser '\(text)' (normalisers: \(NormalizerKind.allCases.map(\.rawValue).joined(separator: ", ")))", node: n, rule: id)
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
            if fixed == nil { reader.report(.error, .badValue, "value does not describe a mention of kind '\(kind.rawValue)'", node: v, rule: id) }
        }
        if let kind, normalizer == nil, fixed == nil, field("value") == nil || !(kind == .actor || kind == .place) {
            switch kind {
            case .date: normalizer = .date
            case .quantity: normalizer = .quantity
            case .money: normalizer = .money
            case .duration: normalizer = .duration
            case .actor, .place:
                reader.report(.error, .missingKey, "an \(kind.rawValue) rule needs a fixed 'value' (name, type, country)", node: node, rule: id)
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
        /// True when `required` is the rule's written `requires:`, not its pattern's derived literals.
        var requiresWritten: Bool
        var examples: [RuleExample]
        var priority: Int
    }

    mutating func eventParts(_ node: Node, _ members: [(key: String, keyNode: Node, value: Node)], _ fragments: [String: String], _ reader: inout YAMLReader) -> EventParts? {
        func field(_ name: String) -> Node? { members.first { $0.key == name }?.value }
        var type: Taxonomy.EventType?
        if let typeNode = field("type"), let name = reader.string(typeNode, "type") {
            type = taxonomy.types[name]
            if type == nil {
                reader.report(.error, .unknownType, "unknown event type '\(name)'; declare it in taxonomy.yaml (types: \(taxonomy.types.keys.sorted().joined(separator: ", ")))", node: typeNode)
            }
        } else if field("type") == nil {
            reader.report(.error, .missingKey, "an event rule needs 'type'", node: node)
        }
        guard let id = ruleID(members, node, middle: type?.name, &reader) else { return nil }
        let caseless = field("caseless").flatMap { reader.bool($0, "caseless", rule: id) } ?? false
        let priority = field("priority").flatMap { reader.int($0, "priority", rule: id) } ?? 0
        let examples = examples(field("examples"), ruleNode: node, rule: id, mentionRule: false, &reader)
        guard let (patternNode, compiled) = rulePattern(members, node, fragments, mentions: true, caseless: caseless, rule: id, &reader) else { return nil }
        if let (_, expanded) = compiled, RuleCompiler.unboundedGap(in: expanded) {
            // Point at the gap when the rule writes it itself; a gap from a fragment gets the whole pattern.
            let branches = patternNode.sequence.map(Array.init) ?? [patternNode]
            var at = reader.location(patternNode)
            if let (branch, offset) = branches.lazy.compactMap({ b in RuleCompiler.unboundedGapOffset(in: b.scalar?.string ?? "").map { (b, $0) } }).first {
                at = reader.location(ofOffset: offset, in: branch)
            }
            reader.report(.error, .unboundedGap, "event patterns must bound their gaps: write [^。]{0,20} instead of .* or [^。]+", at: at, rule: id)
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
            required = reader.foldedWords(requiresNode, "requires", rule: id) ?? []
        } else {
            required = LiteralExtractor.requiredLiterals(expanded)
        }
        return EventParts(id: id, type: type, regex: regex, expanded: expanded, groups: groups, constraints: constraints,
                          attributes: attributes, unless: unless, unlessClause: unlessClause, required: required,
                          requiresWritten: field("requires") != nil, examples: examples, priority: priority)
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
                    reader.report(.error, .unknownRole, "fill names '\(role)', which is not a role of '\(parts.type.name)'", node: nameNode, rule: parts.id)
                    continue
                }
                // A number caps how many mentions fill the role; `first` takes the sentence's first one (its subject).
                var limit = taxonomy.roles[role]?.fill ?? 1
                if case .mapping = fillNode, let text = roleNode.scalar?.string {
                    if text == "first" { limit = EventRule.firstMention } else if let n = Int(text), n > 0 { limit = n } else {
                        reader.report(.error, .wrongType, "fill.\(role) must be a count or 'first', not '\(text)'", node: roleNode, rule: parts.id)
                    }
                }
                fill.append((role, limit))
            }
        }
        var dateline: Set<String> = []
        if let node = field("dateline") {
            for (role, roleNode) in reader.strings(node, "dateline", rule: parts.id) ?? [] {
                // A dateline gives a day and a place: it fills a role of the type of either kind.
                let kind = parts.type.roles.contains(role) ? taxonomy.kind(of: role) : nil
                if kind == .date || kind == .place { dateline.insert(role) } else {
                    reader.report(.error, .unknownRole, "dateline fills only a date or place role of '\(parts.type.name)', not '\(role)'", node: roleNode, rule: parts.id)
                }
            }
        }
        let confidence = field("confidence").flatMap { reader.double($0, "confidence", rule: parts.id) } ?? 0.8
        events.append(EventRule(
            header: header(id: parts.id, node: node, priority: parts.priority, examples: parts.examples, expanded: parts.expanded, reader),
            type: parts.type.name, regex: parts.regex, roleGroups: parts.groups,
            triggerGroups: parts.regex.groupNames.filter(RuleCompiler.isTriggerGroup).sorted(), constraints: parts.constraints,
            attributes: parts.attributes, fill: fill, fillFromDateline: dateline, unless: parts.unless, unlessClause: parts.unlessClause,
            requiredLiterals: parts.required, requiresWritten: parts.requiresWritten, confidence: confidence))
    }

    mutating func compileAttach(_ node: Node, _ fragments: [String: String], _ reader: inout YAMLReader) {
        guard let members = reader.mapping(node, "an attach rule", allowed: RuleCompiler.attachKeys) else { return }
        guard let parts = eventParts(node, members, fragments, &reader) else { return }
        let within = members.first { $0.key == "within" }.flatMap { reader.int($0.value, "within", rule: parts.id) } ?? 1
        attaches.append(AttachRule(
            header: header(id: parts.id, node: node, priority: parts.priority, examples: parts.examples, expanded: parts.expanded, reader),
            type: parts.type.name, regex: parts.regex, roleGroups: parts.groups, constraints: parts.constraints,
            attributes: parts.attributes, within: within, unless: parts.unless, requiredLiterals: parts.required,
            requiresWritten: parts.requiresWritten))
    }
}
