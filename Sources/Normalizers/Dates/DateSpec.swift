import Records

/// A date expression as written, before it is resolved against a reference date.
/// Every field is optional; the parsers fill what the text says.
public struct DateSpec: Hashable, Sendable {
    /// `n` units before (sign −1) or after (+1) the reference, a unit being a day count:
    /// 30 reads as months, 365 as years, anything else as days (5天前, two weeks ago).
    public static func offset(_ n: Int, unitDays: Int, sign: Int) -> DateSpec {
        var spec = DateSpec()
        switch unitDays {
        case 30: spec.monthOffset = sign * n
        case 365: spec.yearOffset = sign * n
        default: spec.dayOffset = sign * n * unitDays
        }
        return spec
    }

    /// An explicit year (2025年, 2025).
    public var year: Int?
    /// A year relative to the reference (去年 −1, next year +1).
    public var yearOffset: Int?
    /// An explicit month, 1...12.
    public var month: Int?
    /// A month relative to the reference (上个月 −1).
    public var monthOffset: Int?
    /// An explicit day of the month, 1...31.
    public var day: Int?
    /// Days from the reference (昨天 −1, 5天前 −5, in two weeks +14).
    public var dayOffset: Int?
    /// ISO weekday 1 (Monday) … 7 (Sunday).
    public var weekday: Int?
    /// Calendar week (Monday–Sunday) relative to the reference's: 上周 −1, 本周 0, 下下周 +2.
    /// With `weekday` nil and `weekIsWhole`, the whole week is meant (a range).
    public var weekOffset: Int?
    /// The whole week (上周, next week) rather than one day.
    public var weekIsWhole = false
    /// Saturday–Sunday of the week (周末, weekend).
    public var weekend = false
    /// How a bare weekday is placed when `weekOffset` is nil.
    public var weekdayRule: WeekdayRule = .onOrBefore
    /// The n-th weekday of the month (third Tuesday: 3; last: −1).
    public var nth: Int?
    /// Part of the period (2月底 → end, early March → start), or a bound (after 2018, 2018年以前).
    public var part: DateModifier?
    /// A year written with two digits (08年, 10/31/74): the nearest such year not after the
    /// reference (news is about the past), or 19xx/20xx pivoting at 50 without one.
    public var shortYear: Int?
    /// A named day (Christmas, 春节) resolved in `year`, or its latest occurrence on or before the reference.
    public var holiday: Holiday?
    /// Days added once the point is resolved (3 days after Christmas: +3).
    public var shiftDays: Int?

    /// How a weekday without a week is resolved.
    public enum WeekdayRule: Hashable, Sendable {
        /// The most recent such day on or before the reference (news is past-biased): 周三, on Wednesday.
        case onOrBefore
        /// Strictly before the reference: last Tuesday.
        case before
        /// Strictly after the reference: next Tuesday, coming Friday.
        case after
    }

    public init() {}

    /// True when nothing was read.
    public var isEmpty: Bool { self == DateSpec() }

    /// True when resolving needs the reference date.
    public var needsReference: Bool {
        if holiday != nil && year == nil && yearOffset == nil { return true }
        if year != nil || shortYear != nil { return dayOffset != nil || (weekday != nil && nth == nil) || weekOffset != nil || weekend }
        return true
    }
}
