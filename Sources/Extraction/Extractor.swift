import Foundation
import Normalizers
import PCRE2
import Records
import Rules

/// Runs one language's rules over documents: `RuleSet × Document → DocumentResult`.
/// Immutable and shareable; each call makes its own matchers, so documents can run in parallel.
public struct Extractor: Sendable {
    public let rules: RuleSet
    /// Cuts pages by the rule set's datelines, separators, captions and abbreviations.
    let segmenter: Segmenter
    /// The rule set's compiled patterns, prefilter and word matchers.
    let tables: RuleTables
    var literals: DictionaryMatcher<Int> { tables.literals }
    var literalKeys: [String: Int] { tables.literalKeys }
    var patterns: PatternTable { tables.patterns }
    var titles: DictionaryMatcher<Int> { tables.titles }
    var speech: DictionaryMatcher<Int> { tables.speech }
    var anaphora: [[Unicode.Scalar]] { tables.anaphora }
    var mediatorsAfter: [[Unicode.Scalar]] { tables.mediatorsAfter }
    var mediatorsBefore: [[Unicode.Scalar]] { tables.mediatorsBefore }
    var targetMarkers: [[Unicode.Scalar]] { tables.targetMarkers }
    var descriptors: [[Unicode.Scalar]] { tables.descriptors }
    /// Matchers kept between documents, one set per concurrent run.
    let pool: MatcherPool
    /// No shortcuts: every entity pattern, every rule on every sentence, vetoes first (see `init`).
    let plainPath: Bool
    /// Stage times summed over every run; nil unless built for profiling.
    let stageClock: StageClock?

    /// `profiling`: count every pattern's matches and time each stage (`tidings rules profile`);
    /// off, the engine does no timing at all.
    /// `plainPath`: every rule on every sentence and every veto before its rule's pattern — no
    /// prefilter, no entity gate, no veto after a match only: slower, the same records; kept so a
    /// test can hold the fast path to it.
    public init(rules: RuleSet, profiling: Bool = false, plainPath: Bool = false) {
        self.plainPath = plainPath
        self.rules = rules
        segmenter = Segmenter(rules.segmentation)
        tables = RuleTables(rules)
        pool = MatcherPool(size: tables.patterns.regexes.count, profiling: profiling)
        stageClock = profiling ? StageClock() : nil
    }

    /// Extracts from one document whose language this extractor's rules are for.
    /// `progress`, when given, is called now and then with the share of the text read so far
    /// (0…1), so a caller can show progress within one long document.
    /// A document longer than `windowScalars` is read in windows (see `extract(_:windowScalars:progress:part:)`).
    public func extract(_ document: Document, windowScalars: Int = Extractor.windowScalars,
                        progress: ((Double) -> Void)? = nil) -> (result: DocumentResult, warnings: [ExtractionWarning]) {
        if Extractor.fits(document, windowScalars) { return extractWhole(document, progress: progress) }
        var events: [Event] = []
        var mentions: [Mention] = []
        let warnings = extract(document, windowScalars: windowScalars, progress: progress) { part in
            events += part.events
            mentions += part.mentions
        }
        let result = DocumentResult(doc: document.id, language: rules.language, referenceDate: document.date,
                                    events: events, mentions: mentions, extra: document.extra)
        return (result, warnings)
    }

    /// Documents longer than this many scalars (about 780 KB of Chinese, 260 KB of English; a long
    /// news article is a few thousand) are read in windows, so memory stays bounded on any input.
    public static let windowScalars = 1 << 18

    /// True when the document is read whole, in one window.
    public static func fits(_ document: Document, _ windowScalars: Int) -> Bool {
        document.text.utf8.count <= windowScalars || document.text.unicodeScalars.count <= windowScalars
    }

