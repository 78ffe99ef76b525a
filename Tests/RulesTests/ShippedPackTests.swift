import Foundation
import Records
import Testing
@testable import Rules
import TestSupport

/// The checkout's Rules folder (TestSupport's, for this target's files).
let shippedRules = Checkout.rules

@Test func theShippedPackLoadsWithoutErrors() {
    let (pack, diagnostics) = PackLoader.load(root: shippedRules)
    let errors = diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(DiagnosticRenderer.render(errors))")
    #expect(pack.ruleSet(for: .zh) != nil)
    #expect((pack.ruleSet(for: .zh)?.lexicon.entries.count ?? 0) > 1000)
}

@Test func mappedAttributesPickTheLongestKeyWhateverTheOrder() {
    // Regression: the first key found by walking a Dictionary decided, so the answer could change between runs.
    let map: [String: AttributeValue] = ["drone": .string("drone"), "drones and missiles": .string("missile"), "missile": .string("missile")]
    for _ in 0..<20 {
        #expect(AttributeSpec.firstContained(in: "Drones and missiles hit the port", map) == .string("missile"))
        #expect(AttributeSpec.firstContained(in: "a DRONE strike", map) == .string("drone"))
        #expect(AttributeSpec.firstContained(in: "shelling", map) == nil)
    }
}
