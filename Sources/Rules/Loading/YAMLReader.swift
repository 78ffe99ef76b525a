import Normalizers
import Records
import Yams

/// A YAML file being read, with the diagnostics found so far. Every accessor reports what
/// it cannot read at the node's own line and column, so a pack shows all its problems at once.
struct YAMLReader {
    let path: String
    let text: String
    var diagnostics: [Diagnostic] = []

    init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Parses the file; a syntax error becomes a diagnostic and the result is nil.
    mutating func root() -> Node? {
        do {
            // Values are read as text and parsed where they are used (YAMLReader.int, .bool): implicit
            // typing would run a resolver regex on every key, which Yams hashes to find duplicates.
            return try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
                // At the end of the file the error's own mark says nothing: the real line is where
                // the unclosed construct (a quote, a bracket) began, which the context marks.
                // libyaml may give up past the last line (found by fuzz-pack-loader): the line then is the key's.
                let pastTheEnd = mark.line > SourceLines.split(text).count
                if let context, problem.contains("end of stream") || pastTheEnd || (mark.line > context.mark.line + 1 && problem.contains("could not find")) {
                    let what = context.text.replacingOccurrences(of: "while scanning ", with: "").replacingOccurrences(of: "while parsing ", with: "")
                    let message = what.hasPrefix("a simple key")
                        ? "YAML syntax: \(problem) after the key that starts here (the file ends first)"
                        : "YAML syntax: \(what) opened here never ends (\(problem) at line \(mark.line))"
                    report(.error, .yamlSyntax, message, at: insideFile(SourceLocation(file: path, line: context.mark.line, column: context.mark.column)))
                } else if pastTheEnd {
                    let last = SourceLines.split(text).count
                    report(.error, .yamlSyntax, "YAML syntax: \(problem) at the end of the file", at: SourceLocation(file: path, line: last, column: 1))
                } else {
                    report(.error, .yamlSyntax, "YAML syntax: \(problem)", at: insideFile(SourceLocation(file: path, line: mark.line, column: mark.column)),
                           notes: context.map { ["\($0.text) at line \($0.mark.line), column \($0.mark.column)"] } ?? [])
                }
            case .reader(let problem, let characterOffset, _, _):
                report(.error, .yamlSyntax, "YAML syntax: \(problem)", at: location(ofCharacterOffset: characterOffset ?? 0))
            case .duplicatedKeysInMapping(let keys, let context):
                // Yams rejects the whole document and marks only the first key; point at the repeat.
                let key = keys.first ?? ""
                let first = SourceLocation(file: path, line: context.mark.line, column: context.mark.column)
                report(.error, .duplicateKey, "key '\(key)' appears twice in one mapping (first at line \(first.line))",
                       at: repeatedKey(key, after: first) ?? first)
            default:
                report(.error, .yamlSyntax, "YAML syntax: \(error)", at: SourceLocation(file: path, line: 1, column: 1))
            }
        } catch {
            report(.error, .yamlSyntax, "YAML syntax: \(error)", at: SourceLocation(file: path, line: 1, column: 1))
        }
        return nil
    }

    /// A location libyaml put past the last line (its context mark can be there too, as
    /// fuzz-pack-loader found) moves to the end of the last line, where the file stopped.
    func insideFile(_ location: SourceLocation) -> SourceLocation {
        let lines = SourceLines.split(text)
        guard location.line > lines.count, let last = lines.last else { return location }
        return SourceLocation(file: path, line: lines.count, column: last.unicodeScalars.count + 1)
    }

    /// Where Character offset `offset` of the file sits (Yams reports reader errors in Characters).
    func location(ofCharacterOffset offset: Int) -> SourceLocation {
        let end = text.index(text.startIndex, offsetBy: max(0, offset), limitedBy: text.endIndex) ?? text.endIndex
        var line = 1
        var column = 1
        var afterCR = false
        for scalar in text[..<end].unicodeScalars {
            // Lines end as libyaml ends them (\r\n once, \r, \n, NEL, LS, PS), so the line is the real one.
            if scalar == "\n" && afterCR { afterCR = false; continue }
            afterCR = scalar == "\r"
            if SourceLines.isBreak(scalar) { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: path, line: line, column: column)
    }

    /// The next occurrence of mapping key `key` after its first one at `first`, in the same
    /// mapping: at the same column first on its line (block style), or after `{` or `,` at the
    /// same bracket depth (flow style). Nil when not found.
    func repeatedKey(_ key: String, after first: SourceLocation) -> SourceLocation? {
        let lines = SourceLines.split(text).map { Array($0.unicodeScalars) }
        let keyScalars = Array(key.unicodeScalars)
        guard let firstColumn = first.column, first.line >= 1, first.line <= lines.count else { return nil }
        func keyEnd(_ line: [Unicode.Scalar], _ at: Int) -> Int? {
            var candidates = [keyScalars]
            candidates += ["'", "\""].map { q -> [Unicode.Scalar] in [q] + keyScalars + [q] }
            for c in candidates where at + c.count <= line.count && Array(line[at..<(at + c.count)]) == c {
                var j = at + c.count
                while j < line.count, line[j] == " " { j += 1 }
                if j < line.count, line[j] == ":" { return j }
            }
            return nil
        }
        guard let afterFirst = keyEnd(lines[first.line - 1], firstColumn - 1) else { return nil }
        var depth = 0
        var quote: Unicode.Scalar? = nil
        var previous: Unicode.Scalar = ":"
        for lineIndex in (first.line - 1)..<lines.count {
            let line = lines[lineIndex]
            var i = lineIndex == first.line - 1 ? afterFirst + 1 : 0
            let indent = line.prefix { $0 == " " }.count
            if lineIndex > first.line - 1, depth == 0 {
                // Block style: quotes do not span lines here, and a shallower line ends the mapping.
                quote = nil
                let blank = indent == line.count || line[indent] == "#"
                if !blank, indent < firstColumn - 1 { return nil }
                if indent == firstColumn - 1, keyEnd(line, indent) != nil {
                    return SourceLocation(file: path, line: lineIndex + 1, column: indent + 1)
                }
            }
            while i < line.count {
                let c = line[i]
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "'" || c == "\"" {
                    quote = c
                } else if c == "{" || c == "[" {
                    depth += 1
                } else if c == "}" || c == "]" {
                    depth -= 1
                    if depth < 0 { return nil }
                } else if c != " ", depth == 0, previous == "," || previous == "{", keyEnd(line, i) != nil {
                    return SourceLocation(file: path, line: lineIndex + 1, column: i + 1)
                }
                if c != " " { previous = c }
                i += 1
            }
        }
        return nil
    }

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    mutating func report(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation, rule: String? = nil, notes: [String] = []) {
        diagnostics.append(Diagnostic(severity, code: code, message, at: location, rule: rule, notes: notes))
    }

    mutating func report(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, node: Node, rule: String? = nil, notes: [String] = []) {
        report(severity, code, message, at: location(node), rule: rule, notes: notes)
    }

    /// The members of a mapping, in order. Unknown and duplicate keys are reported: a typo
    /// must never silently widen a rule.
    mutating func mapping(_ node: Node, _ what: String, allowed: Set<String>?, rule: String? = nil) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            report(.error, .wrongType, "\(what) must be a mapping", node: node, rule: rule)
            return nil
        }
        var seen: Set<String> = []
        var members: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                report(.error, .wrongType, "keys of \(what) must be plain words", node: keyNode, rule: rule)
                continue
            }
            if let allowed, !allowed.contains(key) {
                let hint = YAMLReader.closest(key, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
                report(.error, .unknownKey, "unknown key '\(key)' in \(what)\(hint)", node: keyNode, rule: rule,
                       notes: ["allowed keys: " + allowed.sorted().joined(separator: ", ")])
                continue
            }
            if !seen.insert(key).inserted {
                report(.error, .duplicateKey, "key '\(key)' appears twice in \(what)", node: keyNode, rule: rule)
                continue
            }
            members.append((key, keyNode, value))
        }
        return members
    }

    mutating func string(_ node: Node, _ what: String, rule: String? = nil) -> String? {
        guard let scalar = node.scalar else {
            report(.error, .wrongType, "\(what) must be a single value", node: node, rule: rule)
            return nil
        }
        return scalar.string
    }

    mutating func int(_ node: Node, _ what: String, rule: String? = nil) -> Int? {
        parsed(node, what, as: "a whole number", rule: rule) { Int($0) }
    }

    mutating func double(_ node: Node, _ what: String, rule: String? = nil) -> Double? {
        parsed(node, what, as: "a number", rule: rule) { Double($0) }
    }

    /// A scalar read by `parse`, or a wrong-type diagnostic naming what was expected.
    private mutating func parsed<T>(_ node: Node, _ what: String, as kind: String, rule: String?, _ parse: (String) -> T?) -> T? {
        guard let text = string(node, what, rule: rule) else { return nil }
        guard let value = parse(text) else {
            report(.error, .wrongType, "\(what) must be \(kind), not '\(text)'", node: node, rule: rule)
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, _ what: String, rule: String? = nil) -> Bool? {
        guard let text = string(node, what, rule: rule) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(.error, .wrongType, "\(what) must be true or false, not '\(text)'", node: node, rule: rule)
            return nil
        }
    }

    /// A list of strings; a single scalar counts as a list of one.
    mutating func strings(_ node: Node, _ what: String, rule: String? = nil) -> [(String, Node)]? {
        if let scalar = node.scalar { return [(scalar.string, node)] }
        guard case .sequence(let sequence) = node else {
            report(.error, .wrongType, "\(what) must be a value or a list of values", node: node, rule: rule)
            return nil
        }
        var values: [(String, Node)] = []
        for item in sequence {
            if let s = string(item, "an item of \(what)", rule: rule) { values.append((s, item)) }
        }
        return values
    }

    /// A word list as the engine compares it, folded to simplified characters; a word written
    /// again in the other script (通话, 通話) is a warning, since the fold makes it the same word.
    mutating func foldedWords(_ node: Node, _ what: String, rule: String? = nil) -> [String]? {
        guard let words = strings(node, what, rule: rule) else { return nil }
        for (index, kept) in ScriptTwins.inWords(words.map(\.0)) {
            report(.warning, .scriptTwin, "'\(words[index].0)' is the word '\(kept)' before it, since pages and words are read folded to simplified characters: drop it",
                   node: words[index].1, rule: rule)
        }
        return words.map { HanFold.fold($0.0) }
    }

    mutating func sequence(_ node: Node, _ what: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            report(.error, .wrongType, "\(what) must be a list", node: node)
            return nil
        }
        return Array(sequence)
    }

    /// Where scalar offset `offset` of a scalar node's value sits in the file (plain,
    /// quoted and block styles; escapes in double quotes are not mapped back).
    func location(ofOffset offset: Int, in node: Node) -> SourceLocation {
        guard let scalar = node.scalar, let mark = node.mark else { return location(node) }
        let value = Array(scalar.string.unicodeScalars)
        let before = value[0..<min(offset, value.count)]
        switch scalar.style {
        case .literal, .folded:
            if let found = blockLocation(ofOffset: offset, in: value, indicatorLine: mark.line) { return found }
            let lines = SourceLines.split(text)
            let lineBreaks = before.filter { $0 == "\n" }.count
            let line = mark.line + 1 + lineBreaks
            let lastBreak = before.lastIndex(of: "\n").map { $0 + 1 } ?? 0
            let indent = line - 1 < lines.count ? lines[line - 1].prefix { $0 == " " }.count : 0
            return SourceLocation(file: path, line: line, column: indent + (before.count - lastBreak) + 1)
        case .singleQuoted:
            let doubled = before.filter { $0 == "'" }.count
            return SourceLocation(file: path, line: mark.line, column: mark.column + 1 + before.count + doubled)
        case .doubleQuoted:
            return SourceLocation(file: path, line: mark.line, column: mark.column + 1 + before.count)
        default:
            return SourceLocation(file: path, line: mark.line, column: mark.column + before.count)
        }
    }

    /// Where scalar `offset` of a block scalar's value (`|` or `>`, its indicator on
    /// `indicatorLine`) was written: the value is walked alongside the block's lines, each line
    /// break standing for the value's line break (`|`) or space (`>`), so a `(?x)` pattern spread
    /// over lines, or a folded one, is located on its own line. Nil when the two do not line up.
    func blockLocation(ofOffset offset: Int, in value: [Unicode.Scalar], indicatorLine: Int) -> SourceLocation? {
        let lines = SourceLines.split(text).map { Array($0.unicodeScalars) }
        var line = indicatorLine + 1
        // The block's indentation is its first non-blank line's.
        guard let firstContent = (line...max(line, lines.count)).first(where: { $0 <= lines.count && lines[$0 - 1].contains { $0 != " " } }) else { return nil }
        let indent = lines[firstContent - 1].prefix { $0 == " " }.count
        var v = 0
        while line <= lines.count {
            let source = lines[line - 1]
            if !source.contains(where: { $0 != " " }) {
                // A blank line is a line break of the value.
                if v < value.count, value[v] == "\n" {
                    if v == offset { return SourceLocation(file: path, line: line, column: source.count + 1) }
                    v += 1
                }
                line += 1
                continue
            }
            // A line less indented than the block ends it.
            guard source.prefix(while: { $0 == " " }).count >= indent else { return nil }
            for (column, scalar) in source.enumerated().dropFirst(indent) {
                if v == offset { return SourceLocation(file: path, line: line, column: column + 1) }
                guard v < value.count, value[v] == scalar else { return nil }
                v += 1
            }
            if v == offset { return SourceLocation(file: path, line: line, column: source.count + 1) }
            if v < value.count, value[v] == "\n" || value[v] == " " { v += 1 }
            line += 1
        }
        return nil
    }

    /// The lines a scalar is written on, with where each starts and its length in scalars: a
    /// block scalar's own lines (without their indentation), else the value as one line.
    func writtenLines(of node: Node) -> [(location: SourceLocation, length: Int)] {
        guard let scalar = node.scalar, let mark = node.mark else { return [] }
        guard scalar.style == .literal || scalar.style == .folded else {
            // Where the value starts: past the opening quote of a quoted scalar.
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            return [(SourceLocation(file: path, line: mark.line, column: mark.column + (quoted ? 1 : 0)), scalar.string.unicodeScalars.count)]
        }
        let lines = SourceLines.split(text).map { Array($0.unicodeScalars) }
        var found: [(SourceLocation, Int)] = []
        var indent: Int?
        var line = mark.line + 1
        while line <= lines.count {
            let source = lines[line - 1]
            let leading = source.prefix { $0 == " " }.count
            if leading < source.count {
                if indent == nil { indent = leading }
                guard leading >= indent! else { break }
                found.append((SourceLocation(file: path, line: line, column: indent! + 1), source.count - indent!))
            }
            line += 1
        }
        return found
    }

    /// The allowed word nearest to a typo (edit distance ≤ 2).
    static func closest(_ word: String, in candidates: Set<String>) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var previous = Array(0...b.count)
            for (i, ca) in a.enumerated() {
                var current = [i + 1]
                for (j, cb) in b.enumerated() {
                    current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
                }
                previous = current
            }
            return previous[b.count]
        }
        let scored = candidates.map { ($0, distance(Array(word), Array($0))) }.filter { $0.1 <= 2 }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }
}
