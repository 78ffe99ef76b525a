import Records

/// Resolves `DateSpec`s against a reference date, past-biased as news is:
/// - 3月11日 / March 11 without a year: the nearest occurrence on or before the reference;
///   a month alone likewise (the reference's own month counts);
/// - 11日 / the 11th without a month: the reference's month (and year);
/// - a bare weekday: the most recent such day on or before the reference; 上周二 / 下周三 /
///   本周五 count calendar weeks Monday–Sunday; "last/next Tuesday" are strictly before/after;
/// - N天前 / two days ago count days; months and years ago keep month/year precision.
public enum DateResolver {
    /// A resolved point at the precision the text gave.
    public enum Point: Hashable, Sendable, Comparable {
        case year(Int)
        case month(Int, Int)
        case day(CivilDate)

        /// ISO 8601 at this precision.
        public var iso: String {
            switch self {
            case .year(let y): pad(y, 4)
            case .month(let y, let m): "\(pad(y, 4))-\(pad(m, 2))"
            case .day(let d): d.iso
            }
        }

        var sortKey: (Int, Int, Int) {
            switch self {
            case .year(let y): (y, 0, 0)
            case .month(let y, let m): (y, m, 0)
            case .day(let d): (d.year, d.month, d.day)
            }
        }

        public static func < (a: Point, b: Point) -> Bool { a.sortKey < b.sortKey }
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(abs(v))
        return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// A resolved value: one point, or a range.
    enum Resolved {
        case point(Point)
        case range(Point, Point)
    }

    /// The Monday of the calendar week holding `date`.
    public static func monday(of date: CivilDate) -> CivilDate { date.adding(days: 1 - date.weekday) }

    /// `weekday` (1 = Monday) placed by `rule` relative to `reference`.
    public static func weekday(_ weekday: Int, rule: DateSpec.WeekdayRule, reference: CivilDate) -> CivilDate {
        let diff = (reference.weekday - weekday + 7) % 7
        switch rule {
        case .onOrBefore: return reference.adding(days: -diff)
        case .before: return reference.adding(days: -(diff == 0 ? 7 : diff))
        case .after:
            let ahead = (weekday - reference.weekday + 7) % 7
            return reference.adding(days: ahead == 0 ? 7 : ahead)
        }
    }

    /// The year and month `offset` months from (year, month).
    static func addMonths(_ year: Int, _ month: Int, _ offset: Int) -> (Int, Int) {
        let total = year * 12 + (month - 1) + offset
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        return (y, total - y * 12 + 1)
    }

    /// The n-th (negative: from the end) `weekday` of a month, or nil when there is none.
    public static func nthWeekday(_ n: Int, _ weekday: Int, year: Int, month: Int) -> CivilDate? {
        if n > 0 {
            guard let first = CivilDate(year: year, month: month, day: 1) else { return nil }
            let d = first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (n - 1))
            return d.month == month ? d : nil
        }
        guard let last = CivilDate(year: year, month: month, day: CivilDate.daysIn(year: year, month: month)) else { return nil }
        let d = last.adding(days: -((last.weekday - weekday + 7) % 7) + 7 * (n + 1))
        return d.month == month ? d : nil
    }

    /// Resolves `spec`; nil when the date does not exist or `reference` is needed and nil.
    static func resolve(_ spec: DateSpec, reference ref: CivilDate?) -> Resolved? {
        var spec = spec
        if let short = spec.shortYear, spec.year == nil {
            if let r = ref {
                var y = r.year / 100 * 100 + short
                if y > r.year { y -= 100 }
                spec.year = y
            } else {
                spec.year = short < 50 ? 2000 + short : 1900 + short
            }
        }
        guard let shift = spec.shiftDays else { return resolveUnshifted(spec, reference: ref) }
        spec.shiftDays = nil
        switch resolveUnshifted(spec, reference: ref) {
        case .point(.day(let d))?: return .point(.day(d.adding(days: shift)))
        case .range(.day(let a), .day(let b))?: return .range(.day(a.adding(days: shift)), .day(b.adding(days: shift)))
        default: return nil
        }
    }

