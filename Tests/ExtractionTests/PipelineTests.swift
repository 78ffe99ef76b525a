import Foundation
import Testing
@testable import Extraction
import Records
import Rules

// Issue 11, item 3: one entry point, `Pipeline(pack) × Document → DocumentResult`, language detection included.

@Test func thePipelineDetectsTheLanguageAndRunsThatLanguagesStages() throws {
    let text = "（北京20日讯）俄罗斯和乌克兰周三进行了囚犯交换。双方各释放了175名战俘。"
    let undetected = Document(id: "p", text: text, date: CivilDate(iso: "2025-03-20"))
    #expect(Pipeline.language(of: undetected) == .zh)
    let (result, warnings) = Pipeline(pack: shippedPack).extract(undetected)
    #expect(warnings.isEmpty)
    #expect(result.language == .zh)
    let zh = try #require(shippedPack.ruleSet(for: .zh))
    var given = undetected
    given.language = .zh
    let direct = Extractor(rules: zh).extract(given).result
    #expect(result.json().serialized() == direct.json().serialized(), "the pipeline writes what the language's stages give")
    #expect(result.events.contains { $0.type == "prisoner_exchange" && $0.args.contains { $0.role == "released" && $0.text == "175名战俘" } })
}

@Test func aGivenLanguageIsNeverDetectedAgain() {
    let document = Document(id: "p", text: "普京周三说", language: .en)
    #expect(Pipeline.language(of: document) == .en)
}

@Test func aPipelineOfOneRuleSetGivesNothingForAnotherLanguageAndSaysSo() throws {
    let zh = try #require(shippedPack.ruleSet(for: .zh))
    let document = Document(id: "e", text: "Russia and Ukraine exchanged 175 prisoners on Wednesday.", date: CivilDate(iso: "2025-03-20"))
    let (result, warnings) = Pipeline(rules: zh).extract(document)
    #expect(result.language == .en)
    #expect(result.events.isEmpty)
    #expect(result.mentions.isEmpty)
    #expect(warnings.map(\.message) == ["the pack has no rules for language 'en'; no events extracted"])
}
