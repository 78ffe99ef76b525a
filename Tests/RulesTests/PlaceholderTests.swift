import PCRE2
import Records
import Testing
@testable import Rules

/// (kinds of a mention, its placeholder scalar)
private let scalarCases: [([MentionKind], UInt32)] = [
    ([.actor], 0xE001),
    ([.place], 0xE002),
    ([.actor, .place], 0xE003),
    ([.place, .actor], 0xE003),
    ([.date], 0xE004),
    ([.quantity], 0xE008),
    ([.money], 0xE010),
    ([.duration], 0xE020),
    (MentionKind.allCases, 0xE03F),
]

@Test(arguments: scalarCases)
func aPlaceholderEncodesItsSetOfKinds(_ kinds: [MentionKind], _ value: UInt32) {
    #expect(Placeholder.scalar(for: kinds).value == value)
    #expect(Placeholder.isPlaceholder(Placeholder.scalar(for: kinds)))
}

@Test(arguments: [0xE000, 0xE040, 0xD7FF, 0x41, 0x505C] as [UInt32])
func otherScalarsAreNotPlaceholders(_ value: UInt32) {
    #expect(!Placeholder.isPlaceholder(Unicode.Scalar(value)!))
}

/// `{{KIND}}` matches exactly the placeholders whose set includes the kind, and one scalar only.
@Test(arguments: MentionKind.allCases)
func aClassMatchesEveryPlaceholderReadableAsItsKind(_ kind: MentionKind) throws {
    let regex = try Regex("^" + Placeholder.classPattern(for: kind) + "$")
    for mask in UInt32(1)..<64 {
        let scalar = Unicode.Scalar(0xE000 + mask)!
        let kinds = MentionKind.allCases.filter { mask & Placeholder.bit($0) != 0 }
        let matched = try regex.firstMatch(in: Subject(String(Character(scalar)))) != nil
        #expect(matched == kinds.contains(kind), "mask \(mask)")
    }
    #expect(try regex.firstMatch(in: Subject("\u{E000}")) == nil)
    #expect(try regex.firstMatch(in: Subject("普京")) == nil)
    #expect(try regex.firstMatch(in: Subject(String(Character(Placeholder.scalar(for: [kind]))) + "x")) == nil)
}

@Test func referenceNamesAreTheUppercasedKinds() {
    #expect(Placeholder.referenceNames == [
        "ACTOR": .actor, "PLACE": .place, "DATE": .date, "QUANTITY": .quantity, "MONEY": .money, "DURATION": .duration,
    ])
}

// Issue 11, item 2 (d): built-in references, so no pack spells a placeholder's code point.

/// (reference, which placeholder masks it matches) — checked over every placeholder and plain text.
private let builtins: [(String, @Sendable (UInt32) -> Bool, Bool)] = [
    ("MENTION", { _ in true }, false),
    ("NAMED", { $0 & ~UInt32(3) == 0 }, false),       // actor, place, or both; nothing else
    ("NOT_ACTOR", { $0 & 1 == 0 }, true),              // plain text matches too
]

@Test(arguments: builtins)
func aBuiltInReferenceMatchesItsPlaceholders(_ name: String, _ covers: @Sendable (UInt32) -> Bool, _ plainText: Bool) throws {
    let reference = try #require(Placeholder.references[name])
    let regex = try Regex("^" + (try #require(reference.pattern(insideClass: false))) + "$")
    for mask in UInt32(1)..<64 {
        let matched = try regex.firstMatch(in: Subject(String(Character(Unicode.Scalar(0xE000 + mask)!)))) != nil
        #expect(matched == covers(mask), "\(name), mask \(mask)")
    }
    #expect((try regex.firstMatch(in: Subject("普")) != nil) == plainText)
}

@Test func insideAClassAReferenceGivesItsMembers() throws {
    // [^。{{ACTOR}}]: neither a stop nor an actor mention.
    let (expanded, problems) = FragmentExpander(fragments: [:], allowMentions: true).expand("[^。{{ACTOR}}]")
    #expect(problems.isEmpty)
    let regex = try Regex("^" + expanded.text + "$")
    #expect(try regex.firstMatch(in: Subject("普")) != nil)
    #expect(try regex.firstMatch(in: Subject("。")) == nil)
    #expect(try regex.firstMatch(in: Subject(String(Character(Placeholder.scalar(for: [.actor]))))) == nil)
    #expect(try regex.firstMatch(in: Subject(String(Character(Placeholder.scalar(for: [.date]))))) != nil)
    // A ] first in a class is a member; an escaped [ opens none.
    #expect(FragmentExpander(fragments: [:], allowMentions: true).expand("[]{{MENTION}}]").0.text == "[]\\x{E001}-\\x{E03F}]")
    #expect(FragmentExpander(fragments: [:], allowMentions: true).expand("\\[{{MENTION}}").0.text == "\\[[\\x{E001}-\\x{E03F}]")
    #expect(FragmentExpander(fragments: [:], allowMentions: true).expand("[a]{{MENTION}}").0.text == "[a][\\x{E001}-\\x{E03F}]")
}

@Test func notActorCannotStandInsideAClass() {
    let (_, problems) = FragmentExpander(fragments: [:], allowMentions: true).expand("x[^。{{NOT_ACTOR}}]")
    #expect(problems.map(\.code) == [.referenceInClass])
    #expect(problems.first?.rawOffset == 4)
}

@Test func spelledPlaceholdersAreFound() {
    #expect(PatternLint.spelledPlaceholders(in: "[^.\\x{E001}\\x{E003}]").map(\.offset) == [3, 11])
    #expect(PatternLint.spelledPlaceholders(in: "[\\x{E000}-\\x{E03F}]").map(\.offset) == [1, 10])
    #expect(PatternLint.spelledPlaceholders(in: "a\u{E005}b").map(\.offset) == [1])
    // Other code points, and a lone U+E000 (no placeholder), are fine.
    #expect(PatternLint.spelledPlaceholders(in: "\\x{4E00}\\x{E040}\\x{E000}\\\\x{E001}").isEmpty)
}
