import Foundation
import Testing
import Records

// Issue 14: no input may trap the process, and no run may lose data already given to it.

/// An 11-document JSONL file whose sixth document has a sentence longer than the 600-scalar cap
/// with its cut inside a date mention (this trapped in `openingDateClause` and lost every record).
func elevenDocuments(longText: String, normal: String) -> String {
    var lines = (0..<10).map { #"{"id": "ok\#($0)", "text": "\#(normal)", "date": "2025-03-20"}"# }
    lines.insert(#"{"id": "long", "text": "\#(longText)", "date": "2025-03-21"}"#, at: 5)
    return lines.joined(separator: "\n") + "\n"
}

@Test(arguments: [
    // zh: 598 scalars without a mark, then 3月20日 across the hard cut at 600.
    (String(repeating: "甲", count: 598) + "3月20日，俄罗斯与乌克兰交换了战俘。", "俄罗斯与乌克兰周三交换了战俘。", "2025-03-20"),
    // en: the soft cut at a space falls between "March" and "20".
    (String(repeating: "a", count: 593) + " March 20, Russia and Ukraine swapped prisoners.", "Russia and Ukraine swapped prisoners on Wednesday.", "2025-03-20"),
])
func aCutInsideADateLosesNoDocument(_ long: String, _ normal: String, _ date: String) throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("eleven.jsonl")
    try elevenDocuments(longText: long, normal: normal).write(to: file, atomically: true, encoding: .utf8)
    for jobs in ["1", "2"] {
        let run = try tidings(["extract", file.path, "--jobs", jobs])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error"))
        let records = run.stdout.split(separator: "\n").compactMap { try? JSONValue.parse(String($0)) }
        #expect(records.count == 11)
        #expect(records.map { $0["doc"]?.stringValue ?? "" } == (0..<5).map { "ok\($0)" } + ["long"] + (5..<10).map { "ok\($0)" })
        // The date stays one mention, whole, and still dates the swap after it.
        let longRecord = try #require(records.first { $0["doc"]?.stringValue == "long" })
        let mentions = longRecord["mentions"]?.arrayValue ?? []
        let dateMention = try #require(mentions.first { $0["kind"]?.stringValue == "date" })
        #expect(dateMention["value"]?["date"]?.stringValue == date)
        let swap = try #require(longRecord["events"]?.arrayValue?.first { $0["type"]?.stringValue == "prisoner_exchange" })
        let dateArg = swap["args"]?.arrayValue?.first { $0["role"]?.stringValue == "date" }
        #expect(dateArg?["value"]?["date"]?.stringValue == date)
    }
}
