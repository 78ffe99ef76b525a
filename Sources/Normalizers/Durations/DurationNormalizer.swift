import Records

/// Reads lengths of time: 30天, 为期30 天, 一个小时, 长达一小时, 18周, 三年半, 半小时, 一个半小时,
/// 两小时十分, 一个星期又三天; "1.5 hours", "a month and a half", "half an hour", "1 year 2 days",
/// "a 30-day ceasefire". The value is `{iso, amount, unit}`; see `DurationParts` for how several
/// parts and fractions are expressed.
public enum DurationNormalizer {
    /// The duration in `text`, or nil when no number + time unit is there.
    public static func normalize(_ text: String, language: Language) -> DurationValue? {
        Normalization.isReadable(text) ? read(ScalarText(text), language: language) : nil
    }

    static func read(_ t: ScalarText, language: Language) -> DurationValue? {
        let parts = language == .zh ? chinese(t) : english(t)
        guard let parts, !parts.isEmpty else { return nil }
        return DurationParts(parts).value
    }

    static let zhUnits = KeywordTable<DurationParts.Unit>([
        ("年", .year), ("週年", .year), ("周年", .year), ("个月", .month), ("個月", .month), ("月", .month),
        ("个星期", .week), ("個星期", .week), ("星期", .week), ("周", .week), ("週", .week), ("个礼拜", .week),
        ("礼拜", .week), ("禮拜", .week), ("個禮拜", .week),
        ("天", .day), ("日", .day), ("昼夜", .day), ("晝夜", .day),
        ("个小时", .hour), ("個小時", .hour), ("小时", .hour), ("小時", .hour), ("个钟头", .hour), ("钟头", .hour),
        ("鐘頭", .hour), ("个钟", .hour), ("個鐘", .hour), ("個鐘頭", .hour), ("粒鐘", .hour), ("鐘", .hour), ("钟", .hour),
        ("小時", .hour), ("個月", .month), ("个多月", .month), ("個多月", .month),
        ("分钟", .minute), ("分鐘", .minute), ("分", .minute), ("秒钟", .second), ("秒鐘", .second), ("秒", .second),
    ])

    static let half = ExactNumber(significand: 5, scale: 1)!

    static func chinese(_ t: ScalarText) -> [(DurationParts.Unit, ExactNumber)]? {
        var parts: [(DurationParts.Unit, ExactNumber)] = []
        var i = 0
        while i < t.count {
            var amount: ExactNumber
            var k: Int
            if t[i] == "半" {
                amount = half
                k = i + 1
            } else if ChineseNumeral.isNumeralScalar(t[i]) && !(t[i] == "分" ) {
                let end = ChineseNumeral.scanEnd(t, from: i)
                guard end > i, let v = ChineseNumeral.neighbourRange(t, i..<end) ?? ChineseNumeral.parse(t, i..<end) else { return nil }
                amount = v
                k = end
                if let s = t.at(k), s == "多" || s == "余" || s == "餘" { k += 1 }
                // 三个多小时
                if t.at(k) == "个" || t.at(k) == "個", let s = t.at(k + 1), s == "多" || s == "余" || s == "餘", zhUnits.longest(in: t, at: k) == nil { k += 2 }
                while let s = t.at(k), ScalarText.isSpace(s) { k += 1 }  // 30 天
            } else {
                i += 1  // 为期, 长达, 又, 零 …
                continue
            }
            if t.at(k) == "个" || t.at(k) == "個", t.at(k + 1) == "半" {
                guard let a = amount.adding(half) else { return nil }
                amount = a
                k += 2
            } else if t.at(k) == "个" || t.at(k) == "個", zhUnits.longest(in: t, at: k) == nil {
                k += 1  // 一个月 is in the table; 一个星期 too; this covers 一个 + 钟头 variants
            }
            if t.at(k) == "刻", t.at(k + 1) == "钟" || t.at(k + 1) == "鐘", let m = amount.multiplied(by: 15) {
                // 一刻钟: a quarter of an hour
                parts.append((.minute, m))
                i = k + 2
                continue
            }
            guard let (unit, len) = zhUnits.longest(in: t, at: k) else {
                if parts.isEmpty { i = k; continue }
                break
            }
            k += len
            if t.at(k) == "半" {
                guard let a = amount.adding(half) else { return nil }
                amount = a
                k += 1
            }
            parts.append((unit, amount))
            i = k
        }
        return parts
    }

    static let enUnits: [String: DurationParts.Unit] = [
        "year": .year, "years": .year, "yr": .year, "yrs": .year, "month": .month, "months": .month, "mo": .month,
        "week": .week, "weeks": .week, "wk": .week, "wks": .week, "day": .day, "days": .day, "night": .day, "nights": .day,
        "hour": .hour, "hours": .hour, "hr": .hour, "hrs": .hour, "h": .hour, "minute": .minute, "minutes": .minute,
        "min": .minute, "mins": .minute, "second": .second, "seconds": .second, "sec": .second, "secs": .second,
        "fortnight": .week, "fortnights": .week, "decade": .year, "decades": .year, "d": .day, "y": .year, "yrs.": .year,
        "hrs.": .hour, "wk.": .week, "mth": .month, "mths": .month, "mos": .month, "s": .second, "sec.": .second,
        "century": .year, "centuries": .year, "millennium": .year, "quarter": .month, "quarters": .month,
    ]

