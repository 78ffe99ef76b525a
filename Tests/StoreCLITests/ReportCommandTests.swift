import Foundation
import Testing

/// `tidings report`: the shipped sample reports (golden files), the --input route, filters, bad input.
@Suite struct ReportCommandTests {
    /// An event store of the sample corpus, and the records extract writes for it.
    func sampleStore() throws -> (db: String, records: String) {
        let folder = try temporaryFolder()
        let db = folder.appendingPathComponent("samples.sqlite").path
        let records = folder.appendingPathComponent("records.jsonl").path
        let run = try tidings(["extract", sampleCorpus, "--db", db, "-o", records])
        #expect(run.status == 0, "\(run.stderr)")
        return (db, records)
    }

    /// Regenerates Reports/sample-report.{md,html} and compares them with the committed files.
    /// TIDINGS_RECORD_GOLDEN=1 rewrites them instead (and fails, so a recording run is never taken for a pass).
    @Test(arguments: ["md", "html"])
    func theShippedSampleReportsAreUpToDate(format: String) throws {
        let (db, _) = try sampleStore()
        let out = try temporaryFolder().appendingPathComponent("report.\(format)").path
        let run = try tidings(["report", "--db", db, "--format", format, "-o", out])
        #expect(run.status == 0, "\(run.stderr)")
        let golden = checkout.appendingPathComponent("Reports/sample-report.\(format)")
        let made = try read(out)
        if ProcessInfo.processInfo.environment["TIDINGS_RECORD_GOLDEN"] == "1" {
            try made.write(to: golden, atomically: true, encoding: .utf8)
            Issue.record("recorded \(golden.path); run again without TIDINGS_RECORD_GOLDEN to check it")
            return
        }
        let expected = try read(golden.path)
        #expect(made == expected, "\(golden.path) is stale: regenerate with TIDINGS_RECORD_GOLDEN=1 swift test --filter theShippedSampleReportsAreUpToDate, and review the diff")
    }

