import Testing
import Normalizers
import Records

struct QuantityRow: CustomTestStringConvertible, Sendable {
    let text: String
    let lang: Language
    let expected: QuantityValue?
    var testDescription: String { "[\(lang)] \(text)" }
    init(_ lang: Language, _ text: String, _ amount: Double?, _ unit: String? = nil, _ mod: AmountModifier? = nil) {
        self.lang = lang
        self.text = text
        self.expected = amount.map { QuantityValue(amount: $0, unit: unit, mod: mod) }
    }
}

@Suite struct QuantityTests {
    static let rows: [QuantityRow] = [
        .init(.zh, "175名战俘", 175, "person"), .init(.zh, "175名", 175, "person"), .init(.zh, "超过400人", 400, "person", .moreThan),
        .init(.zh, "逾千人", 1000, "person", .moreThan), .init(.zh, "100多人", 100, "person", .moreThan),
        .init(.zh, "100余名", 100, "person", .moreThan), .init(.zh, "近200人", 200, "person", .approx),
        .init(.zh, "将近300名士兵", 300, "person", .approx), .init(.zh, "接近50人", 50, "person", .approx),
        .init(.zh, "约30人", 30, "person", .approx), .init(.zh, "大约30人", 30, "person", .approx),
        .init(.zh, "30人左右", 30, "person", .approx), .init(.zh, "至少12人", 12, "person", .atLeast),
        .init(.zh, "最多5人", 5, "person", .atMost), .init(.zh, "不超过5人", 5, "person", .atMost),
        .init(.zh, "不到十人", 10, "person", .lessThan), .init(.zh, "3架", 3, "aircraft"), .init(.zh, "两架无人机", 2, "aircraft"),
        .init(.zh, "5艘", 5, "vessel"), .init(.zh, "10辆坦克", 10, "vehicle"), .init(.zh, "20枚导弹", 20, "item"),
        .init(.zh, "300发炮弹", 300, "item"), .init(.zh, "30%", 30, "percent"), .init(.zh, "３０％", 30, "percent"),
        .init(.zh, "百分之三十", 30, "percent"), .init(.zh, "百分之三十五点五", 35.5, "percent"),
        .init(.zh, "6死", 6, "person"), .init(.zh, "40失踪", 40, "person"), .init(.zh, "3个平民", 3, "person"),
        .init(.zh, "数百人", 100, "person", .approx), .init(.zh, "几十人", 10, "person", .approx),
        .init(.zh, "上千人", 1000, "person", .approx), .init(.zh, "数十万人", 100_000, "person", .approx),
        .init(.zh, "十多万人", 100_000, "person", .moreThan), .init(.zh, "1万多人", 10000, "person", .moreThan),
        .init(.zh, "两百名儿童", 200, "person"), .init(.zh, "1,200名", 1200, "person"), .init(.zh, "3个国家", 3, "country"),
        .init(.zh, "五栋房屋", 5, "building"), .init(.zh, "100吨", 100, "tonne"), .init(.zh, "200人以上", 200, "person", .moreThan),
        .init(.zh, "第三名", nil), .init(.zh, "战俘", nil),
        .init(.en, "more than 400 people", 400, "person", .moreThan), .init(.en, "over 50 soldiers", 50, "person", .moreThan),
        .init(.en, "nearly 200 civilians", 200, "person", .approx), .init(.en, "about 30 people", 30, "person", .approx),
        .init(.en, "around 1,000 troops", 1000, "person", .approx), .init(.en, "at least 12 people", 12, "person", .atLeast),
        .init(.en, "up to 5 drones", 5, "aircraft", .atMost), .init(.en, "dozens of soldiers", 12, "person", .approx),
        .init(.en, "hundreds of people", 100, "person", .approx), .init(.en, "tens of thousands of refugees", 10000, "person", .approx),
        .init(.en, "175 prisoners of war", 175, "person"), .init(.en, "400 Ukrainian soldiers", 400, "person"),
        .init(.en, "three ships", 3, "vessel"), .init(.en, "two tanks", 2, "vehicle"), .init(.en, "40%", 40, "percent"),
        .init(.en, "40 percent", 40, "percent"), .init(.en, "12 per cent", 12, "percent"), .init(.en, "1.5 million people", 1_500_000, "person"),
        .init(.en, "fewer than 10 people", 10, "person", .lessThan), .init(.en, "50 or more people", 50, "person", .atLeast),
        .init(.en, "seven", 7), .init(.en, "the third", nil), .init(.en, "people", nil),
    ]

    @Test("Quantities", arguments: rows)
    func quantity(_ row: QuantityRow) {
        let ctx = NormalizationContext(language: row.lang, referenceDate: reference, documentCountry: nil)
        let v = Normalization.normalize(row.text, as: .quantity, context: ctx)
        #expect(v == row.expected.map { .quantity($0) })
    }

    @Test("number drops the unit", arguments: [("175名战俘", 175.0), ("2800万", 28_000_000), ("约1万9980", 19980)])
    func number(_ text: String, _ v: Double) {
        guard case .quantity(let q)? = Normalization.normalize(text, as: .number, context: zh()) else { Issue.record("nil"); return }
        #expect(q.amount == v && q.unit == nil)
    }
}
