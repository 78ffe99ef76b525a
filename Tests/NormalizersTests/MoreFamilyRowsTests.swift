import Testing
import Normalizers
import Records

/// Further rows for the round-2 families, each a form the first tables did not pin.
@Suite struct MoreFamilyRowsTests {
    static let quantities: [AmountRow] = [
        .init(.en, "a couple", 2), .init(.en, "a pair", 2), .init(.en, "one-half", 0.5), .init(.en, "two-thirds", 2.0 / 3),
        .init(.en, "three-quarters", 0.75), .init(.en, "hundreds", 100, mod: .approx), .init(.en, "thousands", 1000, mod: .approx),
        .init(.en, "tens of thousands", 10000, mod: .approx), .init(.en, "fifteen hundred", 1500), .init(.en, "two thousand nineteen", 2019),
        .init(.en, "1.5k", 1500), .init(.en, "a million", 1_000_000), .init(.en, "twelve million three hundred thousand", 12_300_000),
        .init(.zh, "近千", 1000, mod: .approx), .init(.zh, "上百", 100, mod: .approx), .init(.zh, "数万", 10000, mod: .approx),
        .init(.zh, "三分之一", 1.0 / 3), .init(.zh, "四分之三", 0.75), .init(.zh, "二分之一", 0.5), .init(.zh, "千分之五", 5, unit: "permille"),
        .init(.zh, "百分之十点五", 10.5, unit: "percent"), .init(.zh, "二〇一九", 2019), .init(.zh, "5.6万亿", 5_600_000_000_000),
        .init(.en, "three and a quarter", 3.25), .init(.en, "one trillion", 1_000_000_000_000), .init(.en, "twenty four", 24),
        .init(.en, "a mile", 1, unit: "mile"), .init(.en, "half a mile", 0.5, unit: "mile"), .init(.en, "10 percentage points", 10, unit: "percentage_point"),
        .init(.en, "an acre", 1, unit: "acre"), .init(.zh, "200米", 200, unit: "meter"), .init(.zh, "10升", 10, unit: "litre"), .init(.zh, "5克", 5, unit: "gram"),
        .init(.zh, "三四十", 30, mod: .approx), .init(.zh, "五六百", 500, mod: .approx), .init(.zh, "七八个人", 7, unit: "person", mod: .approx),
        .init(.zh, "两三万", 20000, mod: .approx), .init(.zh, "三十四", 34),
        .init(.zh, "万万", 100_000_000), .init(.zh, "三个人", 3, unit: "person"), .init(.zh, "两三百人", 200, unit: "person", mod: .approx), .init(.zh, "五本书", 5, unit: "item"), .init(.zh, "三张票", 3, unit: "item"), .init(.zh, "两斤", 2, unit: "jin"),
        .init(.zh, "十条鱼", 10, unit: "item"), .init(.zh, "一场比赛", 1, unit: "incident"), .init(.zh, "负五", -5), .init(.zh, "逾万", 10000, mod: .moreThan), .init(.zh, "几十", 10, mod: .approx),
    ]
    static let dates: [DateRow] = [
        .init(.en, "Mar 3 2019", "2019-03-03"), .init(.en, "in March", "2025-03"), .init(.en, "In September", "2024-09"),
        .init(.en, "two days after tomorrow", "2025-03-23"), .init(.en, "three days before yesterday", "2025-03-16"),
        .init(.en, "Sept. 11, 2001", "2001-09-11"), .init(.en, "11 Sep 2001", "2001-09-11"), .init(.en, "5th of August 2016", "2016-08-05"),
        .init(.en, "next Christmas", "2025-12-25"), .init(.en, "last Christmas", "2024-12-25"), .init(.en, "this Thanksgiving", "2025-11-27"),
        .init(.en, "2010-15", from: "2010", to: "2015"), .init(.en, "between March and May", from: "2025-03", to: "2025-05"),
        .init(.en, "March-April 2020", from: "2020-03", to: "2020-04"), .init(.en, "Monday to Wednesday", from: "2025-03-17", to: "2025-03-19"),
        .init(.en, "end of the month", "2025-03", .end), .init(.en, "start of the year", "2025", .start),
        .init(.en, "the year before last", "2023"), .init(.en, "the month after next", "2025-05"), .init(.en, "a fortnight ago", "2025-03-06"),
        .init(.en, "the week before last", from: "2025-03-03", to: "2025-03-09"),
        .init(.en, "in a month", "2025-04"), .init(.en, "in two years", "2027"), .init(.en, "a week from today", "2025-03-27"),
        .init(.en, "since last Tuesday", "2025-03-18", .after), .init(.en, "Mon, Jun 2, 2014", "2014-06-02"),
        .init(.en, "the third Thursday of November", "2024-11-21"),
        .init(.zh, "2015年至今", from: "2015", to: "2025-03-20"), .init(.zh, "自去年以来至今", from: "2024", to: "2025-03-20"),
        .init(.zh, "琴晚", "2025-03-19"), .init(.zh, "今朝", "2025-03-20"), .init(.zh, "聽朝", "2025-03-21"), .init(.zh, "下下个月", "2025-05"),
        .init(.zh, "下個禮拜一", "2025-03-24"), .init(.zh, "两日前", "2025-03-18"),
        .init(.zh, "九八年", "1998"), .init(.zh, "八九年", "1989"), .init(.zh, "十二月二十五日", "2024-12-25"), .init(.zh, "九月三号", "2024-09-03"),
    ]
    static let durations: [SpanRow] = [
        .init(.en, "1h30m", "PT1H30M"), .init(.en, "a couple of days", "P2D"), .init(.en, "quarter of an hour", "PT15M"),
        .init(.en, "48-hour", "PT48H"), .init(.en, "a day and a half", "P1DT12H"), .init(.en, "four years and six months", "P4Y6M"),
        .init(.en, "week-long", "P1W"), .init(.en, "weeklong", "P1W"), .init(.en, "two-day-long", "P2D"), .init(.en, "month-long", "P1M"),
        .init(.zh, "两三天", "P2D"), .init(.zh, "三个多小时", "PT3H"), .init(.zh, "半个钟头", "PT30M"), .init(.zh, "一年零两个月", "P1Y2M"),
        .init(.zh, "两个多月", "P2M"), .init(.zh, "一刻钟", "PT15M"), .init(.zh, "三刻钟", "PT45M"), .init(.zh, "一个半月", "P1.5M"),
        .init(.zh, "两个钟头", "PT2H"), .init(.zh, "两年零三个月", "P2Y3M"),
    ]
    static let money: [CashRow] = [
        .init(.en, "a dollar", 1, "USD"), .init(.en, "an euro", 1, "EUR"), .init(.en, "99c", 0.99, "USD"), .init(.en, "10 grand", 10000, "USD"),
        .init(.en, "twelve euros fifty", 12.5, "EUR"), .init(.en, "$20-million", 20_000_000, "USD"), .init(.en, "Rs 10 lakh", 1_000_000, "INR"),
        .init(.en, "₹2.5 lakh crore", 2_500_000_000_000, "INR"), .init(.en, "5 quid", 5, "GBP"), .init(.en, "$2.5K", 2500, "USD"),
        .init(.en, "$10 and 50 cents", 10.5, "USD"), .init(.en, "AU$30", 30, "AUD"), .init(.en, "₩5000", 5000, "KRW"),
        .init(.en, "5$", 5, "USD"), .init(.en, "RMB 300", 300, "CNY"), .init(.zh, "5毛", 0.5, "CNY"), .init(.zh, "八分钱", 0.08, "CNY"),
        .init(.zh, "EUR 50", 50, "EUR"), .init(.zh, "十块八毛", 10.8, "CNY"), .init(.zh, "两块五", 2.5, "CNY"),
    ]

    @Test("quantities", arguments: quantities) func quantityRows(_ r: AmountRow) { r.check() }
    @Test("dates", arguments: dates) func dateRows(_ r: DateRow) { DateTests.check(r) }
    @Test("durations", arguments: durations) func durationRows(_ r: SpanRow) { r.check() }
    @Test("money", arguments: money) func moneyRows(_ r: CashRow) { r.check() }
}
