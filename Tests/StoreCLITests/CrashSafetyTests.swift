import Foundation
import Testing
import Records
import Store
import TestSupport

/// A real `tidings extract --db` killed with SIGKILL at several moments leaves a sound database in
/// which every stored document equals what a clean run extracts, and a rerun completes the set.
@Suite struct CrashSafetyTests {
    /// The sample corpus repeated under new ids: large enough that a run takes a few seconds.
    func corpus(in folder: URL, copies: Int) throws -> (path: String, ids: [String]) {
        let lines = try read(sampleCorpus).split(separator: "\n")
        var out = "", ids: [String] = []
        for copy in 0..<copies {
            for line in lines {
                let json = try JSONValue.parse(String(line))
                guard case .object(var members) = json, let id = json["id"]?.stringValue else { continue }
                let newID = "\(id)-\(copy)"
                members = members.map { $0.0 == "id" ? ("id", .string(newID)) : $0 }
                out += JSONValue.object(members).serialized() + "\n"
                ids.append(newID)
            }
        }
        let path = folder.appendingPathComponent("corpus.jsonl").path
        try out.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, ids)
    }

    /// Documents in the store now, or nil while it cannot be opened yet (not created or not migrated).
    func storedCount(_ db: String) -> Int? {
        guard let store = try? EventStore(path: db, create: false), let stats = try? store.stats() else { return nil }
        return stats.documentsByLanguage.reduce(0) { $0 + $1.1 }
    }

    /// Starts an extract into `db` and SIGKILLs it once `threshold` documents are stored (or
    /// right away for 0); true when it was killed, false when it finished first.
    func killedRun(corpus: String, db: String, threshold: Int) throws -> Bool {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["extract", corpus, "--db", db, "--jobs", "2"]
        process.environment = runEnvironment()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline {
            if threshold == 0 || (storedCount(db) ?? 0) >= threshold { break }
            usleep(5_000)
        }
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return wasRunning && process.terminationReason == .uncaughtSignal
    }

    @Test func killedRunsLeaveWholeDocumentsAndARerunCompletesThem() throws {
        let folder = try temporaryFolder()
        let (path, ids) = try corpus(in: folder, copies: 100)
        let clean = try tidings(["extract", path, "--jobs", "2"])
        #expect(clean.status == 0)
        let cleanLines = clean.stdout.split(separator: "\n").map(String.init)
        #expect(cleanLines.count == ids.count)
        let expected = Dictionary(uniqueKeysWithValues: zip(ids, cleanLines))

        let db = folder.appendingPathComponent("events.sqlite").path
        var kills = 0, lastCount = 0
        // Thresholds are cumulative: each run skips what the last left stored and goes further.
        for threshold in [0, 40, ids.count / 3, ids.count * 2 / 3] {
            if try killedRun(corpus: path, db: db, threshold: threshold) { kills += 1 }
            guard FileManager.default.fileExists(atPath: db) else { continue }
            let store = try EventStore(path: db, create: false)
            #expect(try store.integrityCheck() == "ok")
            let documents = try store.documents()
            for d in documents {
                #expect(d.result.json().serialized() == expected[d.result.doc], "\(d.result.doc) is stored differently from the clean run")
            }
            // Batches are stored in input order: what is there is a prefix of the corpus.
            #expect(documents.map(\.result.doc) == Array(ids.prefix(documents.count)))
            #expect(documents.count >= lastCount)
            // A run killed after storing something never relinked: the store says its stories are stale.
            if documents.count > lastCount { #expect(try store.stats().storiesStale) }
            lastCount = documents.count
        }
        #expect(kills >= 3, "the runs finished before they could be killed; the corpus is too small for this machine")
        #expect(lastCount > 0 && lastCount < ids.count)

        let rerun = try tidings(["extract", path, "--db", db, "--jobs", "2"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stderr.contains("\(ids.count - lastCount) document(s) stored, \(lastCount) unchanged skipped"), "\(rerun.stderr)")
        let export = try tidings(["db", "export", "--db", db])
        #expect(export.stdout == clean.stdout)
        let stats = try EventStore(path: db, create: false).stats()
        #expect(!stats.storiesStale)
        #expect(try EventStore(path: db, create: false).integrityCheck() == "ok")
    }
}
