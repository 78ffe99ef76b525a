import ArgumentParser
import Dispatch
import Extraction
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

/// Writes extracted documents to the event store, a transaction per `transactionSize` documents
/// (and one for the rest at the end), and skips documents the store already holds from the same
/// text and rule pack. A killed run leaves whole transactions; a rerun skips what they stored.
final class StoreSink: @unchecked Sendable {
    let store: EventStore
    let packVersion: String
    let force: Bool
    private var collected: [Int: DocumentResult] = [:]
    /// Documents extracted but not yet written.
    private var buffer: [StoredDocument] = []
    /// Larger than extract's batches: each transaction rewrites index pages, so fewer, larger ones
    /// write much less (and checkpoint less often) while still losing at most this many on a kill.
    static let transactionSize = 256
    private let lock = NSLock()
    /// Documents left out because they were stored unchanged, and documents stored.
    private(set) var skipped = 0
    private var stored = 0
    /// The first database failure; later batches are not written.
    private var failure: StoreError?
    /// Transactions run here, one after another in queue order, while the next documents are
    /// extracted: with --jobs 2 the writes no longer leave a core idle.
    private let writer = DispatchQueue(label: "tidings.store-writer")

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
        guard !force, currentFailure == nil else { return batch }
        do {
            let known = try store.fingerprints(batch.map(\.id))
            let todo = batch.filter { known[$0.id] != StoredFingerprint(contentHash: Fingerprint.of($0), packVersion: packVersion) }
            skipped += batch.count - todo.count
            return todo
        } catch {
            record(error)
            return batch
        }
    }

    private var currentFailure: StoreError? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }

    private func record(_ error: StoreError) {
        lock.lock()
        if failure == nil { failure = error }
        lock.unlock()
    }

    /// Keeps the result of document `i` of the batch being processed (called from worker threads).
    func collect(_ i: Int, _ result: DocumentResult) {
        lock.lock()
        collected[i] = result
        lock.unlock()
    }

    /// Queues the batch just processed, and writes the queue once it holds a transaction's worth.
    func commit(_ batch: [Document]) {
        lock.lock()
        let results = collected
        collected.removeAll(keepingCapacity: true)
        lock.unlock()
        guard currentFailure == nil else { return }
        let now = ISO8601DateFormatter().string(from: Date())
        let documents = batch.enumerated().compactMap { i, document in
            results[i].map { StoredDocument(result: $0, text: document.text, contentHash: Fingerprint.of(document), packVersion: packVersion, extractedAt: now) }
        }
        buffer += documents
        if buffer.count >= StoreSink.transactionSize { writeBuffer() }
    }

    private func writeBuffer() {
        guard !buffer.isEmpty else { return }
        let documents = buffer
        buffer.removeAll(keepingCapacity: true)
        writer.async { [self] in
            guard currentFailure == nil else { return }
            do throws(StoreError) {
                try store.write(documents)
                lock.lock()
                stored += documents.count
                lock.unlock()
            } catch {
                record(error)
            }
        }
    }

    /// Stores a document read in windows (see `Extract.writeWindowed`): after every batch before
    /// it, in one transaction of its own, its parts stored as `extract` hands them over. Nothing
    /// of it is stored when the store failed before or fails now (the failure is reported at the end).
    func storeWindowed(_ document: Document, language: Language,
                       extract: (_ add: (DocumentPart) throws -> Void) throws -> Void) throws {
        writeBuffer()
        try writer.sync { [self] in
            guard currentFailure == nil else { return try extract { _ in } }
            let head = DocumentResult(doc: document.id, language: language, referenceDate: document.date, events: [], mentions: [], extra: document.extra)
            let stored = StoredDocument(result: head, text: document.text, contentHash: Fingerprint.of(document), packVersion: packVersion,
                                        extractedAt: ISO8601DateFormatter().string(from: Date()))
            do throws(StoreError) {
                try store.write(stored) { add in
                    try withoutActuallyEscaping(add) { add in try extract { part in try add(part.events, part.mentions) } }
                }
                lock.lock()
                self.stored += 1
                lock.unlock()
            } catch {
                record(error)
            }
        }
    }

    /// Links the stories over the whole store, and reports a database failure as fatal.
    func finish() throws {
        writeBuffer()
        writer.sync {}
        if let failure = currentFailure { throw CommandFailure.fatal(failure.description) }
        let stories: Int
        do {
            stories = try store.relinkStories()
        } catch {
            throw CommandFailure.fatal(error.description)
        }
        Console.error("\(store.path): \(stored) document(s) stored, \(skipped) unchanged skipped\(skipped > 0 ? " (--force extracts them again)" : ""); \(stories) stories linked")
    }
}
