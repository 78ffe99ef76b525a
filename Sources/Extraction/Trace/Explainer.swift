import PCRE2
import Records
import Rules

extension Extractor {
    /// Runs the document as `extract` does and says what each stage saw; with `rule`, why that
    /// rule did or did not give an event in each sentence.
    public func explain(_ document: Document, rule: String? = nil) -> Explanation {
        let matchers = pool.checkOut()
        defer { pool.checkIn(matchers) }
        var run = Run(extractor: self, document: document, matchers: matchers)
        return run.explain(rule)
    }
}

extension Run {
    mutating func explain(_ ruleID: String?) -> Explanation {
        let (result, _) = extract()
        let segments = extractor.segmenter.segments(of: text.folded, subject: text.subject, documentDate: document.date)
        // The record's mentions have the engine's spans and kinds; only their text is as written.
        let mentions = result.mentions
        var explained: [ExplainedSegment] = []
        var verdicts: [RuleVerdict] = []
        var cursor = 0
        for (segmentIndex, segment) in segments.enumerated() {
            var sentences: [ExplainedSentence] = []
            for (index, sentence) in segment.sentences.enumerated() {
                while cursor < mentions.count, mentions[cursor].span.end <= sentence.start { cursor += 1 }
                var end = cursor
                while end < mentions.count, mentions[end].span.start < sentence.end { end += 1 }
                let folded = FoldedSentence(span: sentence, scalars: scalars, mentions: mentions, mentionRange: cursor..<end)
                let lowered = String(String.UnicodeScalarView(scalars[sentence.start..<sentence.end].map {
                    $0.isASCII ? Unicode.Scalar(UInt8(ascii: $0).lowercasedASCII) : $0
                }))
                let ran = rules.events.filter { Run.passesPrefilter($0.requiredLiterals, lowered) }.map(\.header.id)
                sentences.append(ExplainedSentence(span: sentence, caption: segment.captions.contains(index),
                                                   folded: builder.render(folded, mentions), rulesRun: ran))
                let datelineMentions = segment.dateline.map { d in mentions.filter { d.contains($0.span) } } ?? []
                let scope = SentenceScope(folded: folded, mentions: mentions, range: cursor..<end, segment: segment,
                                          segmentIndex: segmentIndex, sentenceIndex: index, datelineMentions: datelineMentions,
                                          caption: segment.captions.contains(index))
                if let ruleID, let verdict = builder.verdict(ruleID, scope, lowered, result) {
                    verdicts.append(verdict)
                }
            }
            explained.append(ExplainedSegment(span: segment.span, dateline: segment.dateline, referenceDate: segment.referenceDate, sentences: sentences))
        }
        return Explanation(document: document, language: rules.language, result: result, segments: explained, verdicts: verdicts)
    }

    static func passesPrefilter(_ literals: [String], _ lowered: String) -> Bool {
        literals.isEmpty || literals.contains { lowered.contains($0.lowercased()) }
    }

}

