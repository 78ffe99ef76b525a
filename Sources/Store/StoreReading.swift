import GRDB
import Records

/// What `tidings db stats` shows.
public struct StoreStats: Sendable {
    public var documentsByLanguage: [(String, Int)]
    public var eventsByType: [(String, Int)]
    public var storiesByType: [(String, Int)]
    public var arguments: Int
    public var mentions: Int
    /// Distinct rule-pack fingerprints among the stored documents, with how many documents each.
    public var packVersions: [(String, Int)]
    /// True when documents were stored after the stories were last linked (an interrupted run).
    public var storiesStale: Bool
}

extension EventStore {
    /// Every stored document in the order first stored, with its events and (unless told not to) mentions.
    public func documents(withMentions: Bool = true) throws(StoreError) -> [StoredDocument] {
        let path = self.path
        let loaded: Result<[StoredDocument], StoreError> = try guarded {
            try pool.read { db in
                var events: [String: [Event]] = [:]
                var args: [String: [Int: [EventArgument]]] = [:]
                let argRows = try Row.fetchCursor(db, sql: #"SELECT doc_id, event_idx, role, kind, text, start, "end", value FROM arguments ORDER BY doc_id, event_idx, idx"#)
while let row = try argRows.next() {
                    let doc: String = row[0]
                    guard let kind = MentionKind(rawValue: row[3]), let json = try? JSONValue.parse(row[7]),
                          let value = MentionValue(kind: kind, json: json) else {
                        return .failure(.corruptRecord(path: path, doc: doc, message: "an argument value cannot be read"))
                    }
                    args[doc, default: [:]][row[1], default: []].append(EventArgument(role: row[2], text: row[4], span: Span(start: row[5], end: row[6]), value: value))
                }
                let eventRows = try Row.fetchCursor(db, sql: "SELECT doc_id, idx, type, trigger_text, trigger_start, trigger_end, evidence_start, evidence_end, attrs, rule, source, confidence FROM events ORDER BY doc_id, idx")
while let row = try eventRows.next() {
                    let doc: String = row[0]
                    let idx: Int = row[1]
                    var attrs: [String: AttributeValue] = [:]
                    guard let json = try? JSONValue.parse(row[8]), let members = json.objectValue else {
                        return .failure(.corruptRecord(path: path, doc: doc, message: "event \(idx) has unreadable attrs"))
                    }
                    for (k, v) in members { attrs[k] = AttributeValue(json: v) }
                    events[doc, default: []].append(Event(type: row[2], trigger: Trigger(text: row[3], span: Span(start: row[4], end: row[5])),
                                                          evidence: Span(start: row[6], end: row[7]), args: args[doc]?[idx] ?? [], attrs: attrs,
                                                          rule: row[9], source: row[10], confidence: row[11]))
                }
                var mentions: [String: [Mention]] = [:]
                if withMentions {
                    let mentionRows = try Row.fetchCursor(db, sql: #"SELECT doc_id, kind, text, start, "end", value, rule FROM mentions ORDER BY doc_id, idx"#)
while let row = try mentionRows.next() {
                        let doc: String = row[0]
                        guard let kind = MentionKind(rawValue: row[1]), let json = try? JSONValue.parse(row[5]),
                              let value = MentionValue(kind: kind, json: json) else {
                            return .failure(.corruptRecord(path: path, doc: doc, message: "a mention value cannot be read"))
                        }
                        mentions[doc, default: []].append(Mention(text: row[2], span: Span(start: row[3], end: row[4]), value: value, rule: row[6]))
                    }
                }
                var documents: [StoredDocument] = []
                let documentRows = try Row.fetchCursor(db, sql: "SELECT id, lang, reference_date, text, extra, content_hash, pack_version, extracted_at FROM documents ORDER BY seq")
while let row = try documentRows.next() {
                    let id: String = row[0]
                    guard let language = Language(rawValue: row[1]), let extra = (try? JSONValue.parse(row[4]))?.objectValue else {
                        return .failure(.corruptRecord(path: path, doc: id, message: "bad lang or extra fields"))
                    }
                    let date = (row[2] as String?).flatMap(CivilDate.init(iso:))
                    let result = DocumentResult(doc: id, language: language, referenceDate: date, events: events[id] ?? [], mentions: mentions[id] ?? [], extra: extra)
                    documents.append(StoredDocument(result: result, text: row[3], contentHash: row[5], packVersion: row[6], extractedAt: row[7]))
                }
                return .success(documents)
            }
        }
        return try loaded.get()
    }

    /// The linked stories as last stored, in story order (`relinkStories()` writes them).
    public func storyMembers() throws(StoreError) -> [(story: String, type: String, members: [EventRef])] {
        try guarded {
            try pool.read { db in
                var members: [String: [EventRef]] = [:]
                let memberRows = try Row.fetchCursor(db, sql: "SELECT story_id, doc_id, event_idx FROM story_members ORDER BY doc_id, event_idx")
while let row = try memberRows.next() {
                    members[row[0], default: []].append(EventRef(doc: row[1], index: row[2]))
                }
                return try Row.fetchAll(db, sql: "SELECT id, type FROM stories ORDER BY CAST(SUBSTR(id, 2) AS INTEGER)").map {
                    (story: $0[0], type: $0[1], members: members[$0[0]] ?? [])
                }
            }
        }
    }

    /// Counts for `tidings db stats`.
    public func stats() throws(StoreError) -> StoreStats {
        try guarded {
            try pool.read { db in
                func pairs(_ sql: String) throws -> [(String, Int)] {
                    try Row.fetchAll(db, sql: sql).map { ($0[0], $0[1]) }
                }
                return StoreStats(
                    documentsByLanguage: try pairs("SELECT lang, COUNT(*) FROM documents GROUP BY lang ORDER BY lang"),
                    eventsByType: try pairs("SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY type"),
                    storiesByType: try pairs("SELECT type, COUNT(*) FROM stories GROUP BY type ORDER BY type"),
                    arguments: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM arguments") ?? 0,
                    mentions: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mentions") ?? 0,
                    packVersions: try pairs("SELECT pack_version, COUNT(*) FROM documents GROUP BY pack_version ORDER BY pack_version"),
                    storiesStale: try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'stories_stale'") == "1")
            }
        }
    }

    /// `PRAGMA integrity_check`'s answer: "ok" for a sound file.
    public func integrityCheck() throws(StoreError) -> String {
        try guarded { try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") } }
    }
}
