import Testing
@testable import Rules

/// (event pattern after expansion, scalar offset of its first unbounded gap)
private let gaps: [(String, Int?)] = [
    (".*", 0),
    ("同意.+停火", 2),
    ("[^。]*停火", 0),
    ("停火[^。，]+", 2),
    (".{2,}", 0),
    ("[^。]{3,}", 0),
    ("[^\\]]+", 0),
    ("[^]]+", 0),
    ("\\\\.*", 2),
    // Bounded, escaped or not a gap.
    ("[^。]{0,20}?停火", nil),
    (".{0,20}", nil),
    (".?", nil),
    ("\\.*", nil),
    ("\\.+", nil),
    ("[.]*", nil),
    ("[a-z]+", nil),
    ("[^.]{0,8}", nil),
    ("同意*停火+", nil),
    ("停火", nil),
    ("", nil),
]

@Test(arguments: gaps)
func unboundedGapsAreFound(_ pattern: String, _ offset: Int?) {
    #expect(RuleCompiler.unboundedGapOffset(in: pattern) == offset)
    #expect(RuleCompiler.unboundedGap(in: pattern) == (offset != nil))
}

/// (pattern as written, group, scalar offset of its opening parenthesis)
private let groupOffsets: [(String, String, Int?)] = [
    ("(?<agent>{{ACTOR}})同意(?<truce>停火)", "truce", 21),
    ("同意(?P<truce>停火)", "truce", 2),
    ("同意(?'truce'停火)", "truce", 2),
    ("(?<truce2>停火)", "truce", nil),
    ("{{TRUCE}}", "truce", nil),
]

@Test(arguments: groupOffsets)
func aGroupIsFoundWhereThePatternDeclaresIt(_ pattern: String, _ name: String, _ offset: Int?) {
    #expect(RuleCompiler.groupOffset(name, in: pattern) == offset)
}
