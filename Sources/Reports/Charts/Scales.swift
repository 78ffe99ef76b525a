/// Maps numbers in `domain` linearly onto pixels from `start` to `end` (`end` may be smaller: SVG's
/// y axis grows downwards). A domain of one point maps to `start`, so an all-zero series draws
/// flat instead of dividing by zero.
public struct LinearScale: Sendable, Equatable {
    public var domain: ClosedRange<Double>
    /// Pixel of the domain's lower bound.
    public var start: Double
    /// Pixel of the domain's upper bound.
    public var end: Double

    public init(domain: ClosedRange<Double>, from start: Double, to end: Double) {
        self.domain = domain
        self.start = start
        self.end = end
    }

    /// A scale from 0 to the first tick (of about `ticks` round steps) at or above `maximum`, so the
    /// top grid line is the top of the chart; 0...1 when `maximum` ≤ 0.
    public static func zeroBased(maximum: Double, from start: Double, to end: Double, ticks: Int = 4) -> LinearScale {
        guard maximum > 0 else { return LinearScale(domain: 0...1, from: start, to: end) }
        let step = tickStep(span: maximum, count: ticks)
        return LinearScale(domain: 0...((maximum / step).rounded(.up) * step), from: start, to: end)
    }

    public func callAsFunction(_ value: Double) -> Double {
        let width = domain.upperBound - domain.lowerBound
        guard width > 0 else { return start }
        return start + (value - domain.lowerBound) / width * (end - start)
    }

    /// Round tick values from the domain start to its end, about `count` of them, steps of 1, 2 or 5 × 10ⁿ
    /// (integers only: the charts count things).
    public func ticks(count: Int = 5) -> [Double] {
        let step = LinearScale.tickStep(span: domain.upperBound - domain.lowerBound, count: count)
        guard step > 0 else { return [domain.lowerBound] }
        var ticks: [Double] = []
        var t = (domain.lowerBound / step).rounded(.up) * step
        while t <= domain.upperBound + step * 1e-9 {
            ticks.append(t)
            t += step
        }
        return ticks
    }

    static func tickStep(span: Double, count: Int) -> Double {
        guard span > 0, count > 0 else { return 0 }
        let raw = span / Double(count)
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw, magnitude > 1 { magnitude /= 10 }
        for factor in [1.0, 2, 5, 10] where magnitude * factor >= raw { return max(1, magnitude * factor) }
        return max(1, magnitude * 10)
    }

    /// The smallest of 1, 2, 5 × 10ⁿ (n ≥ 0) at or above `value`; 1 for values ≤ 1.
    public static func niceCeiling(_ value: Double) -> Double {
        guard value > 1 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 < value { magnitude *= 10 }
        for factor in [1.0, 2, 5, 10] where magnitude * factor >= value { return magnitude * factor }
        return magnitude * 10
    }
}

/// Evenly spaced bands for categories (days, weeks) across `range`, with `padding` (0..<1) of each band left empty.
public struct BandScale: Sendable, Equatable {
    public var count: Int
    public var range: ClosedRange<Double>
    public var padding: Double

    public init(count: Int, range: ClosedRange<Double>, padding: Double = 0.2) {
        self.count = count
        self.range = range
        self.padding = min(max(padding, 0), 0.9)
    }

    /// Width of one step (band and its gap).
    public var step: Double { count > 0 ? (range.upperBound - range.lowerBound) / Double(count) : 0 }
    /// Width of the drawn part of a band.
    public var bandwidth: Double { step * (1 - padding) }
    /// Left edge of band `i`.
    public func start(_ i: Int) -> Double { range.lowerBound + Double(i) * step + step * padding / 2 }
    /// Centre of band `i`.
    public func center(_ i: Int) -> Double { start(i) + bandwidth / 2 }
}
