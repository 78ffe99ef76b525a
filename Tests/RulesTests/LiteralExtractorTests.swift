import Testing
@testable import Rules

/// (expanded pattern, required literal alternatives: one of them occurs in every match)
private let literalCases: [(String, [String])] = [
    ("停火", ["停火"]),
    ("普京拒绝停火", ["普京拒绝停火"]),
    // Alternation inside a group: the group's alternatives, when each is a literal.
    ("(?<trigger>停火|休战)", ["停火", "休战"]),
    ("(?:签署了|达成了)停火", ["签署了", "达成了"]),
    ("(?:同意|接受)停火协议", ["停火协议"]),
    // Optional parts never count.
    ("(?:全面)?停火", ["停火"]),
    ("停火(?:协议)?", ["停火"]),
    ("(?:全面停火协议)?休战", ["休战"]),
    ("(?:签署|达成)了?停火协议", ["停火协议"]),
    ("全面{0,1}停火", ["停火"]),
    ("全面*停火", ["停火"]),
    ("(?:停火)+", ["停火"]),
    // Classes, escapes of letters and anchors are not literals; an escaped symbol is.
    ("[^。]{0,20}?停火", ["停火"]),
    ("\\d+名战俘", ["名战俘"]),
    ("^\\s*停\\.火$", ["停.火"]),
    ("\\p{Han}{2}宣布", ["宣布"]),
    ("[停休]战", ["战"]),
    // Lookarounds are skipped.
    ("(?<!未)同意停火", ["同意停火"]),
    // Placeholder classes from {{ACTOR}} are not literal text.
    (Placeholder.classPattern(for: .actor) + "同意停火", ["同意停火"]),
    ("(?<agent>" + Placeholder.classPattern(for: .actor) + ")与(?<participant>" + Placeholder.classPattern(for: .actor) + ")通电话", ["通电话"]),
    // A top-level alternation is one clause of its branches; a branch that requires nothing gives nothing.
    ("停火|休战", ["停火", "休战"]),                 // a top-level alternation: one clause, any branch
    ("同意停火|拒绝停火", ["同意停火", "拒绝停火"]),
    ("(?<a>x)?y|\\d+", []),                          // a branch that requires no literal: no prefilter
    ("(?:停火|\\d+)", []),
    ("[0-9]+", []),
    // An escape's argument is no literal: a back-reference by name, a one-letter property, hex, octal.
    ("(?<s>[-/])1\\k<s>2", ["1"]),          // 1 or 2, never "<s>"
    ("停火\\k<s>协议", ["停火"]),
    ("停火\\g{1}协议", ["停火"]),
    ("\\pL停火", ["停火"]),
    ("\\x41停火", ["停火"]),
    ("\\012停火", ["停火"]),
    // A brace that is no {m,n} quantifier is a literal, even unclosed at a group's end (fuzz-pack-loader).
    ("停{火", ["停{火"]),
    ("(?:停火{)", ["停火{"]),
    ("(?:停火{a})", ["停火{a}"]),
    ("停火{2}协议", ["协议"]),               // the clause that filters best: 停 or 协议
    ("停火{,3}", ["停"]),
    (".", []),
]

@Test(arguments: literalCases)
func requiredLiteralsOfTypicalPatterns(_ pattern: String, _ expected: [String]) {
    #expect(LiteralExtractor.requiredLiterals(pattern) == expected)
}

@Test func anExtendedModePatternGetsNoPrefilter() {
    // White space and comments are not text under (?x): a literal read from them would keep the
    // rule from ever running.
    #expect(LiteralExtractor.requiredLiterals("(?x)\n(?<t>停火)   # the truce\n") == [])
    #expect(LiteralExtractor.requiredLiterals("(?:(?ix)停火)") == [])
    #expect(LiteralExtractor.requiredLiterals("(?-x)同意停火") == ["同意停火"])
}
