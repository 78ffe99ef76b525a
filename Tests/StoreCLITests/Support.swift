import Foundation

/// What a run of the built `tidings` binary said.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The `tidings` executable beside this test bundle.
let binary: URL = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("tidings").path), folder.path != "/" {
        folder = folder.deletingLastPathComponent()
    }
    return folder.appendingPathComponent("tidings")
}()

let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let sampleCorpus = checkout.appendingPathComponent("Examples/sample-corpus.jsonl").path

/// The environment for runs: the shipped pack, whatever the caller's shell says.
func environment() -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "TIDINGS_RULES")
    return env
}

/// Runs the binary to the end; its output goes through files, so a large report never blocks on a pipe.
func tidings(_ arguments: [String]) throws -> Run {
    let folder = try temporaryFolder()
    let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.environment = environment()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return Run(status: process.terminationStatus, stdout: try read(outURL.path), stderr: try read(errURL.path))
}

func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-store-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
