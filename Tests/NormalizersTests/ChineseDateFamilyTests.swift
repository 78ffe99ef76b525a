import Testing
import Normalizers
import Records

// Round 2 of Chinese dates. Reference: Thursday 2025-03-20.
@Suite struct ChineseDateFamilyTests {
    static let bounds: [DateRow] = [
        .init(.zh, "2018年以前", "2018", .before), .init(.zh, "2018年以后", "2018", .after), .init(.zh, "2018年之前", "2018", .before),
        .init(.zh, "2018年后", "2018", .after), .init(.zh, "2018年前", "2018", .before), .init(.zh, "自2015年以来", "2015", .after),
        .init(.zh, "2020年3月前", "2020-03", .before), .init(.zh, "3月5日以后", "2025-03-05", .after), .init(.zh, "10月起", "2024-10", .after),
        .init(.zh, "早于2010年", "2010", .before), .init(.zh, "晚于2030年", "2030", .after), .init(.zh, "去年以来", "2024", .after),
        .init(.zh, "2019年12月31日之前", "2019-12-31", .before), .init(.zh, "周三以后", "2025-03-19", .after),
        .init(.zh, "5天前", "2025-03-15"), .init(.zh, "三年前", "2022"),
    ]
    static let twoDigitYears: [DateRow] = [
        .init(.zh, "08年", "2008"), .init(.zh, "07年以后", "2007", .after), .init(.zh, "98年5月", "1998-05"), .init(.zh, "08年8月8日", "2008-08-08"),
        .init(.zh, "九八年", "1998"), .init(.zh, "〇八年", "2008"), .init(.zh, "03年初", "2003", .start), .init(.zh, "99年底", "1999", .end),
        .init(.zh, "25年3月", "2025-03"), .init(.zh, "30年", "1930"),
    ]
    static let spaced: [DateRow] = [
        .init(.zh, "2008 年", "2008"), .init(.zh, "2008 年 5 月", "2008-05"), .init(.zh, "2019年 3 月 5 日", "2019-03-05"),
        .init(.zh, "3 月 8 日", "2025-03-08"), .init(.zh, "2021 年底", "2021", .end),
    ]
    static let ranges: [DateRow] = [
        .init(.zh, "2018/1/10-2018/7/10", from: "2018-01-10", to: "2018-07-10"), .init(.zh, "2018年至2020年", from: "2018", to: "2020"),
        .init(.zh, "3月5日到3月8日", from: "2025-03-05", to: "2025-03-08"), .init(.zh, "2018年和2019年", from: "2018", to: "2019"),
        .init(.zh, "5月1日与5月3日", from: "2024-05-01", to: "2024-05-03"), .init(.zh, "2020-01-01~2020-06-30", from: "2020-01-01", to: "2020-06-30"),
        .init(.zh, "从2010年到2015年", from: "2010", to: "2015"), .init(.zh, "1月10日至15日", from: "2025-01-10", to: "2025-01-15"),
        .init(.zh, "2016年3月至5月", from: "2016-03", to: "2016-05"),
    ]
    static let relative: [DateRow] = [
        .init(.zh, "今日", "2025-03-20"), .init(.zh, "後天", "2025-03-22"), .init(.zh, "前日", "2025-03-18"), .init(.zh, "上年", "2024"),
        .init(.zh, "尋日", "2025-03-19"), .init(.zh, "琴日", "2025-03-19"), .init(.zh, "聽日", "2025-03-21"), .init(.zh, "今個月", "2025-03"),
        .init(.zh, "今個星期三", "2025-03-19"), .init(.zh, "後日", "2025-03-22"), .init(.zh, "大後日", "2025-03-23"), .init(.zh, "明日", "2025-03-21"),
        .init(.zh, "今个星期", from: "2025-03-17", to: "2025-03-23"), .init(.zh, "上個月", "2025-02"),
    ]
    static let holidays: [DateRow] = [
        .init(.zh, "国庆", "2024-10-01"), .init(.zh, "国庆节", "2024-10-01"), .init(.zh, "元旦", "2025-01-01"), .init(.zh, "2020年元旦", "2020-01-01"),
        .init(.zh, "春节", "2025-01-29"), .init(.zh, "2024年春节", "2024-02-10"), .init(.zh, "中秋节", "2024-09-17"), .init(.zh, "2020年中秋", "2020-10-01"),
        .init(.zh, "去年国庆", "2024-10-01"), .init(.zh, "今年春节", "2025-01-29"), .init(.zh, "明年中秋节", "2026-09-25"),
        .init(.zh, "2008年端午节", "2008-06-08"), .init(.zh, "除夕", "2025-01-28"), .init(.zh, "元宵节", "2025-02-12"), .init(.zh, "圣诞节", "2024-12-25"),
        .init(.zh, "2019年圣诞节", "2019-12-25"), .init(.zh, "平安夜", "2024-12-24"), .init(.zh, "劳动节", "2024-05-01"), .init(.zh, "2023年清明节", "2023-04-05"),
        .init(.zh, "2024年清明", "2024-04-04"), .init(.zh, "感恩节", "2024-11-28"), .init(.zh, "2019年复活节", "2019-04-21"), .init(.zh, "七夕", "2024-08-10"),
        .init(.zh, "国庆节前", "2024-10-01", .before), .init(.zh, "春节后", "2025-01-29", .after), .init(.zh, "重阳节", "2024-10-11"),
    ]

    @Test("bounds: 以前 / 以后 / 以来 / 起 (never N years ago)", arguments: bounds) func boundRows(_ row: DateRow) { DateTests.check(row) }
    @Test("two-digit years", arguments: twoDigitYears) func shortYears(_ row: DateRow) { DateTests.check(row) }
    @Test("years written with a space", arguments: spaced) func spacedRows(_ row: DateRow) { DateTests.check(row) }
    @Test("ranges joined by 至 / 到 / 和 / 与 / - / ~", arguments: ranges) func rangeRows(_ row: DateRow) { DateTests.check(row) }
    @Test("relative days, Cantonese included", arguments: relative) func relativeRows(_ row: DateRow) { DateTests.check(row) }
    @Test("holidays, fixed and lunar", arguments: holidays) func holidayRows(_ row: DateRow) { DateTests.check(row) }
}
