/// Spells integers in standard Chinese numerals (一万九千九百八十, 一亿零一, 十五): the inverse of
/// `ChineseNumeral.parse`, used by the round-trip tests and by anyone generating examples.
public enum ChineseNumeralSpeller {
    static let digits: [String] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// The numeral for `n` in 0..<10^16 (up to 九千九百九十九万亿…), or nil outside that range.
    public static func spell(_ n: Int64) -> String? {
        guard n >= 0, n < 10_000_000_000_000_000 else { return nil }
        if n == 0 { return "零" }
        let yi = n / 100_000_000          // count of 亿 (< 10^8, itself spelled with 万)
        let rest = n % 100_000_000
        var out = ""
        if yi > 0 {
            out += spellBelow1e8(yi, leading: true) + "亿"
            if rest > 0 {
                if rest < 10_000_000 { out += "零" }
                out += spellBelow1e8(rest, leading: false)
            }
        } else {
            out = spellBelow1e8(rest, leading: true)
        }
        return out
    }

    /// The digits read one by one (二〇二五), as years are written.
    public static func spellDigits(_ n: Int64) -> String {
        String(String(max(0, n)).map { $0 == "0" ? "〇" : Character(digits[Int(String($0))!]) })
    }

    private static func spellBelow1e8(_ n: Int64, leading: Bool) -> String {
        let wan = n / 10_000
        let rest = n % 10_000
        var out = ""
        if wan > 0 {
            out += spellBelow1e4(wan, leading: leading) + "万"
            if rest > 0 {
                if rest < 1000 { out += "零" }
                out += spellBelow1e4(rest, leading: false)
            }
        } else {
            out = spellBelow1e4(rest, leading: leading)
        }
        return out
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
