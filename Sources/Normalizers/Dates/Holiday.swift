import Foundation
import Records

/// A named day whose date depends on the year: fixed (Christmas, 国庆), computed from the
/// Gregorian calendar (Easter, Thanksgiving) or from the Chinese lunisolar calendar (春节, 中秋).
///
/// Lunar days are computed with ICU's Chinese calendar (through Foundation), so every year a
/// news story can name is covered, not only those a hand-kept table would list.
public enum Holiday: Hashable, Sendable {
    /// The same month and day every year.
    case fixed(month: Int, day: Int)
    /// The n-th (negative: from the end) ISO weekday of a month: Thanksgiving is (4, 4, 11).
    case nthWeekday(n: Int, weekday: Int, month: Int)
    /// Days from Easter Sunday (Good Friday −2, Easter Monday +1).
    case easter(offset: Int)
    /// A day of the Chinese lunar year (month, day), `offset` days moved (除夕 is 春节 − 1).
    case lunar(month: Int, day: Int, offset: Int)
    /// The solar term 清明 (4 or 5 April).
    case qingming

    /// The holiday's date in `year`, or nil when the calendar cannot say.
    public func date(in year: Int) -> CivilDate? {
        switch self {
        case .fixed(let m, let d): return CivilDate(year: year, month: m, day: d)
        case .nthWeekday(let n, let wd, let m): return DateResolver.nthWeekday(n, wd, year: year, month: m)
        case .easter(let offset): return Holiday.easterSunday(year).adding(days: offset)
        case .lunar(let m, let d, let offset): return Holiday.lunar(year: year, month: m, day: d)?.adding(days: offset)
        case .qingming:
            // 清明 is the day the sun reaches 15° longitude: 4 April in leap years and the year
            // after them from 2008 on, 5 April otherwise (accurate for 1980–2100 but for a few years).
            let day = (year % 4 == 0 || year % 4 == 1) && year >= 2008 ? 4 : (year % 4 == 0 ? 4 : 5)
            return CivilDate(year: year, month: 4, day: day)
        }
    }

