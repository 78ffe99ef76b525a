import Foundation
import Normalizers
import PCRE2
import Records
import Rules

/// Runs one language's rules over documents: `RuleSet × Document → DocumentResult`.
/// Immutable and shareable; each call makes its own matchers, so documents can run in parallel.
public struct Extractor: Sendable {
    public let rules: RuleSet
    let segmenter = Segmenter()
    /// Every required literal of every event and attach rule, lower-cased, in one matcher.
    let literals: DictionaryMatcher<Int>
    /// The key each literal has in `literals`.
    let literalKeys: [String: Int]
    /// Every pattern, numbered, with each rule's pattern and prefilter keys.
    let patterns: PatternTable
    /// Matchers kept between documents, one set per concurrent run.
    let pool: MatcherPool
    /// The rule set's title words (美国 总统 特朗普), as a dictionary.
    let titles: DictionaryMatcher<Int>
    /// The rule set's speech verbs (称, 表示, said).
    let speech: DictionaryMatcher<Int>

    public init(rules: RuleSet) {
        self.rules = rules
        var matcher = DictionaryMatcher<Int>()
        var keys: [String: Int] = [:]
        for literal in rules.events.flatMap(\.requiredLiterals) + rules.attaches.flatMap(\.requiredLiterals) where keys[literal] == nil {
            keys[literal] = keys.count
            matcher.insert(literal.lowercased(), keys[literal]!)
        }
        literals = matcher
        literalKeys = keys
        patterns = PatternTable(rules: rules, literalKeys: keys)
        pool = MatcherPool(size: patterns.regexes.count)
        var titleMatcher = DictionaryMatcher<Int>()
        for (index, title) in rules.titles.enumerated() { titleMatcher.insert(title, index) }
        titles = titleMatcher
        var speechMatcher = DictionaryMatcher<Int>()
        for (index, verb) in rules.speechVerbs.enumerated() { speechMatcher.insert(verb, index) }
        speech = speechMatcher
    }

    /// Extracts from one document whose language this extractor's rules are for.
    public func extract(_ document: Document) -> (result: DocumentResult, warnings: [ExtractionWarning]) {
        let matchers = pool.checkOut()
        defer { pool.checkIn(matchers) }
        var run = Run(extractor: self, document: document, matchers: matchers)
        return run.extract()
    }
}

/// One document's extraction: matchers and intermediate state live here, not in the Extractor.
struct Run {
    let extractor: Extractor
    let document: Document
    let text: String
    let scalars: [Unicode.Scalar]
    /// The document as written, for the `text` of records (same offsets as `scalars`).
    let originalScalars: [Unicode.Scalar]
    let subject: Subject
    let matchers: MatcherSet
    var warnings: [ExtractionWarning] = []

    init(extractor: Extractor, document: Document, matchers: MatcherSet) {
        self.extractor = extractor
        self.document = document
        self.matchers = matchers
        text = TextPreparation.foldFullWidth(document.text)
        scalars = Array(text.unicodeScalars)
        originalScalars = Array(document.text.unicodeScalars)
        subject = Subject(text)
    }

    var rules: RuleSet { extractor.rules }

    func matcher(_ index: Int) -> Matcher { matchers.matcher(index, extractor.patterns) }

