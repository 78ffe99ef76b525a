/// A half-open range of Unicode-scalar offsets into a document's text (schema.md: Python's `text[start:end]`).
public struct Span: Hashable, Comparable, Codable, Sendable {
    /// First scalar, counted from 0.
    public var start: Int
    /// One past the last scalar.
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "span start \(start) after end \(end)")
        self.start = start
        self.end = end
    }

    public init(_ range: Range<Int>) { self.init(start: range.lowerBound, end: range.upperBound) }

    /// Number of scalars covered.
    public var length: Int { end - start }
    /// The span as a range.
    public var range: Range<Int> { start..<end }

    /// True when the two spans share at least one scalar.
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }
    /// True when `other` lies inside this span.
    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }

    public static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

extension String {
    /// The text between two scalar offsets, clamped to the string.
    public func scalarSlice(_ span: Span) -> String {
        let scalars = unicodeScalars
        let lower = scalars.index(scalars.startIndex, offsetBy: max(0, span.start), limitedBy: scalars.endIndex) ?? scalars.endIndex
        let upper = scalars.index(lower, offsetBy: max(0, span.length), limitedBy: scalars.endIndex) ?? scalars.endIndex
        return String(scalars[lower..<upper])
    }
}
