/// Spells integers in standard Chinese numerals (一万九千九百八十, 一亿零一, 十五): the inverse of
/// `ChineseNumeral.parse`, used by the round-trip tests and by anyone generating examples.
public enum ChineseNumeralSpeller {
    static let digits: [String] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// The numeral for `n` in 0..<10^16 (up to 九千九百九十九万亿…), or nil outside that range.
    public static func spell(_ n: Int64) -> String? {
        guard n >= 0, n < 10_000_000_000_000_000 else { return nil }
        if n == 0 { return "零" }
        // The count of 亿 is below 10^8 and is itself spelled with 万.
        return spellGroups(n, unit: 100_000_000, name: "亿", leading: true) { spellBelow1e8($0, leading: $1) }
    }

    /// `n` as (n / unit) + name + (n % unit), with 零 where the lower group skips a place.
    private static func spellGroups(_ n: Int64, unit: Int64, name: String, leading: Bool,
                                    below: (Int64, Bool) -> String) -> String {
        let high = n / unit
        let rest = n % unit
        guard high > 0 else { return below(rest, leading) }
        var out = below(high, leading) + name
        if rest > 0 {
            if rest < unit / 10 { out += "零" }
            out += below(rest, false)
        }
        return out
    }

    /// The digits read one by one (二〇二五), as years are written.
    public static func spellDigits(_ n: Int64) -> String {
        String(String(max(0, n)).map { $0 == "0" ? "〇" : Character(digits[Int(String($0))!]) })
    }

    private static func spellBelow1e8(_ n: Int64, leading: Bool) -> String {
        spellGroups(n, unit: 10_000, name: "万", leading: leading) { spellBelow1e4($0, leading: $1) }
    }

    private static func spellBelow1e4(_ n: Int64, leading: Bool) -> String {
        let places: [(Int64, String)] = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
        var out = ""
        var pendingZero = false
        var started = false
        for (p, name) in places {
            let d = Int((n / p) % 10)
            if d == 0 {
                if started { pendingZero = true }
                continue
            }
            if pendingZero { out += "零"; pendingZero = false }
            // 十五, not 一十五, at the very start of the number.
            if !(p == 10 && d == 1 && !started && leading) { out += digits[d] }
            out += name
            started = true
        }
        return out
    }
}
