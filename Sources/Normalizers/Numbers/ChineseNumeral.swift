/// Chinese numerals, alone or mixed with Arabic digits: 两百, 一万九千九百八十, 萬九 (19000),
/// 廿五, 壹佰贰拾, 二〇二五, 2800万, 1万9980, 1亿2421万, 1,100.9亿, 3.5万, 十五点八万, 两千万点五五四四.
///
/// A single digit right after a unit of a hundred or more scales to the next lower unit, as
/// speakers abbreviate: 三百五 = 350, 一万五 = 15000, 萬九 = 19000; 零 stops this (三百零五 = 305).
/// Ordinals (第三) are read by `parseOrdinal` only; `parse` rejects them.
public enum ChineseNumeral {
    enum Symbol: Equatable {
        case digit(Int)
        case unit(Int64)      // 十 百 千
        case tens(Int64)      // 廿 卅 卌
        case bigUnit(Int64)   // 万 亿
        case point
    }

    static func symbol(_ s: Unicode.Scalar) -> Symbol? {
        switch s {
        case "零", "〇", "○": return .digit(0)
        case "一", "壹", "幺", "弌": return .digit(1)
        case "二", "两", "贰", "貳", "兩", "弍": return .digit(2)
        case "三", "叁", "參", "叄", "弎": return .digit(3)
        case "四", "肆": return .digit(4)
        case "五", "伍": return .digit(5)
        case "六", "陆", "陸": return .digit(6)
        case "七", "柒": return .digit(7)
        case "八", "捌": return .digit(8)
        case "九", "玖": return .digit(9)
        case "十", "拾": return .unit(10)
        case "百", "佰": return .unit(100)
        case "千", "仟": return .unit(1000)
        case "廿": return .tens(20)
        case "卅": return .tens(30)
        case "卌": return .tens(40)
        case "万", "萬": return .bigUnit(10_000)
        case "亿", "億": return .bigUnit(100_000_000)
        case "点", "點": return .point
        default: return nil
        }
    }

    /// The digit value of one Chinese digit character (零〇一二两…九, financial and traditional forms).
    public static func digitValue(_ s: Unicode.Scalar) -> Int? {
        if case .digit(let d) = symbol(ScalarText.fold(s)) { return d }
        return nil
    }

    /// True when `s` can be part of a numeral (Chinese numeral character or ASCII digit).
    static func isNumeralScalar(_ s: Unicode.Scalar) -> Bool {
        ScalarText.isDigit(s) || (symbol(s).map { $0 != .point } ?? false)
    }

    /// Parses a whole string as one number; nil when it is not one or overflows (see `ExactNumber`).
    public static func parse(_ text: String) -> ExactNumber? {
        guard Normalization.isReadable(text) else { return nil }
        let t = ScalarText(text)
        guard t.count > 0 else { return nil }
        let end = scanEnd(t, from: 0)
        guard end == t.count else { return nil }
        return parse(t, 0..<end)
    }

    /// 两三, 三四十, 五六百, 七八千: two neighbouring digits say "this or the next", not 23 or
    /// 340. Returns the lower reading (三四十 → 30) when `range` starts that way, else nil.
    static func neighbourRange(_ t: ScalarText, _ range: Range<Int>) -> ExactNumber? {
        guard range.count >= 2, case .digit(let a)? = symbol(t[range.lowerBound]), case .digit(let b)? = symbol(t[range.lowerBound + 1]),
              a > 0, b == a + 1, !ScalarText.isDigit(t[range.lowerBound]) else { return nil }
        if range.count > 2, let s = symbol(t[range.lowerBound + 2]), case .digit = s { return nil }
        var scalars = Array(t.scalars[range])
        scalars.remove(at: 1)
        return parse(ScalarText(scalars: scalars), 0..<scalars.count)
    }

    /// Parses "第N" (第三, 第11, 第二十一) to N; nil for anything else.
    public static func parseOrdinal(_ text: String) -> Int? {
        guard Normalization.isReadable(text) else { return nil }
        let t = ScalarText(text)
        guard t.at(0) == "第", t.count > 1, scanEnd(t, from: 1) == t.count,
              let v = parse(t, 1..<t.count)?.integerValue, v <= Int64(Int.max) else { return nil }
        return Int(v)
    }

    /// One past the longest run of numeral scalars from `start` (`start` when none); a point
    /// (点 . ．) and thousands commas count only between digits. Linear in the run.
    static func scanEnd(_ t: ScalarText, from start: Int) -> Int {
        var i = start
        while i < t.count {
            let c = t[i]
            if ScalarText.isDigit(c) {
                // Arabic runs carry their own separators and decimal point.
                if let r = ArabicNumber.scan(t, at: i, allowSpaceGroups: false) { i = r.end } else { i += 1 }
                continue
            }
            if let sym = symbol(c) {
                if sym == .point {
                    guard i > start, let n = t.at(i + 1), ScalarText.isDigit(n) || isChineseDigit(n) else { break }
                }
                i += 1
                continue
            }
            break
        }
        return i
    }