    mutating func extract() -> (result: DocumentResult, warnings: [ExtractionWarning]) {
        let segments = extractor.segmenter.segments(of: text, subject: subject, documentDate: document.date)
        let mentions = MentionFinder(rules: rules, titles: extractor.titles).find(text: text, scalars: scalars, subject: subject, segments: segments,
                                                        documentDate: document.date, patterns: extractor.patterns,
                                                        matchers: matchers, warnings: &warnings)
        // Prefilter: one pass over the lower-cased text finds every required literal.
        let lowered = scalars.map { $0.isASCII ? Unicode.Scalar(UInt8(ascii: $0).lowercasedASCII) : $0 }
        let literalHits = extractor.literals.allMatches(in: lowered).map { (start: $0.start, keys: $0.payloads) }
        let patterns = extractor.patterns

        var events: [(event: Event, segment: Int, sentence: Int, rules: [String])] = []
        var captionEvents: Set<Int> = []
        var mentionCursor = 0
        var hitCursor = 0
        for (segmentIndex, segment) in segments.enumerated() {
            let datelineMentions = segment.dateline.map { d in mentions.filter { d.contains($0.span) } } ?? []
            for (sentenceIndex, sentence) in segment.sentences.enumerated() {
                while mentionCursor < mentions.count, mentions[mentionCursor].span.end <= sentence.start { mentionCursor += 1 }
                var mentionEnd = mentionCursor
                while mentionEnd < mentions.count, mentions[mentionEnd].span.start < sentence.end { mentionEnd += 1 }
                let folded = FoldedSentence(span: sentence, scalars: scalars, mentions: mentions, mentionRange: mentionCursor..<mentionEnd)
                // Hits are in text order: the ones inside this sentence are one contiguous run.
                var present: Set<Int> = []
                while hitCursor < literalHits.count, literalHits[hitCursor].start < sentence.start { hitCursor += 1 }
                var hit = hitCursor
                while hit < literalHits.count, literalHits[hit].start < sentence.end {
                    present.formUnion(literalHits[hit].keys)
                    hit += 1
                }
                func passes(_ keys: [Int]) -> Bool { keys.isEmpty || keys.contains(where: present.contains) }
                var sentenceEvents: [Event] = []
                var sentenceRules: [[String]] = []
                for (index, rule) in rules.events.enumerated() where passes(patterns.eventLiterals[index]) {
                    for event in apply(rule, index, folded, mentions, mentionCursor..<mentionEnd, segment, datelineMentions) {
                        // One trigger, one event of a type: the first rule (file order) wins.
                        if sentenceEvents.contains(where: { $0.type == event.type && $0.trigger.span.overlaps(event.trigger.span) }) { continue }
                        sentenceEvents.append(event)
                        sentenceRules.append([rule.header.id])
                    }
                }
                for (event, ruleIDs) in zip(sentenceEvents, sentenceRules) {
                    if segment.captions.contains(sentenceIndex) { captionEvents.insert(events.count) }
                    events.append((event, segmentIndex, sentenceIndex, ruleIDs))
                }
                for (index, rule) in rules.attaches.enumerated() where passes(patterns.attachLiterals[index]) {
                    attach(rule, index, folded, mentions, segmentIndex, sentenceIndex, &events)
                }
            }
        }
        let coalesced = Coalescer(datelines: segments.compactMap(\.dateline))
            .coalesce(events.enumerated().map { ($1.event, $1.segment, $1.sentence, captionEvents.contains($0)) })
        let result = DocumentResult(doc: document.id, language: rules.language, referenceDate: document.date,
                                    events: coalesced.map(originalWords), mentions: mentions.map(originalWords), extra: document.extra)
        return (result, warnings)
    }

    /// Rules read the folded text (１２ as 12); records quote the document as written, so that
    /// `text[start:end]` of the input gives every `text` field. Spans are the same in both.
    func originalWords(_ mention: Mention) -> Mention {
        var mention = mention
        mention.text = original(mention.span)
        return mention
    }

    func originalWords(_ event: Event) -> Event {
        var event = event
        event.trigger.text = original(event.trigger.span)
        event.args = event.args.map { arg in
            var arg = arg
            arg.text = original(arg.span)
            return arg
        }
        return event
    }

    func original(_ span: Span) -> String {
        guard span.end <= originalScalars.count else { return "" }
        return String(String.UnicodeScalarView(originalScalars[span.start..<span.end]))
    }

    /// Runs one event rule over a folded sentence.
    mutating func apply(_ rule: EventRule, _ index: Int, _ folded: FoldedSentence, _ mentions: [Mention], _ range: Range<Int>,
                        _ segment: Segment, _ datelineMentions: [Mention]) -> [Event] {
        let patterns = extractor.patterns
        do {
            for veto in patterns.eventUnless[index] where try matcher(veto).firstMatch(in: folded.subject) != nil { return [] }
            let found = try matcher(patterns.event[index]).matches(in: folded.subject)
            // Clause-local vetoes: a match is dropped when one lies in the match's own clause.
            var vetoSpans: [Span] = []
            for veto in patterns.eventUnlessClause[index] {
                vetoSpans += try matcher(veto).matches(in: folded.subject).map { folded.documentSpan(utf8Range: $0.utf8Range, mentions: mentions) }
            }
            var events: [Event] = []
            for match in found {
                if !vetoSpans.isEmpty {
                    let clause = clauseSpan(around: folded.documentSpan(utf8Range: match.utf8Range, mentions: mentions), in: folded.span)
                    if vetoSpans.contains(where: { clause.contains($0) }) { continue }
                }
                guard let event = build(rule, match, folded, mentions, range, segment, datelineMentions) else { continue }
                events.append(event)
            }
            return events
        } catch {
            warnings.append(ExtractionWarning(rule: rule.header.id, message: "skipped in document \(document.id): \(error)"))
            return []
        }
    }

