import PCRE2
import Records
import Rules

/// A stretch of a page with its own dateline: the main article, or one teaser after it.
public struct Segment: Sendable {
    public var span: Span
    /// The dateline's day (month and year from the document date, never in the future), else the document date.
    public var referenceDate: CivilDate?
    /// Where the dateline is, when there is one (its text names the default place).
    public var dateline: Span?
    public var sentences: [Span]
    /// Indexes of sentences that are photo captions (a line ending in (图取自…) / (File photo)).
    public var captions: Set<Int> = []
}

/// Splits a document into segments (by datelines and 阅读全文-style separators) and sentences.
public struct Segmenter: Sendable {
    /// Every dateline pattern of the language, in file order.
    let datelinePatterns: [Regex]
    let separators: [Regex]
    /// Month names of datelines, by their first three letters lower-cased.
    let months: [String: Int]
    /// Words that make a bracketed credit at a line's end a photo caption.
    let captionMarks: [String]
    /// Lower-cased words whose period never ends a sentence.
    let abbreviations: Set<String>

    /// Runs what the language's `segmentation.yaml` compiled (no file: no datelines, separators,
    /// captions or abbreviations).
    public init(_ rules: SegmentationRules) {
        datelinePatterns = rules.rules(.dateline).compactMap(\.regex)
        separators = rules.rules(.separator).compactMap(\.regex)
        months = rules.months
        captionMarks = rules.words(.caption)
        abbreviations = Set(rules.words(.abbreviation))
    }

    public func segments(of text: String, subject: Subject, documentDate: CivilDate?) -> [Segment] {
        let scalars = Array(text.unicodeScalars)
        // Blocks between separators (阅读全文 …); inside a block the first dateline dates the whole
        // block (a teaser's photo caption and headline come before its dateline), and every
        // further dateline starts a segment of its own.
        var separatorEnds: [Int] = []
        for separator in separators {
            for match in (try? separator.matches(in: subject)) ?? [] {
                separatorEnds.append(subject.scalarRange(utf8Range: match.utf8Range).upperBound)
            }
        }
        // Two separator entries may end on the same line: it starts one block, not two.
        separatorEnds = Array(Set(separatorEnds)).sorted()
        var datelines: [(span: Span, date: CivilDate?)] = []
        for regex in datelinePatterns {
            for match in (try? regex.matches(in: subject)) ?? [] {
                let span = Span(subject.scalarRange(utf8Range: match.utf8Range))
                var date = documentDate
                if let dayRange = match.utf8Range(named: "day"), let day = Int(subject.text(utf8Range: dayRange)) {
                    var month = documentDate?.month
                    if let m = match.utf8Range(named: "month") {
                        let word = subject.text(utf8Range: m)
                        month = Int(word) ?? months[String(word.prefix(3)).lowercased()] ?? month
                    }
                    date = Segmenter.resolveDay(day, month: month, documentDate: documentDate)
                }
                datelines.append((span, date))
            }
        }
        datelines.sort { $0.span < $1.span }
        var merged: [(offset: Int, dateline: Span?, date: CivilDate?)] = []
        let blockStarts = [0] + separatorEnds.filter { $0 > 0 }
        // Datelines are sorted: each block takes the next run of them (one pass, not one per block).
        var nextDateline = 0
        // The start of the line a position is in, found walking forward once (a long line is never
        // walked back once per dateline in it).
        var lineStart = 0
        var scanned = 0
        for (b, blockStart) in blockStarts.enumerated() {
            let blockEnd = b + 1 < blockStarts.count ? blockStarts[b + 1] : scalars.count
            while nextDateline < datelines.count, datelines[nextDateline].span.start < blockStart { nextDateline += 1 }
            var inside: [(span: Span, date: CivilDate?)] = []
            while nextDateline < datelines.count, datelines[nextDateline].span.start < blockEnd {
                inside.append(datelines[nextDateline])
                nextDateline += 1
            }
            merged.append((blockStart, inside.first?.span, inside.first?.date ?? documentDate))
            for dateline in inside.dropFirst() {
                while scanned < dateline.span.start {
                    if scalars[scanned] == "\n" { lineStart = scanned + 1 }
                    scanned += 1
                }
                merged.append((max(lineStart, blockStart), dateline.span, dateline.date))
            }
        }
        var result: [Segment] = []
        var captionLines = CaptionLines(scalars, marks: captionMarks)
        for (i, start) in merged.enumerated() {
            let end = i + 1 < merged.count ? merged[i + 1].offset : scalars.count
            guard end > start.offset else { continue }
            let span = Span(start: start.offset, end: end)
            // The dateline is a sentence of its own: its places and day never join the story's first sentence.
            var sentences: [Span] = []
            if let dateline = start.dateline, span.contains(dateline) {
                sentences = self.sentences(scalars, in: Span(start: span.start, end: dateline.end))
                    + self.sentences(scalars, in: Span(start: dateline.end, end: span.end))
            } else {
                sentences = self.sentences(scalars, in: span)
            }
            let captions = Set(sentences.indices.filter { captionLines.isCaption(sentences[$0]) })
            result.append(Segment(span: span, referenceDate: start.date, dateline: start.dateline, sentences: sentences, captions: captions))
        }
        return result
    }

