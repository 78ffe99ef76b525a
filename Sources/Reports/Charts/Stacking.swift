/// A named row of values, one per category (a type's stories per day).
public struct Series: Sendable, Equatable {
    public var name: String
    public var values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}

/// One drawn piece of a stacked bar: from `lower` to `upper` in data units.
public struct StackSegment: Sendable, Equatable {
    public var series: Int
    public var category: Int
    public var lower: Double
    public var upper: Double
}

/// Stacks series on each other per category, in series order; negative values count as 0 and
/// a short series is padded with zeros. Zero-height segments are left out.
public enum Stacking {
    public static func stack(_ series: [Series], categories: Int) -> [StackSegment] {
        var tops = Array(repeating: 0.0, count: categories)
        var segments: [StackSegment] = []
        for (s, row) in series.enumerated() {
            for c in 0..<categories {
                let value = c < row.values.count ? max(0, row.values[c]) : 0
                guard value > 0 else { continue }
                segments.append(StackSegment(series: s, category: c, lower: tops[c], upper: tops[c] + value))
                tops[c] += value
            }
        }
        return segments
    }

    /// The height of the tallest stack (0 for no data).
    public static func maximum(_ series: [Series], categories: Int) -> Double {
        (0..<categories).map { c in series.reduce(0) { $0 + (c < $1.values.count ? max(0, $1.values[c]) : 0) } }.max() ?? 0
    }

    /// Running totals: 3, 2, 5 → 3, 5, 10.
    public static func cumulative(_ values: [Double]) -> [Double] {
        var total = 0.0
        return values.map { total += $0; return total }
    }
}