    /// Extracts from a document one window at a time, handing each window's events and mentions
    /// (in document offsets, in text order) to `part` as soon as they are read; a document that
    /// fits one window is one part. Each window starts at a line break or sentence end
    /// (`DocumentWindows`) and opens with the dateline of the segment it continues, so its sentences
    /// keep their reference date and default place; re-mentions are not merged across a window's
    /// edge, and a rule that hits a PCRE2 limit gives nothing from that window on.
    public func extract(_ document: Document, windowScalars: Int = Extractor.windowScalars, progress: ((Double) -> Void)? = nil,
                        part: (DocumentPart) -> Void) -> [ExtractionWarning] {
        if Extractor.fits(document, windowScalars) {
            let (result, warnings) = extractWhole(document, progress: progress)
            part(DocumentPart(events: result.events, mentions: result.mentions))
            return warnings
        }
        let total = Double(max(document.text.unicodeScalars.count, 1))
        var warnings: [ExtractionWarning] = []
        var warnedRules: Set<String> = []
        var failedRules: Set<String> = []
        // The dateline of the segment the next window continues: where it is, and its text as written.
        var carried: (span: Span, text: String)?
        for window in DocumentWindows(document.text, size: windowScalars) {
            let opening = carried.map { $0.text + "\n" } ?? ""
            var piece = document
            piece.text = opening + window.text
            let shift = WindowShift(openingLength: opening.unicodeScalars.count, dateline: carried?.span.start ?? 0, window: window.start)
            let matchers = pool.checkOut()
            var run = Run(extractor: self, document: piece, matchers: matchers)
            run.failures.failed = failedRules
            run.progress = progress.map { report in { share in report((Double(window.start) + share * Double(window.count)) / total) } }
            let (result, found) = run.extract()
            pool.checkIn(matchers)
            failedRules = run.failures.failed
            for warning in found where warning.rule.map({ warnedRules.insert($0).inserted }) ?? true { warnings.append(warning) }
            part(DocumentPart(events: result.events.filter { shift.inWindow($0.trigger.span) }.map(shift.event),
                              mentions: result.mentions.filter { shift.inWindow($0.span) }.map(shift.mention)))
            if let dateline = run.lastDateline {
                if shift.inWindow(dateline) { carried = (shift.span(dateline), run.text.quoting(dateline)) }
            } else {
                carried = nil
            }
        }
        progress?(1)
        return warnings
    }

    func extractWhole(_ document: Document, progress: ((Double) -> Void)?) -> (result: DocumentResult, warnings: [ExtractionWarning]) {
        let matchers = pool.checkOut()
        defer { pool.checkIn(matchers) }
        var run = Run(extractor: self, document: document, matchers: matchers)
        run.progress = progress
        return run.extract()
    }
}

/// One window's events and mentions, in offsets of the whole document.
public struct DocumentPart: Sendable {
    public var events: [Event]
    public var mentions: [Mention]
}

/// Offsets in a window's text (its opening dateline, a line break, then the window) moved to
/// offsets in the document: the window's own text by its start, the opening onto the dateline it
/// repeats.
struct WindowShift {
    var openingLength: Int
    var dateline: Int
    var window: Int

    func inWindow(_ span: Span) -> Bool { span.start >= openingLength }

    func span(_ span: Span) -> Span {
        let intoWindow = window - openingLength
        if span.start >= openingLength { return Span(start: span.start + intoWindow, end: span.end + intoWindow) }
        // From the opening dateline: onto the dateline it repeats (its line break is the dateline's
        // end), and an end past the opening into the window.
        let datelineLength = openingLength - 1
        let end = span.end > openingLength ? span.end + intoWindow : min(span.end, datelineLength) + dateline
        return Span(start: min(span.start, datelineLength) + dateline, end: max(end, min(span.start, datelineLength) + dateline))
    }

    func mention(_ mention: Mention) -> Mention {
        var mention = mention
        mention.span = span(mention.span)
        return mention
    }

