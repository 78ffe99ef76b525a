import PCRE2
import Records
import Rules

/// One pattern of a pack written as a plain regex over raw text.
public struct FlatPattern: Sendable {
    public var rule: String
    /// `entity`, `event`, `unless`, `unless_clause`, `attach`, `attach_unless`.
    public var part: String
    /// The regex, options inline, mention references replaced by the surfaces they stand for.
    public var pattern: String
    /// Why PCRE2 cannot compile it, when it cannot (e.g. over the 64 KiB compiled-size cap).
    public var compileError: String?
}

/// Writes every pattern of a rule set as a user without Tidings would have to: fragments expanded
/// (they already are, in a compiled rule), and each mention placeholder replaced by the surfaces a
/// mention of that kind has — lexicon names as one alternation (longest first), entity rule
/// patterns inline — so other regex engines can be run on the same work.
///
/// A placeholder class admits a kind when it admits a mention of that kind alone; a negated class
/// loses its placeholders (plain text has none to exclude).
public struct FlatExporter {
    let rules: RuleSet
    /// The alternation standing for each kind, built once.
    private var surfaces: [MentionKind: String] = [:]

    public init(rules: RuleSet) {
        self.rules = rules
        for kind in MentionKind.allCases { surfaces[kind] = FlatExporter.alternation(for: kind, rules) }
    }

    /// Every entity, event, veto and attach pattern, in rule-set order, each checked with PCRE2.
    public func export() -> [FlatPattern] {
        var out: [FlatPattern] = []
        func add(_ rule: String, _ part: String, _ regex: Regex) {
            let pattern = FlatExporter.inlineOptions(regex.options) + flatten(regex.pattern)
            var error: String?
            do { _ = try Regex(pattern, jit: false) } catch let e { error = "\(e)" }
            out.append(FlatPattern(rule: rule, part: part, pattern: pattern, compileError: error))
        }
        for rule in rules.entities { add(rule.header.id, "entity", rule.regex) }
        for rule in rules.events {
            add(rule.header.id, "event", rule.regex)
            for veto in rule.unless { add(rule.header.id, "unless", veto) }
            for veto in rule.unlessClause { add(rule.header.id, "unless_clause", veto) }
        }
        for rule in rules.attaches {
            add(rule.header.id, "attach", rule.regex)
            for veto in rule.unless { add(rule.header.id, "attach_unless", veto) }
        }
        return out
    }

    static func inlineOptions(_ options: RegexOptions) -> String {
        var flags = ""
        if options.contains(.caseless) { flags += "i" }
        if options.contains(.multiline) { flags += "m" }
        if options.contains(.dotAll) { flags += "s" }
        if options.contains(.extended) { flags += "x" }
        if options.contains(.duplicateNames) { flags += "J" }
        return flags.isEmpty ? "" : "(?\(flags))"
    }

    /// The pattern with every placeholder (literal, `\x{E0…}`, or a class of them) replaced.
    func flatten(_ pattern: String) -> String {
        let s = Array(pattern.unicodeScalars)
        var out = ""
        var i = 0
        while i < s.count {
            if s[i] == "\\" {
                if let (scalar, length) = FlatExporter.hexEscape(s, i), Placeholder.isPlaceholder(scalar) {
                    out += alternation(masks: [scalar.value & 63])
                    i += length
                    continue
                }
                let end = min(i + 2, s.count)
                out.unicodeScalars.append(contentsOf: s[i..<end])
                i = end
                continue
            }
            if s[i] == "[", let (replacement, length) = flattenClass(s, i) {
                out += replacement
                i += length
                continue
            }
            if Placeholder.isPlaceholder(s[i]) {
                out += alternation(masks: [s[i].value & 63])
                i += 1
                continue
            }
            out.unicodeScalars.append(s[i])
            i += 1
        }
        return out
    }

