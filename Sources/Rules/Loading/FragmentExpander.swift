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
    var origins: [Origin] = []
    /// Mention references used (ACTOR, DATE, …).
    var mentionKinds: Set<MentionKind> = []

    var text: String {
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars)
        return s
    }

    /// The origin of expanded offset `offset` (the end maps to the end of the raw pattern).
    func origin(at offset: Int, rawLength: Int) -> Origin {
        if offset < origins.count { return origins[offset] }
        return Origin(rawOffset: rawLength, fragment: nil)
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
        func origin(_ offset: Int) -> ExpandedPattern.Origin {
            topLevel.map { ExpandedPattern.Origin(rawOffset: $0.rawOffset, fragment: $0.name) }
                ?? ExpandedPattern.Origin(rawOffset: offset, fragment: nil)
        }
        func copy(_ range: Range<Int>) {
            for k in range {
                out.scalars.append(scalars[k])
                out.origins.append(origin(k))
            }
        }
        func emit(_ text: String, at offset: Int) {
            for s in text.unicodeScalars {
                out.scalars.append(s)
                out.origins.append(origin(offset))
            }
        }
        for reference in FragmentExpander.references(in: scalars) {
            copy(cursor..<reference.offset)
            cursor = reference.offset + reference.length
            let here = topLevel?.rawOffset ?? reference.offset
            if let kind = Placeholder.referenceNames[reference.name] {
                if allowMentions {
                    emit(Placeholder.classPattern(for: kind), at: reference.offset)
                    out.mentionKinds.insert(kind)
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
            emit(")", at: reference.offset)
        }
        copy(cursor..<scalars.count)
    }
}
