import Foundation
import Testing
import Records

// Issue 14: `-o` never clobbers an input and replaces its target only when a run ends;
// SIGINT / SIGTERM stop a run at a record boundary with exit status 130 / 143.

let swapLine = #"{"id": "d", "text": "俄罗斯与乌克兰周三交换了战俘。", "date": "2025-03-20"}"#

@Test func outputEqualToAnInputIsRefused() throws {
    let folder = try temporaryFolder()
    let input = folder.appendingPathComponent("v.jsonl")
    try (swapLine + "\n").write(to: input, atomically: true, encoding: .utf8)
    let before = try Data(contentsOf: input)
    // The same file by name, by another spelling of its path, and through a symbolic link.
    let link = folder.appendingPathComponent("link.jsonl")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: input)
    for target in [input.path, folder.path + "/./v.jsonl", link.path] {
        let run = try tidings(["extract", input.path, "-o", target])
        #expect(run.status == 2, "\(target): \(run.stderr)")
        #expect(run.stderr.contains("is also an input"))
        #expect(try Data(contentsOf: input) == before)
    }
    let linkAsInput = try tidings(["extract", link.path, "-o", input.path])
    #expect(linkAsInput.status == 2)
    #expect(try Data(contentsOf: input) == before)
    // Nothing is left behind in the folder.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["link.jsonl", "v.jsonl"])
}

@Test func outputReplacesTheTargetOnlyWhenTheRunEnds() throws {
    let folder = try temporaryFolder()
    let input = folder.appendingPathComponent("in.jsonl")
    try (swapLine + "\n").write(to: input, atomically: true, encoding: .utf8)
    let output = folder.appendingPathComponent("out.jsonl")
    try "old contents\n".write(to: output, atomically: true, encoding: .utf8)
    let run = try tidings(["extract", input.path, "-o", output.path])
    #expect(run.status == 0, "\(run.stderr)")
    let written = try String(contentsOf: output, encoding: .utf8)
    #expect(try JSONValue.parse(written.trimmingCharacters(in: .newlines))["doc"]?.stringValue == "d")
    // A fatal error before the end (a broken pack) leaves the old file and no temporary file.
    try "old contents\n".write(to: output, atomically: true, encoding: .utf8)
    let failed = try tidings(["extract", input.path, "-o", output.path, "--rules", folder.path])
    #expect(failed.status == 2)
    #expect(try String(contentsOf: output, encoding: .utf8) == "old contents\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["in.jsonl", "out.jsonl"])
}

/// Starts an extract over a long stream, waits until some records are out, sends `signal`.
func interruptedRun(signal: Int32, output: URL?) throws -> (status: Int32, stdout: String, stderr: String) {
    let folder = try temporaryFolder()
    let input = folder.appendingPathComponent("many.jsonl")
    // Enough documents that the run is still going when the signal comes.
    let lines = (0..<40_000).map { #"{"id": "d\#($0)", "text": "俄罗斯与乌克兰周三交换了战俘，美国总统表示欢迎。", "date": "2025-03-20"}"# }
    try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = binary
    process.arguments = ["extract", input.path, "--jobs", "2"] + (output.map { ["-o", $0.path] } ?? [])
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read stdout as it comes (a full pipe would stall the run) until records appear, or the temp file grows.
    var collected = Data()
    let deadline = Date().addingTimeInterval(60)
    if output == nil {
        while collected.count < 20_000, Date() < deadline {
            collected += out.fileHandleForReading.availableData
        }
    } else {
        let tempPrefix = "." + output!.lastPathComponent + ".tidings-"
        while Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: output!.deletingLastPathComponent().path)) ?? []
            if let temp = names.first(where: { $0.hasPrefix(tempPrefix) }),
               let size = try? FileManager.default.attributesOfItem(atPath: output!.deletingLastPathComponent().appendingPathComponent(temp).path)[.size] as? Int,
               size > 20_000 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
    kill(process.processIdentifier, signal)
    collected += out.fileHandleForReading.readDataToEndOfFile()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: collected, as: UTF8.self), String(decoding: errors, as: UTF8.self))
}

@Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
func aSignalStopsTheRunAtARecordBoundary(_ signal: Int32, _ status: Int32) throws {
    let run = try interruptedRun(signal: signal, output: nil)
    #expect(run.status == status, "\(run.stderr)")
    #expect(run.stderr.contains("interrupted by"))
    #expect(run.stdout.hasSuffix("\n"))
    let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count > 10)
    #expect(lines.count < 40_000, "the run ended before the signal; make the input longer")
    for (i, line) in lines.enumerated() {
        let record = try JSONValue.parse(String(line))
        #expect(record["doc"]?.stringValue == "d\(i)")
    }
}

@Test(arguments: [SIGINT, SIGTERM])
func aSignalLeavesTheOutputTargetUntouched(_ signal: Int32) throws {
    let folder = try temporaryFolder()
    let output = folder.appendingPathComponent("out.jsonl")
    try "previous run\n".write(to: output, atomically: true, encoding: .utf8)
    let run = try interruptedRun(signal: signal, output: output)
    #expect(run.status == 128 + signal, "\(run.stderr)")
    #expect(try String(contentsOf: output, encoding: .utf8) == "previous run\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.jsonl"])
}
