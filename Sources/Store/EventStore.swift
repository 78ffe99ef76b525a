import Foundation
import GRDB
import Records

/// The SQLite event store (GRDB, WAL mode). Every write is one transaction, so a process killed
/// at any moment leaves each document either fully stored or absent.
public final class EventStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// Opens the store at `path`, migrating it to the current schema. With `create` false a
    /// missing file is an error (reading commands must not leave empty databases behind).
    public init(path: String, create: Bool) throws(StoreError) {
        self.path = path
        if !create, !FileManager.default.fileExists(atPath: path) { throw .missing(path: path) }
        var config = Configuration()
        // NORMAL is durable against a killed process in WAL mode; only a power cut may lose the last batch.
        // A checkpoint every 8192 pages (32 MiB of WAL) rather than SQLite's 1000: each one syncs the disk.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 8192") }
        config.busyMode = .timeout(10)
        do {
            pool = try DatabasePool(path: path, configuration: config)
            if create {
                try StoreSchema.migrator.migrate(pool)
            } else {
                let done = try pool.read { db in try StoreSchema.migrator.hasCompletedMigrations(db) }
                if !done {
                    let tables = try pool.read { db in try Bool.fetchOne(db, sql: "SELECT COUNT(*) > 0 FROM sqlite_master WHERE name = 'documents'") ?? false }
                    guard tables else { throw StoreError.notAStore(path: path, reason: "it has no Tidings tables") }
                    try StoreSchema.migrator.migrate(pool)
                }
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB { throw .notAStore(path: path, reason: "not an SQLite database") }
            throw .database(path: path, message: error.message ?? error.description)
        } catch {
            throw .database(path: path, message: "\(error)")
        }
    }

    /// Runs `body`, turning GRDB's errors into `StoreError`s that name the file.
    func guarded<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw .database(path: path, message: error.message ?? error.description)
        } catch {
            throw .database(path: path, message: "\(error)")
        }
    }

    /// The stored fingerprints of those of `ids` that are in the store.
    public func fingerprints(_ ids: [String]) throws(StoreError) -> [String: StoredFingerprint] {
        try guarded {
            try pool.read { db in
                var found: [String: StoredFingerprint] = [:]
                let statement = try db.cachedStatement(sql: "SELECT content_hash, pack_version FROM documents WHERE id = ?")
                for id in ids {
                    if let row = try Row.fetchOne(statement, arguments: [id]) {
                        found[id] = StoredFingerprint(contentHash: row[0], packVersion: row[1])
                    }
                }
                return found
            }
        }
    }

    /// Stores a batch in one transaction: each document's old records are replaced by the new.
    /// The stories are marked stale until `relinkStories()` runs.
    public func write(_ batch: [StoredDocument]) throws(StoreError) {
        guard !batch.isEmpty else { return }
        try guarded {
            try pool.write { db in
                for document in batch { try Self.replace(document, in: db) }
                try db.execute(sql: "UPDATE meta SET value = '1' WHERE key = 'stories_stale'")
            }
        }
    }

    /// Stores one document whose records come in parts (a long document read in windows), in
    /// one transaction like `write(_:)`: `document.result` gives the document's own fields and
    /// `parts` hands each part's events and mentions to `add`, in text order, while it extracts.
    /// A part that fails to store, or an error thrown by `parts`, leaves the store as it was.
    public func write(_ document: StoredDocument,
                      parts: (_ add: (_ events: [Event], _ mentions: [Mention]) throws -> Void) throws -> Void) throws(StoreError) {
        try guarded {
            try pool.write { db in
                var head = document
                head.result.events = []
                head.result.mentions = []
                try Self.replace(head, in: db)
                var eventIndex = 0
                var mentionIndex = 0
                try parts { events, mentions in
                    try Self.insert(events, from: eventIndex, doc: document.result.doc, in: db)
                    try Self.insert(mentions, from: mentionIndex, doc: document.result.doc, in: db)
                    eventIndex += events.count
                    mentionIndex += mentions.count
                }
                try db.execute(sql: "UPDATE meta SET value = '1' WHERE key = 'stories_stale'")
            }
        }
    }

    static func replace(_ document: StoredDocument, in db: Database) throws {
        let r = document.result
        // Cascades to arguments through events.
        try db.cachedStatement(sql: "DELETE FROM events WHERE doc_id = ?").execute(arguments: [r.doc])
        try db.cachedStatement(sql: "DELETE FROM mentions WHERE doc_id = ?").execute(arguments: [r.doc])
        try db.cachedStatement(sql: """
            INSERT INTO documents (id, seq, lang, reference_date, title, url, text, extra, content_hash, pack_version, extracted_at)
            VALUES (?, COALESCE((SELECT MAX(seq) FROM documents), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET lang = excluded.lang, reference_date = excluded.reference_date,
                title = excluded.title, url = excluded.url, text = excluded.text, extra = excluded.extra,
                content_hash = excluded.content_hash, pack_version = excluded.pack_version, extracted_at = excluded.extracted_at
            """).execute(arguments: [r.doc, r.language.rawValue, r.referenceDate?.iso, document.title, document.url, document.text,
                                     JSONValue.object(r.extra).serialized(), document.contentHash, document.packVersion, document.extractedAt])
        try insert(r.events, from: 0, doc: r.doc, in: db)
        try insert(r.mentions, from: 0, doc: r.doc, in: db)
    }

    /// A document's events (and their arguments), numbered from `first`.
    static func insert(_ events: [Event], from first: Int, doc: String, in db: Database) throws {
        let insertEvent = try db.cachedStatement(sql: """
            INSERT INTO events (doc_id, idx, type, trigger_text, trigger_start, trigger_end, evidence_start, evidence_end, attrs, rule, source, confidence)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertArgument = try db.cachedStatement(sql: """
            INSERT INTO arguments (doc_id, event_idx, idx, role, kind, text, start, "end", value, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (offset, event) in events.enumerated() {
            let i = first + offset
            let attrs = JSONValue.object(event.attrs.sorted { $0.key < $1.key }.map { ($0.key, $0.value.json) }).serialized()
            try insertEvent.execute(arguments: [doc, i, event.type, event.trigger.text, event.trigger.span.start, event.trigger.span.end,
                                                event.evidence.start, event.evidence.end, attrs, event.rule, event.source, event.confidence])
            for (j, arg) in event.args.enumerated() {
                try insertArgument.execute(arguments: [doc, i, j, arg.role, arg.kind.rawValue, arg.text, arg.span.start, arg.span.end,
                                                       arg.value.json().serialized(), arg.value.entity?.name])
            }
        }
    }

    /// A document's mentions, numbered from `first`.
    static func insert(_ mentions: [Mention], from first: Int, doc: String, in db: Database) throws {
        let insertMention = try db.cachedStatement(sql: """
            INSERT INTO mentions (doc_id, idx, kind, text, start, "end", value, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (offset, m) in mentions.enumerated() {
            try insertMention.execute(arguments: [doc, first + offset, m.kind.rawValue, m.text, m.span.start, m.span.end, m.value.json().serialized(), m.rule])
        }
    }

    /// Recomputes every story from the stored events (StoryLinker) in one transaction; returns how many.
    @discardableResult
    public func relinkStories() throws(StoreError) -> Int {
        let stories = StoryLinker.link(try documents(withMentions: false).map(\.result))
        try guarded {
            try pool.write { db in
                try db.execute(sql: "DELETE FROM story_members")
                try db.execute(sql: "DELETE FROM stories")
                let insertStory = try db.cachedStatement(sql: """
                    INSERT INTO stories (id, type, date, actors, places, killed, injured, missing, released, documents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let insertMember = try db.cachedStatement(sql: "INSERT INTO story_members (story_id, doc_id, event_idx) VALUES (?, ?, ?)")
                for s in stories {
                    let names = { (list: [String]) in JSONValue.array(list.map { .string($0) }).serialized() }
                    try insertStory.execute(arguments: [s.id, s.type, s.date?.iso, names(s.actors), names(s.places),
                                                        s.conservative("killed")?.total, s.conservative("injured")?.total,
                                                        s.conservative("missing")?.total, s.conservative("released")?.total, s.documents.count])
                    for m in s.members { try insertMember.execute(arguments: [s.id, m.doc, m.index]) }
                }
                try db.execute(sql: "UPDATE meta SET value = '0' WHERE key = 'stories_stale'")
            }
        }
        return stories.count
    }
}