    /// The latest occurrence on or before `reference` (news is past-biased, as for 3月11日).
    public func latest(onOrBefore reference: CivilDate) -> CivilDate? {
        if let d = date(in: reference.year), d <= reference { return d }
        return date(in: reference.year - 1)
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus/Jones/Butcher).
    static func easterSunday(_ y: Int) -> CivilDate {
        let a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: y, month: month, day: day) ?? CivilDate(dayNumber: 0)
    }

    /// Month/day of the Chinese lunar year that begins in Gregorian `year`, as a Gregorian date.
    static func lunar(year: Int, month: Int, day: Int) -> CivilDate? {
        guard (1...9999).contains(year) else { return nil }
        var chinese = Calendar(identifier: .chinese)
        var gregorian = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        chinese.timeZone = utc
        gregorian.timeZone = utc
        // 1 March always lies in the lunar year that began that winter (new year falls 21 Jan – 20 Feb).
        guard let march = gregorian.date(from: DateComponents(year: year, month: 3, day: 1)) else { return nil }
        let cycle = chinese.dateComponents([.era, .year], from: march)
        var wanted = DateComponents()
        wanted.era = cycle.era
        wanted.year = cycle.year
        wanted.month = month
        wanted.day = day
        wanted.isLeapMonth = false
        guard let instant = chinese.date(from: wanted) else { return nil }
        let g = gregorian.dateComponents([.year, .month, .day], from: instant)
        guard let y = g.year, let m = g.month, let d = g.day else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    /// English names (folded, as words) and Chinese names of holidays.
    static let englishNames: [([String], Holiday)] = [
        (["christmas", "eve"], .fixed(month: 12, day: 24)), (["christmas", "day"], .fixed(month: 12, day: 25)),
        (["christmas"], .fixed(month: 12, day: 25)), (["xmas"], .fixed(month: 12, day: 25)),
        (["boxing", "day"], .fixed(month: 12, day: 26)),
        (["new", "year", "'", "s", "eve"], .fixed(month: 12, day: 31)), (["new", "years", "eve"], .fixed(month: 12, day: 31)),
        (["new", "year's", "eve"], .fixed(month: 12, day: 31)),
        (["new", "year", "'", "s", "day"], .fixed(month: 1, day: 1)), (["new", "year's", "day"], .fixed(month: 1, day: 1)),
        (["new", "years", "day"], .fixed(month: 1, day: 1)), (["new", "year", "'", "s"], .fixed(month: 1, day: 1)),
        (["new", "year's"], .fixed(month: 1, day: 1)), (["new", "year"], .fixed(month: 1, day: 1)),
        (["valentine's", "day"], .fixed(month: 2, day: 14)), (["valentine", "'", "s", "day"], .fixed(month: 2, day: 14)),
        (["valentines", "day"], .fixed(month: 2, day: 14)),
        (["st", ".", "patrick's", "day"], .fixed(month: 3, day: 17)), (["st", "patrick's", "day"], .fixed(month: 3, day: 17)),
        (["saint", "patrick's", "day"], .fixed(month: 3, day: 17)),
        (["halloween"], .fixed(month: 10, day: 31)), (["independence", "day"], .fixed(month: 7, day: 4)),
        (["fourth", "of", "july"], .fixed(month: 7, day: 4)), (["veterans", "day"], .fixed(month: 11, day: 11)),
        (["armistice", "day"], .fixed(month: 11, day: 11)), (["remembrance", "day"], .fixed(month: 11, day: 11)),
        (["may", "day"], .fixed(month: 5, day: 1)), (["labour", "day"], .fixed(month: 5, day: 1)),
        (["thanksgiving", "day"], .nthWeekday(n: 4, weekday: 4, month: 11)), (["thanksgiving"], .nthWeekday(n: 4, weekday: 4, month: 11)),
        (["labor", "day"], .nthWeekday(n: 1, weekday: 1, month: 9)), (["memorial", "day"], .nthWeekday(n: -1, weekday: 1, month: 5)),
        (["mother's", "day"], .nthWeekday(n: 2, weekday: 7, month: 5)), (["mothers", "day"], .nthWeekday(n: 2, weekday: 7, month: 5)),
        (["father's", "day"], .nthWeekday(n: 3, weekday: 7, month: 6)), (["fathers", "day"], .nthWeekday(n: 3, weekday: 7, month: 6)),
        (["martin", "luther", "king", "day"], .nthWeekday(n: 3, weekday: 1, month: 1)), (["mlk", "day"], .nthWeekday(n: 3, weekday: 1, month: 1)),
        (["presidents", "day"], .nthWeekday(n: 3, weekday: 1, month: 2)), (["presidents", "'", "day"], .nthWeekday(n: 3, weekday: 1, month: 2)),
        (["president's", "day"], .nthWeekday(n: 3, weekday: 1, month: 2)), (["columbus", "day"], .nthWeekday(n: 2, weekday: 1, month: 10)),
        (["easter", "sunday"], .easter(offset: 0)), (["easter", "monday"], .easter(offset: 1)), (["easter", "day"], .easter(offset: 0)),
        (["easter"], .easter(offset: 0)), (["good", "friday"], .easter(offset: -2)), (["holy", "saturday"], .easter(offset: -1)),
        (["palm", "sunday"], .easter(offset: -7)), (["ash", "wednesday"], .easter(offset: -46)),
        (["chinese", "new", "year"], .lunar(month: 1, day: 1, offset: 0)), (["lunar", "new", "year"], .lunar(month: 1, day: 1, offset: 0)),
        (["spring", "festival"], .lunar(month: 1, day: 1, offset: 0)), (["lantern", "festival"], .lunar(month: 1, day: 15, offset: 0)),
        (["dragon", "boat", "festival"], .lunar(month: 5, day: 5, offset: 0)),
        (["mid", "-", "autumn", "festival"], .lunar(month: 8, day: 15, offset: 0)), (["mid", "autumn", "festival"], .lunar(month: 8, day: 15, offset: 0)),
    ].sorted { $0.0.count > $1.0.count }

    static let chineseNames = KeywordTable<Holiday>([
        ("元旦", .fixed(month: 1, day: 1)), ("情人节", .fixed(month: 2, day: 14)), ("情人節", .fixed(month: 2, day: 14)),
        ("妇女节", .fixed(month: 3, day: 8)), ("婦女節", .fixed(month: 3, day: 8)), ("植树节", .fixed(month: 3, day: 12)),
        ("愚人节", .fixed(month: 4, day: 1)), ("愚人節", .fixed(month: 4, day: 1)),
        ("劳动节", .fixed(month: 5, day: 1)), ("勞動節", .fixed(month: 5, day: 1)), ("五一", .fixed(month: 5, day: 1)),
        ("青年节", .fixed(month: 5, day: 4)), ("儿童节", .fixed(month: 6, day: 1)), ("兒童節", .fixed(month: 6, day: 1)),
        ("建党节", .fixed(month: 7, day: 1)), ("建军节", .fixed(month: 8, day: 1)), ("建軍節", .fixed(month: 8, day: 1)),
        ("教师节", .fixed(month: 9, day: 10)), ("教師節", .fixed(month: 9, day: 10)),
        ("国庆节", .fixed(month: 10, day: 1)), ("國慶節", .fixed(month: 10, day: 1)), ("国庆日", .fixed(month: 10, day: 1)),
        ("国庆", .fixed(month: 10, day: 1)), ("國慶", .fixed(month: 10, day: 1)),
        ("万圣节", .fixed(month: 10, day: 31)), ("萬聖節", .fixed(month: 10, day: 31)),
        ("平安夜", .fixed(month: 12, day: 24)), ("圣诞节", .fixed(month: 12, day: 25)), ("聖誕節", .fixed(month: 12, day: 25)),
        ("圣诞", .fixed(month: 12, day: 25)), ("聖誕", .fixed(month: 12, day: 25)), ("跨年夜", .fixed(month: 12, day: 31)),
        ("感恩节", .nthWeekday(n: 4, weekday: 4, month: 11)), ("感恩節", .nthWeekday(n: 4, weekday: 4, month: 11)),
        ("母亲节", .nthWeekday(n: 2, weekday: 7, month: 5)), ("母親節", .nthWeekday(n: 2, weekday: 7, month: 5)),
        ("父亲节", .nthWeekday(n: 3, weekday: 7, month: 6)), ("父親節", .nthWeekday(n: 3, weekday: 7, month: 6)),
        ("复活节", .easter(offset: 0)), ("復活節", .easter(offset: 0)), ("耶稣受难日", .easter(offset: -2)),
        ("春节", .lunar(month: 1, day: 1, offset: 0)), ("春節", .lunar(month: 1, day: 1, offset: 0)),
        ("农历新年", .lunar(month: 1, day: 1, offset: 0)), ("農曆新年", .lunar(month: 1, day: 1, offset: 0)),
        ("大年初一", .lunar(month: 1, day: 1, offset: 0)), ("除夕", .lunar(month: 1, day: 1, offset: -1)),
        ("大年三十", .lunar(month: 1, day: 1, offset: -1)), ("元宵节", .lunar(month: 1, day: 15, offset: 0)),
        ("元宵節", .lunar(month: 1, day: 15, offset: 0)), ("元宵", .lunar(month: 1, day: 15, offset: 0)),
        ("端午节", .lunar(month: 5, day: 5, offset: 0)), ("端午節", .lunar(month: 5, day: 5, offset: 0)), ("端午", .lunar(month: 5, day: 5, offset: 0)),
        ("七夕", .lunar(month: 7, day: 7, offset: 0)), ("中元节", .lunar(month: 7, day: 15, offset: 0)),
        ("中秋节", .lunar(month: 8, day: 15, offset: 0)), ("中秋節", .lunar(month: 8, day: 15, offset: 0)), ("中秋", .lunar(month: 8, day: 15, offset: 0)),
        ("重阳节", .lunar(month: 9, day: 9, offset: 0)), ("重陽節", .lunar(month: 9, day: 9, offset: 0)), ("重阳", .lunar(month: 9, day: 9, offset: 0)),
        ("腊八", .lunar(month: 12, day: 8, offset: 0)), ("清明节", .qingming), ("清明節", .qingming), ("清明", .qingming),
    ])

    /// The English holiday name at token `i` and the tokens it covers.
    static func english(_ t: EnglishTokens, at i: Int) -> (Holiday, Int)? {
        outer: for (words, h) in englishNames {
            guard i + words.count <= t.count else { continue }
            for (k, w) in words.enumerated() where t[i + k].text != w { continue outer }
            return (h, words.count)
        }
        return nil
    }
}
