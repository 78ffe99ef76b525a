import Testing
import Records
@testable import Rules

/// Most event rules must carry prefilter literals: a rule without them runs on every sentence.
@Test(arguments: [Language.zh, .en])
func nearlyEveryEventRuleHasPrefilterLiterals(_ language: Language) throws {
    let set = try #require(shippedPack.ruleSet(for: language))
    let unfiltered = set.events.filter { $0.requiredLiterals.isEmpty }.map(\.header.id)
        + set.attaches.filter { $0.requiredLiterals.isEmpty }.map(\.header.id)
    #expect(unfiltered.count * 10 <= set.events.count + set.attaches.count, "rules run on every sentence: \(unfiltered)")
}
