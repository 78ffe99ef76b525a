import Testing
@testable import Extraction
import Records
@testable import Rules

// Issue 14: a long document is read in windows, so memory stays bounded; the windows cover the
// text exactly, end where the text allows, and a window continuing a segment keeps its dateline.

func windows(_ text: String, _ size: Int) -> [DocumentWindows.Window] { Array(DocumentWindows(text, size: size)) }

@Test func windowsCoverTheTextWithoutGapsOrOverlaps() {
    var generator = SplitMix(state: 7)
    let pool: [String] = ["俄罗斯", "。", "\n", " ", "ceasefire", ".", "😀", "e\u{0301}", "，", "甲乙丙"]
    for _ in 0..<200 {
        var text = ""
        for _ in 0..<Int.random(in: 0..<300, using: &generator) { text += pool.randomElement(using: &generator)! }
        let size = Int.random(in: 4..<120, using: &generator)
        let cut = windows(text, size)
        #expect(cut.map(\.text).joined() == text)
        var offset = 0
        for window in cut {
            #expect(window.start == offset)
            #expect(window.count == window.text.unicodeScalars.count)
            #expect(window.count > 0 && window.count <= size)
            offset += window.count
        }
        #expect(offset == text.unicodeScalars.count)
    }
}

@Test func aWindowEndsAtALineBreakThenASentenceMarkThenASpace() {
    // Size 40: the cut is looked for in the last quarter (scalars 30…40).
    let line = String(repeating: "甲", count: 33) + "\n" + String(repeating: "乙", count: 20)
    #expect(windows(line, 40).map(\.count) == [34, 20])
    let sentence = String(repeating: "甲", count: 31) + "。" + String(repeating: "乙", count: 5) + " " + String(repeating: "丙", count: 20)
    #expect(windows(sentence, 40).first?.count == 32)
    let spaced = String(repeating: "w", count: 35) + " " + String(repeating: "x", count: 20)
    #expect(windows(spaced, 40).first?.count == 36)
    // A line break before the last quarter is too far back: the window would be too small.
    let early = String(repeating: "甲", count: 10) + "\n" + String(repeating: "乙", count: 60)
    #expect(windows(early, 40).map(\.count) == [40, 31])
    #expect(windows("", 40).isEmpty)
    #expect(windows("甲乙", 40).map(\.count) == [2])
}

let windowedZh = Extractor(rules: shippedPack.ruleSet(for: .zh)!)

func eventRows(_ result: DocumentResult) -> [String] {
    result.events.map { $0.json().serialized() }
}

@Test func storiesReadInWindowsGiveTheSameRecordsAsTheWholeDocument() {
    // One story a line, each with its own dateline, day and count: windows end at line breaks,
    // between stories, so nothing that would merge is ever cut apart.
    var text = ""
    for i in 0..<40 {
        text += "（北京\(1 + i % 19)日讯）俄罗斯与乌克兰交换了\(100 + i)名战俘，当地警方拘留了\(20 + i)人。"
        text += String(repeating: "天气晴朗。", count: i % 7) + "\n"
    }
    let document = Document(id: "stories", text: text, date: CivilDate(iso: "2025-03-20"), language: .zh)
    let whole = windowedZh.extract(document)
    let windowed = windowedZh.extract(document, windowScalars: 300)
    #expect(text.unicodeScalars.count > 4 * 300)
    #expect(whole.result.events.count == 80)
    #expect(eventRows(windowed.result) == eventRows(whole.result))
    #expect(windowed.result.mentions == whole.result.mentions)
}

@Test func aWindowThatContinuesASegmentKeepsItsDatelinesDayAndPlace() throws {
    // The dateline (北京, the 20th) is in the first window; the arrests, told "yesterday", are
    // several windows later in the same segment.
    let filler = String(repeating: "天气晴朗。", count: 300)
    let text = "（北京20日讯）" + filler + "当地警方昨天拘留了140余人。"
    let document = Document(id: "segment", text: text, date: CivilDate(iso: "2025-03-25"), language: .zh)
    let whole = windowedZh.extract(document)
    let windowed = windowedZh.extract(document, windowScalars: 256)
    let event = try #require(windowed.result.events.first { $0.type == "arrest" })
    #expect(eventRows(windowed.result) == eventRows(whole.result))
    #expect(event.args.first { $0.role == "date" }?.value.json().serialized() == #"{"date": "2025-03-19"}"#)
    let place = try #require(event.args.first { $0.role == "place" })
    // The place quotes the dateline itself, in the first window.
    #expect(place.text == "北京" && place.span == Span(start: 1, end: 3))
    // The opening dateline repeated in each window is never a mention of its own.
    #expect(windowed.result.mentions.filter { $0.text == "北京" }.count == 1)
}

@Test func aDocumentWithNoPlaceToCutIsCutAtTheWindowSize() {
    let text = String(repeating: "停火协议", count: 500)
    let cut = windows(text, 256)
    #expect(cut.dropLast().allSatisfy { $0.count == 256 })
    checkSpans(text, .zh, windowedZh, window: 256)
}
