import ArgumentParser
import Foundation
import Records
import Store

/// `tidings db stats|export`: look into an event store written by `tidings extract --db`.
struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Inspect or export an event store.",
        discussion: """
        Example:
          tidings extract articles.jsonl --db events.sqlite
          tidings db stats --db events.sqlite
          tidings db export --db events.sqlite --format jsonl -o records.jsonl
        """,
        subcommands: [DbStats.self, DbExport.self]
    )
}

/// `--db FILE` of the reading commands: the file must exist.
struct ExistingStore: ParsableArguments {
    @Option(help: ArgumentHelp("The SQLite event store written by 'tidings extract --db'.", valueName: "file"))
    var db: String

    func open() throws -> EventStore {
        do {
            return try EventStore(path: db, create: false)
        } catch {
            throw CommandFailure.fatal(error.description)
        }
    }
}

/// Runs a store read, turning its error into a fatal failure.
func reading<T>(_ body: () throws(StoreError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw CommandFailure.fatal(error.description)
    }
}

struct DbStats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count the documents, events, stories and mentions in an event store.",
        discussion: """
        Example:
          tidings db stats --db events.sqlite
        """
    )

    @OptionGroup var store: ExistingStore

    func run() throws {
        let opened = try store.open()
        let stats = try reading { () throws(StoreError) in try opened.stats() }
        func line(_ label: String, _ pairs: [(String, Int)]) -> String {
            let total = pairs.reduce(0) { $0 + $1.1 }
            let parts = pairs.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
            return "\(label): \(total)" + (parts.isEmpty ? "" : " (\(parts))")
        }
        var lines = [
            line("documents", stats.documentsByLanguage),
            line("events", stats.eventsByType),
            line("stories", stats.storiesByType),
            "arguments: \(stats.arguments)",
            "mentions: \(stats.mentions)",
            line("rule packs", stats.packVersions),
        ]
        if stats.storiesStale {
            lines.append("note: documents were stored after the stories were last linked (an interrupted run); rerun 'tidings extract --db' to relink")
        }
        print(lines.joined(separator: "\n"))
    }
}

/// Export formats of `tidings db export`.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv
}

struct DbExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the stored records out again.",
        discussion: """
        jsonl gives one --format docs record per document (schema.md), the same lines 'tidings extract' wrote for them; csv gives one row per event, as 'tidings extract --format csv'. Documents come in the order they were first stored.

        Example:
          tidings db export --db events.sqlite --format jsonl -o records.jsonl
        """
    )

    @OptionGroup var store: ExistingStore

    @Option(help: "jsonl (one record per document) or csv (one row per event).")
    var format: ExportFormat = .jsonl

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let opened = try store.open()
        let documents = try reading { () throws(StoreError) in try opened.documents() }
        let sink = try OutputSink(path: output, inputs: [store.db])
        defer { sink.abandon() }
        // The same writers as `extract --format docs|csv`, so an export reads like an extract.
        let writer: any RecordWriter = format == .jsonl ? DocsWriter() : CSVWriter()
        sink.write(writer.header)
        for d in documents { sink.write(writer.text(d.result)) }
        try sink.commit()
    }
}