    @Test func theSampleReportShowsMergedStoriesWithEverySourcesFigure() throws {
        let md = try read(checkout.appendingPathComponent("Reports/sample-report.md").path)
        // Three articles on the 14 May swap are one story: 205 per side and 390 in all, the smaller total wins.
        #expect(md.contains("| S1 | 2025-05-14 | Russia (俄罗斯); Ukraine (乌克兰) | 205 | 390 | 205 per side (en-swap-0514), 390 (en-swap-0515), 205 per side (zh-swap-0514) |"))
        // Kharkiv: 3 and 4 killed, 21 and 20 injured → 3 and 20; Odesa the same day is its own story.
        #expect(md.contains("| S3 | attack | 2025-06-11 | Kharkiv (哈尔科夫) | 3 | 20 | — | killed: 3 (en-kharkiv-0611), 4 (zh-kharkiv-0612); injured: 21 (en-kharkiv-0611), 20 (zh-kharkiv-0612) |"))
        #expect(md.contains("| S4 | attack | 2025-06-11 | Odesa | 2 |"))
        #expect(md.contains("12 stories from 17 of 17 articles (zh 7, en 10)."))
        // Aggregates name the stories they sum, and each story id links to its row.
        #expect(md.contains("| Guizhou | 1: [S11](#story-S11) | 12 | 8 | 1 |"))
        #expect(md.contains("| Russia (Russian, 俄罗斯) | 4: [S1](#story-S1), [S2](#story-S2), [S3](#story-S3), [S4](#story-S4) | prisoner exchange 2, attack 2 |"))
        #expect(md.contains("| <a id=\"story-S11\"></a>S11 | 2025-09-03 | accident |"))
        #expect(md.contains("“俄罗斯和乌克兰25日再次交换战俘，双方各释放84人。” — [zh-swap-0525](https://example.org/zh/swap-0525)"))
        let html = try read(checkout.appendingPathComponent("Reports/sample-report.html").path)
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(html.contains("@media print"))
        #expect(html.contains("@media (max-width: 640px)"))
        // Self-contained: nothing fetched (the only http addresses are the SVG namespace and the articles' links).
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src=\""))
    }

    @Test(arguments: ["md", "html"])
    func aJSONLOfRecordsGivesTheSameReportAsTheStore(format: String) throws {
        let (db, records) = try sampleStore()
        let fromDB = try tidings(["report", "--db", db, "--format", format])
        let fromJSONL = try tidings(["report", "--input", records, "--articles", sampleCorpus, "--format", format])
        #expect(fromDB.status == 0)
        #expect(fromJSONL.status == 0, "\(fromJSONL.stderr)")
        #expect(fromJSONL.stdout == fromDB.stdout)
    }

    @Test func theEventsFormatAndRecordsWithoutArticlesStillReport() throws {
        let folder = try temporaryFolder()
        let events = folder.appendingPathComponent("events.jsonl").path
        #expect(try tidings(["extract", sampleCorpus, "--format", "events", "-o", events]).status == 0)
        let run = try tidings(["report", "--input", events, "--type", "prisoner_exchange"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Selection: type prisoner\\_exchange. 2 stories from 4 of 17 articles"))
        // Without the article text, rows point at the evidence by its offsets.
        #expect(run.stdout.contains("characters "))
        #expect(run.stdout.contains("trigger “exchanged”"))
    }

    @Test func filtersSelectStories() throws {
        let (db, _) = try sampleStore()
        func report(_ extra: [String]) throws -> String {
            let run = try tidings(["report", "--db", db, "--format", "md"] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout
        }
        let may = try report(["--from", "2025-05-01", "--to", "2025-05-31"])
        #expect(may.contains("Selection: from 2025-05-01, to 2025-05-31. 2 stories from 4 of 17 articles"))
        #expect(!may.contains("| S3 |"))
        let putin = try report(["--actor", "putin"])
        #expect(putin.contains("Selection: actor putin. 1 story from 2 of 17 articles"))
        let written = try report(["--actor", "普京"])
        #expect(written.contains("1 story from 2 of 17 articles"))
        let zh = try report(["--lang", "zh", "--type", "attack"])
        #expect(zh.contains("Selection: type attack, language zh. 1 story from 1 of 7 articles (zh 7)."))
        #expect(zh.contains("| S3 | attack | 2025-06-11 | Kharkiv (哈尔科夫) | 4 | 20 |"), "story ids are given before the type filter, so they match the full report")
        let none = try report(["--from", "2030-01-01"])
        #expect(none.contains("0 stories from 0 of 17 articles"))
        #expect(none.contains("_None in this selection._"))
        let html = try tidings(["report", "--db", db, "--format", "html", "--from", "2030-01-01"])
        #expect(html.stdout.contains("No data for this selection"))
    }

    @Test func badReportArgumentsExitWithTwoAndSayWhatIsWrong() throws {
        let (db, records) = try sampleStore()
        let cases: [([String], String)] = [
            (["report", "--db", db, "--from", "2025-13-01"], "--from must be YYYY-MM-DD, not '2025-13-01'"),
            (["report", "--db", db, "--to", "yesterday"], "--to must be YYYY-MM-DD, not 'yesterday'"),
            (["report", "--db", db, "--from", "2025-06-01", "--to", "2025-05-01"], "--from 2025-06-01 is after --to 2025-05-01"),
            (["report", "--db", db, "--type", "battle"], "--type 'battle' is not an event type; the taxonomy has talks, ceasefire, prisoner_exchange"),
            (["report", "--db", db, "--lang", "fr"], "--lang must be zh or en, not 'fr'"),
            (["report", "--db", db, "--input", records], "give exactly one of --db FILE or --input FILE"),
            (["report"], "give exactly one of --db FILE or --input FILE"),
            (["report", "--db", db, "--articles", sampleCorpus], "--articles only applies with --input"),
            (["report", "--db", db, "--format", "pdf"], "pdf"),
            (["report", "--input", "/nonexistent/records.jsonl"], "error: cannot read /nonexistent/records.jsonl"),
        ]
        for (arguments, message) in cases {
            let run = try tidings(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func badRecordLinesAreReportedAndTheRestIsStillReported() throws {
        let (_, records) = try sampleStore()
        let folder = try temporaryFolder()
        let broken = folder.appendingPathComponent("broken.jsonl")
        try (try read(records) + "{\"doc\": \"x\", \"lang\": \"en\", \"events\": [{\"type\": 1}]}\n{broken\n").write(to: broken, atomically: true, encoding: .utf8)
        let run = try tidings(["report", "--input", broken.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(broken.path):18: x: events[0]: missing \"type\""), "\(run.stderr)")
        #expect(run.stderr.contains("\(broken.path):19: expected a string key at column 2"), "\(run.stderr)")
        #expect(run.stderr.contains("2 input problem(s); the report covers the rest"))
        #expect(run.stdout.contains("12 stories from 17 of 17 articles"))
    }
}
