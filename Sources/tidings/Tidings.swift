import ArgumentParser
import Foundation

/// The `tidings` command line. Errors become a message and an exit code in one place (`main`).
@main
struct Tidings: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tidings",
        abstract: "Rule-based event extraction from news articles (Chinese and English).",
        discussion: """
        Reads articles and writes who did what to whom, where, when and how many as JSON lines (schema version 1).

        Exit status: 0 success; 1 the run finished but found problems (rejected documents, failing rule tests, lint errors); 2 usage or fatal error. An extract stopped by SIGINT exits 130, by SIGTERM 143.
        """,
        version: TidingsVersion.current,
        subcommands: [Extract.self, RulesCommand.self, Normalize.self,
                      DbCommand.self, ReportCommand.self]
    )

    /// Parses, runs, and maps every failure to a message and exit code (0, 1, 2).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data((failure.message.isEmpty ? "" : failure.message + "\n").utf8))
            Foundation.exit(failure.status)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            // Usage errors are 2, as the brief promises scripts; ArgumentParser's own is 64.
            Foundation.exit(2)
        }
    }
}

/// The release this build reports with `--version`.
enum TidingsVersion {
    static let current = "0.1.0"
}

/// A finished command that must exit with `status` (1 problems found, 2 fatal), after `message`.
struct CommandFailure: Error {
    var status: Int32
    var message: String

    static func problems(_ message: String = "") -> CommandFailure { CommandFailure(status: 1, message: message) }
    static func fatal(_ message: String) -> CommandFailure { CommandFailure(status: 2, message: "error: " + message) }
}

/// Writes to standard error.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
