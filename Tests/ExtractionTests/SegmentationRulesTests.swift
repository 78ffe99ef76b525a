import Foundation
import Testing
@testable import Extraction
import PCRE2
import Records
@testable import Rules

/// The segmenter runs only what a pack's segmentation.yaml compiled.

@Test func withoutSegmentationRulesAPageIsOneSegmentDatedByItsDocument() {
    let text = "(基辅19日讯)俄军发动袭击。\n阅读全文\n(罗马18日讯)联合国表示。(图取自网络)\nMr. Smith left."
    let segments = Segmenter(SegmentationRules()).segments(of: text, subject: Subject(text), documentDate: CivilDate(iso: "2025-03-20"))
    #expect(segments.count == 1)
    #expect(segments[0].dateline == nil)
    #expect(segments[0].referenceDate?.iso == "2025-03-20")
    #expect(segments[0].captions.isEmpty)
    // No abbreviations: "Mr." ends a sentence like any period before a capital.
    let scalars = Array(text.unicodeScalars)
    #expect(segments[0].sentences.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }.suffix(2) == ["Mr.", "Smith left."])
}

@Test func theShippedZhSegmenterDatesEachTeaserAndTheEnOneKeepsItsAbbreviations() throws {
    let text = "(基辅19日讯)俄军发动袭击。\n阅读全文\n(罗马18日讯)联合国表示。"
    let zh = try segmenter(.zh).segments(of: text, subject: Subject(text), documentDate: CivilDate(iso: "2025-03-20"))
    #expect(zh.map { $0.referenceDate?.iso } == ["2025-03-19", "2025-03-18"])
    // A language's datelines are its own: the en pack reads no zh dateline.
    let en = try segmenter(.en).segments(of: text, subject: Subject(text), documentDate: CivilDate(iso: "2025-03-20"))
    #expect(en.count == 1 && en[0].dateline == nil)
    let english = "Mr. Smith met Gen. Jones. They left."
    let scalars = Array(english.unicodeScalars)
    let sentences = try segmenter(.en).sentences(scalars, in: Span(start: 0, end: scalars.count))
    #expect(sentences.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) } == ["Mr. Smith met Gen. Jones.", "They left."])
}

@Test func aDatelineMonthIsReadFromThePacksMonthNames() throws {
    var rules = SegmentationRules(months: ["mar": 3])
    let regex = try Regex(#"(?m)^[A-Z]+, (?<month>[A-Z][a-z]+) (?<day>[0-9]+) -"#)
    let header = RuleHeader(id: "en.dateline.t", source: "t", location: SourceLocation(file: "t", line: 1), priority: 0, examples: [], expandedPattern: "")
    rules.rules = [SegmentationRule(header: header, kind: .dateline, regex: regex, words: [])]
    let text = "KYIV, March 2 - Talks began."
    let dated = Segmenter(rules).segments(of: text, subject: Subject(text), documentDate: CivilDate(iso: "2025-04-20"))
    #expect(dated[0].referenceDate?.iso == "2025-03-02")
    // Without the month name the dateline's month is unknown and the document's month is taken.
    rules.months = [:]
    let undated = Segmenter(rules).segments(of: text, subject: Subject(text), documentDate: CivilDate(iso: "2025-04-20"))
    #expect(undated[0].referenceDate?.iso == "2025-04-02")
}

@Test func withoutTheContextWordsAFutureDateIsNotMovedAheadAndSameDayIsNotResolved() throws {
    let zh = try #require(shippedPack.ruleSet(for: .zh))
    var bare = zh
    bare.context = ContextWords()
    let document = Document(id: "t", text: "两国领导人将于3月10日举行会谈。法国18日爆发罢工。警方当天拘留了140余人。", date: CivilDate(iso: "2025-03-20"), language: .zh)
    func dates(_ set: RuleSet) -> [String] {
        Extractor(rules: set).extract(document).result.mentions.compactMap { m in m.value.json()["date"]?.stringValue.map { "\(m.text)=\($0)" } }
    }
    #expect(dates(zh) == ["3月10日=2026-03-10", "18日=2025-03-18", "当天=2025-03-18"])
    #expect(dates(bare) == ["3月10日=2025-03-10", "18日=2025-03-18", "当天=2025-03-20"])
}
