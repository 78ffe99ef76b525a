import Testing
import Normalizers
import Records

struct DateRow: CustomTestStringConvertible, Sendable {
    let text: String
    let lang: Language
    let date: String?
    let start: String?
    let end: String?
    let mod: DateModifier?
    let readable: Bool
    var testDescription: String { "[\(lang)] \(text)" }
    /// A point (or nil for "not a date").
    init(_ lang: Language, _ text: String, _ date: String?, _ mod: DateModifier? = nil) {
        self.lang = lang; self.text = text; self.date = date; self.start = nil; self.end = nil; self.mod = mod
        self.readable = date != nil
    }
    /// A range.
    init(_ lang: Language, _ text: String, from start: String, to end: String) {
        self.lang = lang; self.text = text; self.date = nil; self.start = start; self.end = end; self.mod = nil
        self.readable = true
    }
}

// Reference: Thursday 2025-03-20; its calendar week runs Monday 03-17 to Sunday 03-23.
@Suite struct DateTests {
    static let zhRows: [DateRow] = [
        .init(.zh, "2025年3月11日", "2025-03-11"), .init(.zh, "二〇二五年三月十一日", "2025-03-11"), .init(.zh, "3月11日", "2025-03-11"),
        .init(.zh, "3月20日", "2025-03-20"), .init(.zh, "3月25日", "2024-03-25"), .init(.zh, "12月31日", "2024-12-31"),
        .init(.zh, "11日", "2025-03-11"), .init(.zh, "20日讯", "2025-03-20"), .init(.zh, "19号", "2025-03-19"),
        .init(.zh, "2025-4-4", "2025-04-04"), .init(.zh, "2025/04/04", "2025-04-04"), .init(.zh, "2024年", "2024"),
        .init(.zh, "2024年5月", "2024-05"), .init(.zh, "5月", "2024-05"), .init(.zh, "3月", "2025-03"), .init(.zh, "3月份", "2025-03"),
        .init(.zh, "今天", "2025-03-20"), .init(.zh, "昨天", "2025-03-19"), .init(.zh, "昨晚", "2025-03-19"), .init(.zh, "前天", "2025-03-18"),
        .init(.zh, "明天", "2025-03-21"), .init(.zh, "后天", "2025-03-22"), .init(.zh, "大前天", "2025-03-17"),
        // A day word glued to a time of day; the day of the month in brackets inside one (今（13）日).
        .init(.zh, "今傍晚", "2025-03-20"), .init(.zh, "昨凌晨", "2025-03-19"), .init(.zh, "明上午", "2025-03-21"),
        .init(.zh, "今（13）日", "2025-03-13"), .init(.zh, "昨(19)日", "2025-03-19"), .init(.zh, "1和2月", from: "2025-01", to: "2025-02"),
        .init(.zh, "周三", "2025-03-19"), .init(.zh, "星期三", "2025-03-19"), .init(.zh, "礼拜三", "2025-03-19"),
        .init(.zh, "周四", "2025-03-20"), .init(.zh, "周五", "2025-03-14"), .init(.zh, "周日", "2025-03-16"), .init(.zh, "星期天", "2025-03-16"),
        .init(.zh, "周一", "2025-03-17"), .init(.zh, "当地时间周三", "2025-03-19"), .init(.zh, "北京时间周二", "2025-03-18"),
        .init(.zh, "上周二", "2025-03-11"), .init(.zh, "上星期五", "2025-03-14"), .init(.zh, "下周三", "2025-03-26"),
        .init(.zh, "本周五", "2025-03-21"), .init(.zh, "这周一", "2025-03-17"), .init(.zh, "下下周日", "2025-04-06"),
        .init(.zh, "上上周一", "2025-03-03"), .init(.zh, "上个星期六", "2025-03-15"),
        .init(.zh, "上个月", "2025-02"), .init(.zh, "上月", "2025-02"), .init(.zh, "下个月", "2025-04"), .init(.zh, "本月", "2025-03"),
        .init(.zh, "去年", "2024"), .init(.zh, "今年", "2025"), .init(.zh, "明年", "2026"), .init(.zh, "下年", "2026"), .init(.zh, "前年", "2023"),
        .init(.zh, "去年10月31日", "2024-10-31"), .init(.zh, "今年3月", "2025-03"), .init(.zh, "上月15日", "2025-02-15"),
        .init(.zh, "本月25日", "2025-03-25"), .init(.zh, "5天前", "2025-03-15"), .init(.zh, "三天后", "2025-03-23"),
        .init(.zh, "两周前", "2025-03-06"), .init(.zh, "3个月前", "2024-12"), .init(.zh, "两年前", "2023"), .init(.zh, "一年后", "2026"),
        .init(.zh, "2月底", "2025-02", .end), .init(.zh, "月初", "2025-03", .start), .init(.zh, "3月中旬", "2025-03", .mid),
        .init(.zh, "3月上旬", "2025-03", .start), .init(.zh, "1月下旬", "2025-01", .end), .init(.zh, "年底", "2025", .end),
        .init(.zh, "年初", "2025", .start), .init(.zh, "去年底", "2024", .end), .init(.zh, "2024年底", "2024", .end),
        .init(.zh, "本月底", "2025-03", .end), .init(.zh, "上个月底", "2025-02", .end), .init(.zh, "去年年初", "2024", .start),
        .init(.zh, "3月11日至13日", from: "2025-03-11", to: "2025-03-13"),
        .init(.zh, "2016年一月十日到十二日", from: "2016-01-10", to: "2016-01-12"),
        .init(.zh, "1995-1997年", from: "1995", to: "1997"), .init(.zh, "3月11日至4月2日", from: "2025-03-11", to: "2025-04-02"),
        .init(.zh, "11日至13日", from: "2025-03-11", to: "2025-03-13"), .init(.zh, "上周", from: "2025-03-10", to: "2025-03-16"),
        .init(.zh, "本周", from: "2025-03-17", to: "2025-03-23"), .init(.zh, "周末", from: "2025-03-15", to: "2025-03-16"),
        .init(.zh, "2024年12月28日至1月3日", from: "2024-12-28", to: "2025-01-03"),
        .init(.zh, "第三名", nil), .init(.zh, "400人", nil), .init(.zh, "", nil), .init(.zh, "2月30日", nil), .init(.zh, "13月", nil),
    ]

