import Testing
@testable import Extraction
@testable import Rules

@Test func everyRequiredLiteralHasOneKey() {
    // Regression: keys were numbered by iterating two different Sets, so a rule could look
    // up another literal's key and be skipped on sentences that held its trigger.
    let (pack, _) = PackLoader.load(root: shippedRules)
    let rules = pack.ruleSet(for: .zh)!
    let extractor = Extractor(rules: rules)
    let entityLiterals = rules.entities.flatMap { LiteralExtractor.requiredLiterals($0.header.expandedPattern) }
    let literals = Set(entityLiterals + rules.events.flatMap(\.requiredLiterals) + rules.attaches.flatMap(\.requiredLiterals))
    #expect(Set(extractor.literalKeys.keys) == literals)
    #expect(Set(extractor.literalKeys.values).count == literals.count)
    for literal in literals {
        let scalars = Array(literal.lowercased().unicodeScalars)
        let hits = extractor.literals.allMatches(in: scalars).filter { $0.start == 0 && $0.end == scalars.count }
        #expect(hits.contains { $0.payloads.contains(extractor.literalKeys[literal]!) })
    }
}
