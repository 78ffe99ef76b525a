import Foundation
import Records
import Testing
@testable import Rules
import TestSupport

/// `<lang>/segmentation.yaml`: what the shipped files compile to, and the default without one.

@Test func theShippedSegmentationFilesCompileEveryEntry() throws {
    let pack = PackLoader.load(root: shippedRules).pack
    let zh = try #require(pack.ruleSet(for: .zh)).segmentation
    #expect(zh.rules(.dateline).map(\.header.id) == ["zh.dateline.bracketed", "zh.dateline.agency"])
    #expect(zh.rules(.separator).map(\.header.id) == ["zh.separator.read-more"])
    #expect(zh.words(.caption) == ["图", "照", "视频"])
    #expect(zh.words(.abbreviation).isEmpty)
    #expect(zh.rules.allSatisfy { !$0.header.examples.isEmpty })
    let en = try #require(pack.ruleSet(for: .en)).segmentation
    #expect(en.rules(.dateline).map(\.header.id) == ["en.dateline.dated", "en.dateline.undated"])
    #expect(en.months.count == 12 && en.months["sep"] == 9 && en.months["dec"] == 12)
    #expect(Set(en.words(.abbreviation)).isSuperset(of: ["mr", "u.s", "sept", "gen"]))
    #expect(en.rules(.dateline).allSatisfy { $0.regex != nil } && en.rules(.abbreviation).allSatisfy { $0.regex == nil })
    // The entries are rules like any other: their ids are the set's, for `rules test --filter`.
    #expect(try #require(pack.ruleSet(for: .en)).ruleIDs.contains("en.abbreviation.titles"))
    #expect(zh.rules[0].header.source == "zh/segmentation.yaml:11")
}

@Test func aLanguageWithoutASegmentationFileHasNoneOfItAndNoDiagnostic() throws {
    // The documented default (Rules/README.md, "Segmentation"): no datelines, separators,
    // captions or abbreviations — a page is one segment dated by its document date.
    let (pack, diagnostics) = PackLoader.load(root: fixturesFolder + "/no-examples")
    #expect(!diagnostics.contains { $0.location?.file.hasSuffix("segmentation.yaml") ?? false })
    let zh = try #require(pack.ruleSet(for: .zh))
    #expect(zh.segmentation.rules.isEmpty)
    #expect(zh.segmentation.months.isEmpty)
}

@Test func aBrokenSegmentationFileReportsEveryProblemWhereItIs() throws {
    let root = fixturesFolder + "/segmentation-errors"
    let (pack, diagnostics) = PackLoader.load(root: root)
    let found = diagnostics.map { d in "\(d.severity == .error ? "E" : "W") \(d.code.rawValue) \(d.location.map { "\($0.line):\($0.column ?? 0)" } ?? "?")" }
    #expect(found.sorted() == [
        "E bad-value 28:15", "E missing-key 19:5", "E pcre2-compile 3:38", "E unknown-group 14:14", "E unknown-key 29:1",
        "W bad-value 24:16", "W bad-value 8:42",
    ], "\(DiagnosticRenderer.render(diagnostics))")
    // What compiled is kept: the traditional-character entries load (their warning says they cannot match).
    let zh = try #require(pack.ruleSet(for: .zh))
    #expect(zh.segmentation.rules.map(\.header.id) == ["zh.dateline.traditional", "zh.caption.traditional"])
    #expect(zh.segmentation.months.isEmpty)
}

/// `<lang>/context.yaml`: locative words, future markers, same-day words, venue and building nouns.
@Test func theShippedContextFilesCompileToTheEnginesWordLists() throws {
    let pack = PackLoader.load(root: shippedRules).pack
    let zh = try #require(pack.ruleSet(for: .zh)).context
    #expect(zh.rules.map(\.header.id) == ["zh.locative.prepositions", "zh.future.markers", "zh.same_day.words", "zh.venue.nouns", "zh.building.nouns"])
    #expect(zh.venues.contains(Array("火车站".unicodeScalars)) && zh.buildings.first == Array("清真寺".unicodeScalars))
    #expect(zh.locatives.map { String(String.UnicodeScalarView($0)) } == ["在", "于", "赴", "到", "抵达"])
    #expect(zh.futureMarkers.count == 8 && zh.futureMarkers.last == ["将"])
    #expect(zh.sameDay.isSuperset(of: ["当天", "同日", "当晚"]))
    let en = try #require(pack.ruleSet(for: .en)).context
    #expect(en.locatives.map { String(String.UnicodeScalarView($0)) } == ["in ", "at ", "near "])
    #expect(en.futureMarkers.isEmpty && en.sameDay.isEmpty && en.venues.isEmpty && en.buildings.isEmpty)
    #expect(en.rules.allSatisfy { !$0.header.examples.isEmpty })
}

@Test func aLanguageWithoutAContextFileHasNoContextWords() throws {
    let zh = try #require(PackLoader.load(root: fixturesFolder + "/no-examples").pack.ruleSet(for: .zh))
    #expect(zh.context.rules.isEmpty && zh.context.locatives.isEmpty && zh.context.futureMarkers.isEmpty && zh.context.sameDay.isEmpty)
}

@Test func aBrokenContextFileIsReportedWhereItIs() throws {
    let root = try writePack([
        "taxonomy.yaml": "roles: {}\ntypes: {}\n",
        "zh/context.yaml": """
        locative:
          - id: zh.locative.words
            words: [在, 於]
            examples: [{text: '在北京', expect: {type: talks}}]
        same_day:
          - id: zh.same_day.traditional
            words: [當天]
          - id: zh.future.wrong-middle
            words: [将于]
        futur: []
        """,
    ], prefix: "tidings-context")
    defer { try? FileManager.default.removeItem(atPath: root) }
    let (pack, diagnostics) = PackLoader.load(root: root)
    let found = diagnostics.filter { $0.location?.file.hasSuffix("context.yaml") ?? false }
        .map { "\($0.code.rawValue) \($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
    #expect(found.sorted() == ["bad-id 8:9", "bad-value 3:16", "bad-value 7:13", "no-examples 6:5", "no-examples 8:5", "unknown-key 10:1"],
            "\(DiagnosticRenderer.render(diagnostics))")
    // The entries load (a warning is no error); a same-day word is kept folded, as mentions are compared.
    let context = try #require(pack.ruleSet(for: .zh)).context
    #expect(context.sameDay.contains("当天"))
}
