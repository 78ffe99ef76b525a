import GRDB

/// The tables, as numbered migrations (schema.md's records, one row per part).
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-records") { db in
            // seq keeps the order documents were first stored in, so an export lists them as extract did.
            try db.execute(sql: """
                CREATE TABLE documents (
                    id TEXT PRIMARY KEY NOT NULL,
                    seq INTEGER NOT NULL,
                    lang TEXT NOT NULL,
                    reference_date TEXT,
                    title TEXT,
                    url TEXT,
                    text TEXT NOT NULL,
                    extra TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    pack_version TEXT NOT NULL,
                    extracted_at TEXT NOT NULL
                );
                CREATE INDEX documents_seq ON documents(seq);
                CREATE TABLE events (
                    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    trigger_text TEXT NOT NULL,
                    trigger_start INTEGER NOT NULL,
                    trigger_end INTEGER NOT NULL,
                    evidence_start INTEGER NOT NULL,
                    evidence_end INTEGER NOT NULL,
                    attrs TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    source TEXT NOT NULL,
                    confidence REAL NOT NULL,
                    PRIMARY KEY (doc_id, idx)
                );
                CREATE INDEX events_type ON events(type);
                CREATE TABLE arguments (
                    doc_id TEXT NOT NULL,
                    event_idx INTEGER NOT NULL,
                    idx INTEGER NOT NULL,
                    role TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    text TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    value TEXT NOT NULL,
                    name TEXT,
                    PRIMARY KEY (doc_id, event_idx, idx),
                    FOREIGN KEY (doc_id, event_idx) REFERENCES events(doc_id, idx) ON DELETE CASCADE
                );
                CREATE INDEX arguments_name ON arguments(name);
                CREATE TABLE mentions (
                    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    text TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    value TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    PRIMARY KEY (doc_id, idx)
                );
                CREATE TABLE stories (
                    id TEXT PRIMARY KEY NOT NULL,
                    type TEXT NOT NULL,
                    date TEXT,
                    actors TEXT NOT NULL,
                    places TEXT NOT NULL,
                    killed REAL,
                    injured REAL,
                    missing REAL,
                    released REAL,
                    documents INTEGER NOT NULL
                );
                CREATE TABLE story_members (
                    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
                    doc_id TEXT NOT NULL,
                    event_idx INTEGER NOT NULL,
                    PRIMARY KEY (doc_id, event_idx)
                );
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                INSERT INTO meta(key, value) VALUES ('stories_stale', '0');
                """)
        }
        return migrator
    }
}
