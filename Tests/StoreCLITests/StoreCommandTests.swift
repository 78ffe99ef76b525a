import Foundation
import Testing
import Records
import Store

/// `tidings extract --db`, `tidings db stats|export`: idempotence, replacement, --force, round trips.
@Suite struct StoreCommandTests {
    @Test func extractingTwiceStoresOnceAndSkipsUnchangedDocuments() throws {
        let db = try temporaryFolder().appendingPathComponent("events.sqlite").path
        let first = try tidings(["extract", sampleCorpus, "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "", "--db alone writes nothing to standard output")
        #expect(first.stderr.contains("\(db): 17 document(s) stored, 0 unchanged skipped; 12 stories linked"))
        let rows = try EventStore(path: db, create: false).documents()
        let stats = try tidings(["db", "stats", "--db", db])
        #expect(stats.status == 0)
        #expect(stats.stdout.contains("documents: 17 (en 10, zh 7)"))
        #expect(stats.stdout.contains("stories: 12 ("))

        let second = try tidings(["extract", sampleCorpus, "--db", db])
        #expect(second.status == 0)
        #expect(second.stderr.contains("0 document(s) stored, 17 unchanged skipped (--force extracts them again); 12 stories linked"))
        let again = try EventStore(path: db, create: false).documents()
        #expect(again.map { $0.result.json() } == rows.map { $0.result.json() })
        // Skipped documents are not rewritten: their extraction time stays.
        #expect(again.map(\.extractedAt) == rows.map(\.extractedAt))
        #expect(try tidings(["db", "stats", "--db", db]).stdout == stats.stdout)

        let forced = try tidings(["extract", sampleCorpus, "--db", db, "--force"])
        #expect(forced.status == 0)
        #expect(forced.stderr.contains("17 document(s) stored, 0 unchanged skipped; 12 stories linked"))
        #expect(try EventStore(path: db, create: false).documents().map { $0.result.json() } == rows.map { $0.result.json() })
    }

    @Test func aChangedArticleReplacesOnlyItsOwnRecords() throws {
        let folder = try temporaryFolder()
        let db = folder.appendingPathComponent("events.sqlite").path
        #expect(try tidings(["extract", sampleCorpus, "--db", db]).status == 0)
        let before = try tidings(["db", "export", "--db", db]).stdout.split(separator: "\n")

        // The same corpus with one article's figure corrected.
        var lines = try read(sampleCorpus).split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex { $0.contains("\"en-odesa-0611\"") })
        lines[index] = lines[index].replacingOccurrences(of: "killed two people", with: "killed five people")
        let changed = folder.appendingPathComponent("changed.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: changed, atomically: true, encoding: .utf8)
        let rerun = try tidings(["extract", changed.path, "--db", db])
        #expect(rerun.status == 0)
        #expect(rerun.stderr.contains("1 document(s) stored, 16 unchanged skipped"))

        let after = try tidings(["db", "export", "--db", db]).stdout.split(separator: "\n")
        let direct = try tidings(["extract", changed.path]).stdout.split(separator: "\n")
        #expect(after == direct)
        #expect(after.count == before.count)
        for (i, line) in after.enumerated() where i != index { #expect(line == before[i]) }
        #expect(after[index] != before[index])
        #expect(after[index].contains("\"text\": \"five people\""))
        #expect(!after[index].contains("two people"))
    }

    @Test func exportRoundTripsToWhatExtractWrites() throws {
        let folder = try temporaryFolder()
        let db = folder.appendingPathComponent("events.sqlite").path
        let out = folder.appendingPathComponent("records.jsonl").path
        // --db with -o writes both.
        let run = try tidings(["extract", sampleCorpus, "--db", db, "-o", out])
        #expect(run.status == 0)
        let direct = try tidings(["extract", sampleCorpus])
        #expect(direct.status == 0)
        #expect(try read(out) == direct.stdout)

        let exported = folder.appendingPathComponent("export.jsonl").path
        #expect(try tidings(["db", "export", "--db", db, "--format", "jsonl", "-o", exported]).status == 0)
        #expect(try read(exported) == direct.stdout)
        // Each line is a valid docs record of schema.md.
        for line in try read(exported).split(separator: "\n") {
            _ = try DocumentResult(json: try JSONValue.parse(String(line)))
        }

        let csv = try tidings(["db", "export", "--db", db, "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout == (try tidings(["extract", sampleCorpus, "--format", "csv"])).stdout)
    }

    @Test func badStoreArgumentsExitWithTwoAndSayWhatIsWrong() throws {
        let folder = try temporaryFolder()
        let missing = folder.appendingPathComponent("nope.sqlite").path
        for arguments in [["db", "stats", "--db", missing], ["db", "export", "--db", missing], ["report", "--db", missing, "--format", "md"]] {
            let run = try tidings(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains("error: no database at \(missing)"), "\(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
        let text = folder.appendingPathComponent("text.sqlite")
        try String(repeating: "not a database ", count: 20).write(to: text, atomically: true, encoding: .utf8)
        let notStore = try tidings(["db", "stats", "--db", text.path])
        #expect(notStore.status == 2)
        #expect(notStore.stderr.contains("is not a Tidings event store: not an SQLite database"))
        let force = try tidings(["extract", sampleCorpus, "--force"])
        #expect(force.status == 2)
        #expect(force.stderr.contains("--force only applies with --db FILE"))
        let format = try tidings(["db", "export", "--db", missing, "--format", "xml"])
        #expect(format.status == 2)
    }

    @Test func everyNewCommandsHelpHasAnExample() throws {
        // Every command, so a new one cannot ship without an example in its --help.
        let commands = [["extract"], ["normalize"], ["report"], ["db"], ["db", "stats"], ["db", "export"], ["rules"]]
            + ["lint", "test", "eval", "explain", "profile", "diff", "export"].map { ["rules", $0] }
        for command in commands {
            let help = try tidings(command + ["--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("Example"), "\(command)")
            #expect(help.stdout.contains("tidings \(command[0])"), "\(command)")
        }
        #expect(try tidings(["extract", "--help"]).stdout.contains("--db <file>"))
    }
}