    func argument(role: String, group: Range<Int>, _ folded: FoldedSentence, _ mentions: [Mention], segment: Segment) -> EventArgument? {
        if let index = folded.mention(utf8Range: group) {
            let mention = mentions[index]
            guard let value = Roles.value(of: mention, for: role) else { return nil }
            return EventArgument(role: role, text: mention.text, span: mention.span, value: value)
        }
        // Plain text in a role group: read it on the spot.
        let span = folded.documentSpan(utf8Range: group, mentions: mentions)
        guard span.length > 0 else { return nil }
        let surface = String(String.UnicodeScalarView(scalars[span.start..<span.end]))
        let kind = Roles.kind(of: role)
        let context = NormalizationContext(language: rules.language, referenceDate: segment.referenceDate ?? document.date)
        let value: MentionValue?
        switch kind {
        case .actor: value = .actor(EntityValue(name: surface, type: "group"))
        case .place: value = .place(EntityValue(name: surface, type: "other"))
        case .date: value = Normalization.normalize(surface, as: .date, context: context)
        case .quantity: value = Normalization.normalize(surface, as: .quantity, context: context)
        case .money: value = Normalization.normalize(surface, as: .money, context: context)
        case .duration: value = Normalization.normalize(surface, as: .duration, context: context)
        }
        return value.map { EventArgument(role: role, text: surface, span: span, value: $0) }
    }

    /// Fixed attributes, and mapped ones read from the document text a group covers (so a
    /// placeholder group maps by the mention's own words: 黑海 → maritime).
    func attributes(_ specs: [String: AttributeSpec], _ match: Match, _ folded: FoldedSentence, _ mentions: [Mention]) -> [String: AttributeValue] {
        var attrs: [String: AttributeValue] = [:]
        for (name, spec) in specs {
            switch spec {
            case .fixed(let v): attrs[name] = v
            case .mapped(let from, let map, let fallback):
                if let r = match.utf8Range(named: from) {
                    let span = folded.documentSpan(utf8Range: r, mentions: mentions)
                    let word = String(String.UnicodeScalarView(scalars[span.start..<span.end]))
                    if let v = map[word] ?? map.first(where: { word.contains($0.key) })?.value ?? fallback { attrs[name] = v }
                } else if let fallback {
                    attrs[name] = fallback
                }
            }
        }
        return attrs
    }

