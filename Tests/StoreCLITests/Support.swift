import Foundation
import TestSupport

/// What a run of the built `tidings` binary said (the shared TestSupport names, for this target's files).
typealias Run = CommandRun
let binary = tidingsBinary
let checkout = Checkout.root
let sampleCorpus = checkout.appendingPathComponent("Examples/sample-corpus.jsonl").path


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
    process.environment = runEnvironment()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return Run(status: process.terminationStatus, stdout: try read(outURL.path), stderr: try read(errURL.path))
}

func temporaryFolder() throws -> URL { try makeTemporaryFolder(prefix: "tidings-store-cli") }

func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
