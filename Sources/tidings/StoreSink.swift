import ArgumentParser
import Foundation
import Records
import Store

/// `--db FILE` and `--force` of `tidings extract`.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Also store the records in this SQLite event store (created when missing). Without -o, nothing is written to standard output.", valueName: "file"))
    var db: String?

    @Flag(help: "With --db: extract and store documents again even when their text and the rule pack are unchanged.")
    var force = false

    func validate() throws {
        if force, db == nil { throw ValidationError("--force only applies with --db FILE") }
    }
}

/// Writes each extracted batch to the event store in one transaction, and skips documents the
/// store already holds from the same text and rule pack.
final class StoreSink: @unchecked Sendable {
    let store: EventStore
    let packVersion: String
    let force: Bool
    private var collected: [Int: DocumentResult] = [:]
    private let lock = NSLock()
    /// Documents left out because they were stored unchanged, and documents stored.
    private(set) var skipped = 0
    private(set) var stored = 0
    /// The first database failure; later batches are not written.
    private(set) var failure: StoreError?

    init(store: EventStore, packVersion: String, force: Bool) {
        self.store = store
        self.packVersion = packVersion
        self.force = force
    }

    /// The sink for `options`, or nil without `--db`.
    static func open(_ options: StoreOptions, rulesRoot: String) throws -> StoreSink? {
        guard let path = options.db else { return nil }
        do {
            return StoreSink(store: try EventStore(path: path, create: true), packVersion: try packFingerprint(rulesRoot), force: options.force)
        } catch let error as StoreError {
            throw CommandFailure.fatal(error.description)
        }
    }

    /// A fingerprint of every file of the pack (relative path and bytes, in path order).
    static func packFingerprint(_ root: String) throws -> String {
        let base = URL(fileURLWithPath: root).standardizedFileURL
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw CommandFailure.fatal("cannot read the rule pack at \(root)")
        }
        var files: [(String, URL)] = []
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append((String(url.standardizedFileURL.path.dropFirst(base.path.count)), url))
        }
        var f = Fingerprint()
        for (relative, url) in files.sorted(by: { $0.0 < $1.0 }) {
            f.add(relative)
            f.add((try? Data(contentsOf: url)) ?? Data())
        }
        return f.hex
    }

    /// The documents of `batch` that need extracting: all with --force, else those new or changed.
    func pending(_ batch: [Document]) -> [Document] {
        guard !force, failure == nil else { return batch }
        do {
            let known = try store.fingerprints(batch.map(\.id))
            let todo = batch.filter { known[$0.id] != StoredFingerprint(contentHash: Fingerprint.of($0), packVersion: packVersion) }
            skipped += batch.count - todo.count
            return todo
        } catch {
            failure = error
            return batch
        }
    }

    /// Keeps the result of document `i` of the batch being processed (called from worker threads).
    func collect(_ i: Int, _ result: DocumentResult) {
        lock.lock()
        collected[i] = result
        lock.unlock()
    }

    /// Stores the batch just processed, in one transaction.
    func commit(_ batch: [Document]) {
        lock.lock()
        let results = collected
        collected.removeAll(keepingCapacity: true)
        lock.unlock()
        guard failure == nil else { return }
        let now = ISO8601DateFormatter().string(from: Date())
        let documents = batch.enumerated().compactMap { i, document in
            results[i].map { StoredDocument(result: $0, text: document.text, contentHash: Fingerprint.of(document), packVersion: packVersion, extractedAt: now) }
        }
        do {
            try store.write(documents)
            stored += documents.count
        } catch {
            failure = error
        }
    }

    /// Links the stories over the whole store, and reports a database failure as fatal.
    func finish() throws {
        if let failure { throw CommandFailure.fatal(failure.description) }
        let stories: Int
        do {
            stories = try store.relinkStories()
        } catch {
            throw CommandFailure.fatal(error.description)
        }
        Console.error("\(store.path): \(stored) document(s) stored, \(skipped) unchanged skipped\(skipped > 0 ? " (--force extracts them again)" : ""); \(stories) stories linked")
    }
}
