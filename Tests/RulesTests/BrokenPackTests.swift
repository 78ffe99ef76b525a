import Foundation
import Records
import Testing
@testable import Rules

/// The folder holding one broken pack per diagnostic code.
let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

/// One broken pack under `Fixtures/<name>/` and the diagnostic code it exists to show.
struct BrokenPack: Sendable, CustomTestStringConvertible {
    /// Folder name under Fixtures.
    var name: String
    /// The code the pack must report (the golden may hold more).
    var code: DiagnosticCode
    /// Languages to load; nil loads every language folder present.
    var languages: [Language]? = nil

    var root: String { fixturesFolder + "/" + name }
    var testDescription: String { name }
}

/// Every fixture. A new diagnostic code needs a row here and a folder in Fixtures/.
let brokenPacks: [BrokenPack] = [
    BrokenPack(name: "yaml-syntax", code: .yamlSyntax),
    // 美國總統 and 美国总统 are one surface once folded to simplified (HanFold).
    BrokenPack(name: "lexicon-conflict-across-scripts", code: .lexiconConflict),
    BrokenPack(name: "yaml-syntax-control-character", code: .yamlSyntax),
    BrokenPack(name: "unknown-key", code: .unknownKey),
    BrokenPack(name: "duplicate-key", code: .duplicateKey),
    BrokenPack(name: "duplicate-key-flow", code: .duplicateKey),
    BrokenPack(name: "missing-key", code: .missingKey),
    BrokenPack(name: "wrong-type", code: .wrongType),
    BrokenPack(name: "duplicate-id", code: .duplicateId),
    BrokenPack(name: "bad-id", code: .badId),
    BrokenPack(name: "unknown-type", code: .unknownType),
    BrokenPack(name: "unknown-scope", code: .unknownScope),
    BrokenPack(name: "unknown-role", code: .unknownRole),
    BrokenPack(name: "unknown-role-where", code: .unknownRole),
    BrokenPack(name: "unknown-role-taxonomy", code: .unknownRole),
    // A role must say its kind: none is read as an actor by default, and the rules using it fail too.
    BrokenPack(name: "role-without-kind", code: .missingKey),
    BrokenPack(name: "unknown-join", code: .unknownJoin),
    BrokenPack(name: "unknown-attr", code: .unknownAttr),
    BrokenPack(name: "unknown-attr-value", code: .unknownAttrValue),
    BrokenPack(name: "unknown-group", code: .unknownGroup),
    BrokenPack(name: "unknown-fragment", code: .unknownFragment),
    BrokenPack(name: "fragment-cycle", code: .fragmentCycle),
    BrokenPack(name: "bad-fragment-name", code: .badFragmentName),
    BrokenPack(name: "mention-ref-outside-event", code: .mentionRefOutsideEvent),
    BrokenPack(name: "placeholder-spelled", code: .placeholderSpelled),
    BrokenPack(name: "long-pattern", code: .longPattern),
    BrokenPack(name: "inline-gap", code: .inlineGap),
    BrokenPack(name: "script-twin", code: .scriptTwin),
    BrokenPack(name: "pattern-and-patterns", code: .patternAndPatterns),
    BrokenPack(name: "pcre2-compile-in-block", code: .pcre2Compile),
    BrokenPack(name: "reference-in-class", code: .referenceInClass),
    BrokenPack(name: "pcre2-compile", code: .pcre2Compile),
    BrokenPack(name: "pcre2-compile-in-fragment", code: .pcre2Compile),
    BrokenPack(name: "group-not-role", code: .groupNotRole),
    BrokenPack(name: "empty-match", code: .emptyMatch),
    BrokenPack(name: "unbounded-gap", code: .unboundedGap),
    BrokenPack(name: "unknown-kind", code: .unknownKind),
    BrokenPack(name: "unknown-normalizer", code: .unknownNormalizer),
    BrokenPack(name: "bad-value", code: .badValue),
    BrokenPack(name: "no-examples", code: .noExamples),
    BrokenPack(name: "bad-date", code: .badDate),
    BrokenPack(name: "lexicon-format", code: .lexiconFormat),
    BrokenPack(name: "lexicon-conflict", code: .lexiconConflict),
    BrokenPack(name: "missing-pack", code: .missingPack, languages: [.zh, .en]),
    BrokenPack(name: "unreadable", code: .unreadable),
    BrokenPack(name: "five-errors", code: .unknownType),
    BrokenPack(name: "numbered-group", code: .numberedGroup),
    BrokenPack(name: "nested-quantifier", code: .nestedQuantifier),
    // segmentation.yaml: a pattern that does not compile, a traditional character, a stray group,
    // a word list without words, a month out of range, an unknown section.
    BrokenPack(name: "segmentation-errors", code: .pcre2Compile),
]