    /// Sentences moved so that no mention straddles a boundary (a sentence cut for length can
    /// fall inside 3月20日 or "March 20"): the boundary moves back to the mention's start, so the
    /// mention opens the next sentence, or — when that would empty the sentence or the mention
    /// runs past the next one — forward to its end. A sentence left empty is dropped.
    /// `mentions` are sorted and non-overlapping; the pass is linear.
    public static func keepingMentionsWhole(_ segments: [Segment], mentions: [Span]) -> [Segment] {
        var cursor = 0
        return segments.map { segment in
            var segment = segment
            let sentences = segment.sentences
            var kept: [Span] = []
            var captions: Set<Int> = []
            // Where the next sentence must start (after a forward move), or may start (after a backward one).
            var floor = segment.span.start
            var pulledBack: Int?
            for (index, original) in sentences.enumerated() {
                let start = pulledBack.map { min($0, original.start) } ?? max(original.start, floor)
                pulledBack = nil
                var end = max(original.end, start)
                while cursor < mentions.count, mentions[cursor].end <= start { cursor += 1 }
                var k = cursor
                while k < mentions.count, mentions[k].start < end {
                    let m = mentions[k]
                    if m.end > end, m.start >= start {
                        let next = index + 1 < sentences.count ? sentences[index + 1] : nil
                        if m.start > start, let next, m.end <= next.end {
                            end = m.start
                            pulledBack = m.start
                        } else {
                            end = min(m.end, segment.span.end)
                        }
                        break
                    }
                    k += 1
                }
                floor = end
                guard end > start else { continue }
                if segment.captions.contains(index) { captions.insert(kept.count) }
                kept.append(Span(start: start, end: end))
            }
            segment.sentences = kept
            segment.captions = captions
            return segment
        }
    }

