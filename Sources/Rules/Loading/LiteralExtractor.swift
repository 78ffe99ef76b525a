/// Derives, from an expanded pattern, literal words of which at least one must occur in any
/// text the pattern matches — the prefilter's key. Conservative: when unsure, it returns
/// nothing, and the rule simply runs on every sentence.
enum LiteralExtractor {
    /// One required clause: alternatives, one of which must occur; empty when none was found.
    static func requiredLiterals(_ pattern: String) -> [String] {
        let scalars = Array(pattern.unicodeScalars)
        // In extended mode white space and comments are not text; the reader below does not model
        // that, so such a pattern gets no prefilter (it runs on every sentence) rather than a wrong one.
        if usesExtendedMode(scalars) { return [] }
        // A top-level alternation is read like a group: one clause whose alternatives come from every branch.
        guard let clauses = sequenceClauses(scalars, 0..<scalars.count) ?? groupClauses(scalars, 0..<scalars.count) else { return [] }
        // The text the keys are looked for in is lower-cased in ASCII only (caseless patterns
        // match either case): a clause with another cased letter (É, Ω) could miss its match.
        let caseSafe = clauses.filter { clause in clause.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII || !$0.properties.changesWhenCaseMapped } } }
        // Prefer the clause whose shortest alternative is longest: it filters best.
        return caseSafe.max { ($0.map(\.count).min() ?? 0) < ($1.map(\.count).min() ?? 0) } ?? []
    }

    /// True when an option group turns on `x` (`(?x)`, `(?ix:`, not `(?-x)`).
    static func usesExtendedMode(_ p: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i + 2 < p.count {
            if p[i] == "\\" { i += 2; continue }
            if p[i] == "(", p[i + 1] == "?" {
                var k = i + 2
                var on = true
                while k < p.count, p[k].isASCII, p[k].properties.isAlphabetic || p[k] == "-" || p[k] == "^" {
                    if p[k] == "-" { on = false } else if p[k] == "x" && on { return true }
                    k += 1
                }
            }
            i += 1
        }
        return false
    }

    /// Clauses of a sequence without top-level `|`; nil when the sequence has a top-level alternation.
    private static func sequenceClauses(_ p: [Unicode.Scalar], _ range: Range<Int>) -> [[String]]? {
        var clauses: [[String]] = []
        var run = ""
        func flush() {
            if !run.isEmpty { clauses.append([run]) }
            run = ""
        }
        var i = range.lowerBound
        while i < range.upperBound {
            let c = p[i]
            var atom: [[String]]? = nil      // clauses the atom contributes when required
            var literal: Unicode.Scalar? = nil
            var next = i + 1
            switch c {
            case "|":
                return nil
            case "\\":
                guard i + 1 < range.upperBound else { return clauses }
                let e = p[i + 1]
                next = i + 2
                if e.properties.isAlphabetic || ("0"..."9").contains(e) {
                    // \d \w \p{..} \x{..} \k<name> \b …: not a literal; skip its argument too
                    // (found by a date rule's \k<_sep>, read as the literal "<_sep>").
                    next = escapeEnd(p, at: i, range.upperBound)
                } else {
                    literal = e
                }
            case "[":
                next = closing(p, from: i, range.upperBound, open: "[", close: "]")
            case "(":
                let end = closing(p, from: i, range.upperBound, open: "(", close: ")")
                var bodyStart = i + 1
                if bodyStart < end - 1, p[bodyStart] == "?" {
                    // (?: (?<name> (?P<name> are groups; lookarounds and flags are skipped.
                    if p[bodyStart + 1] == ":" { bodyStart += 2 }
                    else if let flagsEnd = inlineFlagsGroup(p, from: bodyStart + 1, end) {
                        // (?i: … ) and the like: a group like (?: … ); the keys are matched ignoring
                        // ASCII case anyway. Not (?x: … ), whose white space is no text.
                        bodyStart = flagsEnd
                    }
                    else if p[bodyStart + 1] == "<", bodyStart + 2 < end, p[bodyStart + 2] != "=", p[bodyStart + 2] != "!" {
                        while bodyStart < end, p[bodyStart] != ">" { bodyStart += 1 }
                        bodyStart += 1
                    } else { bodyStart = -1 }
                }
                if bodyStart >= 0 { atom = groupClauses(p, bodyStart..<(end - 1)) }
                next = end
            case ".", "^", "$":
                break
            default:
                literal = c
            }
            // A following quantifier decides whether the atom is required.
            var optional = false
            if next < range.upperBound {
                switch p[next] {
                case "?", "*":
                    optional = true
                    next += 1
                case "+":
                    next += 1
                case "{":
                    // Only {n}, {n,}, {n,m} (and {,m}) repeat; any other brace is a literal and
                    // this atom stays required (found by fuzz-pack-loader: an unclosed brace).
                    if let (minimum, end) = bounds(p, at: next, range.upperBound) {
                        optional = minimum == 0
                        next = end
                    }
                default: break
                }
                if next < range.upperBound, p[next] == "?" || p[next] == "+" { next += 1 }
            }
            if let literal, !optional, !Placeholder.isPlaceholder(literal), next == i + 1 || next == i + 2 && c == "\\" {
                run.unicodeScalars.append(literal)
            } else {
                flush()
                if !optional, let atom { clauses.append(contentsOf: atom) }
            }
            i = next
        }
        flush()
        return clauses
    }

    /// A group's clauses: its own sequence clauses, or one clause of literal alternatives.
    private static func groupClauses(_ p: [Unicode.Scalar], _ range: Range<Int>) -> [[String]]? {
        if let clauses = sequenceClauses(p, range) { return clauses }
        // Top-level alternation: each branch must give one literal run; their best runs are the alternatives.
        var branches: [Range<Int>] = []
        var depth = 0
        var start = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            switch p[i] {
            case "\\": i += 1
            case "[": i = closing(p, from: i, range.upperBound, open: "[", close: "]") - 1
            case "(": depth += 1
            case ")": depth -= 1
            case "|" where depth == 0:
                branches.append(start..<i)
                start = i + 1
            default: break
            }
            i += 1
        }
        branches.append(start..<range.upperBound)
        var alternatives: [String] = []
        for branch in branches {
            // Each branch must require something; its most selective clause joins the alternatives.
            guard let clauses = sequenceClauses(p, branch),
                  let best = clauses.max(by: { ($0.map(\.count).min() ?? 0) < ($1.map(\.count).min() ?? 0) }),
                  !best.isEmpty else { return nil }
            alternatives += best
        }
        return [alternatives]
    }

    /// Index just past the bracket closing the one at `start` (escapes and classes honoured).
    /// Past the escape at `i` (a backslash and a letter or digit) with its argument: `{…}`,
    /// `<…>` or `'…'` after \k \g \p \x \o \N, one property letter (\pL), one control
    /// letter (\cA), hex digits (\x41) or octal digits (\012).
    private static func escapeEnd(_ p: [Unicode.Scalar], at i: Int, _ limit: Int) -> Int {
        let e = p[i + 1]
        var k = i + 2
        guard k < limit else { return min(k, limit) }
        let closers: [Unicode.Scalar: Unicode.Scalar] = ["{": "}", "<": ">", "'": "'"]
        if "kgpPxoN".unicodeScalars.contains(e), let close = closers[p[k]], p[k] == "{" || e == "k" || e == "g" {
            k += 1
            while k < limit, p[k] != close { k += 1 }
            return min(k + 1, limit)
        }
        switch e {
        case "p", "P", "c":
            return k + 1
        case "x":
            var digits = 0
            while k < limit, digits < 2, p[k].properties.isASCIIHexDigit { k += 1; digits += 1 }
        case "0"..."9":
            var digits = 0
            while k < limit, digits < 2, ("0"..."7").contains(p[k]) { k += 1; digits += 1 }
        default:
            break
        }
        return k
    }

    /// Past the `:` of an option group `(?i:`, `(?is:`, `(?-i:` whose body is `(?x)`-free; nil
    /// for anything else.
    private static func inlineFlagsGroup(_ p: [Unicode.Scalar], from start: Int, _ end: Int) -> Int? {
        var k = start
        while k < end, "imsnUJ-".unicodeScalars.contains(p[k]) { k += 1 }
        guard k > start, k < end, p[k] == ":" else { return nil }
        return k + 1
    }

    /// The lower bound of the `{m,n}` quantifier at `start` (0 for `{,n}`) and the index past it;
    /// nil when the brace there is no quantifier.
    private static func bounds(_ p: [Unicode.Scalar], at start: Int, _ limit: Int) -> (minimum: Int, end: Int)? {
        var k = start + 1
        var lower = ""
        var digits = 0
        while k < limit, ("0"..."9").contains(p[k]) { lower.unicodeScalars.append(p[k]); k += 1; digits += 1 }
        if k < limit, p[k] == "," {
            k += 1
            while k < limit, ("0"..."9").contains(p[k]) { k += 1; digits += 1 }
        }
        guard digits > 0, k < limit, p[k] == "}" else { return nil }
        return (Int(lower.prefix(9)) ?? 0, k + 1)
    }

    private static func closing(_ p: [Unicode.Scalar], from start: Int, _ limit: Int, open: Unicode.Scalar, close: Unicode.Scalar) -> Int {
        var depth = 0
        var i = start
        while i < limit {
            let c = p[i]
            if c == "\\" { i += 2; continue }
            if open == "[" {
                // Inside a class only `]` closes (a leading `]` or `^]` is literal).
                if i > start, c == "]", !(i == start + 1 || (i == start + 2 && p[start + 1] == "^")) { return i + 1 }
            } else if c == "[" && open != "[" {
                i = closing(p, from: i, limit, open: "[", close: "]")
                continue
            } else if c == open {
                depth += 1
            } else if c == close {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        return limit
    }
}
