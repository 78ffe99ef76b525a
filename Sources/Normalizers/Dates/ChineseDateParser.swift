import Records

/// Reads Chinese date expressions: 2025年3月11日, 二〇二五年三月十一日, 3月11日, 11日, 20日讯,
/// 2025-4-4, 2025/04/04, 今天/昨天/前天/明天, 周三/星期三/礼拜三, 上周二/下周三/本周五/下下周日,
/// 当地时间周三, 上个月/去年/今年/明年, 去年10月31日, 5天前/三天后, 2月底/月初/中旬/年底,
/// 3月11日至13日, 2016年一月十日到十二日, 1995-1997年, 上周, 周末.
public enum ChineseDateParser {
    /// The date in `text` resolved against `context`, or nil when there is none.
    public static func parse(_ text: String, context: NormalizationContext) -> DateValue? {
        guard Normalization.isReadable(text) else { return nil }
        return parse(ScalarText(text), context: context)
    }

    /// The unresolved expression(s): one spec, or two for a range.
    public static func specs(_ text: String) -> [DateSpec]? { Normalization.isReadable(text) ? specs(ScalarText(text)) : nil }

    static func parse(_ t: ScalarText, context: NormalizationContext) -> DateValue? {
        guard let s = specs(t) else { return nil }
        return DateResolver.value(s, context: context)
    }

    static let fillers = KeywordTable<Bool>([
        ("当地时间", true), ("當地時間", true), ("北京时间", true), ("北京時間", true), ("美国东部时间", true),
        ("美东时间", true), ("东部时间", true), ("格林尼治时间", true), ("莫斯科时间", true), ("基辅时间", true),
        ("新加坡时间", true), ("台北时间", true), ("香港时间", true), ("日本时间", true), ("欧洲中部时间", true),
        ("于", true), ("於", true), ("在", true), ("自", true), ("从", true), ("從", true), ("是", true), ("截至", true),
        ("直到", true), ("到了", true), ("(", true), ("（", true), ("的", true), (" ", true),
    ])
    static let separators = KeywordTable<Bool>([
        ("至", true), ("到", true), ("和", true), ("与", true), ("與", true), ("及", true), ("-", true), ("–", true), ("—", true), ("~", true), ("－", true), ("—", true), ("〜", true),
    ])
    static let trailers = KeywordTable<Bool>([
        ("上午", true), ("下午", true), ("中午", true), ("晚上", true), ("晚间", true), ("晚間", true), ("早上", true),
        ("凌晨", true), ("清晨", true), ("傍晚", true), ("深夜", true), ("夜间", true), ("夜", true), ("晚", true), ("早", true),
        ("讯", true), ("訊", true), ("电", true), ("電", true), ("报道", true), ("报导", true), ("起", true), ("止", true),
        ("以来", true), (")", true), ("）", true), ("间", true), ("期间", true), ("时", true), ("當天", true), ("当天", true),
    ])
    static let relativeDays = KeywordTable<Int>([
        ("尋日", -1), ("寻日", -1), ("琴日", -1), ("噚日", -1), ("琴晚", -1), ("尋晚", -1), ("寻晚", -1), ("噚晚", -1),
        ("今朝", 0), ("聽朝", 1), ("听朝", 1), ("聽晚", 1), ("听晚", 1), ("尋朝", -1), ("琴朝", -1), ("聽日", 1), ("听日", 1), ("後日", 2), ("后日", 2),
        ("大後日", 3), ("大后日", 3), ("大前日", -3),
        ("今天", 0), ("今日", 0), ("今晨", 0), ("今早", 0), ("今晚", 0), ("今夜", 0), ("当天", 0), ("當天", 0), ("当日", 0),
        ("同日", 0), ("同一天", 0), ("本日", 0),
        ("昨天", -1), ("昨日", -1), ("昨晚", -1), ("昨晨", -1), ("昨夜", -1), ("昨早", -1),
        ("前天", -2), ("前日", -2), ("前晚", -2), ("大前天", -3),
        ("明天", 1), ("明日", 1), ("明晨", 1), ("明晚", 1), ("后天", 2), ("後天", 2), ("大后天", 3), ("大後天", 3),
    ] + [("今", 0), ("昨", -1), ("明", 1)].flatMap { day, offset in
        // 今傍晚, 昨凌晨, 明上午: a day word glued to a time of day.
        ["凌晨", "清晨", "早上", "上午", "中午", "下午", "傍晚", "晚间", "晚間", "晚上", "深夜"].map { (day + $0, offset) }
    })
    static let relativeYears = KeywordTable<Int>([
        ("今年", 0), ("本年", 0), ("去年", -1), ("上年", -1), ("前年", -2), ("大前年", -3), ("明年", 1), ("下年", 1),
        ("来年", 1), ("後年", 2), ("后年", 2),
    ])
    static let relativeMonths = KeywordTable<Int>([
        ("今個月", 0), ("今个月", 0), ("呢個月", 0), ("本月", 0), ("这个月", 0), ("這個月", 0), ("当月", 0), ("今月", 0), ("上月", -1), ("上个月", -1), ("上個月", -1),
        ("上上个月", -2), ("上上個月", -2), ("下下个月", 2), ("下下個月", 2), ("下月", 1), ("下个月", 1), ("下個月", 1), ("次月", 1),
    ])
    static let weekPrefixes = KeywordTable<Int>([
        ("上上", -2), ("上", -1), ("本", 0), ("这", 0), ("這", 0), ("这个", 0), ("這個", 0), ("今", 0),
        ("今個", 0), ("今个", 0), ("呢個", 0), ("下下", 2), ("下", 1), ("下个", 1), ("下個", 1), ("上个", -1), ("上個", -1), ("上上个", -2), ("下下个", 2),
    ])
    static let weekWords = KeywordTable<Bool>([
        ("周", true), ("週", true), ("星期", true), ("礼拜", true), ("禮拜", true),
    ])
    static let parts = KeywordTable<DateModifier>([
        ("初", .start), ("上旬", .start), ("头", .start), ("中旬", .mid), ("中", .mid), ("下旬", .end), ("底", .end),
        ("末", .end), ("尾", .end),
    ])

