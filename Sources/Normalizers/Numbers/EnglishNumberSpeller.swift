/// Spells integers in English words ("twenty-one thousand three hundred"): the inverse of
/// `EnglishNumber.parse`, used by the round-trip tests.
public enum EnglishNumberSpeller {
    static let ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                       "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let scales: [(Int64, String)] = [(1_000_000_000_000_000, "quadrillion"), (1_000_000_000_000, "trillion"),
                                            (1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand")]

    /// The words for `n` in 0..<10^18, or nil outside that range. `and` is inserted after
    /// hundreds when `britishAnd` ("three hundred and five").
    public static func spell(_ n: Int64, britishAnd: Bool = false) -> String? {
        guard n >= 0, n < 1_000_000_000_000_000_000 else { return nil }
        if n == 0 { return "zero" }
        var parts: [String] = []
        var rest = n
        for (value, name) in scales where rest >= value {
            parts.append(below1000(rest / value, britishAnd: britishAnd) + " " + name)
            rest %= value
        }
        if rest > 0 { parts.append(below1000(rest, britishAnd: britishAnd)) }
        return parts.joined(separator: " ")
    }

    private static func below1000(_ n: Int64, britishAnd: Bool) -> String {
        var parts: [String] = []
        if n >= 100 { parts.append(ones[Int(n / 100)] + " hundred") }
        let r = Int(n % 100)
        if r > 0 {
            if britishAnd && n >= 100 { parts.append("and") }
            if r < 20 { parts.append(ones[r]) }
            else { parts.append(tens[r / 10] + (r % 10 > 0 ? "-" + ones[r % 10] : "")) }
        }
        return parts.joined(separator: " ")
    }
}
