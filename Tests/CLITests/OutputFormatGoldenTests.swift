import Foundation
import Testing

// docs/schema.md is the contract for every output format; these goldens pin each one byte for
// byte over a small corpus written for the project (Tests/Fixtures/output-formats/corpus.jsonl:
// a zh call and truce with a dateline and a title, an en exchange with a url, an undated-language
// crash, a document with no event). Re-record with TIDINGS_RECORD_GOLDEN=1 and read the diff.

private let formatsFolder = checkout.appendingPathComponent("Tests/Fixtures/output-formats")

@Test(arguments: [("docs", "docs.jsonl"), ("events", "events.jsonl"), ("csv", "events.csv")])
func eachOutputFormatMatchesItsGolden(_ format: String, _ golden: String) throws {
    let corpus = formatsFolder.appendingPathComponent("corpus.jsonl").path
    let run = try tidings(["extract", "--format", format, "--jobs", "2", corpus])
    #expect(run.status == 0, "\(run.stderr)")
    let path = formatsFolder.appendingPathComponent(golden).path
    if ProcessInfo.processInfo.environment["TIDINGS_RECORD_GOLDEN"] == "1" {
        try run.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        Issue.record("recorded \(golden); read the diff, then run again without TIDINGS_RECORD_GOLDEN")
        return
    }
    let expected = try String(contentsOfFile: path, encoding: .utf8)
    let got = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(got.count == want.count, "\(got.count) lines, the golden has \(want.count)")
    for (i, (a, b)) in zip(got, want).enumerated() where a != b {
        Issue.record("\(golden) line \(i + 1) differs:\n  got:    \(a)\n  golden: \(b)")
        break
    }
}

@Test func theGoldensShowWhatTheSchemaPromises() throws {
    // The goldens are worth pinning only if they hold what docs/schema.md describes.
    let docs = try String(contentsOf: formatsFolder.appendingPathComponent("docs.jsonl"), encoding: .utf8)
    let lines = docs.split(separator: "\n")
    #expect(lines.count == 4, "one record per document")
    #expect(lines[0].hasPrefix(#"{"doc": "fmt-zh-1", "lang": "zh", "reference_date": "2025-03-18", "events": ["#))
    #expect(lines[0].hasSuffix(#", "title": "普京与特朗普通话"}"#), "input fields after mentions")
    #expect(lines[1].hasSuffix(#", "url": "https://example.org/news/swap"}"#))
    #expect(lines[2].contains(#""lang": "en""#), "a language detected when not given")
    #expect(lines[3].contains(#""events": []"#), "a document without events still has its record")
    let events = try String(contentsOf: formatsFolder.appendingPathComponent("events.jsonl"), encoding: .utf8).split(separator: "\n")
    let csv = try String(contentsOf: formatsFolder.appendingPathComponent("events.csv"), encoding: .utf8).split(separator: "\n")
    #expect(csv.first == "doc,type,trigger,trigger_start,trigger_end,evidence_start,evidence_end,args,attrs,rule,source,confidence")
    #expect(csv.count == events.count + 1, "one row per event under the header")
    #expect(events.count >= 3, "the corpus yields events of several documents")
    #expect(events.allSatisfy { $0.hasPrefix(#"{"doc": "fmt-"#) })
    #expect(csv.dropFirst().allSatisfy { $0.hasPrefix("fmt-") && $0.contains(#","[{""role"": "#) }, "args quoted as a JSON cell")
}
