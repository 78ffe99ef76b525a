/// English numbers in digits, words or both: `1,234,567`, `1 414 021 100`, `twenty-one thousand
/// three hundred`, `2.5 million`, `28m`, `5bn`, `3k`, `five and a half million`, `half a million`,
/// `a dozen`; plural scales are vague counts read by the conflict-data convention (`dozens` 12,
/// `tens` 10, `hundreds` 100, `thousands` 1000, `tens of thousands` 10000), flagged approximate.
public enum EnglishNumber {
    /// A number read from English text.
    public struct Reading: Sendable, Equatable {
        /// The value (see `ExactNumber` for the overflow policy).
        public var value: ExactNumber
        /// True for vague plurals (dozens, hundreds of) — the caller sets `mod: approx`.
        public var isVague: Bool
    }

    static let small: [String: Int64] = [
        "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let scales: [String: Int64] = [
        "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
        "quadrillion": 1_000_000_000_000_000,
        "lakh": 100_000, "lakhs": 100_000, "lac": 100_000, "lacs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
        "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "mil": 1_000_000,
        "b": 1_000_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
    ]
    static let vaguePlurals: [String: Int64] = [
        "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
        "millions": 1_000_000, "billions": 1_000_000_000,
    ]
    /// Word scales that may follow a digit string ("2.5 million"); letters such as `m` only glue.
    static let wordScales: Set<String> = ["thousand", "million", "billion", "trillion", "quadrillion", "mln", "mn", "bn", "bln", "tn", "trn",
                                          "lakh", "lakhs", "lac", "lacs", "crore", "crores"]

    /// Denominators of word fractions: a third, two thirds, three quarters, one fifth.
    static let denominators: [String: Int64] = [
        "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
        "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
    ]

    /// n / d rounded to 12 decimal places (exact when it terminates sooner), or nil on overflow.
    static func ratio(_ n: ExactNumber, _ d: Int64) -> ExactNumber? {
        guard d > 0, let scaled = n.multiplied(by: 1_000_000_000_000), let i = scaled.integerValue ?? Optional(scaled.significand / ExactNumber.powersOfTen[scaled.scale]) else { return nil }
        return ExactNumber(significand: (i + d / 2) / d, scale: 12)
    }

    /// Parses a whole string as one number; nil when it is not exactly one or overflows.
    public static func parse(_ text: String) -> Reading? {
        guard Normalization.isReadable(text) else { return nil }
        let tokens = EnglishTokens(ScalarText(text))
        guard tokens.count > 0, let (r, end) = read(tokens, from: 0), end == tokens.count else { return nil }
        return r
    }

