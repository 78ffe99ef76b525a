import Records
import Yams
/// Warnings about a pattern as written that compiles but is fragile: numbered capture groups
/// (Rules/README.md forbids them: they shift when a fragment gains a group) and nested unbounded
/// quantifiers such as `(a+)+`, which backtrack exponentially before PCRE2's limit stops them.
enum PatternLint {
    /// One finding: what, and the scalar range of the pattern it covers.
    struct Finding: Equatable {
        var code: DiagnosticCode
        var message: String
        var offset: Int
        var length: Int
    }

    /// Where `pattern` spells a placeholder's code point (`\x{E001}`, a range over them, or the
    /// character itself): what a placeholder means is the engine's, and the built-in references
    /// say it by name.
    static func spelledPlaceholders(in pattern: String) -> [(offset: Int, length: Int)] {
        let p = Array(pattern.unicodeScalars)
        var found: [(Int, Int)] = []
        var i = 0
        while i < p.count {
            if Placeholder.isReserved(p[i].value) {
                found.append((i, 1))
            } else if p[i] == "\\", i + 2 < p.count, p[i + 1] == "x", p[i + 2] == "{" {
                var k = i + 3
                var hex = ""
                while k < p.count, p[k] != "}" { hex.unicodeScalars.append(p[k]); k += 1 }
                if let value = UInt32(hex, radix: 16) {
                    let length = k + 1 - i
                    // \x{E000}-\x{E03F}: a range from the base covers placeholders too.
                    let startsRange = k + 1 < p.count && p[k + 1] == "-"
                    if Placeholder.isReserved(value) || (value == 0xE000 && startsRange) { found.append((i, length)) }
                }
                i = k + 1
                continue
            } else if p[i] == "\\" {
                i += 2
                continue
            }
            i += 1
        }
        return found
    }

    /// A line of a pattern longer than this (in scalars, as written) is a warning: split the rule
    /// into `patterns:` branches, or write it as a block over several lines.
    static let longLine = 600

    /// True for a fragment that is a bounded gap: one negated class and a `{m,n}` bound (lazy or not).
    static func isGap(_ body: String) -> Bool {
        // Asked of every fragment for every pattern: the common answer must be cheap. A gap is short.
        guard body.utf8.count <= 64, body.utf8.starts(with: "[^".utf8) else { return false }
        let p = Array(body.unicodeScalars)
        guard p.count > 4, p[0] == "[", p[1] == "^", let close = p.firstIndex(where: { $0 == "]" }), close > 2 else { return false }
        var rest = String(String.UnicodeScalarView(p[(close + 1)...]))
        if rest.hasSuffix("?") { rest.removeLast() }
        guard rest.hasPrefix("{"), rest.hasSuffix("}") else { return false }
        let bounds = rest.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
        return bounds.count == 2 && bounds.allSatisfy { $0.allSatisfy(\.isNumber) } && !bounds[1].isEmpty
    }

    /// The gap fragments among `fragments`, by body, with their names, in a stable order.
    static func gapFragments(_ fragments: [String: String]) -> [(body: [Unicode.Scalar], names: [String])] {
        var byBody: [String: [String]] = [:]
        for (name, body) in fragments where isGap(body) { byBody[body, default: []].append(name) }
        return byBody.sorted { $0.key < $1.key }.map { (Array($0.key.unicodeScalars), $0.value.sorted()) }
    }

