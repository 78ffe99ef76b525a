import Records
import Rules
import Testing
import TestSupport

// RuleTables: what the engine runs, built from the rule set alone (issue 11, item 5; issue 15).

private let shipped = PackLoader.load(root: Checkout.rules).pack

@Test func onlyWrittenRequiresAreKeptOnThePlainPath() throws {
    for language in [Language.zh, .en] {
        let rules = try #require(shipped.ruleSet(for: language))
        let tables = RuleTables(rules)
        // A rule with `requires:` keeps its keys on the plain path; one whose keys are only its
        // pattern's literals runs everywhere there.
        let written = tables.patterns.eventRequires.filter { !$0.isEmpty }.count + tables.patterns.attachRequires.filter { !$0.isEmpty }.count
        let derived = tables.patterns.eventLiterals.filter { !$0.isEmpty }.count + tables.patterns.attachLiterals.filter { !$0.isEmpty }.count
        #expect(written > 0 && written < derived, "\(language): \(written) written of \(derived) keyed rules")
        // Entity patterns are gated by their literals: most money, date and duration words.
        #expect(tables.patterns.entityLiterals.filter { !$0.isEmpty }.count >= 10)
    }
}
