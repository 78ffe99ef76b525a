import Foundation
import Testing
@testable import Rules

/// The checkout's Rules folder, found from this file's path.
let shippedRules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Rules").path

@Test func theShippedPackLoadsWithoutErrors() {
    let (pack, diagnostics) = PackLoader.load(root: shippedRules)
    let errors = diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(DiagnosticRenderer.render(errors))")
    #expect(pack.ruleSet(for: .zh) != nil)
    #expect((pack.ruleSet(for: .zh)?.lexicon.entries.count ?? 0) > 1000)
}