    func build(_ rule: EventRule, _ match: Match, _ folded: FoldedSentence, _ mentions: [Mention], _ range: Range<Int>,
               _ segment: Segment, _ datelineMentions: [Mention]) -> Event? {
        // The trigger group that took part (`trigger`, `trigger2` … name the branches of an alternation).
        let triggerRange = rule.triggerGroups.lazy.compactMap { match.utf8Range(named: $0) }.first ?? match.utf8Range
        let triggerSpan = folded.documentSpan(utf8Range: triggerRange, mentions: mentions)
        var args: [EventArgument] = []
        var used: Set<Span> = []
        for (group, role) in rule.roleGroups.sorted(by: { $0.key < $1.key }) {
            guard let r = match.utf8Range(named: group) else { continue }
            // A group that cannot fill its role (a person captured as a place) leaves the role empty.
            guard let arg = argument(role: role, group: r, folded, mentions, segment: segment) else { continue }
            if let constraint = rule.constraints[group] ?? rule.constraints[role], !constraint.accepts(arg.value) { return nil }
            args.append(arg)
            used.insert(arg.span)
        }
        // Fill roles the pattern left empty from the sentence's mentions, nearest to the trigger first.
        // Dates, durations and numbers come from the clause the match is in; actors and places
        // from anywhere in the sentence.
        let matchSpan = folded.documentSpan(utf8Range: match.utf8Range, mentions: mentions)
        let clause = clauseSpan(around: matchSpan, in: folded.span)
        for (role, rawLimit) in rule.fill {
            // `first` adds one more: the sentence's first suitable mention (its subject).
            let first = rawLimit == EventRule.firstMention
            var have = args.filter { $0.role == role }.count
            let limit = first ? have + 1 : rawLimit
            guard have < limit else { continue }
            let scope = Roles.kind(of: role) == .actor || role == "place" ? folded.span : clause
            let opening = role == "date" ? openingDateClause(folded.span, range, mentions) : nil
            // Each candidate's sort key is computed once: speakers last, then nearest (or first).
            let candidates = range.compactMap { index -> (key: (Int, Int, Int), mention: Int, value: MentionValue)? in
                let m = mentions[index]
                guard !used.contains(where: { $0.overlaps(m.span) }), !m.span.overlaps(triggerSpan),
                      scope.contains(m.span) || m.span == opening else { return nil }
                let actorRole = Roles.kind(of: role) == .actor
                if actorRole && isLocative(m) { return nil }
                guard let value = Roles.value(of: m, for: role, explicit: false),
                      rule.constraints[role]?.accepts(value) ?? true else { return nil }
                let speaker = actorRole && isSpeaker(m) ? 1 : 0
                return ((speaker, first ? m.span.start : distance(m.span, triggerSpan), index), index, value)
            }.sorted { $0.key < $1.key }.map { (mentions[$0.mention], $0.value) }
            for (mention, value) in candidates where have < limit {
                // 美方 twice in a sentence is one side.
                if let name = value.entity?.name, args.contains(where: { $0.role == role && $0.value.entity?.name == name }) { continue }
                args.append(EventArgument(role: role, text: mention.text, span: mention.span, value: value))
                used.insert(mention.span)
                have += 1
            }
        }
        for role in rule.fillFromDateline.sorted() where !args.contains(where: { $0.role == role }) {
            if role == "date", let date = segment.referenceDate, let dateline = segment.dateline {
                let text = String(String.UnicodeScalarView(scalars[dateline.start..<dateline.end]))
                args.append(EventArgument(role: "date", text: text, span: dateline,
                                     value: .date(DateValue(date: date.iso, anchor: "dateline \(date.iso)"))))
            } else if role == "place", let mention = datelineMentions.first(where: { Roles.value(of: $0, for: "place") != nil }) {
                args.append(EventArgument(role: "place", text: mention.text, span: mention.span, value: Roles.value(of: mention, for: "place")!))
            }
        }
        args.sort { ($0.span.start, $0.role) < ($1.span.start, $1.role) }
        return Event(type: rule.type, trigger: Trigger(text: String(String.UnicodeScalarView(scalars[triggerSpan.start..<triggerSpan.end])), span: triggerSpan),
                     evidence: folded.span, args: args, attrs: attributes(rule.attributes, match, folded, mentions),
                     rule: rule.header.id, source: rule.header.source, confidence: rule.confidence)
    }

    static let clauseDelimiters: Set<Unicode.Scalar> = ["，", ",", "：", ":", "；", ";", "。", "！", "？", "\n"]

    /// The match widened to the clause delimiters around it, inside the sentence.
    func clauseSpan(around span: Span, in sentence: Span) -> Span {
        var start = span.start
        while start > sentence.start, !isClauseBreak(start - 1) { start -= 1 }
        var end = span.end
        while end < sentence.end, !isClauseBreak(end) { end += 1 }
        return Span(start: start, end: end)
    }

    static let locativeWords: [[Unicode.Scalar]] = ["在", "于", "於", "赴", "到", "抵达", "抵達", "in ", "at ", "near "].map { Array($0.unicodeScalars) }

    /// A capital that is also a government (吉隆坡, Kyiv) reads as a place after 在 / in:
    /// 双方在吉隆坡交换战俘 names no Malaysian side.
    func isLocative(_ mention: Mention) -> Bool {
        guard mention.reading(.place) != nil else { return false }
        return Run.locativeWords.contains { word in
            let start = mention.span.start - word.count
            guard start >= 0, Array(scalars[start..<mention.span.start]) == word else { return false }
            // An English word must start a word: "that Kyiv" holds "at " but no locative.
            return !(word[0].isASCII && start > 0 && scalars[start - 1].properties.isAlphabetic)
        }
    }

    /// An actor right before a speech verb (苏丹武装部队称, the army said) is the source, not a side.
    func isSpeaker(_ mention: Mention) -> Bool {
        var at = mention.span.end
        while at < scalars.count, scalars[at] == " " { at += 1 }
        return !extractor.speech.matches(in: scalars, at: at).isEmpty
    }

