import Normalizers

/// Where a pattern or word list writes a word twice, once in each script (`释放|釋放`, `[于於]`,
/// `[通话, 通話]`): the page is read folded to simplified characters (HanFold), and so are the
/// pack's patterns and words, so the second spelling can never match anything the first does not.
enum ScriptTwins {
    /// A redundant spelling: the scalar range to delete (an alternation branch with the `|` before
    /// it, or one class member), what it reads, and the spelling already there.
    typealias Twin = (offset: Int, length: Int, text: String, kept: String)

    /// The twins among the branches of each group (and of the whole pattern) and among the plain
    /// members of each character class of `pattern`, as written.
    static func inPattern(_ pattern: String) -> [Twin] {
        let p = Array(pattern.unicodeScalars)
        // Cheap answer for the common case: nothing a fold changes, no twin.
        guard p.contains(where: { HanFold.simplified($0) != $0 }) else { return [] }
        var twins: [Twin] = []
        // Open groups, each with the start of its branches so far (the top level is one more).
        var groups: [[Int]] = [[0]]
        var i = 0
        func close(_ branches: [Int], end: Int) {
            var seen: [String: String] = [:]
            for (n, start) in branches.enumerated() {
                let stop = n + 1 < branches.count ? branches[n + 1] - 1 : end
                guard start <= stop else { continue }
                let written = String(String.UnicodeScalarView(p[start..<stop]))
                let folded = HanFold.fold(written)
                if let kept = seen[folded] {
                    // The branch and the `|` before it.
                    twins.append((offset: start - 1, length: stop - start + 1, text: written, kept: kept))
                } else {
                    seen[folded] = written
                }
            }
        }
        while i < p.count {
            let c = p[i]
            if c == "\\" {
                i = skipEscape(p, at: i)
                continue
            }
            if c == "[" {
                let (end, members) = classMembers(p, at: i)
                var seen: [Unicode.Scalar: Unicode.Scalar] = [:]
                for (offset, member) in members {
                    let folded = HanFold.simplified(member)
                    if let kept = seen[folded] {
                        twins.append((offset: offset, length: 1, text: String(member), kept: String(kept)))
                    } else {
                        seen[folded] = member
                    }
                }
                i = end
                continue
            }
            if c == "(" {
                // A group's branches start after its opening: (?:, (?<name>, (?=, or a plain (.
                var start = i + 1
                if i + 1 < p.count, p[i + 1] == "?" || p[i + 1] == "*" {
                    if i + 2 < p.count, p[i + 2] == "#" || p[i + 1] == "*" {
                        // A comment or a verb: nothing to compare inside.
                        while i < p.count, p[i] != ")" { i += 1 }
                        i += 1
                        continue
                    }
                    if i + 2 < p.count, p[i + 2] == "<", i + 3 < p.count, p[i + 3] != "=", p[i + 3] != "!" {
                        var k = i + 3
                        while k < p.count, p[k] != ">" { k += 1 }
                        start = k + 1
                    } else if i + 2 < p.count, p[i + 2] == "(" {
                        // A conditional: its condition is no branch.
                        var k = i + 3
                        while k < p.count, p[k] != ")" { k += 1 }
                        start = k + 1
                    } else {
                        var k = i + 2
                        while k < p.count, p[k] != ":", p[k] != ")", !["=", "!", "<", ">", "|"].contains(p[k]) { k += 1 }
                        if k < p.count, p[k] == ")" {
                            // (?i): an option setting, no group.
                            i = k + 1
                            continue
                        }
                        if k < p.count, p[k] == "<" { k += 1 }
                        start = min(p.count, k + 1)
                    }
                }
                groups.append([start])
                i = start
                continue
            }
            if c == "|" {
                groups[groups.count - 1].append(i + 1)
            } else if c == ")", groups.count > 1, let branches = groups.popLast() {
                close(branches, end: i)
            }
            i += 1
        }
        close(groups[0], end: p.count)
        return twins.sorted { $0.offset < $1.offset }
    }

    /// The twins of a word list: each later word that folds to an earlier one, by index.
    static func inWords(_ words: [String]) -> [(index: Int, kept: String)] {
        var seen: [String: String] = [:]
        var twins: [(Int, String)] = []
        for (index, word) in words.enumerated() {
            let folded = HanFold.fold(word)
            if let kept = seen[folded], kept != word { twins.append((index, kept)) } else if seen[folded] == nil { seen[folded] = word }
        }
        return twins
    }

    /// Past the escape at `i`: `\x{…}`, `\p{…}`, `\Q…\E`, or a backslash and one scalar.
    static func skipEscape(_ p: [Unicode.Scalar], at i: Int) -> Int {
        guard i + 1 < p.count else { return p.count }
        let next = p[i + 1]
        if next == "Q" {
            var k = i + 2
            while k + 1 < p.count, !(p[k] == "\\" && p[k + 1] == "E") { k += 1 }
            return min(p.count, k + 2)
        }
        if ["x", "p", "P", "N", "o", "g", "k"].contains(next), i + 2 < p.count, p[i + 2] == "{" || p[i + 2] == "<" {
            let close: Unicode.Scalar = p[i + 2] == "{" ? "}" : ">"
            var k = i + 3
            while k < p.count, p[k] != close { k += 1 }
            return min(p.count, k + 1)
        }
        return i + 2
    }

    /// The end of the class opening at `i`, and its plain members (no escapes, not inside a range,
    /// not a POSIX class), with their offsets.
    static func classMembers(_ p: [Unicode.Scalar], at i: Int) -> (end: Int, members: [(Int, Unicode.Scalar)]) {
        var k = i + 1
        if k < p.count, p[k] == "^" { k += 1 }
        var members: [(Int, Unicode.Scalar)] = []
        var first = true
        while k < p.count {
            let c = p[k]
            if c == "]", !first { return (k + 1, members) }
            first = false
            if c == "\\" { k = skipEscape(p, at: k); continue }
            if c == "[", k + 1 < p.count, p[k + 1] == ":" {
                // [:alpha:]
                var j = k + 2
                while j + 1 < p.count, !(p[j] == ":" && p[j + 1] == "]") { j += 1 }
                k = j + 2
                continue
            }
            if k + 2 < p.count, p[k + 1] == "-", p[k + 2] != "]" {
                // A range a-z: neither end is a plain member.
                k += 3
                continue
            }
            members.append((k, c))
            k += 1
        }
        return (p.count, members)
    }
}