    /// Where `pattern` writes out a gap that a fragment already is: (offset, length, the fragment names).
    static func inlineGaps(in pattern: String, gaps: [(body: [Unicode.Scalar], names: [String])]) -> [(offset: Int, length: Int, names: [String])] {
        guard !gaps.isEmpty, pattern.utf8.contains(UInt8(ascii: "[")) else { return [] }
        let p = Array(pattern.unicodeScalars)
        var found: [(Int, Int, [String])] = []
        for (b, names) in gaps {
            var i = 0
            while i + b.count <= p.count {
                if p[i] == b[0], p[i..<(i + b.count)].elementsEqual(b) {
                    found.append((i, b.count, names))
                    i += b.count
                } else {
                    i += 1
                }
            }
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// Reports each spelled placeholder of `pattern` (written at `node`) as an error.
    static func reportSpelledPlaceholders(in pattern: String, at node: Node, _ reader: inout YAMLReader, rule: String?) {
        for (offset, _) in spelledPlaceholders(in: pattern) {
            reader.report(.error, .placeholderSpelled,
                          "the pattern spells a mention placeholder's code point; write {{ACTOR}}, {{PLACE}}, {{NAMED}}, {{MENTION}} or {{NOT_ACTOR}} (Rules/README.md, \"Mentions in patterns\")",
                          at: reader.location(ofOffset: offset, in: node), rule: rule)
        }
    }

    /// Reports each script twin of `pattern` (written at `node`): a branch or class member that
    /// folds to one already there (ScriptTwins).
    static func reportScriptTwins(in pattern: String, at node: Node, _ reader: inout YAMLReader, rule: String?) {
        for twin in ScriptTwins.inPattern(pattern) {
            let what = twin.length == 1 ? "class member" : "branch"
            reader.report(.warning, .scriptTwin,
                          "\(what) '\(twin.text)' matches what '\(twin.kept)' before it does, since pages and patterns are read folded to simplified characters: drop it",
                          at: reader.location(ofOffset: twin.offset, in: node), rule: rule)
        }
    }

    static func check(_ pattern: String) -> [Finding] {
        let p = Array(pattern.unicodeScalars)
        var findings: [Finding] = []
        // Open groups: where each starts and whether an unbounded quantifier occurs inside it.
        var stack: [(start: Int, repeats: Bool)] = []
        // Open numbered groups: stack depth → their finding, whose length is set at the close.
        var numberedAt: [Int: Int] = [:]
        var i = 0
        var inClass = false
        while i < p.count {
            let c = p[i]
            if c == "\\" {
                // \Q…\E quotes everything up to \E.
                if i + 1 < p.count, p[i + 1] == "Q" {
                    var k = i + 2
                    while k + 1 < p.count, !(p[k] == "\\" && p[k + 1] == "E") { k += 1 }
                    i = k + 2
                } else {
                    i += 2
                }
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
                i += 1
                continue
            }
            switch c {
            case "[":
                inClass = true
                // A ] right after [ or [^ is a literal member.
                if i + 1 < p.count, p[i + 1] == "]" { i += 1 } else if i + 2 < p.count, p[i + 1] == "^", p[i + 2] == "]" { i += 2 }
            case "(":
                if i + 1 < p.count, p[i + 1] == "*" {
                    // (*VERB) and (*UTF): no group.
                    while i < p.count, p[i] != ")" { i += 1 }
                } else if i + 1 < p.count, p[i + 1] == "?" {
                    if i + 2 < p.count, p[i + 2] == "#" {
                        while i < p.count, p[i] != ")" { i += 1 }   // a comment
                    } else if i + 2 < p.count, p[i + 2] == "(" {
                        // A conditional (?(name)…|…): its condition is no group.
                        stack.append((i, false))
                        i += 3
                        while i < p.count, p[i] != ")" { i += 1 }
                    } else {
                        stack.append((i, false))
                    }
                } else {
                    findings.append(Finding(code: .numberedGroup, message: "a numbered group '(…)'; write (?:…) to group, or (?<name>…) to capture (numbered groups shift when a fragment gains one)",
                                            offset: i, length: 1))
                    numberedAt[stack.count] = findings.count - 1
                    stack.append((i, false))
                }
            case ")":
                if let group = stack.popLast() {
                    if let finding = numberedAt.removeValue(forKey: stack.count) { findings[finding].length = i + 1 - group.start }
                    let (unbounded, length) = quantifier(p, at: i + 1)
                    if unbounded && group.repeats {
                        findings.append(Finding(code: .nestedQuantifier, message: "an unbounded repeat of a group that repeats without bound, as in (a+)+: it backtracks exponentially; bound one of them or use a possessive quantifier",
                                                offset: group.start, length: i + 1 + length - group.start))
                    }
                    // What repeats inside a group repeats inside the groups around it.
                    if (group.repeats || unbounded), !stack.isEmpty { stack[stack.count - 1].repeats = true }
                    i += length
                }
            case "+", "*":
                // A quantifier on an atom; after another quantifier it is a possessive mark, not a repeat.
                let afterQuantifier = i > 0 && ["+", "*", "?", "}"].contains(p[i - 1])
                let possessive = i + 1 < p.count && p[i + 1] == "+"
                if !afterQuantifier, !possessive, !stack.isEmpty { stack[stack.count - 1].repeats = true }
            case "{":
                let (unbounded, _) = quantifier(p, at: i)
                if unbounded, !stack.isEmpty { stack[stack.count - 1].repeats = true }
            default:
                break
            }
            i += 1
        }
        return findings
    }

    /// Whether a quantifier at `i` repeats without bound (`+`, `*`, `{n,}`) and is not possessive,
    /// and how many scalars it takes.
    static func quantifier(_ p: [Unicode.Scalar], at i: Int) -> (unbounded: Bool, length: Int) {
        guard i < p.count else { return (false, 0) }
        var length = 0
        var unbounded = false
        if p[i] == "+" || p[i] == "*" {
            unbounded = true
            length = 1
        } else if p[i] == "?" {
            length = 1
        } else if p[i] == "{" {
            var k = i + 1
            var sawComma = false
            var upper = ""
            while k < p.count, p[k] != "}" {
                if p[k] == "," { sawComma = true } else if sawComma { upper.unicodeScalars.append(p[k]) }
                guard p[k] == "," || ("0"..."9").contains(p[k]) else { return (false, 0) }
                k += 1
            }
            guard k < p.count else { return (false, 0) }
            unbounded = sawComma && upper.isEmpty
            length = k - i + 1
        } else {
            return (false, 0)
        }
        // A possessive quantifier (a++ , (…)*+) never backtracks into its repeats.
        if i + length < p.count, p[i + length] == "+" { return (false, length + 1) }
        if i + length < p.count, p[i + length] == "?" { length += 1 }
        return (unbounded, length)
    }
}
