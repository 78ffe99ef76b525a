import Records

/// The parts of a duration (3 years + 6 months) and their ISO 8601 form.
///
/// - `iso` is exact: a fraction moves down to the next unit when that is exact (三年半 → P3Y6M,
///   1.5 hours → PT1H30M, half a day → PT12H); otherwise it stays decimal (a month and a half →
///   P1.5M). Weeks mixed with other units become days (一个星期又三天 → P10D).
/// - `amount`/`unit`: one written part keeps its own amount and unit (三年半 → 3.5 year);
///   several parts are summed in the smallest unit when the conversion is exact (两小时十分 →
///   130 minute); when it is not (1 year 2 days), the largest part's amount and unit are kept.
public struct DurationParts: Sendable {
    /// A unit of time, largest first.
    public enum Unit: Int, Sendable, Comparable, CaseIterable {
        case year, month, week, day, hour, minute, second
        public static func < (a: Unit, b: Unit) -> Bool { a.rawValue < b.rawValue }
        var name: String { ["year", "month", "week", "day", "hour", "minute", "second"][rawValue] }
        var designator: String { ["Y", "M", "W", "D", "H", "M", "S"][rawValue] }
        /// How many of the next smaller unit make one of this, when exact.
        var exactDown: (Unit, Int64)? {
            switch self {
            case .year: (.month, 12)
            case .week: (.day, 7)
            case .day: (.hour, 24)
            case .hour: (.minute, 60)
            case .minute: (.second, 60)
            case .month, .second: nil
            }
        }
    }

    /// The parts in the order written.
    public var parts: [(Unit, ExactNumber)]

    public init(_ parts: [(Unit, ExactNumber)]) { self.parts = parts }

    /// The value, or nil when an amount overflows.
    public var value: DurationValue? {
        guard let first = parts.first, let iso = isoString else { return nil }
        if parts.count == 1 {
            guard let a = first.1.doubleValue else { return nil }
            return DurationValue(iso: iso, amount: a, unit: first.0.name)
        }
        let smallest = parts.map(\.0).max()!
        var total = ExactNumber.zero
        var exact = true
        for (u, a) in parts {
            guard let f = factor(from: u, to: smallest), let m = a.multiplied(by: f), let s = total.adding(m) else { exact = false; break }
            total = s
        }
        if exact, let a = total.doubleValue { return DurationValue(iso: iso, amount: a, unit: smallest.name) }
        let largest = parts.min { $0.0 < $1.0 }!
        guard let a = largest.1.doubleValue else { return nil }
        return DurationValue(iso: iso, amount: a, unit: largest.0.name)
    }

    /// Units of `to` in one `from`, when exact.
    func factor(from: Unit, to: Unit) -> Int64? {
        var f: Int64 = 1
        var u = from
        while u != to {
            guard let (next, k) = u.exactDown else { return nil }
            f *= k
            u = next
        }
        return f
    }

    /// ISO 8601 text, or nil on overflow.
    public var isoString: String? {
        var amounts: [Unit: ExactNumber] = [:]
        for (u, a) in parts {
            guard let s = (amounts[u] ?? .zero).adding(a) else { return nil }
            amounts[u] = s
        }
        if let w = amounts[.week], amounts.count > 1 {
            guard let d = w.multiplied(by: 7), let s = (amounts[.day] ?? .zero).adding(d) else { return nil }
            amounts[.day] = s
            amounts[.week] = nil
        }
        // Move exact fractions down.
        for u in Unit.allCases {
            guard let a = amounts[u], !a.isInteger, let (next, k) = u.exactDown else { continue }
            let whole = ExactNumber(a.significand / ExactNumber.powersOfTen[a.scale])
            let frac = ExactNumber(significand: a.significand % ExactNumber.powersOfTen[a.scale], scale: a.scale)!
            guard let moved = frac.multiplied(by: k), moved.isInteger, let s = (amounts[next] ?? .zero).adding(moved) else { continue }
            amounts[next] = s
            amounts[u] = whole == .zero ? nil : whole
        }
        var date = ""
        var time = ""
        for u in Unit.allCases {
            guard let a = amounts[u], a != .zero else { continue }
            if u >= .hour { time += a.description + u.designator } else { date += a.description + u.designator }
        }
        if date.isEmpty && time.isEmpty { return "PT0S" }
        return "P" + date + (time.isEmpty ? "" : "T" + time)
    }
}
