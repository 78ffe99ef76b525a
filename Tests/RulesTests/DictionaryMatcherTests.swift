import Records
import Testing
@testable import Rules

private func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

private func matcher(_ keys: [String]) -> DictionaryMatcher<String> {
    var m = DictionaryMatcher<String>()
    for key in keys { m.insert(key, key) }
    return m
}

/// (keys, text, expected leftmost-longest matches as "start-end:key")
private let longestCases: [([String], String, [String])] = [
    (["伊斯坦布尔", "伊斯坦布尔市长"], "伊斯坦布尔市长伊马姆奥卢被捕", ["0-7:伊斯坦布尔市长"]),
    (["伊斯坦布尔", "伊斯坦布尔市长"], "伊斯坦布尔市的抗议", ["0-5:伊斯坦布尔"]),
    (["美国", "美国总统", "总统"], "美国总统和法国总统", ["0-4:美国总统", "7-9:总统"]),
    // After a match the scan resumes at its end: no overlapping results.
    (["乌克兰", "克兰"], "乌克兰克兰", ["0-3:乌克兰", "3-5:克兰"]),
    (["基辅"], "没有地名", []),
    // Astral-plane characters are one scalar each.
    (["𠮷野家"], "在𠮷野家吃饭", ["1-4:𠮷野家"]),
    (["😀", "😀😀"], "好😀😀😀", ["1-3:😀😀", "3-4:😀"]),
    (["𠮷"], "吉𠮷", ["1-2:𠮷"]),
]

@Test(arguments: longestCases)
func theLongestKeyWins(_ keys: [String], _ text: String, _ expected: [String]) {
    let found = matcher(keys).longestMatches(in: scalars(text))
    #expect(found.map { "\($0.start)-\($0.end):\($0.payloads.joined(separator: ","))" } == expected)
}

@Test func allMatchesIncludesOverlappingKeys() {
    let found = matcher(["美国", "美国总统", "总统", "国总"]).allMatches(in: scalars("美国总统"))
    #expect(found.map { "\($0.start)-\($0.end)" } == ["0-2", "0-4", "1-3", "2-4"])
}

@Test func matchesAtAPositionAreShortestFirst() {
    let found = matcher(["伊斯坦布尔市长", "伊斯坦布尔", "伊斯"]).matches(in: scalars("伊斯坦布尔市长"), at: 0)
    #expect(found.map(\.end) == [2, 5, 7])
    #expect(matcher(["伊斯"]).matches(in: scalars("伊斯"), at: 2).isEmpty)
}

@Test func aRejectedLongestKeyFallsBackToAShorterOne() {
    let found = matcher(["伊斯坦布尔", "伊斯坦布尔市长"]).longestMatches(in: scalars("伊斯坦布尔市长")) { _, end, _ in end != 7 }
    #expect(found.map { "\($0.start)-\($0.end)" } == ["0-5"])
}

@Test func aKeyCarriesEveryPayloadInsertedForIt() {
    var m = DictionaryMatcher<Int>()
    m.insert("基辅", 1)
    m.insert("基辅", 2)
    m.insert("", 3)
    #expect(m.longestMatches(in: scalars("基辅")).map(\.payloads) == [[1, 2]])
    #expect(m.count == 2)
    #expect(m.longestKey == 2)
}

// MARK: - Lexicon

private func lexicon(_ rows: [String], _ language: Language) -> Lexicon {
    var diagnostics: [Diagnostic] = []
    let entries = LexiconLoader.parse(rows.joined(separator: "\n"), path: "test.tsv", diagnostics: &diagnostics)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    return Lexicon(entries: entries, language: language)
}

private let english = lexicon([
    "Iran\tIran\tcountry\tIRN",
    "Iranian\tIran\tgroup\tIRN",
    "Kyiv\tKyiv\tcity\tUKR",
    "UN\tUnited Nations\torganization\t",
], .en)