    /// Reads the longest number starting at token `start`; returns it and the index after it.
    /// Linear in the tokens read.
    static func read(_ t: EnglishTokens, from start: Int) -> (Reading, Int)? {
        var total = ExactNumber.zero
        var current: ExactNumber? = nil
        var lastBig: Int64 = 0
        var vague = false
        var i = start
        var end = start            // index after the last token that belonged to the number
        var lastWasDigits = false
        var failed = false
        // The last small word since a scale: "twenty" may take "four", "twenty four" takes nothing more.
        var lastSmall: Int64? = nil

        func flush(scale: Int64) -> Bool {
            // "1.5 lakh crore", "thousand million": a scale after a scale multiplies the total.
            if current == nil, total != .zero, scale > lastBig {
                guard let r = total.multiplied(by: scale) else { return false }
                total = r
                lastBig = scale
                return true
            }
            var sec = current ?? ExactNumber(1)
            if sec == .zero && current == nil { sec = ExactNumber(1) }
            if lastBig == 0 || scale > lastBig {
                guard let s = total.adding(sec), let r = s.multiplied(by: scale) else { return false }
                total = r
                lastBig = scale
            } else {
                guard let m = sec.multiplied(by: scale), let r = total.adding(m) else { return false }
                total = r
            }
            current = nil
            return true
        }

        loop: while i < t.count {
            let tok = t[i]
            switch tok.kind {
            case .number:
                guard current == nil, total == .zero, end == start else { break loop }
                guard let v = tok.value else { failed = true; i += 1; end = i; break loop }
                let suffix = tok.suffix
                if suffix.isEmpty {
                    current = v
                    // 3/4, 2 1/2: a fraction in digits (never a date: the date rules take those first).
                    if t.isPunct(i + 1, "/"), t.adjacent(i), t.adjacent(i + 1), i + 2 < t.count, t[i + 2].kind == .number,
                       t[i + 2].suffix.isEmpty, let d = t[i + 2].value?.integerValue, d > 0, v.isInteger, let f = ratio(v, d) {
                        current = f
                        i += 3; end = i
                        lastWasDigits = true
                        continue
                    }
                    if !v.hasFractionDigits, i + 3 < t.count, t[i + 1].kind == .number, t[i + 1].suffix.isEmpty, t.isPunct(i + 2, "/"),
                       t.adjacent(i + 1), t.adjacent(i + 2), t[i + 3].kind == .number, let n = t[i + 1].value, let d = t[i + 3].value?.integerValue,
                       let dd = Optional(d), dd > 0, let nn = n.integerValue, nn < dd, let f = ratio(n, dd), let w = v.adding(f) {
                        current = w
                        i += 4; end = i
                        lastWasDigits = true
                        continue
                    }
                } else if let s = scales[suffix] {
                    guard let m = v.multiplied(by: s) else { failed = true; i += 1; end = i; break loop }
                    current = m
                    lastBig = s
                } else {
                    break loop // 11th, 1990s: not a cardinal
                }
                lastWasDigits = true
                i += 1; end = i
            case .word:
                let w = tok.text
                if let v = small[w] {
                    if lastWasDigits { break loop }
                    if let ls = lastSmall, !(ls >= 20 && ls % 10 == 0 && v > 0 && v < 10) { break loop }
                    lastSmall = v
                    current = (current ?? .zero).adding(ExactNumber(v))
                    if current == nil { failed = true; break loop }
                    i += 1; end = i
                    // twenty-one
                    if t.isPunct(i, "-"), t.adjacent(i - 1), let nw = t.word(i + 1), let u = small[nw], u < 10 {
                        current = current?.adding(ExactNumber(u))
                        i += 2; end = i
                    } else if t.isPunct(i, "-"), t.adjacent(i - 1), let nw = t.word(i + 1), let d = denominators[nw], let c = current,
                              c.isInteger, let f = ratio(c, d) {
                        // one-half, two-thirds, three-quarters
                        current = f
                        i += 2; end = i
                    }
                } else if w == "hundred" {
                    lastSmall = nil
                    if lastWasDigits && current == nil { break loop }
                    guard let m = (current ?? ExactNumber(1)).multiplied(by: 100) else { failed = true; break loop }
                    current = m
                    lastWasDigits = false
                    i += 1; end = i
                } else if let s = scales[w], wordScales.contains(w) {
                    if end == start && current == nil { break loop } // a bare "million" is not a number
                    lastSmall = nil
                    guard flush(scale: s) else { failed = true; break loop }
                    lastWasDigits = false
                    i += 1; end = i
                } else if w == "dozens", current != nil, end > start {
                    // three dozens: a count of dozens, not a vague plural.
                    guard let m = current?.multiplied(by: 12) else { failed = true; break loop }
                    current = m
                    i += 1; end = i
                } else if let d = denominators[w], w != "half", t.word(i - 1) != "a", let c = current, end > start, c.isInteger,
                          c.significand < d || w.hasSuffix("s") || c.significand == 1 {
                    // two thirds, one fifth, three quarters (a fraction of one)
                    guard let f = ratio(c, d) else { failed = true; break loop }
                    current = f
                    i += 1; end = i
                } else if (w == "third" || w == "quarter" || w == "fifth" || w == "tenth"), t.word(i - 1) == "a", end == start || current != nil {
                    // "and a quarter", "a third of a million"
                    guard let d = denominators[w], let f = ratio(ExactNumber(1), d), let v = (current ?? .zero).adding(f) else { break loop }
                    current = v
                    i += 1; end = i
                } else if (w == "couple" || w == "pair"), t.word(i - 1) == "a", end == start || current == nil {
                    // a couple, a pair (of): two
                    current = ExactNumber(2)
                    i += 1; end = i
                } else if w == "dozen" {
                    guard let m = (current ?? ExactNumber(1)).multiplied(by: 12) else { failed = true; break loop }
                    current = m
                    i += 1; end = i
                } else if let v = vaguePlurals[w], end == start || t.word(i - 1) == "of" || t.word(i - 1) == "several" || t.word(i - 1) == "few" {
                    if end == start || t.word(i - 1) == "several" || t.word(i - 1) == "few" {
                        current = ExactNumber(v)
                    } else {
                        // "hundreds of thousands": the vague count multiplies the earlier one.
                        guard let c = current, let m = c.multiplied(by: v) else { break loop }
                        current = m
                    }
                    vague = true
                    i += 1; end = i
                } else if w == "of", vague, let nw = t.word(i + 1), vaguePlurals[nw] != nil, ["thousands", "millions", "billions"].contains(nw) {
                    i += 1 // handled by the plural on the next turn
                } else if (w == "a" || w == "an"), let nw = t.word(i + 1), ["half", "few", "third", "quarter", "fifth", "tenth", "couple", "pair"].contains(nw) {
                    i += 1  // "and a half", "a few dozen": the next word carries the value
                } else if (w == "a" || w == "an"), let nw = t.word(i + 1), nw == "hundred" || nw == "thousand" || nw == "million" || nw == "billion" || nw == "trillion" || nw == "dozen" {
                    if end > start && t.word(i - 1) != "half" { break loop }
                    if t.word(i - 1) == "half" { i += 1; continue }  // "half a million"
                    current = ExactNumber(1)
                    i += 1
                } else if w == "half", current == nil, lastBig > 0, t.word(i - 1) == "a", t.word(i - 2) == "and" {
                    // "3 million and a half": half of the last scale.
                    guard let h = ExactNumber(lastBig / 2).adding(lastBig % 2 == 1 ? ExactNumber(significand: 5, scale: 1)! : .zero),
                          let r = total.adding(h) else { break loop }
                    total = r
                    i += 1; end = i
                } else if w == "half", end == start || current != nil || t.word(i - 1) == "a" {
                    // "half a million", "two and a half", "a half"
                    let base = current ?? .zero
                    guard let v = base.adding(ExactNumber(significand: 5, scale: 1)!) else { break loop }
                    if current == nil, t.word(i + 1) == "a", let nw = t.word(i + 2), let s = scales[nw], nw.count > 1 {
                        guard let m = ExactNumber(significand: 5, scale: 1)!.multiplied(by: s), let r = total.adding(m) else { break loop }
                        total = r
                        lastBig = s
                        i += 3; end = i
                        continue
                    }
                    current = v
                    i += 1; end = i
                } else if w == "and", end > start, let nw = t.word(i + 1),
                          small[nw] != nil || (nw == "a" && ["half", "quarter", "third"].contains(t.word(i + 2) ?? "")) {
                    i += 1
                } else if w == "several" || w == "few", let nw = t.word(i + 1), vaguePlurals[nw] != nil || nw == "hundred" || nw == "thousand" || nw == "million" || nw == "dozen" {
                    vague = true
                    if vaguePlurals[nw] == nil { current = ExactNumber(1) }
                    i += 1
                } else if w == "point", (end > start && current != nil) || end == start, let nw = t.word(i + 1), small[nw].map({ $0 < 10 }) == true || nw == "oh" {
                    var digits: [Int] = []
                    var k = i + 1
                    while let dw = t.word(k), let d = dw == "oh" ? 0 : small[dw], d < 10 { digits.append(Int(d)); k += 1 }
                    guard let f = ExactNumber.fraction(digits: digits), let v = (current ?? .zero).adding(f) else { break loop }
                    current = v
                    i = k; end = i
                } else {
                    break loop
                }
            case .punct:
                // $20-million, a 1.5-billion deal: a scale joined by a hyphen.
                if tok.text == "-", end == i, current != nil, t.adjacent(i - 1), t.adjacent(i), let nw = t.word(i + 1),
                   wordScales.contains(nw), let s = scales[nw] {
                    guard flush(scale: s) else { failed = true; break loop }
                    lastSmall = nil
                    lastWasDigits = false
                    i += 2; end = i
                    continue
                }
                break loop
            }
        }
        guard end > start, !failed else {
            return nil
        }
        guard let c = total.adding(current ?? .zero), c.significand <= ExactNumber.maxExactSignificand else { return nil }
        return (Reading(value: c, isVague: vague), end)
    }
}