    static func weekdayValue(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "一": 1
        case "二": 2
        case "三": 3
        case "四": 4
        case "五": 5
        case "六": 6
        case "日", "天", "七": 7
        default: nil
        }
    }

    /// Words before a date that bound it (早于2018年: before).
    static let leadingBounds = KeywordTable<DateModifier>([
        ("早于", .before), ("早於", .before), ("不晚于", .before), ("不晚於", .before), ("晚于", .after), ("晚於", .after),
        ("不早于", .after), ("不早於", .after),
    ])
    /// Words after a date that bound it: 2018年以前, 3月5日后, 2020年以来, 10月起.
    static let trailingBounds = KeywordTable<DateModifier>([
        ("以前", .before), ("之前", .before), ("前", .before), ("以後", .after), ("以后", .after), ("之后", .after), ("之後", .after),
        ("后", .after), ("後", .after), ("以来", .after), ("以來", .after), ("起", .after), ("开始", .after), ("開始", .after),
    ])

    static func specs(_ t: ScalarText) -> [DateSpec]? {
        var lead: DateModifier? = nil
        var i0 = skipFillers(t, 0)
        if let (m, len) = leadingBounds.longest(in: t, at: i0) { lead = m; i0 = skipFillers(t, i0 + len) }
        guard var result = unboundedSpecs(t, from: i0) else { return nil }
        if result.specs.count == 1 {
            var k = result.end
            while let c = t.at(k), ScalarText.isSpace(c) { k += 1 }
            // 3月5日前 is a bound, but 5天前 was read as "ago" already (the point consumed 前).
            if let (m, _) = trailingBounds.longest(in: t, at: k) { result.specs[0].part = m }
            else if let m = lead { result.specs[0].part = m }
        }
        return result.specs
    }

    static func unboundedSpecs(_ t: ScalarText, from start: Int) -> (specs: [DateSpec], end: Int)? {
        var i = start
        // A bare number before a separator (1995-1997年, 11至13日) takes the field of the end point.
        var bare: Int? = nil
        var first: DateSpec
        if let (spec, end) = point(t, at: i) {
            first = spec
            i = end
        } else {
            let end = ChineseNumeral.scanEnd(t, from: i)
            guard end > i, let v = ChineseNumeral.parse(t, i..<end)?.integerValue, v < 10_000 else { return nil }
            bare = Int(v)
            first = DateSpec()
            i = end
        }
        let pointEnd = i
        // 2015年至今: from the date to the reference day.
        var n = i
        if t.matches(Array("以来".unicodeScalars), at: n) || t.matches(Array("以來".unicodeScalars), at: n) { n += 2 }
        for word in ["至今", "迄今", "到现在", "到現在", "到目前"] where bare == nil && t.matches(Array(word.unicodeScalars), at: n) {
            var now = DateSpec()
            now.dayOffset = 0
            return ([first, now], n + word.unicodeScalars.count)
        }
        i = skipTrailers(t, i)
        if let (_, len) = separators.longest(in: t, at: i) {
            let j = skipFillers(t, i + len)
            if let (second, end) = point(t, at: j) {
                if let b = bare {
                    if second.day != nil { first.day = b; first.month = second.month; first.monthOffset = second.monthOffset; first.year = second.year; first.yearOffset = second.yearOffset }
                    else if second.month != nil { first.month = b; first.year = second.year; first.yearOffset = second.yearOffset }
                    else if second.year != nil { first.year = b }
                    else { return nil }
                }
                return ([first, second], end)
            }
        }
        guard bare == nil, !first.isEmpty else { return nil }
        return ([first], pointEnd)
    }

    static func skipFillers(_ t: ScalarText, _ start: Int) -> Int {
        var i = start
        while let (_, len) = fillers.longest(in: t, at: i) { i += len }
        return i
    }

    static func skipTrailers(_ t: ScalarText, _ start: Int) -> Int {
        var i = start
        // 3月11日（周二）: a weekday in brackets after a date adds nothing.
        while true {
            if let (_, len) = trailers.longest(in: t, at: i) { i += len; continue }
            if t.at(i) == "(" || t.at(i) == "（" { i += 1; continue }
            break
        }
        return i
    }

    /// A numeral (Arabic or Chinese) at `i` with its end, when it is a whole number.
    static func number(_ t: ScalarText, at i: Int) -> (Int, Int)? {
        let end = ChineseNumeral.scanEnd(t, from: i)
        guard end > i, let v = ChineseNumeral.parse(t, i..<end)?.integerValue, v < 100_000 else { return nil }
        return (Int(v), end)
    }

    /// One date point at `start`: its spec and the index after it.
    static func point(_ t: ScalarText, at start: Int) -> (DateSpec, Int)? {
        var spec = DateSpec()
        var i = start
        // 今（13）日, 昨(11)日: the day word written around the day of the month, which says more.
        if let c = t.at(i), c == "今" || c == "昨" || c == "前", let open = t.at(i + 1), open == "(" || open == "（",
           let (d, e) = number(t, at: i + 2), (1...31).contains(d), let close = t.at(e), close == ")" || close == "）",
           let u = t.at(e + 1), u == "日" || u == "天" {
            spec.day = d
            return (spec, e + 2)
        }
        if let (off, len) = relativeDays.longest(in: t, at: i) {
            spec.dayOffset = off
            return (spec, i + len)
        }
        // ISO-like 2025-4-4, 2025/04/04, 2025.4.4
        if let (y, e1) = digitsOnly(t, at: i), (1000...2999).contains(y), let sep = t.at(e1), sep == "-" || sep == "/" || sep == ".",
           let (m, e2) = digitsOnly(t, at: e1 + 1), (1...12).contains(m), t.at(e2) == sep, let (d, e3) = digitsOnly(t, at: e2 + 1), (1...31).contains(d) {
            spec.year = y; spec.month = m; spec.day = d
            return (spec, e3)
        }
        // N天前, 三天后, 两周前, 3个月前, 两年后
        if let (n, e) = number(t, at: i), let r = relativeAgo(t, at: e, n: n) {
            return r
        }
        // Weeks: 上周二, 下下周日, 本周五, 周三, 上周, 周末
        if let r = week(t, at: i) { return r }
        // Year
        if let (off, len) = relativeYears.longest(in: t, at: i) {
            spec.yearOffset = off
            i += len
        } else if let (y, e0) = number(t, at: i), let e = skipSpaces(t, e0), t.at(e) == "年", (1000...2999).contains(y) {
            spec.year = y
            i = e + 1
            if let k = skipSpaces(t, i), number(t, at: k) != nil { i = k }
        } else if let (y, e0) = number(t, at: i), e0 - i == 2, y < 100, isTwoDigitYear(t, i, e0), let e = skipSpaces(t, e0), t.at(e) == "年" {
            // 08年, 九八年: two written digits are a year of the nearest past century.
            spec.shortYear = y
            i = e + 1
        }
        if spec.year != nil || spec.yearOffset != nil || spec.shortYear != nil || spec.isEmpty,
           let (h, len) = Holiday.chineseNames.longest(in: t, at: i), !(spec.isEmpty && t.at(i + len) == "月") {
            // 春节, 2020年中秋节, 去年国庆
            spec.holiday = h
            i += len
            if t.at(i) == "节" || t.at(i) == "節" || t.at(i) == "日" { i += 1 }
            return (spec, i)
        }
        if spec.year != nil || spec.yearOffset != nil || spec.shortYear != nil {
            if t.at(i) == "度" { i += 1 }
            if let (p, len) = yearPart(t, at: i) { spec.part = p; return (spec, i + len) }
        }
        // Month
        if let (off, len) = relativeMonths.longest(in: t, at: i) {
            spec.monthOffset = off
            i += len
        } else if let (m, e0) = number(t, at: i), let e = skipSpaces(t, e0), t.at(e) == "月", (1...12).contains(m) {
            spec.month = m
            i = e + 1
            if t.at(i) == "份" { i += 1 }
            if let k = skipSpaces(t, i), number(t, at: k) != nil { i = k }
        } else if t.at(i) == "月", spec.year == nil, spec.yearOffset == nil, spec.shortYear == nil, let (p, len) = parts.longest(in: t, at: i + 1) {
            // 月初, 月中, 月底: the reference's month
            spec.monthOffset = 0
            spec.part = p
            return (spec, i + 1 + len)
        } else if t.at(i) == "年", spec.year == nil, spec.yearOffset == nil, let (p, len) = yearPart(t, at: i) {
            spec.yearOffset = 0
            spec.part = p
            return (spec, i + len)
        }
        if spec.month != nil || spec.monthOffset != nil {
            if let (p, len) = parts.longest(in: t, at: i) {
                spec.part = p
                return (spec, i + len)
            }
        }
        // Day
        if let (d, e0) = number(t, at: i), let e = skipSpaces(t, e0), let u = t.at(e), u == "日" || u == "号" || u == "號", (1...31).contains(d) {
            spec.day = d
            i = e + 1
        }
        guard !spec.isEmpty else { return nil }
        // A year alone needs 年; a month alone needs 月 — both already required above.
        return (spec, i)
    }

    /// 年初, 年中, 年底, 年末, 上半年 after a year word (the 年 may be part of the word: 去年底).
    static func yearPart(_ t: ScalarText, at i: Int) -> (DateModifier, Int)? {
        var k = i
        if t.at(k) == "年" { k += 1 }
        if let (p, len) = parts.longest(in: t, at: k), p != .mid || t.at(k + 1) != "旬" {
            if k == i && !(t.at(i - 1) == "年") { return nil }
            return (p, k - i + len)
        }
        return nil
    }

    /// The index after spaces at `i` (2008 年, 3 月).
    static func skipSpaces(_ t: ScalarText, _ i: Int) -> Int? {
        var k = i
        while let c = t.at(k), ScalarText.isSpace(c) { k += 1 }
        return k
    }

    /// True when `start..<end` is two digit characters (08, 九八, 〇七), not 十 and a digit.
    static func isTwoDigitYear(_ t: ScalarText, _ start: Int, _ end: Int) -> Bool {
        (start..<end).allSatisfy { ScalarText.isDigit(t[$0]) || ChineseNumeral.isChineseDigit(t[$0]) }
    }

    static func digitsOnly(_ t: ScalarText, at i: Int) -> (Int, Int)? {
        var k = i
        var v = 0
        while let c = t.at(k), ScalarText.isDigit(c), k - i < 5 { v = v * 10 + Int(c.value - 0x30); k += 1 }
        return k > i ? (v, k) : nil
    }

    static func relativeAgo(_ t: ScalarText, at e: Int, n: Int) -> (DateSpec, Int)? {
        var k = e
        // 2018年以前 and 07年以后 name years, never "2018 years ago".
        if t.at(e) == "年" || (t.at(e).map(ScalarText.isSpace) ?? false) {
            var s = e
            while s > 0, ScalarText.isDigit(t[s - 1]) || ChineseNumeral.isChineseDigit(t[s - 1]) { s -= 1 }
            if n >= 1000 || (e - s == 2 && (t[s] == "0" || t[s] == "零" || t[s] == "〇")) { return nil }
        }
        if t.at(k) == "多" { k += 1 }
        let units: [(String, Int)] = [("个星期", 7), ("個星期", 7), ("星期", 7), ("周", 7), ("週", 7), ("个礼拜", 7), ("礼拜", 7),
                                      ("天", 1), ("日", 1), ("个月", 30), ("個月", 30), ("年", 365)]
        for (word, mult) in units {
            let w = Array(word.unicodeScalars)
            guard t.matches(w, at: k) else { continue }
            var j = k + w.count
            var sign = 0
            for (dir, s) in [("以前", -1), ("之前", -1), ("前", -1), ("以后", 1), ("之后", 1), ("以後", 1), ("之後", 1), ("后", 1), ("後", 1)] {
                let d = Array(dir.unicodeScalars)
                if t.matches(d, at: j) { sign = s; j += d.count; break }
            }
            guard sign != 0 else { return nil }
            return (DateSpec.offset(n, unitDays: mult, sign: sign), j)
        }
        return nil
    }

    static func week(_ t: ScalarText, at start: Int) -> (DateSpec, Int)? {
        var i = start
        var spec = DateSpec()
        if let (off, len) = weekPrefixes.longest(in: t, at: i), weekWords.longest(in: t, at: i + len) != nil
            || t.matches(Array("个星期".unicodeScalars), at: i + len) {
            spec.weekOffset = off
            i += len
        }
        if t.at(i) == "个" || t.at(i) == "個" { i += 1 }
        guard let (_, len) = weekWords.longest(in: t, at: i) else { return nil }
        i += len
        if let c = t.at(i), let wd = weekdayValue(c) {
            // 周日 is Sunday, but 周日本 … is not a concern inside a mention.
            spec.weekday = wd
            return (spec, i + 1)
        }
        if t.at(i) == "末" {
            spec.weekend = true
            return (spec, i + 1)
        }
        guard spec.weekOffset != nil else { return nil }
        spec.weekIsWhole = true
        return (spec, i)
    }
}
