import Testing
import Normalizers

/// 20 batches × 500 = 10,000 random integers per language, spelled and parsed back.
@Suite struct RoundTripTests {
    @Test("Chinese spell → parse", arguments: 0..<20)
    func chinese(_ batch: Int) {
        for n in randomIntegers(seed: UInt64(batch) &+ 1000, count: 500) {
            let words = ChineseNumeralSpeller.spell(n)
            #expect(words != nil)
            #expect(ChineseNumeral.parse(words ?? "")?.integerValue == n, "\(n) → \(words ?? "nil")")
        }
    }

    @Test("English spell → parse", arguments: 0..<20)
    func english(_ batch: Int) {
        for (k, n) in randomIntegers(seed: UInt64(batch) &+ 5000, count: 500).enumerated() {
            let words = EnglishNumberSpeller.spell(n, britishAnd: k % 2 == 0)
            #expect(words != nil)
            #expect(EnglishNumber.parse(words ?? "")?.value.integerValue == n, "\(n) → \(words ?? "nil")")
        }
    }

    @Test("Arabic digits with separators", arguments: 0..<4)
    func arabic(_ batch: Int) {
        for n in randomIntegers(seed: UInt64(batch) &+ 9000, count: 500) {
            var s = String(n)
            var groups: [Substring] = []
            while s.count > 3 { groups.insert(Substring(s.suffix(3)), at: 0); s.removeLast(3) }
            groups.insert(Substring(s), at: 0)
            #expect(ArabicNumber.parse(groups.joined(separator: ","))?.integerValue == n)
            #expect(ChineseNumeral.parse(String(n))?.integerValue == n)
        }
    }

    @Test func spellerExamples() {
        #expect(ChineseNumeralSpeller.spell(19980) == "一万九千九百八十")
        #expect(ChineseNumeralSpeller.spell(100_000_001) == "一亿零一")
        #expect(ChineseNumeralSpeller.spell(15) == "十五")
        #expect(ChineseNumeralSpeller.spell(110) == "一百一十")
        #expect(ChineseNumeralSpeller.spellDigits(2025) == "二〇二五")
        #expect(EnglishNumberSpeller.spell(21300) == "twenty-one thousand three hundred")
        #expect(EnglishNumberSpeller.spell(305, britishAnd: true) == "three hundred and five")
    }
}
