import Foundation

/// Helpers every test target shares: where the checkout and its shipped pack are, the built
/// `tidings` binary, the environment it runs in, and throwaway folders.
public enum Checkout {
    /// The checkout's root, found from this file's path (Tests/TestSupport/TestSupport.swift).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The shipped rule pack.
    public static let rules = root.appendingPathComponent("Rules").path
}

/// What a run of a built binary said.
public struct CommandRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// The `tidings` executable: the test bundle sits in the build's products folder, beside it.
public let tidingsBinary: URL = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("tidings").path), folder.path != "/" {
        folder = folder.deletingLastPathComponent()
    }
    return folder.appendingPathComponent("tidings")
}()

/// The environment for runs: the shipped pack whatever the caller's shell says, plus `extra`.
public func runEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "TIDINGS_RULES")
    for (k, v) in extra { env[k] = v }
    return env
}

/// A new empty folder under the system's temporary directory, named `prefix-<uuid>`.
public func makeTemporaryFolder(prefix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A rule pack written for a test: `files` maps paths inside the pack (`taxonomy.yaml`,
/// `zh/attack.yaml`, `lexicons/zh/countries.tsv`) to their text. Returns the pack's root.
public func writePack(_ files: [String: String], prefix: String = "tidings-pack") throws -> String {
    let root = try makeTemporaryFolder(prefix: prefix)
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return root.path
}
