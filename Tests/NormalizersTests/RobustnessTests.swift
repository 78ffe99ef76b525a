import Testing
import Normalizers
import Records

/// Bad input never crashes nor hangs; overflow reads as nil (see `ExactNumber`).
@Suite(.timeLimit(.minutes(1))) struct RobustnessTests {
    static let garbage: [String] = [
        "", " ", "\u{0}", "。", "亿", "万万万", "点", "..", ",,,", "1,", ",1", "1..2", "第", "百分之", "$", "US$", "元元",
        "99999999999999999999999999", "一万亿亿亿亿", "9223372036854775808", "1e308", "-5", "NaN", "🙂🙂", "周", "上上上上周",
        "３月３２日", "0月0日", "年", "月底底", "--", "10000-99999", "Mar.", "the of", "and and and", "half", "a", "point five",
        String(repeating: "九", count: 40), String(repeating: "万", count: 40), String(repeating: "1", count: 150),
        // Found by fuzz-normalizers: a leading-dot decimal with thousands commas trapped on '0' - ','.
        ".7,777", "7.77777^.7,777-", " .7,777 hours",
    ]

    @Test("Garbage is read safely", arguments: garbage)
    func garbageIn(_ text: String) {
        for kind in NormalizerKind.allCases {
            for ctx in [zh(), en(), zh(nil), en(nil)] {
                _ = Normalization.normalize(text, as: kind, context: ctx)
            }
        }
        _ = ChineseNumeral.parse(text)
        _ = EnglishNumber.parse(text)
        _ = ArabicNumber.parse(text)
        _ = ChineseDateParser.specs(text)
        _ = EnglishDateParser.specs(text)
    }

    @Test("Beyond Int64 and beyond 2^53 read as nil",
          arguments: ["9223372036854775808", "99999999999999999999", "9007199254740993", "一千万亿亿", "10000000000000000000 people"])
    func overflow(_ text: String) {
        #expect(Normalization.normalize(text, as: .number, context: zh()) == nil)
        #expect(Normalization.normalize(text, as: .number, context: en()) == nil)
    }

    @Test func tenMegabytesOfDigits() {
        let digits = String(repeating: "1234567890", count: 1_048_576)
        #expect(Normalization.normalize(digits, as: .number, context: zh()) == nil)
        #expect(ArabicNumber.parse(digits) == nil)
        #expect(ChineseNumeral.parse(digits) == nil)
        #expect(EnglishNumber.parse(digits) == nil)
        #expect(ChineseDateParser.specs(digits) == nil)
        // The scanners themselves are linear: one pass over 10 MB, value nil (overflow), nothing lost.
        let scan = ArabicNumber.scan(ScalarText(digits), at: 0, allowSpaceGroups: true)
        #expect(scan?.value == nil)
        #expect(scan?.end == digits.unicodeScalars.count)
        let chinese = String(repeating: "九", count: 1_000_000)
        #expect(ChineseNumeral.parse(chinese) == nil)
        #expect(QuantityNormalizer.normalize(digits + "人", language: .zh) == nil)
    }

    @Test func overlongMentionIsNotRead() {
        let long = String(repeating: "a", count: Normalization.maxMentionLength) + " 5 people"
        #expect(Normalization.normalize(long, as: .quantity, context: en()) == nil)
    }
}
