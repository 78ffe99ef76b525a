import Records

/// A pattern with every `{{NAME}}` replaced, remembering for each scalar where in the rule's
/// own pattern it came from, so a PCRE2 error offset points at what the author wrote.
struct ExpandedPattern {
    /// Where one scalar of the expanded pattern came from.
    struct Origin {
        /// Scalar offset in the pattern as written in the rule.
        var rawOffset: Int
        /// The top-level fragment the scalar belongs to, if any.
        var fragment: String?
    }

    var scalars: [Unicode.Scalar] = []
    /// Per scalar, its offset in the pattern as written (plain integers: an expanded pattern can
    /// be tens of thousands of scalars, and a name per scalar was most of the cost of expanding).
    var rawOffsets: [Int] = []
    /// Where each run of scalars from one top-level fragment (or from none) begins.
    var fragmentRuns: [(start: Int, fragment: String?)] = []

    /// Marks the scalars appended from here on as coming from `fragment` (nil: the rule's own pattern).
    mutating func begin(_ fragment: String?) {
        if let last = fragmentRuns.last, last.fragment == fragment { return }
        fragmentRuns.append((scalars.count, fragment))
    }
    /// Mention references used (ACTOR, DATE, …).
    var mentionKinds: Set<MentionKind> = []

    var text: String {
        // Through UTF-8 bytes: appending scalars to a String one by one costs several times more,
        // and an expanded pattern can be tens of thousands of scalars.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The origin of expanded offset `offset` (the end maps to the end of the raw pattern).
    func origin(at offset: Int, rawLength: Int) -> Origin {
        guard offset >= 0, offset < scalars.count else { return Origin(rawOffset: rawLength, fragment: nil) }
        let run = fragmentRuns.last(where: { $0.start <= offset })
        return Origin(rawOffset: rawOffsets[offset], fragment: run?.fragment ?? nil)
    }
}

/// A problem met while expanding; `rawOffset` is where in the rule's pattern.
struct ExpansionProblem: Equatable {
    var code: DiagnosticCode
    var message: String
    var rawOffset: Int
}

/// Expands `{{NAME}}` references: mention references (when allowed) become placeholder
/// classes, fragments are inlined inside `(?:…)` so they keep their precedence.
struct FragmentExpander {
    /// Fragment name → pattern.
    var fragments: [String: String]
    /// True in event and attach patterns, which run over folded sentences.
    var allowMentions: Bool

    func expand(_ raw: String) -> (ExpandedPattern, [ExpansionProblem]) {
        var out = ExpandedPattern()
        var problems: [ExpansionProblem] = []
        append(raw, into: &out, problems: &problems, stack: [], topLevel: nil)
        return (out, problems)
    }

    /// References in `pattern`: (name, scalar offset of `{{`, scalar length of the reference).
    static func references(in pattern: [Unicode.Scalar]) -> [(name: String, offset: Int, length: Int)] {
        var found: [(String, Int, Int)] = []
        var i = 0
        while i + 1 < pattern.count {
            if pattern[i] == "{", pattern[i + 1] == "{" {
                var j = i + 2
                var name = ""
                while j < pattern.count, pattern[j].isASCII,
                      pattern[j].properties.isAlphabetic || ("0"..."9").contains(pattern[j]) || pattern[j] == "_" {
                    name.unicodeScalars.append(pattern[j])
                    j += 1
                }
                if !name.isEmpty, j + 1 < pattern.count, pattern[j] == "}", pattern[j + 1] == "}" {
                    found.append((name, i, j + 2 - i))
                    i = j + 2
                    continue
                }
            }
            i += 1
        }
        return found
    }

