import Foundation
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

/// The kept table (Sources/Normalizers/Text/HanFoldTable.swift) is ICU's: every pair ICU's
/// Traditional-Simplified transliterator gives, and no other. TIDINGS_RECORD_GOLDEN=1 writes the
/// file again from ICU (after an ICU update), in the same layout.
@Test func theFoldTableIsICUsTraditionalSimplified() throws {
    let pairs = HanFold.icuPairs()
    #expect(pairs.count == 3074)
    for (traditional, simplified) in pairs { #expect(HanFold.simplified(traditional) == simplified, "\(traditional)") }
    #expect(HanFold.count == pairs.count)
    if ProcessInfo.processInfo.environment["TIDINGS_RECORD_GOLDEN"] == "1" {
        let lines = stride(from: 0, to: pairs.count, by: 40).map { start in
            pairs[start..<min(start + 40, pairs.count)].map { String($0.0) + String($0.1) }.joined()
        }
        let file = """
            // Generated from ICU's Traditional-Simplified transliterator by the test
            // `theFoldTableIsICUsTraditionalSimplified` (TIDINGS_RECORD_GOLDEN=1 writes it again); do not edit.

            /// Every traditional character ICU folds and its simplified form, one pair after another, in
            /// code point order; line breaks are only for reading.
            enum HanFoldTable {
                static let pairs = \"\"\"
            \(lines.joined(separator: "\n"))
            \"\"\"
            }

            """
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Normalizers/Text/HanFoldTable.swift")
        try file.write(to: path, atomically: true, encoding: .utf8)
    }
}