    /// The last segment starting at or before `offset` (segments are in text order), by binary search.
    public static func index(of offset: Int, in segments: [Segment]) -> Int? {
        var low = 0
        var high = segments.count
        while low < high {
            let mid = (low + high) / 2
            if segments[mid].span.start <= offset { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? low - 1 : nil
    }

    /// The most recent date with day `day`, not after the document date.
    static func resolveDay(_ day: Int, month: Int?, documentDate: CivilDate?) -> CivilDate? {
        guard let reference = documentDate else { return nil }
        var year = reference.year
        var m = month ?? reference.month
        if let date = CivilDate(year: year, month: m, day: day), date <= reference { return date }
        if month != nil { year -= 1 } else {
            m -= 1
            if m == 0 { m = 12; year -= 1 }
        }
        return CivilDate(year: year, month: m, day: day)
    }

    /// Longest photo credit looked for at a line's end, in scalars.
    static let maxCredit = 80

    /// Which sentences are photo captions: those in a line that ends with a credit in brackets —
    /// (图取自法新社档案照), (Reuters photo). Sentences come in text order; each line's end and
    /// credit are found once, so a page on one long line costs one pass, not one per sentence.
    struct CaptionLines {
        let s: [Unicode.Scalar]
        let marks: [String]
        /// The line end found last, and where its credit's opening bracket is (nil: no credit).
        var lineEnd = -1
        var creditOpen: Int?

        init(_ scalars: [Unicode.Scalar], marks: [String]) {
            s = scalars
            self.marks = marks
        }

        mutating func isCaption(_ sentence: Span) -> Bool {
            if sentence.end > lineEnd {
                var end = max(sentence.end, lineEnd + 1)
                while end < s.count, s[end] != "\n" { end += 1 }
                lineEnd = end
                creditOpen = credit(endingAt: end)
            }
            // Every sentence of a line that ends with a credit is part of the caption.
            return creditOpen != nil
        }

        /// The opening bracket of a caption credit closing the line that ends at `end`.
        func credit(endingAt end: Int) -> Int? {
            var last = end
            while last > 0, s[last - 1].properties.isWhitespace, s[last - 1] != "\n" { last -= 1 }
            guard last > 0, s[last - 1] == ")" || s[last - 1] == "）" else { return nil }
            var open = last - 1
            let floor = max(0, last - Segmenter.maxCredit)
            while open > floor, s[open] != "(" && s[open] != "（", s[open] != "\n" { open -= 1 }
            guard s[open] == "(" || s[open] == "（" else { return nil }
            let credit = String(String.UnicodeScalarView(s[open..<last]))
            return marks.contains { credit.contains($0) } ? open : nil
        }
    }

    static let terminators: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?", "；", ";", "\n"]
    /// Longest sentence kept whole, in scalars; real news sentences stay well below it.
    static let maxSentence = 600
    static let softBreaks: Set<Unicode.Scalar> = ["，", ",", "、", " ", "：", ":"]
    static let closers: Set<Unicode.Scalar> = ["”", "’", "」", "』", "\"", "'", ")", "）", "》"]
    /// Sentences of a span: split after 。！？!?；; and line breaks, closing quotes kept with their
    /// sentence; an English period ends a sentence before white space and a capital, except after an abbreviation.
    func sentences(_ s: [Unicode.Scalar], in span: Span) -> [Span] {
        let (maxSentence, softBreaks, terminators, closers) = (Segmenter.maxSentence, Segmenter.softBreaks, Segmenter.terminators, Segmenter.closers)
        var result: [Span] = []
        var start = span.start
        var i = span.start
        func close(_ end: Int) {
            var a = start
            var b = end
            while a < b, s[a].properties.isWhitespace { a += 1 }
            while b > a, s[b - 1].properties.isWhitespace { b -= 1 }
            // A "sentence" longer than any real one (a list, a page without punctuation) is cut at
            // clause marks, else hard, so rules and argument filling stay linear in the text.
            while b - a > maxSentence {
                var cut = a + maxSentence
                while cut > a + maxSentence / 2, !softBreaks.contains(s[cut - 1]) { cut -= 1 }
                if cut == a + maxSentence / 2 { cut = a + maxSentence }
                result.append(Span(start: a, end: cut))
                a = cut
            }
            if b > a { result.append(Span(start: a, end: b)) }
            start = end
        }
        while i < span.end {
            let c = s[i]
            if terminators.contains(c) {
                var end = i + 1
                while end < span.end, closers.contains(s[end]) || (terminators.contains(s[end]) && s[end] != "\n") { end += 1 }
                close(end)
                i = end
                continue
            }
            if c == ".", i + 2 < span.end, s[i + 1] == " " {
                var k = i + 2
                while k < span.end, s[k] == " " { k += 1 }
                if k < span.end, s[k].properties.isUppercase || s[k] == "\"" || s[k] == "“" {
                    var w = i
                    while w > span.start, s[w - 1].properties.isAlphabetic || s[w - 1] == "." { w -= 1 }
                    let word = String(String.UnicodeScalarView(s[w..<i])).lowercased()
                    let isInitial = word.count == 1
                    if !abbreviations.contains(word), !isInitial {
                        close(i + 1)
                    }
                }
            }
            i += 1
        }
        close(span.end)
        return result
    }
}