    static let enRows: [DateRow] = [
        .init(.en, "March 11", "2025-03-11"), .init(.en, "March 11, 2025", "2025-03-11"), .init(.en, "11 March 2025", "2025-03-11"),
        .init(.en, "Mar. 11", "2025-03-11"), .init(.en, "Dec. 31, 1994", "1994-12-31"), .init(.en, "March 25", "2024-03-25"),
        .init(.en, "the 11th of March", "2025-03-11"), .init(.en, "March 11th", "2025-03-11"), .init(.en, "March 2025", "2025-03"),
        .init(.en, "May 2024", "2024-05"), .init(.en, "in 2024", "2024"), .init(.en, "2025-04-04", "2025-04-04"),
        .init(.en, "4/4/2025", "2025-04-04"), .init(.en, "25/12/2024", "2024-12-25"),
        .init(.en, "today", "2025-03-20"), .init(.en, "yesterday", "2025-03-19"), .init(.en, "tomorrow", "2025-03-21"),
        .init(.en, "the day before yesterday", "2025-03-18"), .init(.en, "last night", "2025-03-19"),
        .init(.en, "on Wednesday", "2025-03-19"), .init(.en, "Wednesday", "2025-03-19"), .init(.en, "Thursday", "2025-03-20"),
        .init(.en, "Friday", "2025-03-14"), .init(.en, "last Tuesday", "2025-03-18"), .init(.en, "last Thursday", "2025-03-13"),
        .init(.en, "next Tuesday", "2025-03-25"), .init(.en, "this Friday", "2025-03-21"), .init(.en, "Wednesday night", "2025-03-19"),
        .init(.en, "Wednesday, March 19", "2025-03-19"),
        .init(.en, "last month", "2025-02"), .init(.en, "next month", "2025-04"), .init(.en, "this year", "2025"),
        .init(.en, "last year", "2024"), .init(.en, "next year", "2026"), .init(.en, "last March", "2024-03"),
        .init(.en, "two days ago", "2025-03-18"), .init(.en, "3 weeks ago", "2025-02-27"), .init(.en, "a week ago", "2025-03-13"),
        .init(.en, "in two days", "2025-03-22"), .init(.en, "two months ago", "2025-01"), .init(.en, "five years ago", "2020"),
        .init(.en, "third tuesday of september 2014", "2014-09-16"), .init(.en, "the last Friday of March", "2025-03-28"),
        .init(.en, "first Monday of May 2025", "2025-05-05"),
        .init(.en, "late February", "2025-02", .end), .init(.en, "early March", "2025-03", .start), .init(.en, "mid-February", "2025-02", .mid),
        .init(.en, "mid-2024", "2024", .mid), .init(.en, "the beginning of 2000", "2000", .start), .init(.en, "the end of March", "2025-03", .end),
        .init(.en, "late last year", "2024", .end), .init(.en, "early this month", "2025-03", .start),
        .init(.en, "Nov 18-Dec 19, 2015", from: "2015-11-18", to: "2015-12-19"), .init(.en, "March 11-13", from: "2025-03-11", to: "2025-03-13"),
        .init(.en, "11-13 March 2025", from: "2025-03-11", to: "2025-03-13"), .init(.en, "1995-1997", from: "1995", to: "1997"),
        .init(.en, "from 1995 to 1997", from: "1995", to: "1997"), .init(.en, "next week", from: "2025-03-24", to: "2025-03-30"),
        .init(.en, "last week", from: "2025-03-10", to: "2025-03-16"), .init(.en, "last weekend", from: "2025-03-15", to: "2025-03-16"),
        .init(.en, "between March 3 and March 5", from: "2025-03-03", to: "2025-03-05"),
        .init(.en, "hello", nil), .init(.en, "may be", nil), .init(.en, "400 people", nil), .init(.en, "February 30", nil),
    ]

