import Foundation
import Testing
@testable import Extraction
import Records
@testable import Rules
import RuleTools

/// The shipped pack, loaded once for every test in this file.
let shippedPack: RulePack = PackLoader.load(root: shippedRules).pack

struct RuleCase: CustomTestStringConvertible, Sendable {
    let language: Language
    let id: String
    var testDescription: String { id }
}

/// One case per shipped rule, so each rule's examples pass or fail on their own.
let shippedRuleCases: [RuleCase] = Language.allCases.flatMap { language in
    (shippedPack.ruleSet(for: language)?.ruleIDs ?? []).map { RuleCase(language: language, id: $0) }
}

@Test(arguments: shippedRuleCases)
func everyShippedRuleExamplePasses(_ rule: RuleCase) throws {
    let set = try #require(shippedPack.ruleSet(for: rule.language))
    let results = RuleTester(rules: set).run(filter: rule.id).filter { $0.ruleID == rule.id }
    for failure in results where !failure.passed {
        Issue.record("\(failure.location): \(failure.text)\n  expected: \(failure.expected)\n  got: \(failure.got)")
    }
}

/// Sport, finance, weather and entertainment news written for the project: no event at all.
@Test(arguments: Language.allCases)
func theBenignBaselineYieldsNoEvent(_ language: Language) throws {
    let url = URL(fileURLWithPath: shippedRules).deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/benign/\(language.rawValue).txt")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    #expect(lines.count >= 200)
    let set = try #require(shippedPack.ruleSet(for: language))
    let extractor = Extractor(rules: set)
    for (index, line) in lines.enumerated() {
        let result = extractor.extract(Document(id: "benign-\(index + 1)", text: line, date: CivilDate(iso: "2025-03-20"), language: language)).result
        for event in result.events {
            Issue.record("line \(index + 1): \(event.type) from \(event.rule) on '\(event.trigger.text)': \(line)")
        }
    }
}

@Test func anAttachRulesNoneExampleCanFail() throws {
    // Regression: `expect: none` on an attach rule passed whatever happened (attach rules make no events).
    let (pack, _) = PackLoader.load(root: shippedRules)
    let set = try #require(pack.ruleSet(for: .zh))
    let rule = try #require(set.attaches.first { $0.header.id == "zh.prisoner_exchange.released-each" })
    let tester = RuleTester(rules: set)
    let wrong = RuleExample(text: "基辅和莫斯科周三进行了囚犯交换。双方各释放了175名战俘。", date: nil, expectation: .none,
                            location: SourceLocation(file: "test", line: 1))
    let result = tester.check(eventRule: rule.header, type: rule.type, wrong, attachedRoles: Set(rule.roleGroups.values))
    #expect(!result.passed)
}