    private func append(_ pattern: String, into out: inout ExpandedPattern, problems: inout [ExpansionProblem],
                        stack: [String], topLevel: (name: String, rawOffset: Int)?) {
        let scalars = Array(pattern.unicodeScalars)
        var cursor = 0
        // Inside a fragment every scalar points at the reference the rule wrote; in the rule's own
        // pattern, at itself.
        out.begin(topLevel?.name)
        func copy(_ range: Range<Int>) {
            out.scalars.append(contentsOf: scalars[range])
            if let topLevel {
                out.rawOffsets.append(contentsOf: repeatElement(topLevel.rawOffset, count: range.count))
            } else {
                out.rawOffsets.append(contentsOf: range)
            }
        }
        func emit(_ text: String, at offset: Int) {
            let before = out.scalars.count
            out.scalars.append(contentsOf: text.unicodeScalars)
            out.rawOffsets.append(contentsOf: repeatElement(topLevel?.rawOffset ?? offset, count: out.scalars.count - before))
        }
        var classes = ClassTracker(scalars)
        for reference in FragmentExpander.references(in: scalars) {
            copy(cursor..<reference.offset)
            cursor = reference.offset + reference.length
            let here = topLevel?.rawOffset ?? reference.offset
            if let builtin = Placeholder.references[reference.name] {
                if allowMentions {
                    guard let pattern = builtin.pattern(insideClass: classes.isInside(at: reference.offset)) else {
                        problems.append(ExpansionProblem(code: .referenceInClass,
                            message: "{{\(reference.name)}} is a class of its own and cannot stand inside [...]",
                            rawOffset: here))
                        continue
                    }
                    emit(pattern, at: reference.offset)
                    if let kind = builtin.kind { out.mentionKinds.insert(kind) }
                } else {
                    problems.append(ExpansionProblem(code: .mentionRefOutsideEvent,
                        message: "{{\(reference.name)}} stands for a mention and works only in event and attach patterns",
                        rawOffset: here))
                }
                continue
            }
            guard let body = fragments[reference.name] else {
                problems.append(ExpansionProblem(code: .unknownFragment, message: "unknown fragment '{{\(reference.name)}}'", rawOffset: here))
                continue
            }
            if stack.contains(reference.name) {
                let cycle = (stack + [reference.name]).joined(separator: " → ")
                problems.append(ExpansionProblem(code: .fragmentCycle, message: "fragments refer to each other in a cycle: \(cycle)", rawOffset: here))
                continue
            }
            emit("(?:", at: reference.offset)
            append(body, into: &out, problems: &problems, stack: stack + [reference.name],
                   topLevel: topLevel ?? (reference.name, reference.offset))
            out.begin(topLevel?.name)
            emit(")", at: reference.offset)
        }
        copy(cursor..<scalars.count)
    }
}

/// Whether an offset of a pattern lies inside a `[…]` class, for offsets asked in increasing
/// order (one pass over the pattern however many references it has).
struct ClassTracker {
    private let p: [Unicode.Scalar]
    private var i = 0
    private var inside = false
    /// Scalars since the class opened (a `]` first, or after `^`, is a member, not the end).
    private var sinceOpen = 0

    init(_ pattern: [Unicode.Scalar]) { p = pattern }

    mutating func isInside(at offset: Int) -> Bool {
        while i < offset, i < p.count {
            let c = p[i]
            if c == "\\" {
                if !inside, i + 1 < p.count, p[i + 1] == "Q" {
                    // \Q…\E quotes everything up to \E.
                    var k = i + 2
                    while k + 1 < p.count, !(p[k] == "\\" && p[k + 1] == "E") { k += 1 }
                    i = k + 2
                } else {
                    i += 2
                    if inside { sinceOpen += 1 }
                }
                continue
            }
            if inside {
                if c == "]" && !(sinceOpen == 0 || (sinceOpen == 1 && p[i - 1] == "^")) {
                    inside = false
                } else if c == "[", i + 1 < p.count, p[i + 1] == ":" {
                    // A POSIX class [:alpha:] inside the class.
                    var k = i + 2
                    while k < p.count, p[k] != "]" { k += 1 }
                    i = k
                }
                sinceOpen += 1
            } else if c == "[" {
                inside = true
                sinceOpen = 0
            }
            i += 1
        }
        return inside
    }
}
