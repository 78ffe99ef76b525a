/// A non-negative decimal number held exactly: `significand × 10^-scale`.
///
/// Overflow policy (stated once, tested): every operation returns nil when a result would not
/// fit in an `Int64`, and `doubleValue` returns nil when the significand exceeds 2^53, the
/// largest integer a `Double` holds exactly. So "numbers beyond what fits exactly" read as nil,
/// never as a rounded or wrapped value.
public struct ExactNumber: Hashable, Sendable, CustomStringConvertible {
    /// The digits without the decimal point; never negative.
    public private(set) var significand: Int64
    /// Number of decimal places, 0...18; trailing fractional zeros are removed.
    public private(set) var scale: Int

    /// 2^53: the largest significand `doubleValue` converts exactly.
    public static let maxExactSignificand: Int64 = 1 << 53

    /// Zero.
    public static let zero = ExactNumber(0)

    /// An integer.
    public init(_ value: Int64) {
        significand = max(0, value)
        scale = 0
    }

    /// `significand × 10^-scale`, or nil when scale is outside 0...18 or the significand is negative.
    public init?(significand: Int64, scale: Int) {
        guard significand >= 0, (0...18).contains(scale) else { return nil }
        self.significand = significand
        self.scale = scale
        normalise()
    }

    private mutating func normalise() {
        while scale > 0 && significand % 10 == 0 {
            significand /= 10
            scale -= 1
        }
    }

    static let powersOfTen: [Int64] = (0...18).map { p in (0..<p).reduce(Int64(1)) { a, _ in a * 10 } }

    /// True when there is a fractional part.
    var hasFractionDigits: Bool { scale > 0 }

    /// True when there is no fractional part.
    public var isInteger: Bool { scale == 0 }

    /// The value as an integer, when it is one.
    public var integerValue: Int64? { scale == 0 ? significand : nil }

    /// The value as a Double, or nil when the significand exceeds 2^53 (see the overflow policy).
    public var doubleValue: Double? {
        guard significand <= ExactNumber.maxExactSignificand else { return nil }
        // Both operands are exact doubles, so IEEE division gives the nearest double to the decimal.
        return Double(significand) / Double(ExactNumber.powersOfTen[scale])
    }

    /// The sum, or nil on overflow.
    public func adding(_ other: ExactNumber) -> ExactNumber? {
        let s = max(scale, other.scale)
        guard let a = ExactNumber.rescale(significand, from: scale, to: s),
              let b = ExactNumber.rescale(other.significand, from: other.scale, to: s) else { return nil }
        let (sum, o) = a.addingReportingOverflow(b)
        guard !o else { return nil }
        return ExactNumber(significand: sum, scale: s)
    }

    /// The product with an integer, or nil on overflow.
    public func multiplied(by factor: Int64) -> ExactNumber? {
        let (p, o) = significand.multipliedReportingOverflow(by: factor)
        guard !o, p >= 0 else { return nil }
        return ExactNumber(significand: p, scale: scale)
    }

    /// The product, or nil on overflow.
    public func multiplied(by other: ExactNumber) -> ExactNumber? {
        let (p, o) = significand.multipliedReportingOverflow(by: other.significand)
        guard !o else { return nil }
        var s = scale + other.scale
        var v = p
        while s > 18 { // drop digits we cannot hold only when they are zeros
            guard v % 10 == 0 else { return nil }
            v /= 10
            s -= 1
        }
        return ExactNumber(significand: v, scale: s)
    }

    /// The value divided by 10^places (exact), or nil when too many places.
    public func shifted(right places: Int) -> ExactNumber? {
        ExactNumber(significand: significand, scale: scale + places)
    }

    /// `0.d₁d₂…` from fractional digits, or nil when there are too many to hold.
    static func fraction(digits: [Int]) -> ExactNumber? {
        var v: Int64 = 0
        for d in digits {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(d))
            guard !o1, !o2 else { return nil }
            v = a
        }
        return ExactNumber(significand: v, scale: digits.count)
    }

    private static func rescale(_ v: Int64, from: Int, to: Int) -> Int64? {
        guard to > from else { return v }
        let (r, o) = v.multipliedReportingOverflow(by: powersOfTen[to - from])
        return o ? nil : r
    }

    /// Decimal text such as `19980` or `0.5544`.
    public var description: String {
        guard scale > 0 else { return String(significand) }
        var digits = String(significand)
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        let cut = digits.index(digits.endIndex, offsetBy: -scale)
        return digits[..<cut] + "." + digits[cut...]
    }
}

extension ExactNumber: Comparable {
    public static func < (a: ExactNumber, b: ExactNumber) -> Bool {
        // Compare by cross-scaling; when scaling overflows, the bigger integer part wins.
        if let x = rescaleForCompare(a, b.scale), let y = rescaleForCompare(b, a.scale) { return x < y }
        return (a.significand / powersOfTen[a.scale]) < (b.significand / powersOfTen[b.scale])
    }

    private static func rescaleForCompare(_ n: ExactNumber, _ otherScale: Int) -> Int64? {
        let s = max(n.scale, otherScale)
        let (r, o) = n.significand.multipliedReportingOverflow(by: powersOfTen[s - n.scale])
        return o ? nil : r
    }
}
