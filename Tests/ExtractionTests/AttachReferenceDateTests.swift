import Foundation
import Testing
@testable import Extraction
import Records
@testable import Rules
import RuleTools

// Issue 11, item 3: an attach rule reads a date against its own segment's reference day (the
// dateline's), never the document's. Tests/Fixtures/attach-date-pack has an attach rule whose
// `day` group is plain text (no date entity), so the weekday is resolved where it is read.

private let attachDatePack = URL(fileURLWithPath: shippedRules).deletingLastPathComponent()
    .appendingPathComponent("Tests/Fixtures/attach-date-pack").path

private func attachedDay(_ text: String, documentDate: String) throws -> DateValue? {
    let (pack, diagnostics) = PackLoader.load(root: attachDatePack, languages: [.en])
    #expect(diagnostics.isEmpty, "\(DiagnosticRenderer.render(diagnostics))")
    let set = try #require(pack.ruleSet(for: .en))
    let doc = Document(id: "attach-date", text: text, date: CivilDate(iso: documentDate), language: .en)
    let events = Extractor(rules: set).extract(doc).result.events
    try #require(events.count == 1, "\(events.map { "\($0.rule): \($0.args.map { "\($0.role)=\($0.text)" })" })")
    let day = events[0].args.first { $0.role == "day" }
    #expect(day?.origin == "attach en.rescue.day")
    #expect(day?.text == "Monday")
    guard case .date(let value)? = day?.value else { return nil }
    return value
}

@Test func anAttachRuleReadsItsDateAgainstTheDatelineDay() throws {
    // Published Wednesday 18 June; the dateline says Thursday 20 March: Monday is 17 March.
    let text = "VALLETTA, March 20 (Reuters) - Coast guards rescued 40 migrants. The rescue took place on Monday."
    let day = try #require(try attachedDay(text, documentDate: "2025-06-18"))
    #expect(day.date == "2025-03-17", "Monday before the dateline's Thursday 20 March, not before the document's 18 June")
}

@Test func anAttachRuleWithoutADatelineReadsTheDocumentDate() throws {
    let text = "Coast guards rescued 40 migrants. The rescue took place on Monday."
    let day = try #require(try attachedDay(text, documentDate: "2025-06-18"))
    #expect(day.date == "2025-06-16", "Monday before Wednesday 18 June")
}
