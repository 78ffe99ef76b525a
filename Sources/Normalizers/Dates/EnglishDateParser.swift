import Records

/// Reads English date expressions: March 11, 11 March 2025, Mar. 11, Dec. 31, 1994, March 2025,
/// 2025, 2025-04-04, 4/4/2025 (month first), today, yesterday, the day before yesterday,
/// (on|last|next|this) Wednesday, last/next/this week|month|year, two days ago, in three weeks,
/// third Tuesday of September 2014, late/early/mid February, the beginning of 2000, mid-2024,
/// the end of last year, weekend, and ranges: Nov 18-Dec 19, 2015; March 11-13; 11-13 March;
/// 1995-1997; from 1995 to 1997; between March and May.
public enum EnglishDateParser {
    /// The date in `text` resolved against `context`, or nil when there is none.
    public static func parse(_ text: String, context: NormalizationContext) -> DateValue? {
        guard Normalization.isReadable(text) else { return nil }
        return parse(ScalarText(text), context: context)
    }

    /// The unresolved expression(s): one spec, or two for a range.
    public static func specs(_ text: String) -> [DateSpec]? { Normalization.isReadable(text) ? specs(EnglishTokens(ScalarText(text))) : nil }

    static func parse(_ t: ScalarText, context: NormalizationContext) -> DateValue? {
        guard let s = specs(EnglishTokens(t)) else { return nil }
        return DateResolver.value(s, context: context)
    }

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let weekdays: [String: Int] = [
        "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3, "thursday": 4, "thu": 4,
        "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
    ]
    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1, "final": -1,
        "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
    ]
    static let fillers: Set<String> = ["on", "in", "at", "the", "during", "by", "from", "between", "of", "as", "early", "back", "to", "year", "circa", "around", "about", "c"]
    static let dayWords: [String: Int] = ["today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1]
    static let partsOfDay: Set<String> = ["morning", "afternoon", "evening", "night", "overnight"]

    static func specs(_ t: EnglishTokens) -> [DateSpec]? {
        // after 2018, before March, since Monday, 2000 onwards: one point with a bound.
        var lead = 0
        if t.word(0) == "the" { lead = 1 }
        if let (mod, len) = phrase(bounds, t, at: lead), let inner = specs(EnglishTokens(slicing: t, from: lead + len)), inner.count == 1 {
            var s = inner[0]
            s.part = mod
            return [s]
        }
        return unbounded(t)
    }

    static func unbounded(_ t: EnglishTokens) -> [DateSpec]? {
        var i = 0
        var bare: Int? = nil
        var first: DateSpec
        if point(t, at: 0) == nil { i = skipFillers(t, i) }  // "in two days" keeps its "in"
        if let (s, end) = point(t, at: i) {
            first = s
            i = end
        } else if t.count > i, t[i].kind == .number, t[i].suffix.isEmpty || ["st", "nd", "rd", "th"].contains(t[i].suffix),
                  let v = t[i].value?.integerValue, v < 10_000 {
            bare = Int(v)
            first = DateSpec()
            i += 1
        } else {
            return nil
        }
        if i < t.count {
            var j = i
            if t.isPunct(j, ",") { j += 1 }
            if t.isPunct(j, "-") || t.isPunct(j, "–") || t.isPunct(j, "—") || t.isPunct(j, "~") || ["to", "through", "until", "till", "and", "thru"].contains(t.word(j) ?? "") {
                j += 1
                if t.word(j) == "the" { j += 1 }
                if let (second, _) = point(t, at: j) {
                    // from the 3rd to the 7th of May: the start takes the end's month.
                    if first.day != nil, first.month == nil, first.monthOffset == nil, first.year == nil, first.dayOffset == nil,
                       first.weekday == nil, second.month != nil || second.monthOffset != nil {
                        first.month = second.month; first.monthOffset = second.monthOffset
                        first.year = second.year; first.shortYear = second.shortYear
                    }
                    if let b = bare {
                        if second.day != nil && b <= 31 { first.day = b; first.month = second.month; first.year = second.year; first.yearOffset = second.yearOffset; first.monthOffset = second.monthOffset }
                        else if second.day == nil && second.month == nil && second.year != nil { first.year = b }
                        else { return nil }
                    }
                    return [first, second]
                }
                // 2010-15: the end year written with its last two digits
                if let b = bare, (1000...2999).contains(b), j < t.count, t[j].kind == .number, t[j].text.count == 2, t[j].suffix.isEmpty,
                   let v = t[j].value?.integerValue, v > Int64(b % 100) {
                    var a = DateSpec(); a.year = b
                    var e = DateSpec(); e.year = b / 100 * 100 + Int(v)
                    return [a, e]
                }
                // between March and May: "may" ends the text, so it is the month.
                if t.word(j) == "may", j == t.count - 1 || year(t, at: j + 1) != nil, first.month != nil, first.day == nil {
                    var second = DateSpec()
                    second.month = 5
                    if let y = year(t, at: j + 1) { second.year = y }
                    return [first, second]
                }
                // March 11-13: a bare day after the separator.
                if bare == nil, j < t.count, t[j].kind == .number, let v = t[j].value?.integerValue {
                    var second = DateSpec()
                    if first.day != nil && (1...31).contains(v) && ["", "st", "nd", "rd", "th"].contains(t[j].suffix) {
                        second.day = Int(v)
                        // March 11-13, 2025
                        var k = j + 1
                        if t.isPunct(k, ",") { k += 1 }
                        if k < t.count, t[k].kind == .number, let y = t[k].value?.integerValue, (1000...2999).contains(y) {
                            second.year = Int(y); first.year = first.year ?? Int(y)
                        }
                        return [first, second]
                    }
                    if first.day == nil && first.month == nil && first.year != nil && (1000...2999).contains(v) {
                        second.year = Int(v)
                        return [first, second]
                    }
                    // 2010-15: the end year written with its last two digits
                    if first.day == nil && first.month == nil, let y = first.year, t[j].text.count == 2, v > Int64(y % 100) {
                        second.year = y / 100 * 100 + Int(v)
                        return [first, second]
                    }
                }
            }
        }
        if bare == nil, !first.isEmpty, let (mod, _) = phrase(trailingBounds, t, at: i) { first.part = mod }
        guard bare == nil, !first.isEmpty else {
            if let b = bare, (1000...2999).contains(b), t[i - 1].suffix.isEmpty,
               !(t.isPunct(i, "-") || t.isPunct(i, "/")) || !(i + 1 < t.count && t[i + 1].kind == .number) { var s = DateSpec(); s.year = b; return [s] }
            return nil
        }
        return [first]
    }

    static func skipFillers(_ t: EnglishTokens, _ start: Int) -> Int {
        var i = start
        while let w = t.word(i), fillers.contains(w) {
            if w == "early", let n = t.word(i + 1), months[n] != nil || n == "this" || n == "last" || n == "next" { break }
            i += 1
        }
        return i
    }

    /// A year written as four digits (1000–2999) at token `i`.
    static func year(_ t: EnglishTokens, at i: Int) -> Int? {
        guard i < t.count, t[i].kind == .number, t[i].suffix.isEmpty, !t[i].hasFraction,
              let v = t[i].value?.integerValue, (1000...2999).contains(v), t[i].text.count == 4 else { return nil }
        return Int(v)
    }

    /// A day of the month (11, 11th) at token `i`.
    static func day(_ t: EnglishTokens, at i: Int) -> Int? {
        guard i < t.count, t[i].kind == .number, ["", "st", "nd", "rd", "th"].contains(t[i].suffix), !t[i].hasFraction,
              let v = t[i].value?.integerValue, (1...31).contains(v), t[i].text.count <= 2 else { return nil }
        return Int(v)
    }

    static func point(_ t: EnglishTokens, at start: Int) -> (DateSpec, Int)? {
        var i = start
        var spec = DateSpec()
        guard i < t.count else { return nil }
        // Part of a period: early/mid/late X, the beginning/start/middle/end of X, mid-2024.
        if let w = t.word(i) {
            var part: DateModifier? = nil
            var k = i + 1
            switch w {
            case "early", "beginning", "start": part = .start
            case "mid", "middle": part = .mid
            case "late", "end": part = .end
            default: break
            }
            if part != nil {
                if t.isPunct(k, "-") { k += 1 }
                if t.word(k) == "of" { k += 1 }
                if t.word(k) == "the" { k += 1 }
                if t.word(k) == "month" || t.word(k) == "year" {
                    var s = DateSpec()
                    if t.word(k) == "month" { s.monthOffset = 0 } else { s.yearOffset = 0 }
                    s.part = part
                    return (s, k + 1)
                }
                if let (inner, end) = point(t, at: k), inner.day == nil, inner.dayOffset == nil, inner.weekday == nil, !inner.weekIsWhole {
                    var s = inner
                    s.part = part
                    return (s, end)
                }
            }
        }
        if let r = holiday(t, at: i) { return r }
        // the day after Christmas, the day before March 5
        if t.word(i) == "day", let d = t.word(i + 1), d == "after" || d == "before", t.word(i + 2) != "tomorrow", t.word(i + 2) != "yesterday" {
            var k = i + 2
            if t.word(k) == "the" { k += 1 }
            if let (inner, end) = point(t, at: k), inner.dayOffset == nil {
                var s = inner
                s.shiftDays = (s.shiftDays ?? 0) + (d == "after" ? 1 : -1)
                return (s, end)
            }
        }
        if let w = t.word(i), let off = dayWords[w] {
            spec.dayOffset = off
            i += 1
            if let p = t.word(i), partsOfDay.contains(p) { i += 1 }
            return (spec, i)
        }
        if t.word(i) == "day", t.word(i + 1) == "before", t.word(i + 2) == "yesterday" { spec.dayOffset = -2; return (spec, i + 3) }
        if t.word(i) == "day", t.word(i + 1) == "after", t.word(i + 2) == "tomorrow" { spec.dayOffset = 2; return (spec, i + 3) }
        if t.word(i) == "this", let p = t.word(i + 1), partsOfDay.contains(p) { spec.dayOffset = 0; return (spec, i + 2) }
        if t.word(i) == "last", t.word(i + 1) == "night" { spec.dayOffset = -1; return (spec, i + 2) }
        // ISO 2025-04-04 and 2025/04/04; US 4/4/2025 and 4/4.
        if let r = numericForms(t, at: i) { return r }
        // two days ago, a week ago, three years later, in two weeks
        if let r = ago(t, at: i) { return r }
        // Relative words: last/next/this/past/coming + weekday|week|month|year|weekend
        if let w = t.word(i), let rel = ["last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0, "current": 0][w] {
            // next Christmas, last Easter, this Thanksgiving
            if let (h, len) = Holiday.english(t, at: i + 1) {
                spec.holiday = h
                if rel == 0 { spec.yearOffset = 0 } else { spec.weekdayRule = rel < 0 ? .before : .after }
                return (spec, i + 1 + len)
            }
            if let n = t.word(i + 1) {
                if let wd = weekdays[n], t.word(i + 2) != "of", t.word(i + 2) != "in" {
                    spec.weekday = wd
                    switch w {
                    case "this", "current": spec.weekOffset = 0
                    case "next", "coming": spec.weekdayRule = .after
                    default: spec.weekdayRule = .before
                    }
                    return (spec, skipDayPart(t, i + 2))
                }
                switch n {
                case "week":
                    spec.weekOffset = rel
                    // next week Wednesday, last week on Monday
                    var k = i + 2
                    if t.word(k) == "on" { k += 1 }
                    if let wdw = t.word(k), let wd = weekdays[wdw] { spec.weekday = wd; return (spec, skipDayPart(t, k + 1)) }
                    spec.weekIsWhole = true
                    return (spec, i + 2)
                case "weekend": spec.weekOffset = rel; spec.weekend = true; return (spec, i + 2)
                case "month": spec.monthOffset = rel; return (spec, i + 2)
                case "year": spec.yearOffset = rel; return (spec, i + 2)
                default: break
                }
                if let m = months[n] {
                    // last March: the most recent March before this month; next March: the first after.
                    spec.month = m
                    if rel != 0 { spec.weekdayRule = rel < 0 ? .before : .after }
                    return (spec, i + 2)
                }
            }
        }
        if t.word(i) == "weekend" { spec.weekend = true; return (spec, i + 1) }
        // the year before last, the week after next
        let b = t.word(i) == "the" ? i + 1 : i
        if let u = t.word(b), ["week", "month", "year"].contains(u), let d = t.word(b + 1), let r = t.word(b + 2),
           (d == "before" && r == "last") || (d == "after" && r == "next") {
            let off = d == "before" ? -2 : 2
            switch u {
            case "week": spec.weekOffset = off; spec.weekIsWhole = true
            case "month": spec.monthOffset = off
            default: spec.yearOffset = off
            }
            return (spec, b + 3)
        }
        // third Tuesday of September 2014
        if let w = t.word(i) ?? (i < t.count && t[i].kind == .number ? t[i].text + t[i].suffix : nil), let n = ordinals[w],
           let wdw = t.word(i + 1), let wd = weekdays[wdw] {
            var k = i + 2
            if t.word(k) == "of" || t.word(k) == "in" { k += 1 }
            guard let (inner, end) = point(t, at: k), inner.day == nil, inner.month != nil || inner.monthOffset != nil else { return nil }
            spec = inner
            spec.nth = n
            spec.weekday = wd
            return (spec, end)
        }
        // Weekday, optionally followed by a date: Wednesday, March 19
        if let w = t.word(i), let wd = weekdays[w] {
            var k = i + 1
            if t.isPunct(k, ".") { k += 1 }
            if t.isPunct(k, ",") { k += 1 }
            if let (s, end) = point(t, at: k), s.day != nil { return (s, end) }
            spec.weekday = wd
            // Wednesday next week, Monday of last week, Friday this week
            var j = skipDayPart(t, i + 1)
            if t.word(j) == "of" { j += 1 }
            if let rw = t.word(j), let rel = ["last": -1, "next": 1, "this": 0, "previous": -1, "coming": 1][rw], t.word(j + 1) == "week" {
                spec.weekOffset = rel
                return (spec, j + 2)
            }
            return (spec, skipDayPart(t, i + 1))
        }
        // Month name forms: March 11[, 2025]; March 2025; March
        if let w = t.word(i), let m = months[w], !(w == "may" && !isDateish(t, i + 1)) && !(w == "mar" && !isDateish(t, i + 1)) && !(w == "jan" && false) {
            spec.month = m
            var k = i + 1
            if t.isPunct(k, ".") { k += 1 }
            // Aug-05-2016, Dec-2018
            if t.isPunct(k, "-"), t.adjacent(k - 1), k + 1 < t.count, t[k + 1].kind == .number { k += 1 }
            var dk = k
            if t.word(dk) == "the" { dk += 1 }
            if let (d, e) = anyDay(t, at: dk), spelledYear(t, at: dk) == nil {
                spec.day = d
                k = e
                if t.isPunct(k, ",") || t.isPunct(k, "-") { if yearAt(t, at: k + 1) != nil { k += 1 } }
            } else if t.isPunct(k, ",") || t.word(k) == "of" {
                // June of 1992, Dec, 2018
                if yearAt(t, at: k + 1) != nil { k += 1 }
            }
            if let y = yearAt(t, at: k) { apply(y, to: &spec); k = y.end }
            else if let rw = t.word(k), let rel = ["last": -1, "next": 1, "this": 0][rw], t.word(k + 1) == "year" {
                spec.yearOffset = rel; k += 2
            }
            return (spec, k)
        }
        // Day-first forms: 11 March 2025, the 11th of March
        if let (d, e) = anyDay(t, at: i), spelledYear(t, at: i) == nil {
            var k = e
            if t.word(k) == "of" { k += 1 }
            if let w = t.word(k), let m = months[w] {
                spec.day = d
                spec.month = m
                k += 1
                if t.isPunct(k, ".") { k += 1 }
                if t.isPunct(k, ",") { if yearAt(t, at: k + 1) != nil { k += 1 } }
                if let y = yearAt(t, at: k) { apply(y, to: &spec); k = y.end }
                return (spec, k)
            }
            // the 20th of next month, the 5th of this month
            if t.word(e) == "of", let rw = t.word(e + 1), let rel = ["last": -1, "next": 1, "this": 0, "previous": -1][rw], t.word(e + 2) == "month" {
                spec.day = d
                spec.monthOffset = rel
                return (spec, e + 3)
            }
            // the 15th: a day of the reference's month (an ordinal only, so "15" stays a number)
            if t[i].kind == .word || !t[i].suffix.isEmpty {
                spec.day = d
                return (spec, e)
            }
        }
        if t.word(i) == "year", let y = yearAt(t, at: i + 1) { apply(y, to: &spec); return (spec, y.end) }
        if let y = yearAt(t, at: i), y.year != nil {
            // 2018-13, 2016/7: a numeric date that did not read is not a year.
            if y.end == i + 1, t.isPunct(i + 1, "-") || t.isPunct(i + 1, "/") || t.isPunct(i + 1, "."), t.adjacent(i), t.adjacent(i + 1),
               i + 2 < t.count, t[i + 2].kind == .number, t[i + 2].text.count <= 2 { return nil }
            apply(y, to: &spec)
            return (spec, y.end)
        }
        return nil
    }

    /// After "May"/"Mar" a date must follow, so the verb and the noun are not read as months.
    static func isDateish(_ t: EnglishTokens, _ i: Int) -> Bool {
        var k = i
        if t.isPunct(k, ".") || t.isPunct(k, ",") || t.word(k) == "of" { k += 1 }
        return day(t, at: k) != nil || yearAt(t, at: k) != nil || ordinalDay(t, at: k) != nil
    }

    static func skipDayPart(_ t: EnglishTokens, _ i: Int) -> Int {
        if let p = t.word(i), partsOfDay.contains(p) { return i + 1 }
        return i
    }

    /// A holiday at `i`, with an optional year (Christmas 2018, Easter of 2019, Thanksgiving last year).
    static func holiday(_ t: EnglishTokens, at i: Int) -> (DateSpec, Int)? {
        guard let (h, len) = Holiday.english(t, at: i) else { return nil }
        var spec = DateSpec()
        spec.holiday = h
        var k = i + len
        var yk = k
        if t.word(yk) == "of" || t.isPunct(yk, ",") { yk += 1 }
        if let y = yearAt(t, at: yk), y.year != nil || y.short != nil { apply(y, to: &spec); k = y.end }
        else if let rw = t.word(k), let rel = ["last": -1, "next": 1, "this": 0][rw], t.word(k + 1) == "year" { spec.yearOffset = rel; k += 2 }
        return (spec, k)
    }

    static let agoUnits: [String: Int] = [
        "day": 1, "days": 1, "week": 7, "weeks": 7, "fortnight": 14, "month": 30, "months": 30, "year": 365, "years": 365,
    ]

    static func ago(_ t: EnglishTokens, at i: Int) -> (DateSpec, Int)? {
        var k = i
        var sign = 0
        if t.word(k) == "in" || t.word(k) == "within" { sign = 1; k += 1 }
        if t.word(k) == "the", sign == 0 { k += 1 }
        let n: Int
        if let w = t.word(k), w == "a" || w == "an" || w == "one" { n = 1; k += 1 }
        else if let (r, end) = EnglishNumber.read(t, from: k), let v = r.value.integerValue, v < 100_000 { n = Int(v); k = end }
        else { return nil }
        guard let uw = t.word(k), let mult = agoUnits[uw] else { return nil }
        k += 1
        // 3 days after Christmas, two weeks before March 5: an offset from a named day.
        if sign == 0, mult < 30, let d = t.word(k), d == "after" || d == "before" || d == "from" {
            var j = k + 1
            if t.word(j) == "the" { j += 1 }
            if t.word(j) != "now", let (inner, end) = point(t, at: j), !inner.weekIsWhole {
                var s = inner
                s.shiftDays = (s.shiftDays ?? 0) + (d == "before" ? -1 : 1) * n * mult
                return (s, end)
            }
        }
        if sign == 0 {
            switch t.word(k) {
            case "ago", "earlier", "before", "previously": sign = -1
            case "later", "after", "hence": sign = 1
            case "from": if t.word(k + 1) == "now" { sign = 1; k += 1 } else { return nil }
            default: return nil
            }
            k += 1
        }
        return (DateSpec.offset(n, unitDays: mult, sign: sign), k)
    }
}
