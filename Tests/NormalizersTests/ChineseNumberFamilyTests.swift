import Testing
import Normalizers
import Records

@Suite struct ChineseNumberFamilyTests {
    static let financial: [AmountRow] = [
        .init(.zh, "壹佰贰拾叁", 123), .init(.zh, "伍仟", 5000), .init(.zh, "玖拾玖", 99), .init(.zh, "叁萬肆仟", 34000),
        .init(.zh, "兩百", 200), .init(.zh, "兩千五百", 2500), .init(.zh, "廿三", 23), .init(.zh, "卅五", 35), .init(.zh, "卌", 40),
        .init(.zh, "陆佰零捌", 608), .init(.zh, "柒億", 700_000_000), .init(.zh, "貳拾", 20), .init(.zh, "拾", 10), .init(.zh, "捌佰", 800),
    ]
    static let unitFirst: [AmountRow] = [
        .init(.zh, "百三", 130), .init(.zh, "萬九", 19000), .init(.zh, "千五", 1500), .init(.zh, "万二", 12000), .init(.zh, "十五", 15),
        .init(.zh, "百五", 150), .init(.zh, "亿五", 150_000_000),
    ]
    static let approximations: [AmountRow] = [
        .init(.zh, "十多万", 100_000, mod: .moreThan), .init(.zh, "500余万", 5_000_000, mod: .moreThan), .init(.zh, "三千多", 3000, mod: .moreThan),
        .init(.zh, "一百多万", 1_000_000, mod: .moreThan), .init(.zh, "十几万", 100_000, mod: .moreThan), .init(.zh, "几十万", 100_000, mod: .approx),
        .init(.zh, "两万余", 20000, mod: .moreThan), .init(.zh, "20多", 20, mod: .moreThan), .init(.zh, "数千", 1000, mod: .approx),
        .init(.zh, "1000余", 1000, mod: .moreThan), .init(.zh, "上万", 10000, mod: .approx), .init(.zh, "五十来", 50, mod: .approx),
    ]
    static let decimals: [AmountRow] = [
        .init(.zh, "零点五", 0.5), .init(.zh, "三点一四", 3.14), .init(.zh, "十二点五", 12.5), .init(.zh, "一百点零一", 100.01),
        .init(.zh, "五点五亿", 550_000_000), .init(.zh, "0.75", 0.75), .init(.zh, "两点三万", 23000),
    ]
    static let zeros: [AmountRow] = [
        .init(.zh, "一万零十二", 10012), .init(.zh, "一千零五", 1005), .init(.zh, "一亿零三百万", 103_000_000), .init(.zh, "三万零五百", 30500),
        .init(.zh, "一百零一", 101), .init(.zh, "两千零二十", 2020), .init(.zh, "十万零一", 100_001),
    ]
    static let halves: [AmountRow] = [
        .init(.zh, "一吨半", 1.5, unit: "tonne"), .init(.zh, "两个半", 2.5), .init(.zh, "三公斤半", 3.5, unit: "kilogram"),
        .init(.zh, "半吨", 0.5, unit: "tonne"), .init(.zh, "五公里半", 5.5, unit: "km"), .init(.zh, "一万半", 15000),
    ]
    static let dozens: [AmountRow] = [
        .init(.zh, "一打", 12), .init(.zh, "两打", 24), .init(.zh, "三打鸡蛋", 36), .init(.zh, "半打", 6),
    ]
    static let bigUnits: [AmountRow] = [
        .init(.zh, "万万", 100_000_000), .init(.zh, "一万万", 100_000_000), .init(.zh, "三万万", 300_000_000),
        .init(.zh, "5万4千6百", 54600), .init(.zh, "3亿5千万", 350_000_000), .init(.zh, "2万3千", 23000), .init(.zh, "1万2千3百4十5", 12345),
    ]
    static let suffixes: [AmountRow] = [
        .init(.zh, "3k", 3000), .init(.zh, "2.5K", 2500), .init(.zh, "5M", 5_000_000), .init(.zh, "1.2w", 12000), .init(.zh, "10万+", 100_000, mod: .moreThan),
    ]
    static let negatives: [AmountRow] = [
        .init(.zh, "负三十二", -32), .init(.zh, "-10000", -10000), .init(.zh, "負五", -5), .init(.zh, "零下五", -5), .init(.zh, "负0.5", -0.5),
        .init(.zh, "-3.5万", -35000),
    ]

    @Test("financial and traditional numerals", arguments: financial) func financialRows(_ r: AmountRow) { r.check() }
    @Test("numbers that begin with a unit", arguments: unitFirst) func unitFirstRows(_ r: AmountRow) { r.check() }
    @Test("多 / 几 / 余 approximations", arguments: approximations) func approxRows(_ r: AmountRow) { r.check() }
    @Test("decimals without a unit character", arguments: decimals) func decimalRows(_ r: AmountRow) { r.check() }
    @Test("零 inside numbers", arguments: zeros) func zeroRows(_ r: AmountRow) { r.check() }
    @Test("X半", arguments: halves) func halfRows(_ r: AmountRow) { r.check() }
    @Test("打 (dozen)", arguments: dozens) func dozenRows(_ r: AmountRow) { r.check() }
    @Test("万万 and mixed digits with units", arguments: bigUnits) func bigUnitRows(_ r: AmountRow) { r.check() }
    @Test("k / M / w suffixes", arguments: suffixes) func suffixRows(_ r: AmountRow) { r.check() }
    @Test("negatives", arguments: negatives) func negativeRows(_ r: AmountRow) { r.check() }
}