/// Loads a fixture and renders its diagnostics with paths relative to the fixture folder,
/// so goldens do not depend on where the checkout lives.
func renderedDiagnostics(of pack: BrokenPack) -> (text: String, diagnostics: [Diagnostic]) {
    let (_, diagnostics) = PackLoader.load(root: pack.root, languages: pack.languages)
    let text = DiagnosticRenderer.render(diagnostics)
        .replacingOccurrences(of: pack.root + "/", with: "")
        .replacingOccurrences(of: pack.root, with: ".")
    return (text + "\n", diagnostics)
}

@Test(arguments: brokenPacks)
func brokenPackRendersItsGolden(_ pack: BrokenPack) throws {
    let (text, diagnostics) = renderedDiagnostics(of: pack)
    #expect(diagnostics.contains { $0.code == pack.code }, "\(pack.name) does not report [\(pack.code.rawValue)]:\n\(text)")
    assertGolden(text, path: pack.root + "/expected.txt")
}

@Test func everyFixtureFolderIsInTheTable() throws {
    let folders = try FileManager.default.contentsOfDirectory(atPath: fixturesFolder).filter { !$0.hasPrefix(".") }
    #expect(Set(folders) == Set(brokenPacks.map(\.name)))
}

/// Every code the loader can emit (the `DiagnosticCode` enum): each must have a fixture.
@Test func everyDiagnosticCodeHasAFixture() throws {
    let shown = Set(brokenPacks.map(\.code))
    #expect(Set(DiagnosticCode.allCases).subtracting(shown).isEmpty, "codes without a fixture: \(Set(DiagnosticCode.allCases).subtracting(shown).map(\.rawValue).sorted())")
}

/// Issue 3: loading never stops at the first problem.
@Test func aPackWithFivePlantedErrorsReportsAllFive() throws {
    let root = fixturesFolder + "/five-errors"
    let (pack, diagnostics) = PackLoader.load(root: root)
    let errors = diagnostics.filter { $0.severity == .error }
    let found = errors.map { "\($0.code.rawValue) \($0.location.map { String($0.file.dropFirst(root.count + 1)) } ?? "?")" }.sorted()
    #expect(found == [
        "lexicon-format lexicons/zh/people.tsv",
        "pcre2-compile zh/ceasefire.yaml",
        "unknown-key zh/talks.yaml",
        "unknown-role taxonomy.yaml",
        "unknown-type en/ceasefire.yaml",
    ], "\(DiagnosticRenderer.render(diagnostics))")
    // The sound parts still load: the good rule beside the broken one, and the valid lexicon row.
    let zh = try #require(pack.ruleSet(for: .zh))
    #expect(zh.ruleIDs.sorted() == ["zh.ceasefire.agree", "zh.talks.call"])
    #expect(zh.lexicon.entries.map(\.surface) == ["拜登"])
    #expect(pack.ruleSet(for: .en)?.ruleIDs == [])
}

@Test func aMissingFolderIsOneDiagnostic() {
    let (pack, diagnostics) = PackLoader.load(root: fixturesFolder + "/no-such-pack")
    #expect(diagnostics.map(\.code) == [.missingPack])
    #expect(pack.sets.isEmpty)
}

/// Compares `actual` with the golden file; with TIDINGS_RECORD=1 rewrites it and fails, so a
/// recording can never pass silently (swift-argument-parser's `assertSnapshot`).
func assertGolden(_ actual: String, path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    if ProcessInfo.processInfo.environment["TIDINGS_RECORD"] == "1" {
        do {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("recorded \(path); check it, then run again without TIDINGS_RECORD", sourceLocation: sourceLocation)
        } catch {
            Issue.record("cannot record \(path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        Issue.record("no golden at \(path); run with TIDINGS_RECORD=1 to record it", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "\(firstDifference(actual, expected))", sourceLocation: sourceLocation)
}

/// The first line where two texts differ, for a readable failure.
func firstDifference(_ actual: String, _ expected: String) -> String {
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(a.count, e.count) where i >= a.count || i >= e.count || a[i] != e[i] {
        let got = i < a.count ? String(a[i]) : "<end>"
        let want = i < e.count ? String(e[i]) : "<end>"
        return "line \(i + 1) differs:\n  actual:   \(got)\n  expected: \(want)\n--- actual ---\n\(actual)"
    }
    return ""
}
