import Extraction
import Foundation
import PCRE2
import Records
import RuleTools
import Rules
import Testing

// Each shipped entity pattern with start prefixes, tried anchored only where they begin (issue 15),
// finds on every gold text exactly what searching it everywhere finds.

/// Texts that test the fold: full-width digits, a KELVIN SIGN, no-break and ideographic spaces.
private let foldTexts = ["at least ５ people died; ２０２５年３月", "\u{212A}ILLED 3\u{A0}people", "约\u{3000}3000人", "ABOUT 40 PERCENT"]

@Test("anchored entity patterns at their start prefixes match as searched everywhere", arguments: Language.allCases)
func anchoredEntitiesMatchAsSearched(_ language: Language) throws {
    let rules = try #require(shippedPack.ruleSet(for: language))
    let tables = RuleTables(rules)
    var texts = foldTexts
    for path in goldCorpora {
        let file = checkoutFolder.appendingPathComponent(path).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: file) else { continue }
        texts += try Corpus.load(file).documents.filter { ($0.language ?? TextPreparation.detectLanguage($0.text)) == language }.map(\.text)
    }
    #expect(texts.count > 20)
    let anchoredCount = tables.patterns.entityAnchored.compactMap { $0 }.count
    #expect(anchoredCount * 2 > rules.entities.count, "most entity patterns have start prefixes")
    var compared = 0
    for text in texts {
        let subject = Subject(text)
        let scalars = Array(text.unicodeScalars)
        var found: [[Int]?] = tables.patterns.entityAnchored.map { $0 == nil ? nil : [] }
        RuleTables.startOffsets(tables.entityStarts, in: scalars.map(StartPrefixes.fold), into: &found)
        let starts = found.map { $0 ?? [] }
        for (index, anchored) in tables.patterns.entityAnchored.enumerated() {
            guard let anchored else { continue }
            let searched = try tables.patterns.regexes[tables.patterns.entity[index]].matches(in: subject).map(\.utf8Range)
            let offsets = starts[index].map { subject.index.utf8Offset(ofScalar: $0) }
            let tried = try tables.patterns.regexes[anchored].makeMatcher().matches(in: subject, startingAt: offsets).map(\.utf8Range)
            #expect(tried == searched, "\(rules.entities[index].header.id) on \(text.prefix(40))")
            compared += searched.count
        }
    }
    #expect(compared > 100)
}