    func event(_ event: Event) -> Event {
        var event = event
        event.trigger.span = span(event.trigger.span)
        event.evidence = span(event.evidence)
        for index in event.args.indices { event.args[index].span = span(event.args[index].span) }
        return event
    }
}

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

/// One fact an attach rule added to an event (a role argument or an attribute).
struct Attachment {
    var event: Int
    var rule: String
    var role: String?
    var span: Span?
    var attribute: String?
}

/// One document through the stages, in order: its text (`DocumentText`), the `Segmenter`, the
/// `MentionFinder`, then sentence by sentence (`SentenceScope`) the `EventBuilder` and the
/// `Attacher`, and last the `Coalescer`. Matchers and intermediate state live here, not in the Extractor.
/// It reads what its stages read (`StageInputs`: the extractor, the document, its text, the matchers).
struct Run: SentenceStage {
    let reads: StageInputs
    let builder: EventBuilder
    let attacher: Attacher
    /// Rules that hit a PCRE2 limit, the warnings, what attach rules added: shared by the stages.
    var failures: RuleFailures
    /// The dateline of the last segment, once read (a window after this one continues that segment).
    var lastDateline: Span?
    /// Told the share of the text read, every `progressEvery` sentences.
    var progress: ((Double) -> Void)?
    static let progressEvery = 512

    init(extractor: Extractor, document: Document, matchers: MatcherSet) {
        let text = DocumentText(document.text)
        reads = StageInputs(extractor: extractor, document: document, text: text, scalars: text.scalars, matchers: matchers)
        builder = EventBuilder(reads: reads)
        attacher = Attacher(reads: reads)
        failures = RuleFailures(document: document.id)
    }

    /// An empty list of keys always passes; otherwise one of them must be among the sentence's.
    /// True when a rule has no prefilter keys or the sentence holds one (`present`: a flag per key).
    static func passes(_ keys: [Int], _ present: [Bool]) -> Bool { keys.isEmpty || keys.contains(where: { present[$0] }) }