    static let longWords: [String: DurationParts.Unit] = ["weeklong": .week, "yearlong": .year, "monthlong": .month, "daylong": .day,
                                                           "hourlong": .hour, "overnight": .day]

    static func english(_ t: ScalarText) -> [(DurationParts.Unit, ExactNumber)]? {
        let tokens = EnglishTokens(t)
        var parts: [(DurationParts.Unit, ExactNumber)] = []
        var i = 0
        while i < tokens.count {
            var amount: ExactNumber
            var k: Int
            if parts.isEmpty, let w = tokens.word(i), let unit = longWords[w] {
                // weeklong, a month-long visit: one of the unit
                parts.append((unit, ExactNumber(1)))
                i += 1
                continue
            }
            if parts.isEmpty, let w = tokens.word(i), let unit = enUnits[w], tokens.isPunct(i + 1, "-"), tokens.word(i + 2) == "long",
               !(i > 0 && (tokens[i - 1].kind == .number || EnglishNumber.small[tokens.word(i - 1) ?? ""] != nil)) {
                parts.append((unit, ExactNumber(1)))
                i += 3
                continue
            }
            if let w = tokens.word(i), w == "a" || w == "an", let nw = tokens.word(i + 1), enUnits[nw] != nil, tokens.word(i + 2) != "of" {
                amount = ExactNumber(1); k = i + 1
            } else if tokens.word(i) == "half", let nw = tokens.word(i + 1), nw == "a" || nw == "an", let uw = tokens.word(i + 2), enUnits[uw] != nil {
                amount = half; k = i + 2
            } else if tokens.word(i) == "half", let uw = tokens.word(i + 1), enUnits[uw] != nil, uw != "quarter" {
                // half hour, a half hour, half-hour
                amount = half; k = i + 1
            } else if tokens.word(i) == "half", tokens.isPunct(i + 1, "-"), let uw = tokens.word(i + 2), enUnits[uw] != nil {
                amount = half; k = i + 2
            } else if let (r, end) = EnglishNumber.read(tokens, from: i), !r.isVague, tokens.word(end) == "of",
                      let aw = tokens.word(end + 1), aw == "a" || aw == "an", let uw = tokens.word(end + 2), enUnits[uw] != nil,
                      ["quarter", "quarters", "third", "thirds", "half"].contains(tokens.word(end - 1) ?? "") {
                // a quarter of an hour, three quarters of an hour
                amount = r.value; k = end + 2
            } else if tokens[i].kind == .number, let v = tokens[i].value, tokens[i].suffix == "m", parts.last?.0 == .hour {
                // 1h30m
                parts.append((.minute, v))
                i += 1
                continue
            } else if let w = tokens.word(i), w == "quarter" || w == "third", tokens.word(i + 1) == "of",
                      let aw = tokens.word(i + 2), aw == "a" || aw == "an", let uw = tokens.word(i + 3), let unit = enUnits[uw],
                      let f = EnglishNumber.ratio(ExactNumber(1), w == "quarter" ? 4 : 3) {
                // quarter of an hour
                parts.append(scaled(unit, f, uw))
                i += 4
                continue
            } else if tokens[i].kind == .number, let v = tokens[i].value, let u = enUnits[tokens[i].suffix] {
                // 24h, 30min
                parts.append(scaled(u, v, tokens[i].suffix))
                i += 1
                continue
            } else if let (r, end) = EnglishNumber.read(tokens, from: i), !r.isVague {
                amount = r.value; k = end
            } else {
                i += 1
                continue
            }
            if tokens.isPunct(k, "-") { k += 1 }  // a 30-day truce
            if tokens.word(k) == "of", tokens.word(k - 1) == "couple" { k += 1 }  // a couple of days
            guard let uw = tokens.word(k), let unit = enUnits[uw] else {
                if parts.isEmpty { i = max(k, i + 1); continue }
                break
            }
            var (u, a) = scaled(unit, amount, uw)
            k += 1
            if tokens.word(k) == "and", tokens.word(k + 1) == "a", tokens.word(k + 2) == "half" {
                guard let h = a.adding(half) else { return nil }
                a = h
                k += 3
            }
            parts.append((u, a))
            u = unit
            i = k
            // an hour thirty, two hours fifteen: bare minutes after the hours.
            if u == .hour, k < tokens.count, let (r, end) = EnglishNumber.read(tokens, from: k), !r.isVague, r.value.isInteger,
               let m = r.value.integerValue, m > 0, m < 60, tokens.word(end).map({ enUnits[$0] == nil }) ?? true,
               !(end < tokens.count && tokens[end].kind == .number) {
                parts.append((.minute, r.value))
                i = end
            }
        }
        return parts
    }

    /// Decades and fortnights in the units ISO knows.
    static func scaled(_ unit: DurationParts.Unit, _ amount: ExactNumber, _ word: String) -> (DurationParts.Unit, ExactNumber) {
        if word.hasPrefix("decade"), let a = amount.multiplied(by: 10) { return (.year, a) }
        if word.hasPrefix("centur"), let a = amount.multiplied(by: 100) { return (.year, a) }
        if word == "millennium", let a = amount.multiplied(by: 1000) { return (.year, a) }
        if word.hasPrefix("quarter"), let a = amount.multiplied(by: 3) { return (.month, a) }
        if word.hasPrefix("fortnight"), let a = amount.multiplied(by: 2) { return (.week, a) }
        return (unit, amount)
    }
}
