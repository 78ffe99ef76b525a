import Records

/// Finds the number in a mention together with the words that bound it.
public enum NumberFinder {
    /// A number found in a mention.
    public struct Match: Sendable, Equatable {
        /// The value.
        public var value: ExactNumber
        /// 超过 / about / …多 / dozens (approx) — the first one written wins.
        public var mod: AmountModifier?
        /// Scalar range of the number itself (without the modifier words).
        public var numberRange: Range<Int>
        /// One past the number and any modifier written after it (多, 余, 左右, or more).
        public var end: Int
        /// True when written as a percentage (百分之, %, percent).
        public var isPercent: Bool
        /// True when written below zero (minus 5, -1, 负三十二); `value` is the magnitude.
        public var isNegative = false
        /// True when written per thousand (千分之五, 5‰).
        public var isPermille = false

        /// The signed value as a Double, nil past 2^53.
        public var signedDouble: Double? { value.doubleValue.map { isNegative ? -$0 : $0 } }
    }

    /// Reads the first number in `text` (zh or en); nil when there is none, it is an ordinal
    /// (第三, 3rd), or it overflows.
    public static func find(_ text: String, language: Language) -> Match? {
        guard Normalization.isReadable(text) else { return nil }
        let t = ScalarText(text)
        return language == .zh ? chinese(t, from: 0) : english(t, from: 0)
    }

    static let vagueStarts: Set<Unicode.Scalar> = ["数", "几", "幾", "上", "成", "數"]

    /// The Chinese reader: [modifier] [百分之] numeral [多|余|几 [万|亿]] [以上|左右…].
    static func chinese(_ t: ScalarText, from start: Int) -> Match? {
        var i = start
        var mod: AmountModifier? = nil
        var percent = false
        var permille = false
        var negative = false
        // Skip to the number, picking up modifiers on the way.
        while i < t.count {
            if t[i] == "负" || t[i] == "負" || t[i] == "-" || t[i] == "−" || t.matches(Array("零下".unicodeScalars), at: i),
               let n = t.at(t[i] == "零" ? i + 2 : i + 1), ChineseNumeral.isNumeralScalar(n) {
                negative = true
                i += t[i] == "零" ? 2 : 1
                break
            }
            if t.matches(Array("百分之".unicodeScalars), at: i) { percent = true; i += 3; break }
            if t.matches(Array("千分之".unicodeScalars), at: i) { permille = true; i += 3; break }
            if vagueStarts.contains(t[i]), let u = t.at(i + 1), case .unit? = ChineseNumeral.symbol(u) ?? nil { break }
            if vagueStarts.contains(t[i]), let u = t.at(i + 1), case .bigUnit? = ChineseNumeral.symbol(u) ?? nil { break }
            if ChineseNumeral.isNumeralScalar(t[i]) {
                // 过 and 超 are modifiers only before a number; 多 is not a numeral.
                break
            }
            if t[i] == "半", let next = t.at(i + 1), next == "打" || UnitLexicon.chineseUnit(t, at: i + 1) != nil { break }
            if let (m, len) = AmountModifiers.zhPrefix.longest(in: t, at: i) {
                if mod == nil { mod = m }
                i += len
                continue
            }
            i += 1
        }
        guard i < t.count else { return nil }
        if i > start, t[i - 1] == "第" { return nil }

        var value: ExactNumber
        let numberStart = i
        if t[i] == "半", let next = t.at(i + 1), next == "打" || UnitLexicon.chineseUnit(t, at: i + 1) != nil {
            // 半吨, 半打: half of one unit.
            value = ExactNumber(significand: 5, scale: 1)!
            i += 1
        } else if vagueStarts.contains(t[i]) && !percent {
            // 数百, 几十, 上千, 数十万: the unit itself, approximately.
            var v = ExactNumber(1)
            var k = i + 1
            while let sc = t.at(k), let sym = ChineseNumeral.symbol(sc) {
                let u: Int64
                switch sym {
                case .unit(let x), .bigUnit(let x): u = x
                default: u = 0
                }
                guard u > 0, let m = v.multiplied(by: u) else { break }
                v = m
                k += 1
            }
            guard k > i + 1 else { return nil }
            value = v
            i = k
            mod = mod ?? .approx
        } else {
            let end = ChineseNumeral.scanEnd(t, from: i)
            guard end > i, let v = ChineseNumeral.neighbourRange(t, i..<end) ?? ChineseNumeral.parse(t, i..<end) else { return nil }
            if ChineseNumeral.neighbourRange(t, i..<end) != nil { mod = mod ?? .approx }
            value = v
            i = end
            // 三分之一, 四分之三: the number after 分之 over the one before.
            if t.matches(Array("分之".unicodeScalars), at: i), let d = v.integerValue, d > 0 {
                let e2 = ChineseNumeral.scanEnd(t, from: i + 2)
                if e2 > i + 2, let n = ChineseNumeral.parse(t, (i + 2)..<e2), let f = EnglishNumber.ratio(n, d) {
                    value = f
                    i = e2
                }
            }
        }
        // 3k, 2.5K, 5M, 1.2w (万) glued to digits; 5m高 is five metres, not five million.
        if i > numberStart, ScalarText.isDigit(t[i - 1]), let s = t.at(i), let f: Int64 = ["k": 1000, "m": 1_000_000, "w": 10_000][s],
           !(t.at(i + 1).map { ScalarText.isLetter($0) } ?? false),
           !(s == "m" && (t.at(i + 1).map { "高长長深宽寬远遠厚".unicodeScalars.contains($0) } ?? false)),
           let v = value.multiplied(by: f) {
            value = v
            i += 1
        }
        // 一万半, 三千半: half of the last unit.
        if t.at(i) == "半", i > numberStart, let last = t.at(i - 1), case .bigUnit(let u)? = ChineseNumeral.symbol(last) ?? .some(.point),
           let v = value.adding(ExactNumber(u / 2)) {
            value = v
            i += 1
        } else if t.at(i) == "半", i > numberStart, let last = t.at(i - 1), case .unit(let u)? = ChineseNumeral.symbol(last) ?? .some(.point),
                  u >= 100, let v = value.adding(ExactNumber(u / 2)) {
            value = v
            i += 1
        }
        let numberEnd = i
        // 十多万, 3万多, 二十几, 100余: the bound, then possibly a unit it scales.
        if let (m, len) = AmountModifiers.zhSuffix.longest(in: t, at: i), len == 1 {
            if mod == nil || mod == .approx { mod = m }
            i += 1
            while let sc = t.at(i), case .bigUnit(let u)? = ChineseNumeral.symbol(sc), let v = value.multiplied(by: u) {
                value = v
                i += 1
            }
        }
        if t.at(i) == "%" { percent = true; i += 1 } else if t.at(i) == "‰" { permille = true; i += 1 }
        if let (m, len) = AmountModifiers.zhSuffix.longest(in: t, at: i), len == 2 {
            if mod == nil { mod = m }
            i += len
        }
        guard value.significand <= ExactNumber.maxExactSignificand else { return nil }
        var match = Match(value: value, mod: mod, numberRange: numberStart..<numberEnd, end: i, isPercent: percent, isNegative: negative)
        match.isPermille = permille
        return match
    }