    mutating func extract() -> (result: DocumentResult, warnings: [ExtractionWarning]) {
        var lap = Lap(extractor.stageClock)
        let cut = extractor.segmenter.segments(of: text.folded, subject: text.subject, documentDate: document.date)
        lap.end(.segmentation)
        // Prefilter: one pass over the lower-cased text finds every required literal; an entity
        // pattern whose literals the document lacks is not run at all.
        let lowered = scalars.map { $0.isASCII ? Unicode.Scalar(UInt8(ascii: $0).lowercasedASCII) : $0 }
        var literalHits: [(start: Int, keys: [Int])] = []
        var inDocument = [Bool](repeating: false, count: extractor.literalKeys.count)
        extractor.literals.forEachMatch(in: lowered) { start, keys in
            literalHits.append((start, keys))
            for key in keys { inDocument[key] = true }
        }
        // Where each entity pattern can begin (scalar offsets, ascending): it is tried only there.
        var entityStarts: [[Int]?]? = nil
        if !extractor.plainPath {
            var starts: [[Int]?] = extractor.patterns.entityAnchored.map { $0 == nil ? nil : [] }
            RuleTables.startOffsets(extractor.tables.entityStarts, in: scalars.map(StartPrefixes.fold), into: &starts)
            entityStarts = starts
        }
        lap.end(.prefilter)
        let found = MentionFinder(rules: rules, titles: extractor.titles).find(scalars: scalars, subject: text.subject, segments: cut,
                                                        documentDate: document.date, patterns: extractor.patterns,
                                                        literalsInDocument: extractor.plainPath ? nil : inDocument, entityStarts: entityStarts,
                                                        matchers: matchers, warnings: &failures.warnings)
        var mentions = outletCurrency(found, cut)
        // A sentence cut for length may fall inside a mention (600 scalars, then 3月20日): the cut moves past it.
        let segments = Segmenter.keepingMentionsWhole(cut, mentions: mentions.map(\.span))
        lastDateline = segments.last?.dateline
        lap.end(.mentions)
        /// Which prefilter literals the current sentence holds, by key.
        var present = [Bool](repeating: false, count: extractor.literalKeys.count)

        progress?(0.1)   // mentions found: the sentence pass takes most of the rest
        var sentencesRead = 0
        var events: [FoundEvent] = []
        var mentionCursor = 0
        var hitCursor = 0
        for (segmentIndex, segment) in segments.enumerated() {
            let datelineMentions = segment.dateline.map { d in Run.mentions(inside: d, of: mentions) } ?? []
            for (sentenceIndex, sentence) in segment.sentences.enumerated() {
                sentencesRead += 1
                if let progress, sentencesRead % Run.progressEvery == 0 { progress(Double(sentence.end) / Double(max(scalars.count, 1))) }
                while mentionCursor < mentions.count, mentions[mentionCursor].span.end <= sentence.start { mentionCursor += 1 }
                var mentionEnd = mentionCursor
                while mentionEnd < mentions.count, mentions[mentionEnd].span.start < sentence.end { mentionEnd += 1 }
                // Only mentions wholly inside the sentence take part (none straddles after the repair
                // above, but a slice that starts before the sentence must never reach the rules).
                var mentionStart = mentionCursor
                while mentionStart < mentionEnd, !sentence.contains(mentions[mentionStart].span) { mentionStart += 1 }
                while mentionEnd > mentionStart, !sentence.contains(mentions[mentionEnd - 1].span) { mentionEnd -= 1 }
                let folded = FoldedSentence(span: sentence, scalars: scalars, mentions: mentions, mentionRange: mentionStart..<mentionEnd)
                // Hits are in text order: the ones inside this sentence are one contiguous run. The
                // flags of this sentence's keys are set, then cleared after it (no hashing per rule).
                while hitCursor < literalHits.count, literalHits[hitCursor].start < sentence.start { hitCursor += 1 }
                var hit = hitCursor
                while hit < literalHits.count, literalHits[hit].start < sentence.end {
                    for key in literalHits[hit].keys { present[key] = true }
                    hit += 1
                }
                defer { for h in hitCursor..<hit { for key in literalHits[h].keys { present[key] = false } } }
                let scope = SentenceScope(folded: folded, mentions: mentions, range: mentionStart..<mentionEnd, segment: segment,
                                          segmentIndex: segmentIndex, sentenceIndex: sentenceIndex,
                                          datelineMentions: datelineMentions, caption: segment.captions.contains(sentenceIndex))
                events += builder.events(in: scope, present: present, failures: &failures)
                lap.end(.events)
                attacher.attach(in: scope, present: present, to: &events, failures: &failures)
                lap.end(.attach)
            }
        }
        events = failures.removingFailed(from: events)
        let coalesced = Coalescer(taxonomy: rules.taxonomy, datelines: segments.compactMap(\.dateline)).coalesce(events)
        lap.end(.coalesce)
        let result = DocumentResult(doc: document.id, language: rules.language, referenceDate: document.date,
                                    events: coalesced.map(text.quoting), mentions: text.quoting(&mentions), extra: document.extra)
        lap.end(.records)
        lap.commit()
        return (result, failures.warnings)
    }

    /// The mentions inside `span`, found by binary search (mentions are sorted and do not overlap).
    static func mentions(inside span: Span, of mentions: [Mention]) -> [Mention] {
        var low = 0
        var high = mentions.count
        while low < high {
            let mid = (low + high) / 2
            if mentions[mid].span.start < span.start { low = mid + 1 } else { high = mid }
        }
        var found: [Mention] = []
        while low < mentions.count, mentions[low].span.start < span.end {
            if span.contains(mentions[low].span) { found.append(mentions[low]) }
            low += 1
        }
        return found
    }
}

extension UInt8 {
    var lowercasedASCII: UInt8 { (0x41...0x5A).contains(self) ? self + 0x20 : self }
}