    static func resolveUnshifted(_ spec: DateSpec, reference ref: CivilDate?) -> Resolved? {
        if let holiday = spec.holiday {
            if let y = spec.year ?? spec.yearOffset.flatMap({ o in ref.map { $0.year + o } }) {
                return holiday.date(in: y).map { .point(.day($0)) }
            }
            guard let r = ref else { return nil }
            switch spec.weekdayRule {
            case .after:
                // next Christmas: the first one after the reference day
                guard let d = holiday.date(in: r.year) else { return nil }
                return (d > r ? d : holiday.date(in: r.year + 1)).map { .point(.day($0)) }
            case .before:
                guard let d = holiday.date(in: r.year) else { return nil }
                return (d < r ? d : holiday.date(in: r.year - 1)).map { .point(.day($0)) }
            case .onOrBefore:
                return holiday.latest(onOrBefore: r).map { .point(.day($0)) }
            }
        }
        if spec.needsReference && ref == nil { return nil }
        if let off = spec.dayOffset, let r = ref { return .point(.day(r.adding(days: off))) }
        if let r = ref, spec.weekend {
            let sat: CivilDate
            if let w = spec.weekOffset { sat = monday(of: r).adding(days: 7 * w + 5) }
            else { sat = weekday(6, rule: .onOrBefore, reference: r.weekday == 7 ? r.adding(days: -1) : r) }
            return .range(.day(sat), .day(sat.adding(days: 1)))
        }
        if let wd = spec.weekday, spec.nth == nil, let r = ref {
            if let w = spec.weekOffset { return .point(.day(monday(of: r).adding(days: 7 * w + wd - 1))) }
            return .point(.day(weekday(wd, rule: spec.weekdayRule, reference: r)))
        }
        if spec.weekIsWhole, let w = spec.weekOffset, let r = ref {
            let mon = monday(of: r).adding(days: 7 * w)
            return .range(.day(mon), .day(mon.adding(days: 6)))
        }
        var y = spec.year ?? spec.yearOffset.map { ref!.year + $0 }
        var m = spec.month
        if let mo = spec.monthOffset, let r = ref {
            let base = y ?? r.year
            (y, m) = addMonths(base, r.month, mo)
        }
        if let nth = spec.nth, let wd = spec.weekday {
            guard let mm = m else { return nil }
            let yy = y ?? pastYear(month: mm, day: 1, ref: ref!)
            return CivilDate(year: yy, month: mm, day: 1).flatMap { _ in nthWeekday(nth, wd, year: yy, month: mm) }.map { .point(.day($0)) }
        }
        if let d = spec.day {
            if m == nil {
                guard let r = ref else { return nil }
                m = r.month
                y = y ?? r.year
            }
            let yy = y ?? pastYear(month: m!, day: d, ref: ref!)
            guard let date = CivilDate(year: yy, month: m!, day: d) else { return nil }
            return .point(.day(date))
        }
        if let mm = m {
            guard (1...12).contains(mm) else { return nil }
            var yy = y ?? pastYear(month: mm, day: 1, ref: ref!)
            if y == nil, let r = ref {
                if spec.weekdayRule == .before { yy = mm < r.month ? r.year : r.year - 1 }
                if spec.weekdayRule == .after { yy = mm > r.month ? r.year : r.year + 1 }
            }
            return .point(.month(yy, mm))
        }
        if let yy = y { return .point(.year(yy)) }
        return nil
    }

    /// The year that puts month/day on or before the reference.
    static func pastYear(month: Int, day: Int, ref: CivilDate) -> Int {
        (month, day) <= (ref.month, ref.day) ? ref.year : ref.year - 1
    }

    /// Resolves a range: the end inherits what it does not say from the start (3月11日至13日),
    /// the start takes the end's explicit year (Nov 18-Dec 19, 2015), and an end before the
    /// start moves on a year (or a month) when that part was inherited.
    static func resolveRange(_ a: DateSpec, _ b: DateSpec, reference ref: CivilDate?) -> Resolved? {
        var a = a
        var b = b
        if a.year == nil && a.yearOffset == nil && a.monthOffset == nil, let y = b.year { a.year = y }
        guard case .point(let start)? = resolve(a, reference: ref) else { return nil }
        var inheritedYear = false
        var inheritedMonth = false
        if b.year == nil && b.yearOffset == nil && b.monthOffset == nil && b.dayOffset == nil && b.weekday == nil {
            switch start {
            case .day(let d):
                if b.month == nil && b.day != nil { b.month = d.month; inheritedMonth = true }
                b.year = d.year; inheritedYear = true
            case .month(let y, _): b.year = y; inheritedYear = true
            case .year(let y): if b.month != nil { b.year = y; inheritedYear = true }
            }
        }
        guard case .point(var end)? = resolve(b, reference: ref) else { return nil }
        if end < start {
            if inheritedMonth, case .day(let d) = end, let (yy, mm) = Optional(addMonths(d.year, d.month, 1)),
               let n = CivilDate(year: yy, month: mm, day: d.day) {
                end = .day(n)
            } else if inheritedYear {
                switch end {
                case .day(let d): if let n = CivilDate(year: d.year + 1, month: d.month, day: d.day) { end = .day(n) }
                case .month(let y, let m): end = .month(y + 1, m)
                case .year: break
                }
            }
        }
        return .range(start, end)
    }

    /// The DateValue for a parsed expression, with its anchor.
    static func value(_ specs: [DateSpec], context: NormalizationContext) -> DateValue? {
        guard let first = specs.first else { return nil }
        // Explicit when it resolves with no reference at all (a range's end may inherit its year).
        let explicit = specs.count >= 2
            ? resolveRange(first, specs[1], reference: nil)
            : resolve(first, reference: nil)
        let needsRef = explicit == nil && specs.contains { $0.needsReference }
        let anchor = needsRef ? context.anchor : "explicit"
        if needsRef && context.referenceDate == nil {
            return DateValue(date: nil, mod: first.part, anchor: anchor)
        }
        let resolved = specs.count >= 2
            ? resolveRange(first, specs[1], reference: context.referenceDate)
            : resolve(first, reference: context.referenceDate)
        switch resolved {
        case .point(let p)?: return DateValue(date: p.iso, mod: first.part, anchor: anchor)
        case .range(let a, let b)?: return DateValue(start: a.iso, end: b.iso, anchor: anchor)
        case nil: return nil
        }
    }
}
