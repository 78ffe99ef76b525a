import ArgumentParser

/// The `tidings` command line: every error becomes a message and an exit code here, and only here.
@main
struct Tidings: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tidings",
        abstract: "Rule-based event extraction from news articles (Chinese and English).",
        discussion: """
        Reads articles, finds who did what to whom, where, when and how many, and writes
        event records as JSON lines (see schema.md). Exit status: 0 success; 1 the run
        finished but found problems (rejected documents, failing rule tests, lint errors);
        2 usage or fatal error.
        """,
        version: TidingsVersion.current,
        subcommands: []
    )
}

/// The release this build reports with `--version`.
enum TidingsVersion {
    static let current = "0.1.0"
}
