import Testing
@testable import Extraction
import Records
@testable import Rules

// Issue 14: property tests over random and degenerate documents. No input may trap, every span
// lies inside the text and quotes it, every sentence-level span lies inside its evidence.

/// A small deterministic generator, so a failing case can be replayed from its seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Extracts and checks every span of the result against the text.
func checkSpans(_ text: String, _ language: Language, _ extractor: Extractor, window: Int = Extractor.windowScalars,
                sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let scalars = Array(text.unicodeScalars)
    let (result, _) = extractor.extract(Document(id: "p", text: text, date: CivilDate(iso: "2025-03-20"), language: language), windowScalars: window)
    func check(_ span: Span, _ expected: String) {
        #expect(span.start >= 0 && span.end <= scalars.count, "span \(span) outside \(scalars.count) scalars", sourceLocation: sourceLocation)
        if span.start >= 0, span.end <= scalars.count {
            #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == expected, sourceLocation: sourceLocation)
        }
    }
    var previous: Span?
    for mention in result.mentions {
        check(mention.span, mention.text)
        if let previous { #expect(previous.end <= mention.span.start, "mentions overlap", sourceLocation: sourceLocation) }
        previous = mention.span
    }
    for event in result.events {
        check(event.trigger.span, event.trigger.text)
        #expect(event.evidence.start >= 0 && event.evidence.end <= scalars.count, sourceLocation: sourceLocation)
        for arg in event.args { check(arg.span, arg.text) }
    }
}

let degenerateExtractors: [Language: Extractor] = shippedPack.sets.mapValues { Extractor(rules: $0) }

@Test(arguments: [Language.zh, .en])
func degenerateDocumentsNeverTrap(_ language: Language) throws {
    let extractor = try #require(degenerateExtractors[language])
    let placeholders = String(String.UnicodeScalarView((0xE000...0xE03F).compactMap(Unicode.Scalar.init)))
    let cases: [String] = [
        String(repeating: "停火协议", count: 800),                       // no punctuation, one huge sentence
        String(repeating: "ceasefire talks ", count: 400),
        String(repeating: "1234567890", count: 300),                    // only numbers
        String(repeating: "一二三四五六七八九十百千万亿", count: 150),
        String(repeating: placeholders, count: 40),                     // only placeholder code points
        String(repeating: "\u{E004}\u{E001}交换\u{E008}", count: 200),
        String(repeating: "。", count: 2000),                             // only marks
        String(repeating: "，", count: 2000),
        String(repeating: " ", count: 2000) + "x",
        String(repeating: "\n", count: 1000) + "停火",
        String(repeating: "3月20日", count: 300),                         // dates across every cut
        String(repeating: "March 20 ", count: 300),
        String(repeating: "(北京20日讯)", count: 200),                    // a dateline after a dateline
        String(repeating: "阅读全文\n", count: 200),
        String(repeating: "甲", count: 599) + "3月20日俄罗斯与乌克兰交换了战俘",
        String(repeating: "x ", count: 299) + "on March 20 Russia and Ukraine swapped prisoners",
        "😀" + String(repeating: "美国总统", count: 300),
        "\u{FEFF}\u{200B}\u{0301}",
    ]
    for text in cases {
        checkSpans(text, language, extractor)
        checkSpans(text, language, extractor, window: 100)
    }
}

@Test(arguments: [Language.zh, .en])
func randomLongSentencesNeverTrap(_ language: Language) throws {
    let extractor = try #require(degenerateExtractors[language])
    // Pieces that make mentions, marks and placeholders; filler moves every mention across a cut.
    let pool: [String] = ["3月20日", "去年10月31日", "March 20", "on Monday", "周三", "当天", "将于", "175名", "12 people", "$5 million",
                          "俄罗斯", "乌克兰", "普京", "美国总统", "Ukrainian President", "Volodymyr Zelenskiy", "在基辅", "in Kyiv",
                          "交换了战俘", "停火", "ceasefire", "swapped prisoners", "killed", "，", ",", "：", " ", "、", "。", ".", "\n",
                          "（北京20日讯）", "KYIV, March 20 (Reuters) - ", "阅读全文", "\u{E001}", "\u{E03F}", "\u{E000}", "１２", "😀", "e\u{0301}"]
    var generator = SplitMix(state: language == .zh ? 14 : 41)
    for _ in 0..<60 {
        var text = ""
        let pieces = Int.random(in: 1..<300, using: &generator)
        for _ in 0..<pieces {
            if Int.random(in: 0..<4, using: &generator) == 0 {
                text += String(repeating: language == .zh ? "甲" : "w", count: Int.random(in: 1..<400, using: &generator))
            } else {
                text += pool.randomElement(using: &generator)!
            }
        }
        checkSpans(text, language, extractor)
        // Read in small windows (cut anywhere the text allows), the same holds.
        checkSpans(text, language, extractor, window: 64 + Int.random(in: 0..<400, using: &generator))
    }
}

@Test func randomScalarsNeverTrap() throws {
    var generator = SplitMix(state: 2026)
    for round in 0..<40 {
        let count = Int.random(in: 0..<2000, using: &generator)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<count {
            let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x4E00...0x4E60, 0x3000...0x303F, 0xE000...0xE03F, 0xFF01...0xFF5E, 0x1F600...0x1F64F, 0x0A...0x0A]
            let range = ranges.randomElement(using: &generator)!
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &generator)) { scalars.append(scalar) }
        }
        let language: Language = round % 2 == 0 ? .zh : .en
        checkSpans(String(scalars), language, try #require(degenerateExtractors[language]))
    }
}

@Test func sentencesNeverSplitAMention() throws {
    // Sentences after the repair: no boundary inside a mention, none empty, in order.
    let mentions = [Span(start: 598, end: 603), Span(start: 1199, end: 1204)]
    let segment = Segment(span: Span(start: 0, end: 1300), referenceDate: nil, dateline: nil,
                          sentences: [Span(start: 0, end: 600), Span(start: 600, end: 1200), Span(start: 1200, end: 1300)], captions: [1])
    let repaired = Segmenter.keepingMentionsWhole([segment], mentions: mentions)[0]
    #expect(repaired.sentences == [Span(start: 0, end: 598), Span(start: 598, end: 1199), Span(start: 1199, end: 1300)])
    #expect(repaired.captions == [1])
    // A mention that covers a whole sentence: the boundary moves forward and the empty sentence goes.
    let whole = Segment(span: Span(start: 0, end: 30), referenceDate: nil, dateline: nil,
                        sentences: [Span(start: 0, end: 10), Span(start: 10, end: 12), Span(start: 12, end: 30)], captions: [2])
    let moved = Segmenter.keepingMentionsWhole([whole], mentions: [Span(start: 5, end: 20)])[0]
    #expect(moved.sentences == [Span(start: 0, end: 20), Span(start: 20, end: 30)])
    #expect(moved.captions == [1])
}
