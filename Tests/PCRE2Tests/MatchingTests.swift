import Dispatch
import Testing
@testable import PCRE2

/// Scalar spans of every match, as Python's `[(m.start(), m.end()) for m in re.finditer(p, s)]`.
private func scalarSpans(_ pattern: String, _ text: String, options: RegexOptions = [], jit: Bool = true) throws -> [[Int]] {
    let regex = try Regex(pattern, options: options, jit: jit)
    let subject = Subject(text)
    return try regex.matches(in: subject).map {
        let r = subject.scalarRange(utf8Range: $0.utf8Range)
        return [r.lowerBound, r.upperBound]
    }
}

struct SpanCase: CustomTestStringConvertible, Sendable {
    let pattern: String
    let text: String
    let spans: [[Int]]
    var options: RegexOptions = []
    var testDescription: String { "\(pattern) on \(text)" }
}

// Expected spans were computed with Python's re module on the same strings.
let spanCases: [SpanCase] = [
    SpanCase(pattern: #"\d+名"#, text: "俄乌🇺🇦交换175名战俘,又换了22名", spans: [[6, 10], [16, 19]]),
    SpanCase(pattern: "[A-Za-z]+", text: "Zelensky与Trump通话😀OK", spans: [[0, 8], [9, 14], [17, 19]]),
    SpanCase(pattern: "交换", text: "交换交换", spans: [[0, 2], [2, 4]]),
    SpanCase(pattern: #"\d"#, text: "12", spans: [[0, 1], [1, 2]]),
    SpanCase(pattern: "x*", text: "a中b", spans: [[0, 0], [1, 1], [2, 2], [3, 3]]),
    SpanCase(pattern: "a*", text: "baa中", spans: [[0, 0], [1, 3], [3, 3], [4, 4]]),
    SpanCase(pattern: #"\bfire\b"#, text: "ceasefire fire firewall", spans: [[10, 14]]),
    SpanCase(pattern: "停火", text: "停火", spans: [[0, 2]]),
    SpanCase(pattern: "kyiv", text: "KYIV, Kyiv 基辅", spans: [[0, 4], [6, 10]], options: .caseless),
    SpanCase(pattern: "^乌", text: "俄\n乌克兰\n乌", spans: [[2, 3], [6, 7]], options: .multiline),
    SpanCase(pattern: "俄.乌", text: "俄\n乌", spans: [[0, 3]], options: .dotAll),
    SpanCase(pattern: "停 火 # trigger", text: "宣布停火", spans: [[2, 4]], options: .extended),
    SpanCase(pattern: #"\w+"#, text: "泽连斯基said", spans: [[0, 8]]),
    SpanCase(pattern: "😀+", text: "a😀😀b😀", spans: [[1, 3], [4, 5]]),
    SpanCase(pattern: "名", text: "", spans: []),
]

@Test(arguments: spanCases)
func spansAreScalarOffsets(_ c: SpanCase) throws {
    #expect(try scalarSpans(c.pattern, c.text, options: c.options) == c.spans)
    #expect(try scalarSpans(c.pattern, c.text, options: c.options, jit: false) == c.spans)
}

@Test func jitIsUsedWhenAvailableAndCanBeTurnedOff() throws {
    #expect(try Regex("停火").isJITCompiled)
    #expect(try Regex("停火", jit: false).isJITCompiled == false)
}

@Test func namedGroupsAndUnsetGroups() throws {
    let regex = try Regex("(?<agent>普京)?.{0,3}?拒绝(?<_scope>全面)?停火")
    #expect(regex.groupNumbers == ["agent": 1, "_scope": 2])
    #expect(regex.groupNames == ["agent", "_scope"])
    let subject = Subject("他拒绝停火")
    let match = try #require(try regex.firstMatch(in: subject))
    #expect(match.utf8Range(named: "agent") == nil)
    #expect(match.utf8Range(named: "_scope") == nil)
    #expect(match.utf8Range(named: "nosuch") == nil)
    #expect(match.setGroupNames.isEmpty)

    let second = Subject("普京拒绝全面停火")
    let full = try #require(try regex.firstMatch(in: second))
    #expect(full.utf8Range(named: "agent").map { second.scalarRange(utf8Range: $0) } == 0..<2)
    #expect(full.utf8Range(group: 2).map { second.scalarRange(utf8Range: $0) } == 4..<6)
    #expect(full.utf8Range(named: "_scope").map { second.text(utf8Range: $0) } == "全面")
    #expect(Set(full.setGroupNames) == ["agent", "_scope"])
}

@Test func emptyGroupIsSetNotAbsent() throws {
    let regex = try Regex("a(?<g>x*)b")
    let match = try #require(try regex.firstMatch(in: Subject("ab")))
    #expect(match.utf8Range(named: "g") == 1..<1)
}

@Test func matchingFromAnOffset() throws {
    let subject = Subject("停火停火停火")
    let regex = try Regex("停火")
    let found = try regex.matches(in: subject, from: 6).map { subject.scalarRange(utf8Range: $0.utf8Range) }
    #expect(found == [2..<4, 4..<6])
}

struct CompileErrorCase: Sendable, CustomTestStringConvertible {
    let pattern: String
    let code: Int32
    let offset: Int
    let message: String
    var testDescription: String { pattern }
}

let compileErrors: [CompileErrorCase] = [
    CompileErrorCase(pattern: "(abc", code: 114, offset: 4, message: "missing closing parenthesis"),
    CompileErrorCase(pattern: "停火(拒绝", code: 114, offset: 5, message: "missing closing parenthesis"),
    CompileErrorCase(pattern: "交换[名", code: 106, offset: 4, message: "missing terminating ] for character class"),
    CompileErrorCase(pattern: "a{2,1}", code: 104, offset: 5, message: "numbers out of order in {} quantifier"),
    CompileErrorCase(pattern: "(?<a_name_that_is_far_too_long_for_pcre2>x)", code: 148, offset: 40,
                     message: "subpattern name is too long (maximum 32 code units)"),
]

@Test(arguments: compileErrors)
func compileErrorsCarryCodeMessageAndScalarOffset(_ c: CompileErrorCase) {
    #expect(throws: PCRE2Error(kind: .compile, code: c.code, offset: c.offset)) { try Regex(c.pattern) }
    do {
        _ = try Regex(c.pattern)
    } catch {
        #expect(error.message == c.message)
        #expect(error.description == "\(c.message) at pattern offset \(c.offset)")
    }
}

@Test(arguments: [true, false])
func catastrophicBacktrackingFailsFastWithALimitError(jit: Bool) throws {
    let regex = try Regex("(a+)+$", jit: jit)
    let subject = Subject(String(repeating: "a", count: 30) + "b")
    do {
        _ = try regex.matches(in: subject)
        Issue.record("expected a limit error")
    } catch {
        #expect([.matchLimit, .depthLimit, .heapLimit].contains(error.kind))
        #expect(!error.message.isEmpty)
    }
}

@Test func matchLimitIsPerPattern() throws {
    let tight = try Regex(#"(a|b)*\d"#, limits: MatchLimits(matchLimit: 10))
    let subject = Subject(String(repeating: "ab", count: 200))
    #expect(throws: PCRE2Error.self) { try tight.matches(in: subject) }
    let roomy = try Regex(#"(a|b)*\d"#)
    #expect(try roomy.matches(in: subject).isEmpty)
}

struct InvalidUTF8Case: Sendable, CustomTestStringConvertible {
    let bytes: [UInt8]
    let offset: Int
    var testDescription: String { bytes.map { String($0, radix: 16) }.joined(separator: " ") }
}

let invalidUTF8: [InvalidUTF8Case] = [
    InvalidUTF8Case(bytes: [0x61, 0xFF], offset: 1),
    InvalidUTF8Case(bytes: [0xE4, 0xB8], offset: 0),            // truncated 中
    InvalidUTF8Case(bytes: [0x61, 0xC0, 0x80], offset: 1),      // overlong NUL
    InvalidUTF8Case(bytes: [0xED, 0xA0, 0x80], offset: 0),      // surrogate
    InvalidUTF8Case(bytes: [0xF4, 0x90, 0x80, 0x80], offset: 0), // above U+10FFFF
    InvalidUTF8Case(bytes: [0xE4, 0xB8, 0xAD, 0x80], offset: 3), // stray continuation after 中
]

@Test(arguments: invalidUTF8)
func invalidUTF8IsReportedWithItsByteOffset(_ c: InvalidUTF8Case) {
    #expect(throws: PCRE2Error(kind: .invalidUTF8, code: 0, offset: c.offset)) { try Subject(validating: c.bytes) }
}

@Test func validBytesMatchLikeTheString() throws {
    let subject = try Subject(validating: Array("交换175名战俘".utf8))
    let match = try #require(try Regex(#"\d+"#).firstMatch(in: subject))
    #expect(subject.scalarRange(utf8Range: match.utf8Range) == 2..<5)
}

@Test func aSharedRegexGivesTheSameResultsOnEveryThread() throws {
    let regex = try Regex(#"(?<n>\d+)名"#)
    let subject = Subject(String(repeating: "双方各释放了175名战俘。", count: 200))
    let expected = try regex.matches(in: subject).count
    #expect(expected == 200)
    let counts = UnsafeCounts(size: 8)
    DispatchQueue.concurrentPerform(iterations: 8) { i in
        let matcher = regex.makeMatcher()
        counts.set(i, (try? matcher.matches(in: subject).count) ?? -1)
    }
    #expect(counts.values == Array(repeating: expected, count: 8))
}

/// Each thread writes its own slot only.
private final class UnsafeCounts: @unchecked Sendable {
    var values: [Int]
    init(size: Int) { values = Array(repeating: 0, count: size) }
    func set(_ i: Int, _ v: Int) { values.withUnsafeMutableBufferPointer { $0[i] = v } }
}

@Test func whetherAPatternMatchesTheEmptySubject() throws {
    #expect(try Regex("a*").matchesEmptySubject)
    #expect(try Regex("(?:停火)?").matchesEmptySubject)
    #expect(try Regex("停火").matchesEmptySubject == false)
    #expect(try Regex(#"\b"#).matchesEmptySubject == false)
    // Asked first, then matched: the JIT still compiles on the first matcher.
    let regex = try Regex("停火|休战")
    _ = regex.matchesEmptySubject
    #expect(regex.isJITCompiled)
    #expect(try regex.firstMatch(in: Subject("双方宣布停火"))?.utf8Range == 12..<18)
}

// A pattern compiled .anchored and tried at every scalar start finds what the search finds
// (the entity start prefixes rest on it), empty matches included.
@Test("anchored at every start, the search's matches", arguments: [
    (#"\d+名"#, "俄乌🇺🇦交换175名战俘,又换了22名"), ("x*", "a中b"), ("a*", "baa中"), ("(?<=a)b|c", "abcab"),
    (#"\bten\b"#, "ten tent often ten"), ("(?i)kelvin", "\u{212A}ELVIN kelvin"), ("", "ab"),
    // \K: the reported start moves past the attempt's; an empty match after it.
    (#"a\Kb"#, "aab ab"), (#"a\K"#, "aa中a"),
])
func anchoredAtEveryStart(_ pattern: String, _ text: String) throws {
    let subject = Subject(text)
    var starts: [Int] = []
    var offset = 0
    for scalar in text.unicodeScalars {
        starts.append(offset)
        offset += String(scalar).utf8.count
    }
    starts.append(offset)
    let searched = try Regex(pattern).matches(in: subject).map(\.utf8Range)
    let anchored = try Regex(pattern, options: .anchored).makeMatcher().matches(in: subject, startingAt: starts).map(\.utf8Range)
    #expect(anchored == searched)
    #expect(!searched.isEmpty)
}
