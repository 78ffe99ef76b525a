import Records

/// Checked slicing of scalar arrays: a span partly or wholly outside the array gives the part
/// inside it (possibly empty), never a trap. Every slice on the extraction path goes through here.
extension Array where Element == Unicode.Scalar {
    /// The scalars of `span` clamped to the array, as a String.
    func string(in span: Span) -> String {
        let range = clamped(span.start, span.end)
        return String(String.UnicodeScalarView(self[range]))
    }

    /// `lower..<upper` clamped to the array's indices; empty when upper is below lower.
    func clamped(_ lower: Int, _ upper: Int) -> Range<Int> {
        let low = Swift.min(Swift.max(lower, 0), count)
        let high = Swift.min(Swift.max(upper, low), count)
        return low..<high
    }

    /// The scalar at `i`, or nil outside the array.
    func scalar(at i: Int) -> Unicode.Scalar? { i >= 0 && i < count ? self[i] : nil }
}

extension Span {
    /// A span from two offsets in either order (a checked `Span(start:end:)`).
    static func ordered(_ a: Int, _ b: Int) -> Span { Span(start: Swift.min(a, b), end: Swift.max(a, b)) }
}
