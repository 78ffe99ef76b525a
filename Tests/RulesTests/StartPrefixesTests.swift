import PCRE2
import Testing
@testable import Rules

/// (pattern, caseless, the start prefixes it must give; nil: not modelled, searched everywhere)
private let prefixCases: [(String, Bool, [String]?)] = [
    ("(?:停火|休战)协议", false, ["休战协", "停火协"]),
    ("停火", false, ["停火"]),
    // Caseless: folded to lower case; (?i) and (?-i: … ) change it for the rest of the group.
    ("(?i)About", false, ["abo"]),
    ("About", true, ["abo"]),
    ("(?-i:USD)", true, ["usd"]),
    // Every digit is 0 and every white space a space, so digit and space classes stay one scalar.
    ("[0-9]+人", false, ["000", "00人", "0人"]),
    ("[１-９]名", false, ["0名"]),
    (#"a\sb"#, false, ["a b"]),
    (#"\x{4E00}\.5"#, false, ["一.0"]),
    // Zero-width items add nothing: a lookbehind, \b, a lookahead.
    ("(?<![0-9])约(?=[0-9])", false, ["约"]),
    (#"\bten\b"#, true, ["ten"]),
    // Optional and repeated parts: every way a match can begin.
    ("(?:近|约)?[0-9]", false, ["0", "约0", "近0"]),
    ("a{2,}b", false, ["aaa", "aab"]),
    ("(?:ab)*c", false, ["aba", "abc", "c"]),
    // Where a prefix cannot be told, it ends there: `.`, \w, a negated class, a back reference.
    ("ab.c", false, ["ab"]),
    (#"x\wy"#, false, ["x"]),
    ("x[^a]", false, ["x"]),
    ("(a)\\1", false, ["a"]),
]

@Test("start prefixes", arguments: prefixCases.indices)
func startPrefixes(_ i: Int) {
    let (pattern, caseless, expected) = prefixCases[i]
    #expect(StartPrefixes.of(pattern, caseless: caseless) == expected, "\(pattern)")
}

@Test("patterns that may begin anywhere or are not modelled get no prefixes",
      arguments: ["a?", ".a", #"\d+"#, "(?x)a b", "a(*SKIP)b", #"\K"#, "(?(1)a|b)", #"\Qab\E"#, "(?i)élan",
                  "a|", "x{,3}", "(?#note)a", #"\Ga"#, "(?<n>a)|b*"])
func unmodelledPatterns(_ pattern: String) {
    #expect(StartPrefixes.of(pattern, caseless: false) == nil, "\(pattern)")
}

@Test("a large set falls back to shorter prefixes")
func shorterPrefixesWhenTooMany() throws {
    // 26³ prefixes of three letters are over the limit; 26² of two are not.
    let two = try #require(StartPrefixes.of("[a-z][a-z][a-z]", caseless: false))
    #expect(two.count == 26 * 26)
    #expect(two.allSatisfy { $0.unicodeScalars.count == 2 })
    #expect(StartPrefixes.of("[a-z][a-z][a-z]", caseless: false, limit: 20) == nil)
    #expect(StartPrefixes.of("(?i)aé", caseless: false) == ["a"])
}

@Test("the fold maps what a caseless ASCII letter, a digit class or \\s matches to one scalar")
func foldMapsEquivalentScalars() {
    let pairs: [(Unicode.Scalar, Unicode.Scalar)] = [("A", "a"), ("z", "z"), ("\u{212A}", "k"), ("\u{017F}", "s"), ("7", "0"),
                                                     ("８", "0"), ("\t", " "), ("\u{3000}", " "), ("\u{A0}", " "), ("中", "中"), ("É", "É")]
    for (scalar, folded) in pairs { #expect(StartPrefixes.fold(scalar) == folded, "\(scalar)") }
}

@Test("every scalar PCRE2's \\s, \\h or \\v matches folds to a space")
func spaceListMatchesPCRE2() throws {
    let space = try Regex(#"^[\s\h\v]$"#)
    for value in UInt32(0)...0xFFFF {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let matches = try space.firstMatch(in: Subject(String(Character(scalar)))) != nil
        if matches { #expect(StartPrefixes.fold(scalar) == " ", "U+\(String(value, radix: 16))") }
    }
}

/// (pattern, the attempt-start keys: a key and how far past its start an attempt begins)
private let startKeyCases: [(String, [String])] = [
    // A leading positive lookbehind: an attempt begins where what it must see ends.
    ("(?<=在|位于)\\p{Han}{2}", ["在+1", "位于+2"]),
    (#"(?<=\bin |\bat )(?:the )?\KX"#, ["at +3", "in +3"]),
    // Only the last three scalars of a longer lookbehind: still a place an attempt may begin.
    ("(?<=abcd)x", ["bcd+3"]),
    // Each branch on its own: a lookbehind in one, a prefix in the other.
    ("(?<=a)b|c", ["a+1", "c+0"]),
    // No leading lookbehind: the prefixes.
    ("(?<!x)约[0-9]", ["约0+0"]),
]

@Test("attempt-start keys", arguments: startKeyCases.indices)
func attemptStartKeys(_ i: Int) throws {
    let (pattern, expected) = startKeyCases[i]
    let keys = try #require(StartPrefixes.startKeys(pattern, caseless: false))
    let written = keys.map { String(String.UnicodeScalarView($0.key)) + "+\($0.shift)" }
    #expect(Set(written) == Set(expected), "\(pattern)")
}

@Test("a branch that may begin anywhere leaves the pattern searched everywhere")
func anyBranchUnbounded() {
    #expect(StartPrefixes.startKeys("(?<=a)b|\\w", caseless: false) == nil)
    #expect(StartPrefixes.startKeys("(?<=.)b", caseless: false) == nil)
}
