import Extraction
import Normalizers
import Records
import Rules
import Testing

// Traditional Chinese folded to simplified one scalar for one (issue 11, 2a).

@Test func theTableFoldsTraditionalCharactersOneForOne() {
    #expect(HanFold.count > 2500, "ICU's Traditional-Simplified table, not a hand list")
    #expect(HanFold.fold("釋放戰俘與會談，萬人撤離臺灣") == "释放战俘与会谈，万人撤离台湾")
    #expect(HanFold.fold("Russia 释放 175") == "Russia 释放 175", "simplified and Latin text is left as it is")
    let mixed = "𠀀A釋😀"
    #expect(HanFold.fold(mixed).unicodeScalars.count == mixed.unicodeScalars.count)
}

@Test func textPreparationFoldsScriptsAndWidthsWithoutMovingOffsets() {
    let text = "（臺北１５日電）雙方釋放戰俘。"
    let folded = TextPreparation.foldFullWidth(text)
    #expect(folded == "(台北15日电)双方释放战俘。")
    #expect(folded.unicodeScalars.count == text.unicodeScalars.count)
}

@Test func aRuleWrittenInOneScriptReadsTheOtherAndRecordsQuoteTheText() throws {
    let result = try extract("俄烏雙方週三在伊斯坦堡交換了175名戰俘。")
    let swap = try #require(result.events.first { $0.type == "prisoner_exchange" })
    #expect(swap.trigger.text.contains("交換"), "records quote the document as written")
    let scalars = Array("俄烏雙方週三在伊斯坦堡交換了175名戰俘。".unicodeScalars)
    #expect(String(String.UnicodeScalarView(scalars[swap.trigger.span.start..<swap.trigger.span.end])) == swap.trigger.text)
    #expect(swap.args.contains { $0.role == "released" && $0.value == .quantity(QuantityValue(amount: 175, unit: "person")) })
    #expect(swap.args.contains { $0.role == "date" && $0.value.json()["date"]?.stringValue == "2025-03-19" })
}
