import Foundation
import Testing
import Records

// Issue 14: a long document shows its own progress on a terminal, and nothing when not on one.

@Test func aLongDocumentShowsProgressOnATerminal() throws {
    let folder = try temporaryFolder()
    // About 300 KB on one line: long enough to report progress inside it.
    let sentence = "俄罗斯与乌克兰周三交换了175名战俘，双方将于10月27日举行会谈。"
    let text = String(repeating: sentence, count: 300_000 / sentence.utf8.count + 1)
    let input = folder.appendingPathComponent("long.jsonl")
    try (#"{"id": "long", "text": "\#(text)", "date": "2025-03-20"}"# + "\n").write(to: input, atomically: true, encoding: .utf8)
    let output = folder.appendingPathComponent("out.jsonl")
    // script(1) gives the run a terminal; what it drew lands in the typescript file.
    let typescript = folder.appendingPathComponent("typescript")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qec", "'\(binary.path)' extract '\(input.path)' -o '\(output.path)' --jobs 1", typescript.path]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let screen = try String(contentsOf: typescript, encoding: .utf8)
    #expect(screen.contains("long (0.") && screen.contains("MB): "), "\(screen.prefix(500))")
    #expect(screen.contains("% read"))
    #expect(screen.contains("1 documents in"))
    let record = try JSONValue.parse(try String(contentsOf: output, encoding: .utf8).trimmingCharacters(in: .newlines))
    #expect(record["doc"]?.stringValue == "long")
    // Not on a terminal: no progress at all.
    let plain = try tidings(["extract", input.path, "-o", output.path, "--jobs", "1"])
    #expect(plain.status == 0)
    #expect(!plain.stderr.contains("% read"))
}
