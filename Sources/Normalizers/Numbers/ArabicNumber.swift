/// Numbers written in ASCII or full-width digits: `1234`, `1,234,567`, `1 414 021 100`, `3.5`, `1,100.9`.
public enum ArabicNumber {
    /// What `scan` read.
    public struct Reading: Sendable {
        /// The value, or nil when it overflowed (see `ExactNumber`).
        public var value: ExactNumber?
        /// One past the last scalar consumed.
        public var end: Int
        /// Digits before the decimal point, separators excluded.
        public var integerDigits: Int
        /// True when a decimal point and fraction were read.
        public var hasFraction: Bool
    }

    /// Parses a whole string (full-width digits allowed); nil when it is not exactly one number or overflows.
    public static func parse(_ text: String, allowSpaceGroups: Bool = true) -> ExactNumber? {
        let t = ScalarText(text)
        guard let r = scan(t, at: 0, allowSpaceGroups: allowSpaceGroups), r.end == t.count else { return nil }
        return r.value
    }

    /// Reads the digits at `start` (linear in the digits read); nil when no digit is there.
    /// Thousands groups need 1–3 leading digits and exactly three per group; a space separator
    /// is read only when `allowSpaceGroups` (English `1 414 021 100`).
    public static func scan(_ t: ScalarText, at start: Int, allowSpaceGroups: Bool) -> Reading? {
        guard let c = t.at(start), ScalarText.isDigit(c) else { return nil }
        var i = start
        var value: Int64? = 0
        var digits = 0
        func push(_ d: Unicode.Scalar) {
            guard let v = value else { return }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(d.value - 0x30))
            value = (o1 || o2) ? nil : a
        }
        while let d = t.at(i), ScalarText.isDigit(d) { push(d); digits += 1; i += 1 }
        if digits <= 3 {
            while let sep = t.at(i), sep == "," || (allowSpaceGroups && sep == " ") {
                var k = i + 1
                var n = 0
                while n < 4, let d = t.at(k), ScalarText.isDigit(d) { k += 1; n += 1 }
                guard n == 3 else { break }
                for j in (i + 1)..<(i + 4) { push(t[j]) }
                digits += 3
                i += 4
            }
        }
        var hasFraction = false
        var result: ExactNumber? = value.map { ExactNumber($0) }
        if t.at(i) == ".", let d = t.at(i + 1), ScalarText.isDigit(d) {
            hasFraction = true
            var k = i + 1
            var frac: [Int] = []
            while let d = t.at(k), ScalarText.isDigit(d) {
                if frac.count <= 18 { frac.append(Int(d.value - 0x30)) }
                k += 1
            }
            if frac.count > 18 { result = nil }
            if let r = result, let f = ExactNumber.fraction(digits: frac) { result = r.adding(f) } else { result = nil }
            i = k
        }
        return Reading(value: result, end: i, integerDigits: digits, hasFraction: hasFraction)
    }
}
