import Foundation
import Testing
import TestSupport
@testable import Extraction
import Records
@testable import Rules
import RuleTools

// The shared modality and sense layer (`modality:` in a rule file): one cue vetoes the
// candidates of every rule, and its examples prove it does.

private func events(_ text: String, _ set: RuleSet) -> [Event] {
    Extractor(rules: set).extract(Document(id: "t", text: text, date: CivilDate(iso: "2025-03-20"), language: set.language)).result.events
}

@Test func theShippedLayerTakesAwayANegatedAttackThatARuleProposes() throws {
    let zh = try #require(shippedPack.ruleSet(for: .zh))
    var bare = zh
    bare.modality = []
    let text = "乌克兰军方称,俄军周二夜间没有对基辅发动导弹袭击。"
    #expect(events(text, bare).contains { $0.type == "attack" }, "without the layer a rule proposes the attack")
    #expect(!events(text, zh).contains { $0.type == "attack" })
    #expect(events("乌克兰军方称,俄军周二夜间对基辅发动导弹袭击。", zh).contains { $0.type == "attack" })
}

@Test func aClauseCueVetoesOnlyItsOwnClause() throws {
    let zh = try #require(shippedPack.ruleSet(for: .zh))
    #expect(!events("警方表示,不排除会有更多人被捕。", zh).contains { $0.type == "arrest" })
    // The cue sits in another clause than the arrest: the arrest stands.
    #expect(events("警方不排除有更多伤亡,并于周二逮捕了两名男子。", zh).contains { $0.type == "arrest" })
}

@Test func aCueGovernsOnlyItsTypes() throws {
    let en = try #require(shippedPack.ruleSet(for: .en))
    let cue = try #require(en.modality.first { $0.header.id == "en.modality.negated-attack" })
    #expect(cue.governs("attack"))
    #expect(!cue.governs("arrest"))
    #expect(!events("Police arrested two men in Leeds on Monday, but no attacks were reported.", en).filter { $0.type == "arrest" }.isEmpty)
}

/// A pack written for the test: one rule, one cue.
private func pack(cueExamples: String) throws -> RuleSet {
    let root = try writePack([
        "taxonomy.yaml": "roles: {agent: {kind: actor, side: doer}, date: {kind: date, single: true}}\ntypes:\n  attack:\n    roles: [agent, date]\n",
        "zh/attack.yaml": """
        events:
          - id: zh.attack.strike
            type: attack
            pattern: '(?<trigger>空袭)'
            examples:
              - text: '军方周二空袭了一座村庄。'
                expect: {attrs: {}}
        """,
        "zh/modality.yaml": """
        modality:
          - id: zh.modality.threat
            scope: clause
            pattern: '(?:威胁|扬言)'
            examples:
        \(cueExamples)
        """,
    ], prefix: "modality")
    let (loaded, diagnostics) = PackLoader.load(root: root, languages: [.zh])
    #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(DiagnosticRenderer.render(diagnostics))")
    return try #require(loaded.ruleSet(for: .zh))
}

@Test func aLayerExampleOfNoneMustShowAVetoedEvent() throws {
    let set = try pack(cueExamples: """
          - text: '军方威胁要空袭这座村庄。'
            expect: none
          - text: '双方威胁要退出谈判。'
            expect: none
          - text: '军方周二空袭了一座村庄。'
            expect: {type: attack}
          - text: '军方威胁要空袭这座村庄。'
            expect: {type: attack}
    """)
    let results = RuleTester(rules: set).run(filter: "zh.modality")
    #expect(results.map(\.passed) == [true, false, true, false])
    // The near miss no rule would have found tests nothing, and the report says so.
    #expect(results[1].got.contains("tests nothing"))
}

@Test func theLayerIsAppliedBeforeOneTriggerKeepsOneEvent() throws {
    let set = try pack(cueExamples: """
          - text: '军方威胁要空袭这座村庄。'
            expect: none
    """)
    #expect(events("军方威胁要空袭这座村庄。", set).isEmpty)
    #expect(events("军方威胁要报复,并于周二空袭了一座村庄。", set).count == 1)
}
