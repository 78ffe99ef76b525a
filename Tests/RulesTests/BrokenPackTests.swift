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
    var code: String
    /// Languages to load; nil loads every language folder present.
    var languages: [Language]? = nil

    var root: String { fixturesFolder + "/" + name }
    var testDescription: String { name }
}

/// Every fixture. A new diagnostic code needs a row here and a folder in Fixtures/.
let brokenPacks: [BrokenPack] = [
    BrokenPack(name: "yaml-syntax", code: "yaml-syntax"),
    // 美國總統 and 美国总统 are one surface once folded to simplified (HanFold).
    BrokenPack(name: "lexicon-conflict-across-scripts", code: "lexicon-conflict"),
    BrokenPack(name: "yaml-syntax-control-character", code: "yaml-syntax"),
    BrokenPack(name: "unknown-key", code: "unknown-key"),
    BrokenPack(name: "duplicate-key", code: "duplicate-key"),
    BrokenPack(name: "duplicate-key-flow", code: "duplicate-key"),
    BrokenPack(name: "missing-key", code: "missing-key"),
    BrokenPack(name: "wrong-type", code: "wrong-type"),
    BrokenPack(name: "duplicate-id", code: "duplicate-id"),
    BrokenPack(name: "bad-id", code: "bad-id"),
    BrokenPack(name: "unknown-type", code: "unknown-type"),
    BrokenPack(name: "unknown-scope", code: "unknown-scope"),
    BrokenPack(name: "unknown-role", code: "unknown-role"),
    BrokenPack(name: "unknown-role-where", code: "unknown-role"),
    BrokenPack(name: "unknown-role-taxonomy", code: "unknown-role"),
    BrokenPack(name: "unknown-attr", code: "unknown-attr"),
    BrokenPack(name: "unknown-attr-value", code: "unknown-attr-value"),
    BrokenPack(name: "unknown-group", code: "unknown-group"),
    BrokenPack(name: "unknown-fragment", code: "unknown-fragment"),
    BrokenPack(name: "fragment-cycle", code: "fragment-cycle"),
    BrokenPack(name: "bad-fragment-name", code: "bad-fragment-name"),
    BrokenPack(name: "mention-ref-outside-event", code: "mention-ref-outside-event"),
    BrokenPack(name: "pcre2-compile", code: "pcre2-compile"),
    BrokenPack(name: "pcre2-compile-in-fragment", code: "pcre2-compile"),
    BrokenPack(name: "group-not-role", code: "group-not-role"),
    BrokenPack(name: "empty-match", code: "empty-match"),
    BrokenPack(name: "unbounded-gap", code: "unbounded-gap"),
    BrokenPack(name: "unknown-kind", code: "unknown-kind"),
    BrokenPack(name: "unknown-normalizer", code: "unknown-normalizer"),
    BrokenPack(name: "bad-value", code: "bad-value"),
    BrokenPack(name: "no-examples", code: "no-examples"),
    BrokenPack(name: "bad-date", code: "bad-date"),
    BrokenPack(name: "lexicon-format", code: "lexicon-format"),
    BrokenPack(name: "lexicon-conflict", code: "lexicon-conflict"),
    BrokenPack(name: "missing-pack", code: "missing-pack", languages: [.zh, .en]),
    BrokenPack(name: "unreadable", code: "unreadable"),
    BrokenPack(name: "five-errors", code: "unknown-type"),
    BrokenPack(name: "numbered-group", code: "numbered-group"),
    BrokenPack(name: "nested-quantifier", code: "nested-quantifier"),
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
    #expect(diagnostics.contains { $0.code == pack.code }, "\(pack.name) does not report [\(pack.code)]:\n\(text)")
    assertGolden(text, path: pack.root + "/expected.txt")
}

@Test func everyFixtureFolderIsInTheTable() throws {
    let folders = try FileManager.default.contentsOfDirectory(atPath: fixturesFolder).filter { !$0.hasPrefix(".") }
    #expect(Set(folders) == Set(brokenPacks.map(\.name)))
}

/// Every code the loader can emit, read from its sources: each must have a fixture.
@Test func everyDiagnosticCodeHasAFixture() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/Rules").path
    let files = FileManager.default.enumerator(atPath: sources)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
    let pattern = try NSRegularExpression(pattern: #"(?:code: |report\(\.(?:error|warning), )"([a-z0-9]+(?:-[a-z0-9]+)*)""#)
    var codes: Set<String> = []
    for file in files {
        let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            codes.insert(String(text[Range(match.range(at: 1), in: text)!]))
        }
    }
    #expect(codes.count > 20, "the code scan found too little: \(codes.sorted())")
    #expect(codes.subtracting(brokenPacks.map(\.code)).isEmpty, "codes without a fixture")
}

/// Issue 3: loading never stops at the first problem.
@Test func aPackWithFivePlantedErrorsReportsAllFive() throws {
    let root = fixturesFolder + "/five-errors"
    let (pack, diagnostics) = PackLoader.load(root: root)
    let errors = diagnostics.filter { $0.severity == .error }
    let found = errors.map { "\($0.code) \($0.location.map { String($0.file.dropFirst(root.count + 1)) } ?? "?")" }.sorted()
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
    #expect(diagnostics.map(\.code) == ["missing-pack"])
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