    /// The English reader: [modifier] number [or more|+|percent].
    static func english(_ t: ScalarText, from start: Int) -> Match? {
        english(EnglishTokens(t), from: 0).map { $0.match }
    }

    static func english(_ tokens: EnglishTokens, from start: Int) -> (match: Match, nextToken: Int)? {
        var i = start
        var mod: AmountModifier? = nil
        var negative = false
        while i < tokens.count {
            if tokens.word(i) == "minus" || tokens.word(i) == "negative", i + 1 < tokens.count, EnglishNumber.read(tokens, from: i + 1) != nil {
                negative = true
                i += 1
                continue
            }
            if tokens.isPunct(i, "-") || tokens.isPunct(i, "−"), tokens.adjacent(i), i + 1 < tokens.count, tokens[i + 1].kind == .number,
               i == 0 || !tokens.adjacent(i - 1) {
                negative = true
                i += 1
                continue
            }
            if let (m, len) = AmountModifiers.match(AmountModifiers.enPrefix, tokens, at: i) {
                if mod == nil { mod = m }
                i += len
                continue
            }
            if let (r, end) = EnglishNumber.read(tokens, from: i) {
                if tokens[i].kind == .number, ["st", "nd", "rd", "th"].contains(tokens[i].suffix) { return nil }
                var j = end
                var m = mod
                if r.isVague && m == nil { m = .approx }
                var percent = false
                if tokens.isPunct(j, "%") { percent = true; j += 1 }
                else if tokens.word(j) == "percent" || tokens.word(j) == "pct" { percent = true; j += 1 }
                else if tokens.word(j) == "per", tokens.word(j + 1) == "cent" { percent = true; j += 2 }
                if let (sm, len) = AmountModifiers.match(AmountModifiers.enSuffix, tokens, at: j) {
                    if m == nil { m = sm }
                    j += len
                }
                let numberRange = tokens[i].range.lowerBound..<tokens[end - 1].range.upperBound
                let endScalar = j > 0 ? tokens[j - 1].range.upperBound : 0
                return (Match(value: r.value, mod: m, numberRange: numberRange, end: endScalar, isPercent: percent, isNegative: negative), j)
            }
            if tokens[i].kind == .number { return nil } // an ordinal or an overflow
            i += 1
        }
        return nil
    }
}
