import Foundation
import Testing
import Records
@testable import Store

private func temporaryPath(_ name: String = "events.sqlite") throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.appendingPathComponent(name).path
}

/// A document with one exchange event and two mentions, as extract would store it.
private func stored(_ id: String, released: Double = 205, text: String = "Russia and Ukraine swapped prisoners.", pack: String = "p1") -> StoredDocument {
    let russia = EventArgument(role: "participant", text: "Russia", span: Span(start: 0, end: 6), value: .actor(EntityValue(name: "Russia", type: "country", country: "RUS")))
    let ukraine = EventArgument(role: "participant", text: "Ukraine", span: Span(start: 11, end: 18), value: .actor(EntityValue(name: "Ukraine", type: "country", country: "UKR")))
    let count = EventArgument(role: "released", text: "\(Int(released))", span: Span(start: 19, end: 22), value: .quantity(QuantityValue(amount: released, unit: "person", mod: .approx)))
    let event = Event(type: "prisoner_exchange", trigger: Trigger(text: "swapped", span: Span(start: 19, end: 26)), evidence: Span(start: 0, end: 37),
                      args: [russia, ukraine, count], attrs: ["status": .string("happened"), "per_side": .bool(true)],
                      rule: "en.prisoner_exchange.pair-verb", source: "en/prisoner_exchange.yaml:122", confidence: 0.9)
    let mentions = [Mention(text: "Russia", span: Span(start: 0, end: 6), value: russia.value, rule: "lexicon:en/countries.tsv"),
                    Mention(text: "Ukraine", span: Span(start: 11, end: 18), value: ukraine.value, rule: "lexicon:en/countries.tsv")]
    let result = DocumentResult(doc: id, language: .en, referenceDate: CivilDate(iso: "2025-05-14"), events: [event], mentions: mentions,
                                extra: [("title", .string("Swap \(id)")), ("url", .string("https://example.org/\(id)")), ("tags", .array([.number(1), .string("x")]))])
    return StoredDocument(result: result, text: text, contentHash: "h-\(text.count)-\(released)", packVersion: pack, extractedAt: "2026-01-01T00:00:00Z")
}

@Suite struct EventStoreTests {
    @Test func recordsReadBackExactlyAsWritten() throws {
        let store = try EventStore(path: try temporaryPath(), create: true)
        try store.write([stored("a"), stored("b", released: 84)])
        let back = try store.documents()
        #expect(back.map(\.result.doc) == ["a", "b"])
        #expect(back[0].result.json() == stored("a").result.json())
        #expect(back[1].result.json() == stored("b", released: 84).result.json())
        #expect(back[0].text == "Russia and Ukraine swapped prisoners.")
        #expect(back[0].title == "Swap a")
        #expect(back[0].url == "https://example.org/a")
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func writingTheSameDocumentsTwiceGivesTheSameRows() throws {
        let path = try temporaryPath()
        let store = try EventStore(path: path, create: true)
        try store.write([stored("a"), stored("b")])
        let first = try store.stats()
        try store.write([stored("a"), stored("b")])
        let second = try store.stats()
        #expect(first.eventsByType.map(\.1) == [2])
        #expect(second.eventsByType.map(\.1) == first.eventsByType.map(\.1))
        #expect(second.arguments == 6)
        #expect(second.mentions == 4)
        #expect(second.documentsByLanguage.map(\.1) == [2])
    }

    @Test func aChangedDocumentReplacesItsRecordsAndKeepsItsPlace() throws {
        let store = try EventStore(path: try temporaryPath(), create: true)
        try store.write([stored("a"), stored("b")])
        var changed = stored("a", released: 120, text: "Changed.")
        changed.result.events.append(changed.result.events[0])
        try store.write([changed])
        let back = try store.documents()
        #expect(back.map(\.result.doc) == ["a", "b"])
        #expect(back[0].result.events.count == 2)
        #expect(back[0].text == "Changed.")
        #expect(try store.fingerprints(["a", "b", "zzz"]) == [
            "a": StoredFingerprint(contentHash: changed.contentHash, packVersion: "p1"),
            "b": StoredFingerprint(contentHash: stored("b").contentHash, packVersion: "p1"),
        ])
        #expect(try store.stats().arguments == 9)
    }

    @Test func storiesAreRelinkedOverTheWholeStore() throws {
        let store = try EventStore(path: try temporaryPath(), create: true)
        try store.write([stored("a"), stored("b", released: 195)])
        #expect(try store.stats().storiesStale)
        #expect(try store.relinkStories() == 1)
        let stats = try store.stats()
        #expect(!stats.storiesStale)
        #expect(stats.storiesByType.map(\.1) == [1])
        let stories = try store.storyMembers()
        #expect(stories.count == 1)
        #expect(stories[0].members == [EventRef(doc: "a", index: 0), EventRef(doc: "b", index: 0)])
    }

    @Test func readingAMissingFileFailsAndCreatesNothing() throws {
        let path = try temporaryPath("absent.sqlite")
        #expect(throws: StoreError.missing(path: path)) { try EventStore(path: path, create: false) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileThatIsNotAStoreIsRejected() throws {
        let path = try temporaryPath("notes.sqlite")
        try "just some text, not a database at all, long enough to fill a header...........................".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.notAStore(path: path, reason: "not an SQLite database")) { try EventStore(path: path, create: false) }
    }

    @Test func fingerprintsChangeWithAnyInputField() {
        let base = Document(id: "a", text: "t", date: CivilDate(iso: "2025-01-01"), language: .en, extra: [("title", .string("x"))])
        var other = base
        #expect(Fingerprint.of(base) == Fingerprint.of(other))
        other.text = "u"
        #expect(Fingerprint.of(base) != Fingerprint.of(other))
        other = base
        other.extra = [("title", .string("y"))]
        #expect(Fingerprint.of(base) != Fingerprint.of(other))
        other = base
        other.date = nil
        #expect(Fingerprint.of(base) != Fingerprint.of(other))
        #expect(Fingerprint.of(base).count == 16)
    }
}
