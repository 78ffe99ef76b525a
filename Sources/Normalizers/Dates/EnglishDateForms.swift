import Records

/// The pieces of English dates that are more than one word: bounds (after 2018), spelled-out
/// years (nineteen ninety-six), ordinal days (January first), and numeric forms read from the
/// raw text (31/10/2018, 10/31/74, 05-Aug-2016, 2016-11, 11/2016, 31.12.2018).
extension EnglishDateParser {
    /// Words before a date that bound it; the value keeps the date and says which side.
    static let bounds: [([String], DateModifier)] = [
        (["no", "later", "than"], .before), (["not", "later", "than"], .before), (["prior", "to"], .before),
        (["earlier", "than"], .before), (["later", "than"], .after), (["no", "earlier", "than"], .after),
        (["not", "before"], .after), (["not", "until"], .after), (["any", "time", "after"], .after),
        (["after"], .after), (["since"], .after), (["post"], .after), (["from"], .after),
        (["before"], .before), (["until"], .before), (["till"], .before), (["til"], .before), (["pre"], .before),
        (["up", "until"], .before), (["up", "to"], .before),
    ].sorted { $0.0.count > $1.0.count }

    /// Words after a date that bound it: 2018 or later, 1990 and earlier, 2000 onwards.
    static let trailingBounds: [([String], DateModifier)] = [
        (["or", "later"], .after), (["and", "later"], .after), (["or", "after"], .after), (["and", "after"], .after),
        (["onwards"], .after), (["onward"], .after), (["and", "beyond"], .after),
        (["or", "earlier"], .before), (["and", "earlier"], .before), (["or", "before"], .before), (["and", "before"], .before),
    ].sorted { $0.0.count > $1.0.count }

    static func phrase(_ table: [([String], DateModifier)], _ t: EnglishTokens, at i: Int) -> (DateModifier, Int)? {
        outer: for (words, mod) in table {
            guard i + words.count <= t.count else { continue }
            for (k, w) in words.enumerated() where t.word(i + k) != w { continue outer }
            return (mod, words.count)
        }
        return nil
    }

    static let ordinalWords: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
        "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
        "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    ]

    /// A day written as an ordinal: 11th, 1st, first, twenty-first, thirty first.
    static func ordinalDay(_ t: EnglishTokens, at i: Int) -> (Int, Int)? {
        if i < t.count, t[i].kind == .number, ["st", "nd", "rd", "th"].contains(t[i].suffix), let d = day(t, at: i) { return (d, i + 1) }
        guard let w = t.word(i) else { return nil }
        if let v = ordinalWords[w] { return (v, i + 1) }
        if w == "twenty" || w == "thirty" {
            let base = w == "twenty" ? 20 : 30
            var k = i + 1
            if t.isPunct(k, "-") { k += 1 }
            if let u = t.word(k), let v = ordinalWords[u], v < 10, base + v <= 31 { return (base + v, k + 1) }
        }
        return nil
    }

    /// A day as a cardinal or an ordinal (11, 11th, eleventh).
    static func anyDay(_ t: EnglishTokens, at i: Int) -> (Int, Int)? {
        if let d = day(t, at: i), year(t, at: i) == nil { return (d, i + 1) }
        return ordinalDay(t, at: i)
    }

    /// 0–99 in words: ninety-six, ninety six, twelve, oh five (5).
    static func twoDigitWords(_ t: EnglishTokens, at i: Int) -> (Int, Int)? {
        guard let w = t.word(i) else { return nil }
        if w == "oh" || w == "o", let u = t.word(i + 1), let v = EnglishNumber.small[u], v < 10 { return (Int(v), i + 2) }
        guard let v = EnglishNumber.small[w] else { return nil }
        if v >= 20 && v % 10 == 0 {
            var k = i + 1
            if t.isPunct(k, "-") { k += 1 }
            if let u = t.word(k), let x = EnglishNumber.small[u], x > 0, x < 10 { return (Int(v + x), k + 1) }
        }
        return (Int(v), i + 1)
    }

    /// A year spelled out: nineteen ninety-six, nineteen oh five, nineteen hundred, two thousand
    /// and eight, twenty twenty-one, twenty ten.
    static func spelledYear(_ t: EnglishTokens, at i: Int) -> (Int, Int)? {
        guard let w = t.word(i) else { return nil }
        if (w == "two" || w == "one"), t.word(i + 1) == "thousand" {
            let base = w == "two" ? 2000 : 1000
            var k = i + 2
            if t.word(k) == "and" { k += 1 }
            if let (lo, e) = twoDigitWords(t, at: k), lo > 0, t.word(k) != "oh" { return (base + lo, e) }
            return k == i + 2 ? (base, k) : nil
        }
        guard let (hi, e1) = twoDigitWords(t, at: i), (10...29).contains(hi), e1 == i + 1 else { return nil }
        if t.word(e1) == "hundred" {
            var k = e1 + 1
            if t.word(k) == "and" { k += 1 }
            if let (lo, e) = twoDigitWords(t, at: k), lo > 0 { return (hi * 100 + lo, e) }
            return (hi * 100, e1 + 1)
        }
        if let (lo, e) = twoDigitWords(t, at: e1), lo >= 1 || t.word(e1) == "oh" {
            // "twenty one" is 21, not a year: the second half needs ten or more, or an "oh".
            guard lo >= 10 || t.word(e1) == "oh" || t.word(e1) == "o" else { return nil }
            return (hi * 100 + lo, e)
        }
        return nil
    }