    static func isChineseDigit(_ s: Unicode.Scalar) -> Bool {
        if case .digit = symbol(s) { return true }
        return false
    }

    /// Parses `range` of `t`, which holds numeral scalars only.
    static func parse(_ t: ScalarText, _ range: Range<Int>) -> ExactNumber? {
        var result = ExactNumber.zero      // everything already multiplied by 万/亿
        var lastBig: Int64 = 0             // the largest big unit applied so far
        var section = ExactNumber.zero     // below 万: sums of digit×unit
        var current: ExactNumber? = nil    // a digit (run) not yet given a unit
        var currentIsSingleDigit = false   // for the abbreviation 三百五
        var currentIsFraction = false
        var lastUnit: Int64 = 0            // the unit immediately before `current`
        var afterZero = false
        var sawSomething = false
        var i = range.lowerBound

        // The pending digit with the abbreviation rule applied.
        func pending() -> ExactNumber? {
            guard let c = current else { return .zero }
            if currentIsSingleDigit && !afterZero && !currentIsFraction && lastUnit >= 100 {
                return c.multiplied(by: lastUnit / 10)
            }
            return c
        }

        while i < range.upperBound {
            let c = t[i]
            if ScalarText.isDigit(c) {
                guard current == nil, let r = ArabicNumber.scan(t, at: i, allowSpaceGroups: false),
                      let v = r.value else { return nil }
                current = v
                currentIsSingleDigit = r.integerDigits == 1 && !r.hasFraction
                currentIsFraction = r.hasFraction
                sawSomething = true
                i = r.end
                continue
            }
            guard let sym = symbol(c) else { return nil }
            sawSomething = true
            switch sym {
            case .digit(let d):
                if d == 0 { afterZero = true }
                if d == 0, current == nil, lastUnit > 0 {
                    // 一万零十二: a 零 after a unit only marks the gap.
                    i += 1
                    continue
                }
                if let cur = current {
                    // A run such as 二〇二五 or 零五 reads positionally.
                    guard !currentIsFraction, let m = cur.multiplied(by: 10), let a = m.adding(ExactNumber(Int64(d))) else { return nil }
                    current = a
                    currentIsSingleDigit = false
                } else {
                    current = ExactNumber(Int64(d))
                    currentIsSingleDigit = true
                }
            case .unit(let u):
                let base = current ?? ExactNumber(1)
                guard !currentIsFraction || current != nil, let add = base.multiplied(by: u),
                      let s = section.adding(add) else { return nil }
                section = s
                current = nil
                currentIsFraction = false
                lastUnit = u
                afterZero = false
            case .tens(let v):
                guard current == nil, let s = section.adding(ExactNumber(v)) else { return nil }
                section = s
                lastUnit = 10
                afterZero = false
            case .bigUnit(let u):
                guard let p = pending(), var sec = section.adding(p) else { return nil }
                if sec == .zero && result == .zero { sec = ExactNumber(1) }
                if sec == .zero, current == nil, result != .zero, lastUnit == lastBig, lastBig > 0 {
                    // 万万 (and 一万万, 三万万): a big unit right after the same one multiplies.
                    guard let r = result.multiplied(by: u) else { return nil }
                    result = r
                    lastBig = lastBig * u
                } else if lastBig == 0 || u > lastBig {
                    guard let sum = result.adding(sec), let r = sum.multiplied(by: u) else { return nil }
                    result = r
                    lastBig = u
                } else {
                    // 亿亿 or 万…万 with nothing between: not a numeral we read (and past 2^53 anyway).
                    guard sec != .zero, let add = sec.multiplied(by: u), let r = result.adding(add) else { return nil }
                    result = r
                }
                section = .zero
                current = nil
                currentIsFraction = false
                lastUnit = u
                afterZero = false
            case .point:
                guard let p = pending(), let whole = section.adding(p) else { return nil }
                var digits: [Int] = []
                var k = i + 1
                while k < range.upperBound {
                    let s = t[k]
                    if ScalarText.isDigit(s) { digits.append(Int(s.value - 0x30)) }
                    else if case .digit(let d)? = symbol(s) { digits.append(d) }
                    else { break }
                    k += 1
                }
                guard !digits.isEmpty, digits.count <= 18, let f = ExactNumber.fraction(digits: digits),
                      let v = whole.adding(f) else { return nil }
                section = .zero
                current = v
                currentIsFraction = true
                currentIsSingleDigit = false
                lastUnit = 0
                i = k
                continue
            }
            i += 1
        }
        guard sawSomething, let p = pending(), let s = section.adding(p), let total = result.adding(s),
              total.significand <= ExactNumber.maxExactSignificand else { return nil }
        return total
    }
}