    /// A character class starting at `start`: unchanged when it holds no placeholder; otherwise
    /// the class without them, joined (if positive) with the alternation of the kinds they admit.
    func flattenClass(_ s: [Unicode.Scalar], _ start: Int) -> (String, Int)? {
        var i = start + 1
        let negated = i < s.count && s[i] == "^"
        if negated { i += 1 }
        var items: [(text: String, scalar: Unicode.Scalar?)] = []
        var first = true
        while i < s.count {
            if s[i] == "]" && !first { break }
            first = false
            if s[i] == "[", i + 1 < s.count, s[i + 1] == ":" {
                // A POSIX class [:alpha:] stays as it is.
                var j = i + 2
                while j + 1 < s.count, !(s[j] == ":" && s[j + 1] == "]") { j += 1 }
                items.append((String(String.UnicodeScalarView(s[i..<min(j + 2, s.count)])), nil))
                i = min(j + 2, s.count)
                continue
            }
            if s[i] == "\\" {
                if let (scalar, length) = FlatExporter.hexEscape(s, i) {
                    items.append((String(String.UnicodeScalarView(s[i..<i + length])), scalar))
                    i += length
                } else {
                    items.append((String(String.UnicodeScalarView(s[i..<min(i + 2, s.count)])), nil))
                    i += 2
                }
                continue
            }
            items.append((String(s[i]), s[i]))
            i += 1
        }
        guard i < s.count else { return nil }
        let length = i + 1 - start
        // Collect placeholders, single or as a range a-b between two of them.
        var masks: Set<UInt32> = []
        var kept: [String] = []
        var k = 0
        while k < items.count {
            if k + 2 < items.count, items[k + 1].text == "-", let a = items[k].scalar, let b = items[k + 2].scalar,
               Placeholder.isPlaceholder(a) || a.value == 0xE000, Placeholder.isPlaceholder(b) {
                for v in max(a.value, 0xE001)...b.value { masks.insert(v & 63) }
                k += 3
                continue
            }
            if let a = items[k].scalar, Placeholder.isPlaceholder(a) || a.value == 0xE000 {
                if a.value != 0xE000 { masks.insert(a.value & 63) }
                k += 1
                continue
            }
            kept.append(items[k].text)
            k += 1
        }
        guard !masks.isEmpty else { return (String(String.UnicodeScalarView(s[start..<start + length])), length) }
        let rest = kept.joined()
        if negated { return (rest.isEmpty ? "(?s:.)" : "[^\(rest)]", length) }
        let alternatives = alternation(masks: masks)
        return (rest.isEmpty ? alternatives : "(?:[\(rest)]|\(alternatives.dropFirst(3).dropLast()))", length)
    }

    /// `(?:…)` of the surfaces of every kind a mention alone of which the masks admit.
    func alternation(masks: Set<UInt32>) -> String {
        let kinds = MentionKind.allCases.filter { masks.contains(Placeholder.scalar(for: [$0]).value & 63) }
        let parts = kinds.compactMap { surfaces[$0] }.filter { !$0.isEmpty }
        return "(?:" + (parts.isEmpty ? "(?!)" : parts.joined(separator: "|")) + ")"
    }

    /// `\x{HHHH}` or `\xHH` at `i`: the scalar and the escape's length.
    static func hexEscape(_ s: [Unicode.Scalar], _ i: Int) -> (Unicode.Scalar, Int)? {
        guard i + 1 < s.count, s[i] == "\\", s[i + 1] == "x" else { return nil }
        if i + 2 < s.count, s[i + 2] == "{" {
            var j = i + 3
            var hex = ""
            while j < s.count, s[j] != "}" { hex.unicodeScalars.append(s[j]); j += 1 }
            guard j < s.count, let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else { return nil }
            return (scalar, j + 1 - i)
        }
        guard i + 3 < s.count, let v = UInt32(String(String.UnicodeScalarView(s[i + 2...i + 3])), radix: 16),
              let scalar = Unicode.Scalar(v) else { return nil }
        return (scalar, 4)
    }

    /// The surfaces of one kind: its lexicon names (longest first, regex-escaped; English ones
    /// inside word boundaries) and its entity rules' patterns with their groups unnamed.
    static func alternation(for kind: MentionKind, _ rules: RuleSet) -> String {
        var names = Set<String>()
        for entry in rules.lexicon.entries where entry.value.kind == kind { names.insert(entry.surface) }
        let sorted = names.sorted { ($0.unicodeScalars.count, $1) > ($1.unicodeScalars.count, $0) }
        var parts: [String] = []
        if !sorted.isEmpty {
            let names = sorted.map(escape).joined(separator: "|")
            parts.append(rules.language == .en ? "\\b(?:\(names))\\b" : "(?:\(names))")
        }
        for rule in rules.entities where rule.kind == kind {
            let flags = inlineOptions(rule.regex.options)
            parts.append((flags.isEmpty ? "(?:" : flags.dropLast() + ":") + unnameGroups(rule.regex.pattern) + ")")
        }
        return parts.joined(separator: "|")
    }

    /// Named groups become non-capturing, so inlined patterns add no duplicate names.
    static func unnameGroups(_ pattern: String) -> String {
        let s = Array(pattern.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            if s[i] == "\\", i + 1 < s.count {
                out.append(s[i]); out.append(s[i + 1]); i += 2
                continue
            }
            if s[i] == "(", i + 2 < s.count, s[i + 1] == "?" {
                var j = i + 2
                if s[j] == "P", j + 1 < s.count, s[j + 1] == "<" { j += 1 }
                if s[j] == "<" || s[j] == "'", j + 1 < s.count, s[j + 1] != "=", s[j + 1] != "!" {
                    let close: Unicode.Scalar = s[j] == "<" ? ">" : "'"
                    var k = j + 1
                    while k < s.count, s[k] != close { k += 1 }
                    out.append(contentsOf: "(?:".unicodeScalars)
                    i = k + 1
                    continue
                }
            }
            out.append(s[i])
            i += 1
        }
        return String(out)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            if "\\^$.|?*+()[]{}/#".unicodeScalars.contains(c) { out += "\\" }
            if c == " " { out += "\\ " } else { out.unicodeScalars.append(c) }
        }
        return out
    }
}
