import Foundation
import Testing
import Records

// Issue 14: a document longer than --window is read a window at a time and its output put
// together in temporary files, so memory stays bounded; the output is what a whole read gives
// when no story crosses a window's edge, in every format, to a file and to standard output.

func storiesDocument(_ count: Int) -> String {
    var text = ""
    for i in 0..<count {
        text += "（北京\(1 + i % 19)日讯）俄罗斯与乌克兰交换了\(100 + i)名战俘，当地警方拘留了\(20 + i)人。"
        text += String(repeating: "天气晴朗。", count: i % 7) + "\n"
    }
    return text
}

@Test func aDocumentReadInWindowsWritesTheSameOutputInEveryFormat() throws {
    let folder = try temporaryFolder()
    let input = folder.appendingPathComponent("long.jsonl")
    let record = JSONValue.object([("id", .string("long")), ("text", .string(storiesDocument(60))), ("date", .string("2025-03-20")),
                                   ("url", .string("https://example.com/a"))])
    // A short document on each side: the long one keeps its place in the output.
    let short = #"{"id": "short", "text": "俄罗斯与乌克兰交换了175名战俘。", "date": "2025-03-20"}"#
    try ([short, record.serialized(), short.replacingOccurrences(of: "short", with: "after")].joined(separator: "\n") + "\n")
        .write(to: input, atomically: true, encoding: .utf8)
    for format in ["docs", "events", "csv"] {
        let whole = try tidings(["extract", input.path, "--format", format])
        #expect(whole.status == 0, "\(whole.stderr)")
        let windowed = try tidings(["extract", input.path, "--format", format, "--window", "300", "--jobs", "2"])
        #expect(windowed.status == 0, "\(windowed.stderr)")
        #expect(windowed.stdout == whole.stdout, "\(format)")
        let out = folder.appendingPathComponent("out.\(format)")
        let toFile = try tidings(["extract", input.path, "--format", format, "--window", "300", "-o", out.path])
        #expect(toFile.status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8) == whole.stdout)
    }
    let docs = try tidings(["extract", input.path, "--window", "300"])
    let lines = docs.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    let long = try JSONValue.parse(lines[1])
    #expect(long["doc"]?.stringValue == "long")
    #expect(long["url"]?.stringValue == "https://example.com/a")
    #expect(long["events"]?.arrayValue?.count == 120)
    #expect(try JSONValue.parse(lines[2])["doc"]?.stringValue == "after")
}

@Test func aWindowTooSmallIsRefused() throws {
    let run = try tidings(["extract", "-", "--window", "10"], stdin: "停火")
    #expect(run.status != 0)
    #expect(run.stderr.contains("--window must be at least 64 scalars"))
}

@Test func aTemporaryFolderThatCannotBeWrittenIsNamed() throws {
    let folder = try temporaryFolder()
    let input = folder.appendingPathComponent("long.txt")
    try storiesDocument(20).write(to: input, atomically: true, encoding: .utf8)
    let run = try tidings(["extract", input.path, "--date", "2025-03-20", "--window", "300"],
                          environment: ["TMPDIR": folder.appendingPathComponent("missing").path])
    #expect(run.status == 2)
    #expect(run.stderr.contains("cannot create a temporary file in \(folder.appendingPathComponent("missing").path)"))
    #expect(run.stdout.isEmpty)
}

@Test func aDocumentReadInWindowsIsStoredWholeInTheEventStore() throws {
    let folder = try temporaryFolder()
    let input = folder.appendingPathComponent("long.jsonl")
    let short = #"{"id": "short", "text": "俄罗斯与乌克兰交换了175名战俘。", "date": "2025-03-20"}"#
    let long = JSONValue.object([("id", .string("long")), ("text", .string(storiesDocument(30))), ("date", .string("2025-03-20"))])
    try ([short, long.serialized()].joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
    let whole = folder.appendingPathComponent("whole.db").path
    let windowed = folder.appendingPathComponent("windowed.db").path
    #expect(try tidings(["extract", input.path, "--db", whole]).status == 0)
    let first = try tidings(["extract", input.path, "--db", windowed, "--window", "300", "-o", folder.appendingPathComponent("out.jsonl").path])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("2 document(s) stored"))
    let export = try tidings(["db", "export", "--db", windowed])
    #expect(export.status == 0)
    #expect(export.stdout == (try tidings(["db", "export", "--db", whole])).stdout)
    // The round trip: what the store gives back is what extract wrote.
    #expect(export.stdout == (try String(contentsOf: folder.appendingPathComponent("out.jsonl"), encoding: .utf8)))
    // Unchanged: skipped on a rerun, the long one too.
    let again = try tidings(["extract", input.path, "--db", windowed, "--window", "300"])
    #expect(again.stderr.contains("0 document(s) stored, 2 unchanged skipped"), "\(again.stderr)")
}