    /// A year at `i`: four digits, spelled out, or '08 (two digits after an apostrophe).
    static func yearAt(_ t: EnglishTokens, at i: Int) -> (year: Int?, short: Int?, end: Int)? {
        if let y = year(t, at: i) { return (y, nil, i + 1) }
        if t.isPunct(i, "'") || t.isPunct(i, "’"), i + 1 < t.count, t[i + 1].kind == .number, t[i + 1].text.count == 2,
           t[i + 1].suffix.isEmpty, let v = t[i + 1].value?.integerValue, t.adjacent(i) {
            return (nil, Int(v), i + 2)
        }
        if let (y, e) = spelledYear(t, at: i) { return (y, nil, e) }
        return nil
    }

    /// Sets the year a `yearAt` reading gave.
    static func apply(_ y: (year: Int?, short: Int?, end: Int), to spec: inout DateSpec) {
        spec.year = y.year
        spec.shortYear = y.short
    }

    /// Numeric dates read from the raw text at token `i`: Y-M-D, Y/M/D, Y.M.D, D/M/Y or M/D/Y
    /// (the day is the part above 12; month first when both fit, day first with dots), two-digit
    /// years, D-Mon-Y (05-Aug-2016), Y-M (2016-11), M/Y (11/2016) and M/D.
    static func numericForms(_ t: EnglishTokens, at i: Int) -> (DateSpec, Int)? {
        guard i < t.count, t[i].kind == .number else { return nil }
        let s = t.text
        var p = t[i].range.lowerBound
        func digits() -> (Int, Int)? {
            var v = 0, n = 0
            while let c = s.at(p), ScalarText.isDigit(c), n < 5 { v = v * 10 + Int(c.value - 0x30); n += 1; p += 1 }
            return n > 0 ? (v, n) : nil
        }
        guard let (a, an) = digits(), let sep = s.at(p), sep == "-" || sep == "/" || sep == "." else { return nil }
        p += 1
        var spec = DateSpec()
        var monthName: Int? = nil
        var b = 0, bn = 0
        if let (v, n) = digits() { b = v; bn = n } else {
            var q = p
            while let c = s.at(q), ScalarText.isLetter(c) { q += 1 }
            guard q > p, let m = months[s.string(p..<q)] else { return nil }
            monthName = m
            p = q
        }
        var c: Int? = nil, cn = 0
        if s.at(p) == sep, let n = s.at(p + 1), ScalarText.isDigit(n) {
            p += 1
            guard let (v, k) = digits() else { return nil }
            c = v; cn = k
        }
        if let n = s.at(p), ScalarText.isDigit(n) || ScalarText.isLetter(n) { return nil }
        // The reading must end on a token boundary.
        guard let end = (i..<t.count).first(where: { t[$0].range.upperBound == p }) else { return nil }
        func setYear(_ v: Int, _ n: Int) -> Bool {
            if n == 4, (1000...2999).contains(v) { spec.year = v; return true }
            if n == 2 { spec.shortYear = v; return true }
            return false
        }
        if let m = monthName {
            guard an <= 2, (1...31).contains(a) else { return nil }
            spec.month = m
            spec.day = a
            if let c { guard setYear(c, cn) else { return nil } }
            return (spec, end + 1)
        }
        if an == 4 {
            guard (1000...2999).contains(a), bn <= 2, (1...12).contains(b) else { return nil }
            spec.year = a
            spec.month = b
            if let c {
                guard cn <= 2, (1...31).contains(c) else { return nil }
                spec.day = c
            } else if sep == "." {
                return nil // 2016.11 is a decimal
            }
            return (spec, end + 1)
        }
        guard an <= 2 else { return nil }
        if c == nil {
            if bn == 4, (1...12).contains(a), sep != "." { spec.month = a; spec.year = b; return (spec, end + 1) }
            guard sep == "/", bn <= 2, (1...12).contains(a), (1...31).contains(b) else { return nil }
            spec.month = a; spec.day = b
            return (spec, end + 1)
        }
        guard bn <= 2, let c, setYear(c, cn) else { return nil }
        let dayFirst = sep == "."
        if a > 12, (1...12).contains(b), a <= 31 { spec.day = a; spec.month = b }
        else if b > 12, (1...12).contains(a), b <= 31 { spec.month = a; spec.day = b }
        else if (1...12).contains(a), (1...12).contains(b) {
            if dayFirst { spec.day = a; spec.month = b } else { spec.month = a; spec.day = b }
        } else { return nil }
        return (spec, end + 1)
    }
}
