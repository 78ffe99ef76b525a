import Testing
import Normalizers
import Records

struct DurationRow: CustomTestStringConvertible, Sendable {
    let text: String
    let lang: Language
    let expected: DurationValue?
    var testDescription: String { "[\(lang)] \(text)" }
    init(_ lang: Language, _ text: String, _ iso: String?, _ amount: Double = 0, _ unit: String = "") {
        self.lang = lang
        self.text = text
        self.expected = iso.map { DurationValue(iso: $0, amount: amount, unit: unit) }
    }
}

@Suite struct DurationTests {
    static let rows: [DurationRow] = [
        .init(.zh, "30天", "P30D", 30, "day"), .init(.zh, "30 天", "P30D", 30, "day"), .init(.zh, "为期30 天", "P30D", 30, "day"),
        .init(.zh, "一个小时", "PT1H", 1, "hour"), .init(.zh, "长达一小时", "PT1H", 1, "hour"), .init(.zh, "18周", "P18W", 18, "week"),
        .init(.zh, "三年半", "P3Y6M", 3.5, "year"), .init(.zh, "半小时", "PT30M", 0.5, "hour"), .init(.zh, "两小时十分", "PT2H10M", 130, "minute"),
        .init(.zh, "一个星期又三天", "P10D", 10, "day"), .init(.zh, "一个半小时", "PT1H30M", 1.5, "hour"), .init(.zh, "三个月", "P3M", 3, "month"),
        .init(.zh, "两年", "P2Y", 2, "year"), .init(.zh, "40分钟", "PT40M", 40, "minute"), .init(.zh, "半年", "P6M", 0.5, "year"),
        .init(.zh, "10秒", "PT10S", 10, "second"), .init(.zh, "72小时", "PT72H", 72, "hour"), .init(.zh, "半个月", "P0.5M", 0.5, "month"),
        .init(.zh, "两天半", "P2DT12H", 2.5, "day"), .init(.zh, "持续三周", "P3W", 3, "week"),
        .init(.zh, "很久", nil),
        .init(.en, "40 minutes", "PT40M", 40, "minute"), .init(.en, "1.5 hours", "PT1H30M", 1.5, "hour"),
        .init(.en, "a month and a half", "P1.5M", 1.5, "month"), .init(.en, "1 year 2 days", "P1Y2D", 1, "year"),
        .init(.en, "half an hour", "PT30M", 0.5, "hour"), .init(.en, "an hour", "PT1H", 1, "hour"), .init(.en, "30 days", "P30D", 30, "day"),
        .init(.en, "a 30-day ceasefire", "P30D", 30, "day"), .init(.en, "two weeks", "P2W", 2, "week"),
        .init(.en, "one and a half years", "P1Y6M", 1.5, "year"), .init(.en, "three decades", "P30Y", 30, "year"),
        .init(.en, "24h", "PT24H", 24, "hour"), .init(.en, "2 hours and 15 minutes", "PT2H15M", 135, "minute"),
        .init(.en, "for six months", "P6M", 6, "month"), .init(.en, "forever", nil),
    ]

    @Test("Durations", arguments: rows)
    func duration(_ row: DurationRow) {
        let ctx = NormalizationContext(language: row.lang, referenceDate: reference, documentCountry: nil)
        #expect(Normalization.normalize(row.text, as: .duration, context: ctx) == row.expected.map { .duration($0) })
    }
}
