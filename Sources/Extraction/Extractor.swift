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
    /// Run each rule's vetoes before its pattern (the plain order) instead of only after a match.
    let vetoesFirst: Bool
    /// Stage times summed over every run; nil unless built for profiling.
    let stageClock: StageClock?
    /// The rule set's anaphora words, as scalars.
    let anaphora: [[Unicode.Scalar]]
    /// The rule set's mediator words, after and before an actor, as scalars.
    let mediatorsAfter: [[Unicode.Scalar]]
    let mediatorsBefore: [[Unicode.Scalar]]
    /// The rule set's target markers (对, 向), as scalars.
    let targetMarkers: [[Unicode.Scalar]]
    /// The rule set's people nouns that make an actor before them a descriptor, as scalars.
    let descriptors: [[Unicode.Scalar]]

    /// `profiling`: count every pattern's matches and time each stage (`tidings rules profile`);
    /// off, the engine does no timing at all.
    /// `vetoesFirst`: the plain order, every veto before the rule's pattern — slower, the same
    /// events; kept so a test can hold the fast order to it.
    public init(rules: RuleSet, profiling: Bool = false, vetoesFirst: Bool = false) {
        self.vetoesFirst = vetoesFirst
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
        pool = MatcherPool(size: patterns.regexes.count, profiling: profiling)
        stageClock = profiling ? StageClock() : nil
        var titleMatcher = DictionaryMatcher<Int>()
        for (index, title) in rules.titles.enumerated() { titleMatcher.insert(title, index) }
        titles = titleMatcher
        var speechMatcher = DictionaryMatcher<Int>()
        for (index, verb) in rules.speechVerbs.enumerated() { speechMatcher.insert(verb, index) }
        speech = speechMatcher
        anaphora = rules.anaphora.map { Array($0.unicodeScalars) }
        mediatorsAfter = rules.mediatorsAfter.map { Array($0.unicodeScalars) }
        mediatorsBefore = rules.mediatorsBefore.map { Array($0.unicodeScalars) }
        targetMarkers = rules.targetMarkers.map { Array($0.unicodeScalars) }
        descriptors = rules.descriptors.map { Array($0.unicodeScalars) }
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
/// An event as read, with where it was read: its segment, its sentence, and whether that
/// sentence is a photo caption.
struct FoundEvent {
    var event: Event
    var segment: Int
    var sentence: Int
    var caption: Bool
    /// Attributes that only took their rule's default (nothing in the text stated them).
    var defaults: Set<String> = []
    /// The trigger is pointed back at (此次袭击, this exchange): the mention refers to an event told before.
    var anaphoric = false
}

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
        var lap = Lap(extractor.stageClock)
        let segments = extractor.segmenter.segments(of: text, subject: subject, documentDate: document.date)
        lap.end(.segmentation)
        let found = MentionFinder(rules: rules, titles: extractor.titles).find(scalars: scalars, subject: subject, segments: segments,
                                                        documentDate: document.date, patterns: extractor.patterns,
                                                        matchers: matchers, warnings: &warnings)
        let mentions = outletCurrency(found, segments)
        lap.end(.mentions)
        // Prefilter: one pass over the lower-cased text finds every required literal.
        let lowered = scalars.map { $0.isASCII ? Unicode.Scalar(UInt8(ascii: $0).lowercasedASCII) : $0 }
        let literalHits = extractor.literals.allMatches(in: lowered).map { (start: $0.start, keys: $0.payloads) }
        let patterns = extractor.patterns
        lap.end(.prefilter)

        var events: [FoundEvent] = []
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
                var sentenceEvents: [FoundEvent] = []
                let caption = segment.captions.contains(sentenceIndex)
                var cues: [[Span]]?
                for (index, rule) in rules.events.enumerated() where passes(patterns.eventLiterals[index]) {
                    for var found in apply(rule, index, folded, mentions, mentionCursor..<mentionEnd, segment, datelineMentions) {
                        let event = found.event
                        // The shared modality and sense layer takes the candidate away (未发生袭击, if both sides agree).
                        if vetoed(event, folded, mentions, cues: &cues) { continue }
                        // One trigger, one event of a type: the first rule (file order) wins.
                        if sentenceEvents.contains(where: { $0.event.type == event.type && $0.event.trigger.span.overlaps(event.trigger.span) }) { continue }
                        found.segment = segmentIndex
                        found.sentence = sentenceIndex
                        found.caption = caption
                        sentenceEvents.append(found)
                    }
                }
                events += sentenceEvents
                lap.end(.events)
                for (index, rule) in rules.attaches.enumerated() where passes(patterns.attachLiterals[index]) {
                    attach(rule, index, folded, mentions, segmentIndex, sentenceIndex, &events)
                }
                lap.end(.attach)
            }
        }
        let coalesced = Coalescer(datelines: segments.compactMap(\.dateline)).coalesce(events)
        lap.end(.coalesce)
        let result = DocumentResult(doc: document.id, language: rules.language, referenceDate: document.date,
                                    events: coalesced.map(originalWords), mentions: mentions.map(originalWords), extra: document.extra)
        lap.end(.records)
        lap.commit()
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

}

extension UInt8 {
    var lowercasedASCII: UInt8 { (0x41...0x5A).contains(self) ? self + 0x20 : self }
}