    /// Punctuation that ends a clause, or a space between two Chinese characters (headlines
    /// separate their halves with one: 泰柬同意延长停火协议　双方1个月内再举行会谈).
    func isClauseBreak(_ i: Int) -> Bool {
        // English commas mostly set off phrases, not clauses ("…in a swap, the ministry said on Tuesday").
        if scalars[i] == ",", rules.language == .en { return false }
        if Run.clauseDelimiters.contains(scalars[i]) { return true }
        return scalars[i] == " " && i > 0 && i + 1 < scalars.count && !scalars[i - 1].isASCII && !scalars[i + 1].isASCII
    }

    /// A date that opens the sentence as a clause of its own (去年10月31日，… / On Monday, …)
    /// dates the whole sentence.
    func openingDateClause(_ sentence: Span, _ range: Range<Int>, _ mentions: [Mention]) -> Span? {
        guard let first = range.first.map({ mentions[$0] }), first.kind == .date else { return nil }
        let lead = String(String.UnicodeScalarView(scalars[sentence.start..<first.span.start])).trimmingCharacters(in: .whitespaces)
        guard lead.count <= 3 else { return nil }   // "On", "在", "于"
        var end = first.span.end
        while end < sentence.end, scalars[end] == " " { end += 1 }
        guard end < sentence.end, Run.clauseDelimiters.contains(scalars[end]) else { return nil }
        return first.span
    }

    func distance(_ a: Span, _ b: Span) -> Int {
        a.end <= b.start ? b.start - a.end : (b.end <= a.start ? a.start - b.end : 0)
    }

    /// Adds what an attach rule found to the nearest preceding event of its type in the segment.
    mutating func attach(_ rule: AttachRule, _ index: Int, _ folded: FoldedSentence, _ mentions: [Mention], _ segmentIndex: Int, _ sentenceIndex: Int,
                         _ events: inout [(event: Event, segment: Int, sentence: Int, rules: [String])]) {
        let patterns = extractor.patterns
        let found: [Match]
        do {
            for veto in patterns.attachUnless[index] where try matcher(veto).firstMatch(in: folded.subject) != nil { return }
            found = try matcher(patterns.attach[index]).matches(in: folded.subject)
        } catch {
            warnings.append(ExtractionWarning(rule: rule.header.id, message: "skipped in document \(document.id): \(error)"))
            return
        }
        for match in found {
            // The nearest event before the fact: in this sentence, the one whose trigger comes last
            // before the match; otherwise the latest in the sentences before.
            let at = folded.documentSpan(utf8Range: match.utf8Range, mentions: mentions).start
            // Events are in text order: walk back from the newest while still within reach.
            var target: Int?
            var fallback: Int?
            var i = events.count - 1
            while i >= 0, events[i].segment == segmentIndex, sentenceIndex - events[i].sentence <= rule.within {
                if events[i].event.type == rule.type {
                    if events[i].sentence < sentenceIndex || events[i].event.trigger.span.start < at {
                        if target.map({ events[i].event.trigger.span.start > events[$0].event.trigger.span.start }) ?? true { target = i }
                        if events[i].sentence < sentenceIndex { break }
                    } else if fallback == nil {
                        fallback = i
                    }
                }
                i -= 1
            }
            guard let target = target ?? fallback else { continue }
            let segment = Segment(span: folded.span, referenceDate: document.date, dateline: nil, sentences: [])
            for (group, role) in rule.roleGroups.sorted(by: { $0.key < $1.key }) {
                guard let r = match.utf8Range(named: group),
                      let arg = argument(role: role, group: r, folded, mentions, segment: segment) else { continue }
                if let constraint = rule.constraints[group] ?? rule.constraints[role], !constraint.accepts(arg.value) { continue }
                // A side the event already has (by place in the text or by name) is not added twice.
                let name = arg.value.entity?.name
                if !events[target].event.args.contains(where: { $0.role == role && ($0.span == arg.span || (name != nil && $0.value.entity?.name == name)) }) {
                    events[target].event.args.append(arg)
                }
            }
            for (name, value) in attributes(rule.attributes, match, folded, mentions) where events[target].event.attrs[name] == nil {
                events[target].event.attrs[name] = value
            }
            events[target].rules.append(rule.header.id)
        }
    }
}

extension UInt8 {
    var lowercasedASCII: UInt8 { (0x41...0x5A).contains(self) ? self + 0x20 : self }
}