    static func check(_ row: DateRow) {
        let ctx = NormalizationContext(language: row.lang, referenceDate: reference, documentCountry: nil)
        let v = Normalization.normalize(row.text, as: .date, context: ctx)
        guard row.readable else { #expect(v == nil); return }
        guard case .date(let d)? = v else { Issue.record("not read: \(row.text)"); return }
        #expect(d.date == row.date)
        #expect(d.start == row.start)
        #expect(d.end == row.end)
        #expect(d.mod == row.mod)
        #expect(d.anchor != nil)
    }

    @Test("Chinese dates", arguments: zhRows) func chinese(_ row: DateRow) { Self.check(row) }
    @Test("English dates", arguments: enRows) func english(_ row: DateRow) { Self.check(row) }

    @Test func anchors() {
        if case .date(let d)? = Normalization.normalize("上周三", as: .date, context: zh()) {
            #expect(d.anchor == "reference 2025-03-20")
            #expect(d.date == "2025-03-12")
        } else { Issue.record("nil") }
        if case .date(let d)? = Normalization.normalize("2025年3月11日", as: .date, context: zh()) {
            #expect(d.anchor == "explicit")
        } else { Issue.record("nil") }
        var ctx = zh(CivilDate(year: 2025, month: 3, day: 19)!)
        ctx.referenceLabel = "dateline"
        if case .date(let d)? = Normalization.normalize("昨天", as: .date, context: ctx) {
            #expect(d.anchor == "dateline 2025-03-19")
            #expect(d.date == "2025-03-18")
        } else { Issue.record("nil") }
    }

    @Test("Unknown reference gives a null date", arguments: ["周三", "yesterday", "3月11日", "上个月"])
    func unknownReference(_ text: String) {
        let ctx = NormalizationContext(language: text.unicodeScalars.first!.isASCII ? .en : .zh, referenceDate: nil, documentCountry: nil)
        guard case .date(let d)? = Normalization.normalize(text, as: .date, context: ctx) else { Issue.record("nil"); return }
        #expect(d.date == nil && d.start == nil)
        #expect(d.anchor == "reference unknown")
    }

    @Test func weekdayArithmetic() {
        #expect(reference.weekday == 4)
        #expect(DateResolver.monday(of: reference).iso == "2025-03-17")
        #expect(DateResolver.nthWeekday(3, 2, year: 2014, month: 9)?.iso == "2014-09-16")
        #expect(DateResolver.nthWeekday(-1, 5, year: 2025, month: 3)?.iso == "2025-03-28")
        #expect(DateResolver.weekday(3, rule: .onOrBefore, reference: reference).iso == "2025-03-19")
        #expect(DateResolver.weekday(4, rule: .before, reference: reference).iso == "2025-03-13")
        #expect(DateResolver.weekday(4, rule: .after, reference: reference).iso == "2025-03-27")
    }
}
