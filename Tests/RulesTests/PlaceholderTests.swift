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
