import Testing
import Normalizers
import Records

struct NumberRow: CustomTestStringConvertible, Sendable {
    let text: String
    let value: Double?
    var testDescription: String { "\(text) → \(value.map { String($0) } ?? "nil")" }
    init(_ text: String, _ value: Double?) { self.text = text; self.value = value }
}

@Suite struct ChineseNumeralTests {
    static let rows: [NumberRow] = [
        .init("零", 0), .init("〇", 0), .init("一", 1), .init("两", 2), .init("十", 10), .init("十一", 11),
        .init("二十", 20), .init("二十一", 21), .init("一百", 100), .init("两百", 200), .init("二百零五", 205),
        .init("一百一十", 110), .init("一百一", 110), .init("三百五", 350), .init("两千五", 2500), .init("一万五", 15000),
        .init("萬九", 19000), .init("一千零一", 1001), .init("一千零一十", 1010), .init("一万零五", 10005),
        .init("十万", 100_000), .init("二十万五千", 205_000), .init("一百万", 1_000_000), .init("一千万", 10_000_000),
        .init("一亿", 100_000_000), .init("一亿五", 150_000_000), .init("一亿零一", 100_000_001),
        .init("一万亿", 1_000_000_000_000), .init("一万二千亿", 1_200_000_000_000), .init("三千五百万", 35_000_000),
        .init("廿", 20), .init("廿五", 25), .init("卅", 30), .init("卅一", 31), .init("卌", 40),
        .init("壹佰贰拾叁", 123), .init("玖仟玖佰玖拾玖", 9999), .init("贰萬", 20000), .init("兩萬", 20000),
        .init("參拾", 30), .init("陸", 6), .init("億", 100_000_000),
        .init("二〇二五", 2025), .init("一九九五", 1995), .init("二零一六", 2016),
        .init("2800万", 28_000_000), .init("1万9980", 19980), .init("1亿2421万", 124_210_000),
        .init("1,100.9亿", 110_090_000_000), .init("3.5万", 35000), .init("十五点八万", 158_000),
        .init("两千万点五五四四", 20_000_000.5544), .init("零点五", 0.5), .init("三点一四", 3.14),
        .init("１２３", 123), .init("１万", 10000), .init("３．５万", 35000), .init("1,234", 1234),
        .init("2百", 200), .init("3万5千", 35000), .init("1万5", 15000), .init("12亿", 1_200_000_000),
        .init("100", 100), .init("0", 0), .init("4.5", 4.5), .init("1，100", 1100),
        .init("九千零七万", 90_070_000), .init("五十亿", 5_000_000_000), .init("一百二十三万四千五百六十七", 1_234_567),
        .init("", nil), .init("第三", nil), .init("三个", nil), .init("abc", nil), .init("点五", nil),
        .init("99999999999999999999", nil), .init("一万亿亿亿", nil), .init("9007199254740993", nil),
    ]

    @Test("Chinese numerals", arguments: rows)
    func parse(_ row: NumberRow) {
        #expect(ChineseNumeral.parse(row.text)?.doubleValue == row.value)
    }

    @Test("Ordinals are kept apart", arguments: [("第三", 3), ("第11", 11), ("第二十一", 21), ("第１", 1)])
    func ordinal(_ text: String, _ n: Int) {
        #expect(ChineseNumeral.parseOrdinal(text) == n)
        #expect(Normalization.normalize(text, as: .number, context: zh()) == nil)
    }

    @Test func exactMaximum() {
        #expect(ChineseNumeral.parse("9007199254740992")?.doubleValue == 9_007_199_254_740_992)
    }
}

@Suite struct EnglishNumberTests {
    static let rows: [NumberRow] = [
        .init("zero", 0), .init("one", 1), .init("twelve", 12), .init("twenty-one", 21), .init("ninety nine", 99),
        .init("one hundred", 100), .init("a hundred", 100), .init("three hundred and five", 305),
        .init("twenty-one thousand three hundred", 21300), .init("one million", 1_000_000), .init("a million", 1_000_000),
        .init("2.5 million", 2_500_000), .init("1.5 million", 1_500_000), .init("five and a half million", 5_500_000),
        .init("half a million", 500_000), .init("two and a half", 2.5), .init("a dozen", 12), .init("two dozen", 24),
        .init("1,234,567", 1_234_567), .init("1 414 021 100", 1_414_021_100), .init("3.75", 3.75),
        .init("28m", 28_000_000), .init("5bn", 5_000_000_000), .init("3k", 3000), .init("1.2 bn", 1_200_000_000),
        .init("4 mln", 4_000_000), .init("2 trillion", 2_000_000_000_000), .init("1.5tn", 1_500_000_000_000),
        .init("one hundred thousand", 100_000), .init("seven billion", 7_000_000_000),
        .init("two point five", 2.5), .init("fourteen", 14), .init("sixty-seven", 67),
        .init("one thousand two hundred thirty-four", 1234), .init("１２３", 123),
        .init("", nil), .init("million", nil), .init("hello", nil), .init("3rd", nil), .init("1990s", nil),
        .init("99999999999999999999", nil), .init("ten quadrillion", nil),
    ]

    @Test("English numbers", arguments: rows)
    func parse(_ row: NumberRow) {
        #expect(EnglishNumber.parse(row.text)?.value.doubleValue == row.value)
    }

    @Test("Vague plurals follow the conflict-data convention",
          arguments: [("dozens", 12.0), ("tens", 10), ("hundreds", 100), ("thousands", 1000),
                      ("tens of thousands", 10000), ("hundreds of thousands", 100_000)])
    func vague(_ text: String, _ v: Double) {
        let r = EnglishNumber.parse(text)
        #expect(r?.value.doubleValue == v)
        #expect(r?.isVague == true)
    }
}

@Suite struct ExactNumberTests {
    @Test func decimalsStayExact() {
        #expect(ChineseNumeral.parse("1,100.9亿")?.doubleValue == 110_090_000_000)
        #expect(ExactNumber(significand: 11009, scale: 1)?.description == "1100.9")
        #expect(ExactNumber(significand: 5, scale: 3)?.description == "0.005")
    }

    @Test func overflowIsNil() {
        #expect(ExactNumber(Int64.max).multiplied(by: 10) == nil)
        #expect(ExactNumber(Int64.max).adding(ExactNumber(1)) == nil)
        #expect(ExactNumber(Int64(1) << 54).doubleValue == nil)
        #expect(ExactNumber(Int64(1) << 53).doubleValue == 9_007_199_254_740_992)
    }
}