/// (text, expected "surface→canonical name" found)
private let englishCases: [(String, [String])] = [
    ("Iran said", ["Iran→Iran"]),
    ("Iranian officials said", ["Iranian→Iran"]),
    ("Iran's foreign minister", ["Iran→Iran"]),
    ("Irani", []),
    ("Tehran, Iran.", ["Iran→Iran"]),
    ("KYIV, March 20 (Reuters)", ["KYIV→Kyiv"]),
    ("Kyivstar network", []),
    ("The UN said", ["UN→United Nations"]),
    ("UNESCO and UNICEF", []),
    ("2UN", []),
]

@Test(arguments: englishCases)
func englishNamesNeedWordBoundaries(_ text: String, _ expected: [String]) {
    let s = scalars(text)
    let found = english.find(in: s, on: nil).map { match in
        String(String.UnicodeScalarView(s[match.span.start..<match.span.end])) + "→" + (match.entries.first?.value.entity?.name ?? "?")
    }
    #expect(found == expected)
}

@Test func chineseNamesNeedNoWordBoundaries() {
    let zh = lexicon(["伊朗\tIran\tcountry\tIRN"], .zh)
    #expect(zh.find(in: scalars("伊朗人表示"), on: nil).map(\.span) == [Span(start: 0, end: 2)])
}

private let titles = lexicon([
    "美国总统\tJoe Biden\tperson\tUSA\t2021-01-20\t2025-01-20",
    "美国总统\tDonald Trump\tperson\tUSA\t2025-01-20\t",
    "美国总统\tDonald Trump\tperson\tUSA\t2017-01-20\t2021-01-20",
    "美国\tUnited States\tcountry\tUSA",
], .zh)

/// (article date, who 美国总统 names)
private let titleDates: [(String?, [String])] = [
    ("2024-06-01", ["Joe Biden"]),
    ("2025-03-20", ["Donald Trump"]),
    ("2019-07-04", ["Donald Trump"]),
    // valid_from is inclusive, valid_to exclusive: inauguration day belongs to the new holder.
    ("2025-01-20", ["Donald Trump"]),
    ("2025-01-19", ["Joe Biden"]),
    // With no date only an open-ended row applies.
    (nil, ["Donald Trump"]),
    ("2010-01-01", []),
]

@Test(arguments: titleDates)
func aTitleNamesWhoeverHeldTheOfficeOnTheDate(_ date: String?, _ expected: [String]) {
    let found = titles.find(in: scalars("美国总统表示"), on: date.flatMap(CivilDate.init(iso:)))
    if expected.isEmpty {
        // No holder that day: the longest valid key is the country.
        #expect(found.map(\.span) == [Span(start: 0, end: 2)])
        #expect(found.first?.entries.map { $0.value.entity?.name } == ["United States"])
    } else {
        #expect(found.map(\.span) == [Span(start: 0, end: 4)])
        #expect(found.first?.entries.compactMap { $0.value.entity?.name } == expected)
    }
}

// The trie's edge table (open addressing, grown as keys come): every occurrence a brute-force
// search finds, for thousands of random keys over a small alphabet (long shared prefixes, many
// collisions) and across several growths of the table.
@Test func allMatchesAgreesWithABruteForceSearchOverThousandsOfKeys() {
    var state: UInt64 = 20261207
    func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
    let alphabet: [Unicode.Scalar] = ["甲", "乙", "丙", "a", "b", "😀", "丁"]
    func word(_ length: Int) -> [Unicode.Scalar] { (0..<length).map { _ in alphabet[next(alphabet.count)] } }
    var keys: [[Unicode.Scalar]] = []
    var m = DictionaryMatcher<Int>()
    for i in 0..<3000 {
        let key = word(1 + next(7))
        keys.append(key)
        m.insert(String(String.UnicodeScalarView(key)), i)
    }
    let text = word(1000)
    var expected: [String] = []
    for start in text.indices {
        var ends: [Int: [Int]] = [:]
        for (i, key) in keys.enumerated() where start + key.count <= text.count && Array(text[start..<start + key.count]) == key {
            ends[start + key.count, default: []].append(i)
        }
        for end in ends.keys.sorted() { expected.append("\(start)-\(end):\(ends[end]!)") }
    }
    let found = m.allMatches(in: text).map { "\($0.start)-\($0.end):\($0.payloads)" }
    #expect(found == expected)
    #expect(m.count == 3000)
}
