import Normalizers
import PCRE2
import Records
import Yams

/// The parts event and entity rules share: patterns, role groups, gaps, constraints, attributes, vetoes.
extension RuleCompiler {
    /// A rule's `pattern:`, or its `patterns:` — branches, each a pattern with its own named
    /// groups, tried in order at each position like the alternatives of one pattern (a name may
    /// recur across branches: the branch that matched fills it). Returns the node the pattern is
    /// written at, and the compiled pattern (nil after an error, which is reported); nil when the
    /// rule has neither key, or both.
    func rulePattern(_ members: [(key: String, keyNode: Node, value: Node)], _ node: Node, _ fragments: [String: String],
                     mentions: Bool, caseless: Bool, rule: String, _ reader: inout YAMLReader) -> (Node, (Regex, String)?)? {
        let single = members.first { $0.key == "pattern" }
        let branches = members.first { $0.key == "patterns" }
        switch (single, branches) {
        case (let single?, nil):
            return (single.value, compilePattern(single.value, fragments, mentions: mentions, caseless: caseless, rule: rule, &reader))
        case (nil, let branches?):
            guard let items = reader.sequence(branches.value, "patterns") else { return nil }
            guard !items.isEmpty else {
                reader.report(.error, .missingKey, "'patterns' lists no pattern", node: branches.value, rule: rule)
                return nil
            }
            // Each branch alone first, so every problem is reported at the branch that has it.
            let compiled = items.map { compilePattern($0, fragments, mentions: mentions, caseless: caseless, rule: rule, &reader) }
            let expanded = compiled.compactMap { $0?.1 }
            guard expanded.count == items.count else { return (branches.value, nil) }
            if expanded.count == 1 { return (branches.value, compiled[0]) }
            let text = expanded.map { "(?:" + $0 + ")" }.joined(separator: "|")
            do {
                var options: RegexOptions = [.duplicateNames]
                if caseless { options.insert(.caseless) }
                return (branches.value, (try Regex(text, options: options), text))
            } catch {
                reader.report(.error, .pcre2Compile, "the branches do not compile together: \(error)", node: branches.value, rule: rule)
                return (branches.value, nil)
            }
        case (nil, nil):
            reader.report(.error, .missingKey, "rule '\(rule)' needs a 'pattern' (or 'patterns', a list of branches)", node: node, rule: rule)
            return nil
        case (_?, let branches?):
            reader.report(.error, .patternAndPatterns, "a rule has 'pattern' or 'patterns', not both", node: branches.keyNode, rule: rule)
            return nil
        }
    }

    /// Expands and compiles a pattern, reporting problems where the author wrote them.
    func compilePattern(_ node: Node, _ fragments: [String: String], mentions: Bool, caseless: Bool, rule: String,
                        _ reader: inout YAMLReader) -> (Regex, String)? {
        guard let raw = reader.string(node, "pattern", rule: rule) else { return nil }
        if raw.isEmpty {
            reader.report(.error, .emptyMatch, "the pattern is empty", node: node, rule: rule)
            return nil
        }
        // Patterns read folded text (釋放 as 释放), so they are folded the same way: the pattern here
        // and each fragment once, where it is read (RuleCompiler.fragments), rather than every
        // expanded pattern, which repeats the fragments many times over. One scalar for one, so
        // PCRE2's error offsets still point into the pattern as written.
        PatternLint.reportSpelledPlaceholders(in: raw, at: node, &reader, rule: rule)
        PatternLint.reportScriptTwins(in: raw, at: node, &reader, rule: rule)
        for (at, length) in reader.writtenLines(of: node) where length > PatternLint.longLine {
            reader.report(.warning, .longPattern,
                          "a pattern line of \(length) characters (more than \(PatternLint.longLine)): split the rule into 'patterns:' branches, or write it as a block over several lines",
                          at: at, rule: rule)
        }
        for (offset, _, names) in PatternLint.inlineGaps(in: raw, gaps: gapFragments) {
            reader.report(.warning, .inlineGap, "this gap is fragment \(names.map { "{{\($0)}}" }.joined(separator: " / ")): write that instead",
                          at: reader.location(ofOffset: offset, in: node), rule: rule)
        }
        let (expanded, problems) = FragmentExpander(fragments: fragments, allowMentions: mentions).expand(HanFold.fold(raw))
        for problem in problems {
            reader.report(.error, problem.code, problem.message, at: reader.location(ofOffset: problem.rawOffset, in: node), rule: rule)
        }
        guard problems.isEmpty else { return nil }
        let text = expanded.text
        do {
            let regex = try Regex(text, options: caseless ? .caseless : [])
            // Fragile but valid patterns (numbered groups, nested unbounded repeats): warnings with the span.
            for finding in PatternLint.check(raw) {
                let span = String(String.UnicodeScalarView(Array(raw.unicodeScalars)[finding.offset..<min(raw.unicodeScalars.count, finding.offset + finding.length)]))
                reader.report(.warning, finding.code, finding.message, at: reader.location(ofOffset: finding.offset, in: node), rule: rule,
                              notes: ["at: " + span])
            }
            if regex.matchesEmptySubject {
                reader.report(.error, .emptyMatch, "the pattern can match the empty string; every match must cover some text", node: node, rule: rule)
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
            reader.report(.error, .pcre2Compile, "pattern does not compile: \(error.message)",
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
                reader.report(.error, .groupNotRole,
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
            if !groups.contains(group) && taxonomy.roles[role] == nil {
                reader.report(.error, .unknownRole, "'where' names '\(group)', which is neither a group of the pattern nor a role", node: groupNode, rule: rule)
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
                reader.report(.error, .unknownAttrValue, "'\(text)' is not a value of \(type.name).\(attr) (allowed: \(allowed.sorted().joined(separator: ", ")))", node: node, rule: rule)
                return nil
            }
            if text == "true" || text == "false" { return .bool(text == "true") }
            return .string(text)
        }
        var result: [String: AttributeSpec] = [:]
        for (attr, attrNode, body) in reader.mapping(node, "attrs", allowed: nil, rule: rule) ?? [] {
            guard type.attributes[attr] != nil else {
                let known = type.attributes.keys.sorted().joined(separator: ", ")
                reader.report(.error, .unknownAttr, "'\(type.name)' has no attribute '\(attr)' (attributes: \(known.isEmpty ? "none" : known))", node: attrNode, rule: rule)
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
                        reader.report(.error, .unknownGroup, "attrs.\(attr).from names '\(f)', which is not a group of the pattern", node: v, rule: rule)
                    }
                case "map":
                    for (word, _, mapped) in reader.mapping(v, "attrs.\(attr).map", allowed: nil, rule: rule) ?? [] {
                        if let text = reader.string(mapped, "attrs.\(attr).map.\(word)", rule: rule),
                           let av = value(text, attr: attr, at: mapped, &reader) { map[HanFold.fold(word)] = av }
                    }
                default:
                    if let text = reader.string(v, "attrs.\(attr).default", rule: rule) {
                        fallback = value(text, attr: attr, at: v, &reader)
                    }
                    _ = fieldNode
                }
            }
            guard let from else {
                reader.report(.error, .missingKey, "attrs.\(attr) needs 'from: <group>' (or a fixed value)", node: body, rule: rule)
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
}
