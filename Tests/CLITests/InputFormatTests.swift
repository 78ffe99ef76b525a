import Foundation
import Testing
import Records

// Issue 14: inputs that should just work — text on stdin, .json, .JSONL/.ndjson, .gz, folders,
// BOMs, --encoding for JSONL, UTF-16, --invalid-utf8, duplicate ids, documents without a date.

let swapText = "俄罗斯与乌克兰周三交换了战俘。"

func docs(_ run: Run) -> [JSONValue] {
    run.stdout.split(separator: "\n").compactMap { try? JSONValue.parse(String($0)) }
}

func write(_ data: Data, _ name: String, in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
    return url
}

func gzip(_ data: Data) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-c"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(data)
    try input.fileHandleForWriting.close()
    let result = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return result
}

@Test func plainTextOnStandardInputIsOneDocument() throws {
    let text = try tidings(["extract", "-", "--date", "2025-03-20", "--format", "events"], stdin: "\n  " + swapText)
    #expect(text.status == 0, "\(text.stderr)")
    let event = try JSONValue.parse(String(text.stdout.split(separator: "\n")[0]))
    #expect(event["doc"]?.stringValue == "stdin")
    #expect(event["type"]?.stringValue == "prisoner_exchange")
    // The first non-blank character decides: `{` is JSON lines.
    let jsonl = try tidings(["extract", "-"], stdin: "\n" + #"{"id": "j", "text": "\#(swapText)", "date": "2025-03-20"}"#)
    #expect(docs(jsonl).map { $0["doc"]?.stringValue } == ["j"])
    // --input-format overrides: a JSON-looking text read as text.
    let forced = try tidings(["extract", "-", "--input-format", "text", "--date", "2025-03-20"], stdin: #"{"id": "j"}"#)
    #expect(docs(forced).map { $0["doc"]?.stringValue } == ["stdin"])
    let bad = try tidings(["extract", "-", "--input-format", "xml"], stdin: "")
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("--input-format must be auto, text or jsonl"))
}

@Test func jsonFilesUpperCaseAndNdjsonNamesAndGzip() throws {
    let folder = try temporaryFolder()
    let one = try write(Data(#"{"id": "one", "text": "\#(swapText)", "date": "2025-03-20"}"#.utf8), "one.json", in: folder)
    let array = try write(Data(#"[{"id": "a1", "text": "\#(swapText)", "date": "2025-03-20"}, {"id": "a2"}, {"id": "a3", "text": "x", "date": "2025-03-20"}]"#.utf8), "many.json", in: folder)
    let upper = try write(Data((#"{"id": "up", "text": "x", "date": "2025-03-20"}"# + "\n").utf8), "UP.JSONL", in: folder)
    let nd = try write(Data((#"{"id": "nd", "text": "x", "date": "2025-03-20"}"# + "\n").utf8), "n.ndjson", in: folder)
    let gz = try write(try gzip(Data((#"{"id": "gz1", "text": "\#(swapText)", "date": "2025-03-20"}"# + "\n" + #"{"id": "gz2", "text": "y", "date": "2025-03-20"}"# + "\n").utf8)), "packed.jsonl.gz", in: folder)
    let gzText = try write(try gzip(Data(swapText.utf8)), "story.txt.gz", in: folder)
    let run = try tidings(["extract", one.path, array.path, upper.path, nd.path, gz.path, gzText.path, "--date", "2025-03-20"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("many.json: element 2: missing required field \"text\""))
    #expect(docs(run).map { $0["doc"]?.stringValue ?? "" } == ["one", "a1", "a3", "up", "nd", "gz1", "gz2", "story"])
    #expect(docs(run).first?["events"]?.arrayValue?.isEmpty == false)
    // A truncated .gz is named as such, never read as half a document.
    let cut = try write(try gzip(Data(String(repeating: swapText, count: 200).utf8)).prefix(40), "cut.txt.gz", in: folder)
    let truncated = try tidings(["extract", cut.path])
    #expect(truncated.status == 1)
    #expect(truncated.stderr.contains("cut.txt.gz: the gzip stream ends early"))
    #expect(truncated.stdout.isEmpty)
}

@Test func foldersAreReadRecursivelySortedAndFiltered() throws {
    let folder = try temporaryFolder()
    let line = { (id: String) in Data((#"{"id": "\#(id)", "text": "x", "date": "2025-03-20"}"# + "\n").utf8) }
    _ = try write(line("b"), "b.jsonl", in: folder)
    _ = try write(line("a"), "a.jsonl", in: folder)
    _ = try write(line("c"), "sub/c.jsonl", in: folder)
    _ = try write(Data("俄罗斯".utf8), "sub/d.txt", in: folder)
    _ = try write(line("hidden"), ".git/h.jsonl", in: folder)
    _ = try write(Data("# notes".utf8), "notes.md", in: folder)
    let run = try tidings(["extract", folder.path, "--date", "2025-03-20"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(docs(run).map { $0["doc"]?.stringValue ?? "" } == ["a", "b", "c", "d"])
    let globbed = try tidings(["extract", folder.path, "--glob", "*.txt", "--date", "2025-03-20"])
    #expect(docs(globbed).map { $0["doc"]?.stringValue ?? "" } == ["d"])
    // -o inside the folder being read is an input only when it exists and matches; a fresh one is fine.
    let out = folder.appendingPathComponent("out.jsonl")
    let written = try tidings(["extract", folder.path, "--date", "2025-03-20", "-o", out.path])
    #expect(written.status == 0, "\(written.stderr)")
    let again = try tidings(["extract", folder.path, "--date", "2025-03-20", "-o", out.path])
    #expect(again.status == 2)
    #expect(again.stderr.contains("is also an input"))
}

@Test func byteOrderMarksAndEncodingsForJSONLines() throws {
    let folder = try temporaryFolder()
    let record = #"{"id": "e", "text": "\#(swapText)", "date": "2025-03-20"}"# + "\n"
    let bom = try write(Data([0xEF, 0xBB, 0xBF]) + Data(record.utf8), "bom.jsonl", in: folder)
    let utf16le = try write(try #require(record.data(using: .utf16LittleEndian)).withBOM([0xFF, 0xFE]), "le.jsonl", in: folder)
    let utf16be = try write(try #require(record.data(using: .utf16BigEndian)).withBOM([0xFE, 0xFF]), "be.jsonl", in: folder)
    let utf16text = try write(try #require(swapText.data(using: .utf16LittleEndian)).withBOM([0xFF, 0xFE]), "le.txt", in: folder)
    let gb = try write(try #require(record.data(using: String.Encoding(rawValue: 0x8000_0632))), "gb.jsonl", in: folder)
    for file in [bom, utf16le, utf16be, gb] {
        let run = try tidings(["extract", file.path, "--format", "events"] + (file == gb ? ["--encoding", "gb18030"] : []))
        #expect(run.status == 0, "\(file.lastPathComponent): \(run.stderr)")
        #expect(run.stdout.contains("\"prisoner_exchange\""), "\(file.lastPathComponent)")
    }
    let text = try tidings(["extract", utf16text.path, "--date", "2025-03-20", "--format", "events"])
    #expect(text.stdout.contains("\"prisoner_exchange\""), "\(text.stderr)")
    // UTF-16 without a mark is named, never called binary.
    let bare = try write(try #require("plain words".data(using: .utf16LittleEndian)), "bare.txt", in: folder)
    let unmarked = try tidings(["extract", bare.path])
    #expect(unmarked.status == 1)
    #expect(unmarked.stderr.contains("looks like UTF-16 without a byte-order mark"))
    #expect(!unmarked.stderr.contains("binary"))
}

@Test func invalidUTF8IsRejectedOrReplaced() throws {
    let folder = try temporaryFolder()
    // One bad byte after 俄罗斯 (9 bytes into the text, 30 into the line).
    var line = Data(#"{"id": "b", "text": "俄罗斯"#.utf8) + Data([0xFF]) + Data(#"与乌克兰周三交换了战俘。", "date": "2025-03-20"}"#.utf8)
    line.append(0x0A)
    let file = try write(line, "bad.jsonl", in: folder)
    let rejected = try tidings(["extract", file.path])
    #expect(rejected.status == 1)
    #expect(rejected.stderr.contains("bad.jsonl:1: not valid UTF-8 at byte 30 of the line"))
    let replaced = try tidings(["extract", file.path, "--invalid-utf8", "replace"])
    #expect(replaced.status == 0, "\(replaced.stderr)")
    #expect(replaced.stderr.components(separatedBy: "warning:").count == 2)
    #expect(replaced.stderr.contains("bad.jsonl:1: warning: 1 invalid UTF-8 sequence(s) replaced by U+FFFD, the first at byte 30 of the line"))
    let record = try #require(docs(replaced).first)
    // Offsets count the replaced text: U+FFFD is one scalar at offset 3, so 与 is at 4.
    let trigger = try #require(record["events"]?.arrayValue?.first?["trigger"])
    #expect(trigger["start"]?.doubleValue == 10)
    let text = "俄罗斯\u{FFFD}与乌克兰周三交换了战俘。"
    #expect(text.scalarSlice(Span(start: 10, end: 15)) == trigger["text"]?.stringValue)
    // A text file too.
    let txt = try write(Data("俄罗斯".utf8) + Data([0xC3]) + Data("与乌克兰周三交换了战俘。".utf8), "bad.txt", in: folder)
    let replacedText = try tidings(["extract", txt.path, "--invalid-utf8", "replace", "--date", "2025-03-20"])
    #expect(replacedText.status == 0)
    #expect(replacedText.stderr.contains("bad.txt: warning: 1 invalid UTF-8 sequence(s) replaced by U+FFFD, the first at byte 9"))
    let usage = try tidings(["extract", txt.path, "--invalid-utf8", "drop"])
    #expect(usage.status == 2)
}

@Test func duplicateIdsAndMissingDatesAreWarnedAbout() throws {
    let folder = try temporaryFolder()
    let lines = [#"{"id": "x", "text": "\#(swapText)", "date": "2025-03-20"}"#, "", #"{"id": "y", "text": "\#(swapText)"}"#, #"{"id": "x", "text": "other", "date": "2025-03-20"}"#]
    let file = try write(Data((lines.joined(separator: "\n") + "\n").utf8), "d.jsonl", in: folder)
    let run = try tidings(["extract", file.path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("d.jsonl:4: warning: duplicate document id 'x' (first at \(file.path):1)"))
    #expect(run.stderr.contains("d.jsonl:3: warning: document 'y' has no date; relative dates"))
    let records = docs(run)
    #expect(records.count == 3)
    // The record says which anchor its relative dates used.
    let undated = try #require(records.first { $0["doc"]?.stringValue == "y" })
    #expect(undated["reference_date_from"]?.stringValue == "run date")
    #expect(undated["reference_date"]?.stringValue?.count == 10)
    #expect(records.first?["reference_date_from"] == nil)
    // With --date the fallback is that date, said in the record, without a warning.
    let dated = try tidings(["extract", file.path, "--date", "2025-03-20"])
    #expect(!dated.stderr.contains("has no date"))
    let y = try #require(docs(dated).first { $0["doc"]?.stringValue == "y" })
    #expect(y["reference_date"]?.stringValue == "2025-03-20")
    #expect(y["reference_date_from"]?.stringValue == "--date")
}

extension Data {
    func withBOM(_ bytes: [UInt8]) -> Data { Data(bytes) + self }
}