/// Why a rule did or did not fire in a sentence: the event builder's steps, one at a time.
extension EventBuilder {
    /// The folded sentence with each placeholder shown as ⟨KIND⟩ (⟨ACTOR|PLACE⟩ for a mention of two readings).
    func render(_ folded: FoldedSentence, _ mentions: [Mention]) -> String {
        var out = ""
        for (k, scalar) in folded.subject.text(utf8Range: 0..<folded.subject.byteCount).unicodeScalars.enumerated() {
            if k < folded.mentionAt.count, let m = folded.mentionAt[k] {
                out += "⟨" + mentions[m].kinds.map { $0.rawValue.uppercased() }.joined(separator: "|") + "⟩"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    func verdict(_ ruleID: String, _ scope: SentenceScope, _ lowered: String, _ result: DocumentResult) -> RuleVerdict? {
        let patterns = extractor.patterns
        let folded = scope.folded, mentions = scope.mentions
        func verdict(_ outcome: RuleVerdict.Outcome) -> RuleVerdict { RuleVerdict(rule: ruleID, sentence: folded.span, outcome: outcome) }
        func span(_ m: Match) -> Span { folded.documentSpan(utf8Range: m.utf8Range, mentions: mentions) }
        if let index = rules.events.firstIndex(where: { $0.header.id == ruleID }) {
            let rule = rules.events[index]
            guard Run.passesPrefilter(rule.requiredLiterals, lowered) else { return verdict(.prefilter(literals: rule.requiredLiterals)) }
            let found = (try? matcher(patterns.event[index]).matches(in: folded.subject)) ?? []
            guard let first = found.first else { return verdict(partial(patterns.event[index], folded.subject) { folded.documentSpan(utf8Range: $0, mentions: mentions) }) }
            for (k, veto) in patterns.eventUnless[index].enumerated() {
                if let v = try? matcher(veto).firstMatch(in: folded.subject) { return verdict(.vetoed(match: span(first), by: "unless", index: k, vetoMatch: span(v))) }
            }
            var clauseVetoes: [(Int, Span)] = []
            for (k, veto) in patterns.eventUnlessClause[index].enumerated() {
                clauseVetoes += ((try? matcher(veto).matches(in: folded.subject)) ?? []).map { (k, span($0)) }
            }
            var last: RuleVerdict.Outcome = .noEvent(match: span(first))
            for match in found {
                let clause = clauseSpan(around: span(match), in: folded.span)
                if let (k, v) = clauseVetoes.first(where: { clause.contains($0.1) }) {
                    last = .vetoed(match: span(match), by: "unless_clause", index: k, vetoMatch: v)
                    continue
                }
                guard let event = build(rule, match, scope)?.event else {
                    last = failedConstraint(rule, match, scope) ?? .noEvent(match: span(match))
                    continue
                }
                var cues: [[Span]]?
                var failures = RuleFailures(document: document.id)
                if let (cue, at) = vetoingCue(event, scope, cues: &cues, failures: &failures) {
                    last = .vetoed(match: span(match), by: "the modality layer's \(rules.modality[cue].header.id)", index: cue, vetoMatch: at)
                    continue
                }
                if result.events.contains(where: { $0.rule == ruleID && $0.trigger.span == event.trigger.span }) {
                    return verdict(.fired(trigger: event.trigger.span))
                }
                last = fate(of: event, index, scope, result, match: span(match))
            }
            return verdict(last)
        }
        if let index = rules.attaches.firstIndex(where: { $0.header.id == ruleID }) {
            let rule = rules.attaches[index]
            guard Run.passesPrefilter(rule.requiredLiterals, lowered) else { return verdict(.prefilter(literals: rule.requiredLiterals)) }
            let found = (try? matcher(patterns.attach[index]).matches(in: folded.subject)) ?? []
            guard let first = found.first else { return verdict(partial(patterns.attach[index], folded.subject) { folded.documentSpan(utf8Range: $0, mentions: mentions) }) }
            for (k, veto) in patterns.attachUnless[index].enumerated() {
                if let v = try? matcher(veto).firstMatch(in: folded.subject) { return verdict(.vetoed(match: span(first), by: "unless", index: k, vetoMatch: span(v))) }
            }
            let origin = "attach \(ruleID)"
            if let target = result.events.first(where: { $0.args.contains { $0.origin == origin && folded.span.contains($0.span) } }) {
                return verdict(.fired(trigger: target.trigger.span))
            }
            return verdict(.noEvent(match: span(first)))
        }
        if let index = rules.entities.firstIndex(where: { $0.header.id == ruleID }) {
            if let mention = mentions.first(where: { $0.rule == ruleID && folded.span.contains($0.span) }) {
                return verdict(.fired(trigger: mention.span))
            }
            // Entity rules read the raw sentence, not the folded one.
            let sentence = Subject(text.reading(folded.span))
            let start = folded.span.start
            return verdict(partial(patterns.entity[index], sentence) { bytes in
                let r = sentence.scalarRange(utf8Range: bytes)
                return Span(start: start + r.lowerBound, end: start + r.upperBound)
            })
        }
        return nil
    }

    /// Why a match built no event: the first role group whose mention a `where` constraint refuses.
    func failedConstraint(_ rule: EventRule, _ match: Match, _ scope: SentenceScope) -> RuleVerdict.Outcome? {
        for (group, role) in rule.roleGroups.sorted(by: { $0.key < $1.key }) {
            guard let r = match.utf8Range(named: group), let arg = argument(role: role, group: r, scope) else { continue }
            if let constraint = rule.constraints[group] ?? rule.constraints[role], !constraint.accepts(arg.value) {
                return .constraint(match: scope.documentSpan(match.utf8Range), group: group, role: role, text: arg.text)
            }
        }
        return nil
    }

    /// A built event missing from the output: an earlier rule held its trigger, or coalescing merged it.
    func fate(of event: Event, _ index: Int, _ scope: SentenceScope, _ result: DocumentResult, match: Span) -> RuleVerdict.Outcome {
        for (earlier, rule) in rules.events.enumerated().prefix(index) where rule.type == event.type {
            var failures = RuleFailures(document: document.id)
            let events = apply(rule, earlier, scope, &failures)
            if events.contains(where: { $0.event.trigger.span.overlaps(event.trigger.span) }) { return .tookBy(match: match, rule: rule.header.id) }
        }
        let sameType = result.events.filter { $0.type == event.type }
        if let into = sameType.first(where: { $0.evidence.overlaps(event.evidence) })
            ?? sameType.min(by: { abs($0.trigger.span.start - event.trigger.span.start) < abs($1.trigger.span.start - event.trigger.span.start) }) {
            return .merged(match: match, into: into.rule, trigger: into.trigger.span)
        }
        return .noEvent(match: match)
    }

    /// The longest partial match of a pattern (PCRE2_PARTIAL_HARD on ever shorter prefixes of the
    /// subject, longest first): what it covered, as a document span, and where it could go no further.
    func partial(_ pattern: Int, _ subject: Subject, toDocument: (Range<Int>) -> Span) -> RuleVerdict.Outcome {
        let m = matcher(pattern)
        for end in stride(from: subject.index.scalarCount, through: 1, by: -1) {
            let bytes = subject.index.utf8Offset(ofScalar: end)
            guard case .partial(let startByte)? = try? m.partialMatch(in: subject, prefixBytes: bytes), startByte < bytes else { continue }
            let covered = toDocument(startByte..<bytes)
            return .noMatch(matched: covered, stoppedAt: covered.end)
        }
        return .noMatch(matched: nil, stoppedAt: nil)
    }
}
