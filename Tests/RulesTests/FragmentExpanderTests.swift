import PCRE2
import Records
import Testing
@testable import Rules

private let fragments: [String: String] = [
    "TRUCE": "停火|休战",
    "AGREE": "(?:同意|接受){{TRUCE}}",
    "DEAL": "{{AGREE}}协议",
    "LOOP_A": "甲{{LOOP_B}}",
    "LOOP_B": "乙{{LOOP_A}}",
    "SELF": "自{{SELF}}",
    "BROKEN": "同意{{MISSING}}",
]

private func expand(_ raw: String, mentions: Bool = true) -> (ExpandedPattern, [ExpansionProblem]) {
    FragmentExpander(fragments: fragments, allowMentions: mentions).expand(raw)
}

/// (pattern as written, expected expansion)
private let expansions: [(String, String)] = [
    ("停火", "停火"),
    ("{{TRUCE}}", "(?:停火|休战)"),
    ("俄方{{AGREE}}", "俄方(?:(?:同意|接受)(?:停火|休战))"),
    ("{{DEAL}}。", "(?:(?:(?:同意|接受)(?:停火|休战))协议)。"),
    ("{{TRUCE}}{{TRUCE}}", "(?:停火|休战)(?:停火|休战)"),
    // Not references: braces of quantifiers, empty names, non-ASCII names.
    ("火{2}{{}}{ {TRUCE}}", "火{2}{{}}{ {TRUCE}}"),
    ("{{停火}}", "{{停火}}"),
]

@Test(arguments: expansions)
func fragmentsExpandNestedAndKeepPrecedence(_ raw: String, _ expected: String) {
    let (expanded, problems) = expand(raw)
    #expect(problems.isEmpty)
    #expect(expanded.text == expected)
    #expect(expanded.rawOffsets.count == expanded.scalars.count)
}

@Test func mentionReferencesBecomePlaceholderClasses() throws {
    let (expanded, problems) = expand("(?<agent>{{ACTOR}})在{{PLACE}}")
    #expect(problems.isEmpty)
    #expect(expanded.text == "(?<agent>" + Placeholder.classPattern(for: .actor) + ")在" + Placeholder.classPattern(for: .place))
    #expect(expanded.mentionKinds == [.actor, .place])
}

/// (pattern, fragment-free flag, expected problems as code@rawOffset)
private let problemCases: [(String, Bool, [String])] = [
    ("同意{{NOPE}}", true, ["unknown-fragment@2"]),
    // A problem inside a fragment is reported at the reference the rule wrote.
    ("俄乌{{BROKEN}}", true, ["unknown-fragment@2"]),
    ("开始{{LOOP_A}}", true, ["fragment-cycle@2"]),
    ("{{SELF}}", true, ["fragment-cycle@0"]),
    ("美国总统{{ACTOR}}", false, ["mention-ref-outside-event@4"]),
    ("😀{{NOPE}}{{DATE}}", false, ["unknown-fragment@1", "mention-ref-outside-event@9"]),
]

@Test(arguments: problemCases)
func unknownCyclicAndMisplacedReferencesAreProblems(_ raw: String, _ mentions: Bool, _ expected: [String]) {
    let (_, problems) = expand(raw, mentions: mentions)
    #expect(problems.map { "\($0.code.rawValue)@\($0.rawOffset)" } == expected)
}

@Test func aCycleNamesEveryFragmentOnIt() {
    let (_, problems) = expand("{{LOOP_A}}")
    #expect(problems.map(\.message) == ["fragments refer to each other in a cycle: LOOP_A → LOOP_B → LOOP_A"])
}

/// (pattern, scalar offset in the expansion, expected raw offset, expected fragment)
private let origins: [(String, Int, Int, String?)] = [
    ("停火协议", 2, 2, nil),
    // Everything a fragment expands to maps to its reference; text after it maps back exactly.
    // The (?: … ) wrapping a top-level fragment belongs to the reference, not to the fragment.
    ("俄方{{AGREE}}了", 2, 2, nil),
    ("俄方{{AGREE}}了", 5, 2, "AGREE"),
    ("俄方{{AGREE}}了", 10, 2, "AGREE"),
    ("俄方{{AGREE}}了", 24, 11, nil),
    ("{{ACTOR}}同意", 0, 0, nil),
    ("{{ACTOR}}同意", Placeholder.classPattern(for: .actor).unicodeScalars.count, 9, nil),
    // Offsets count scalars: an astral character is one.
    ("𠮷{{TRUCE}}x", 8, 1, "TRUCE"),
    ("𠮷{{TRUCE}}x", 10, 10, nil),
    // The end of the expansion maps to the end of the pattern as written.
    ("俄方{{TRUCE}}", 11, 11, nil),
]

@Test(arguments: origins)
func expandedOffsetsMapBackToThePatternAsWritten(_ raw: String, _ offset: Int, _ rawOffset: Int, _ fragment: String?) {
    let (expanded, _) = expand(raw)
    let origin = expanded.origin(at: offset, rawLength: raw.unicodeScalars.count)
    #expect(origin.rawOffset == rawOffset)
    #expect(origin.fragment == fragment)
}

/// A PCRE2 compile error after a mention reference lands on the character the author wrote.
@Test func aCompileErrorOffsetMapsBackThroughAMentionReference() throws {
    let raw = "(?<agent>{{ACTOR}})同意停火{3,2}"
    let (expanded, _) = expand(raw)
    let error = try #require(throws: PCRE2Error.self) { try Regex(expanded.text) }
    let origin = expanded.origin(at: error.offset ?? -1, rawLength: raw.unicodeScalars.count)
    let plain = try #require(throws: PCRE2Error.self) { try Regex("(?<agent>x)同意停火{3,2}") }
    // The same error in the same place: 8 scalars more of `{{ACTOR}}` than of `x`.
    #expect(origin.rawOffset == (plain.offset ?? -1) + 8)
    #expect(origin.fragment == nil)
}

@Test func referencesAreFoundWithOffsetsAndLengthsInScalars() {
    let found = FragmentExpander.references(in: Array("中{{A}}{{b_1}}{{}}{{中}}".unicodeScalars))
    #expect(found.map { "\($0.name)@\($0.offset)+\($0.length)" } == ["A@1+5", "b_1@6+7"])
}
