import Records

/// Reads amounts of money: 2800万美元 → 28000000 USD; 约1万9980令吉 → 19980 MYR approx; 五元三毛 →
/// 5.3; 两毛五 → 0.25; 港幣三個一毫四 → 3.14 HKD; "$28 million", "US$5bn", "RM50",
/// "thirteen dollars and forty-five cents". Bare 元 / $ / dollars take the document's country
/// (`Currency.yuan`, `Currency.dollar`) and set `currencyAssumed`.
public enum MoneyNormalizer {
    /// The amount in `text`, or nil without both a number and a currency word or symbol.
    public static func normalize(_ text: String, language: Language, documentCountry: String? = nil) -> MoneyValue? {
        Normalization.isReadable(text) ? read(ScalarText(text), language: language, documentCountry: documentCountry) : nil
    }

    static func read(_ t: ScalarText, language: Language, documentCountry: String?) -> MoneyValue? {
        language == .zh ? chinese(t, country: documentCountry) : english(t, country: documentCountry)
    }

    static let jiao: Set<Unicode.Scalar> = ["角", "毛", "毫"]
    static let fen: Set<Unicode.Scalar> = ["分", "仙"]
    static let mainUnits: Set<Unicode.Scalar> = ["元", "圆", "圓", "块", "塊", "個", "个", "蚊"]

    static func chinese(_ t: ScalarText, country: String?) -> MoneyValue? {
        var code: String? = nil
        var mod: AmountModifier? = nil
        var i = 0
        // Before the number: modifiers, symbols (US$, ¥) and currency words (港幣三個…).
        while i < t.count, !ChineseNumeral.isNumeralScalar(t[i]) {
            if ChineseNumeral.symbol(t[i]) != nil { break }
            if NumberFinder.vagueStarts.contains(t[i]), let n = t.at(i + 1), ChineseNumeral.symbol(n) != nil { break }
            if let (m, len) = AmountModifiers.zhPrefix.longest(in: t, at: i) { mod = mod ?? m; i += len; continue }
            if let (c, len) = Currency.prefixSymbols.longest(in: t, at: i) { code = c; i += len; continue }
            if let (c, len) = Currency.zhWords.longest(in: t, at: i), c != Currency.bareYuan { code = c; i += len; continue }
            i += 1
        }
        guard let m = NumberFinder.chinese(t, from: i) else { return nil }
        mod = mod ?? m.mod
        var amount = m.value
        i = m.end
        while let s = t.at(i), ScalarText.isSpace(s) { i += 1 }
        var sawUnit = code != nil
        if let (c, len) = Currency.zhWords.longest(in: t, at: i) {
            if c.hasSuffix("/10") {
                // 五毫子: Cantonese tenths of a dollar
                code = String(c.dropLast(3))
                guard let a = amount.shifted(right: 1) else { return nil }
                amount = a
            } else if c.hasSuffix("/100") {
                code = String(c.dropLast(4))
                guard let a = amount.shifted(right: 2) else { return nil }
                amount = a
            } else if code == nil || c != Currency.bareYuan {
                code = c
            }
            sawUnit = true
            i += len
        } else if let (c, len) = Currency.prefixSymbols.longestWord(in: t, at: i) {
            // 115USD, 42RM, 20€ in Chinese text: a code or symbol after the amount.
            if code == nil || code == Currency.bareYuan || code == Currency.bareDollar { code = c }
            sawUnit = true
            i += len
        } else if let s = t.at(i), mainUnits.contains(s), code != nil {
            i += 1  // 港幣三個: the Cantonese dollar
        } else if let s = t.at(i), jiao.contains(s) {
            // 两毛五: the number was tenths.
            guard let a = amount.shifted(right: 1) else { return nil }
            amount = a
            sawUnit = true
            code = code ?? Currency.bareYuan
            i += 1
            if let f = fenPart(t, at: &i, implied: true), let s2 = amount.adding(f) { amount = s2 }
            return finish(amount, code, mod, country)
        }
        guard sawUnit, code != nil else { return nil }
        // 两块半, 兩蚊半: half a unit more
        if t.at(i) == "半", i + 1 == t.count, let h = ExactNumber(significand: 5, scale: 1), let a = amount.adding(h) {
            return finish(a, code!, mod, country)
        }
        // 五元三毛, 三個一毫四, 十元五角六分; 两美元又三美分.
        var k = i
        if t.at(k) == "又" { k += 1 }
        let end = ChineseNumeral.scanEnd(t, from: k)
        if end > k, let (c, len) = Currency.zhWords.longest(in: t, at: end), c.hasSuffix("/100"),
           let v = ChineseNumeral.parse(t, k..<end), let cents = v.shifted(right: 2), let a = amount.adding(cents) {
            _ = len
            return finish(a, code!, mod, country)
        }
        // 一块二 (1.2), 三块零四 (3.04): a bare digit after the main unit is tenths, after 零 hundredths.
        if end == t.count, let unit = t.at(i - 1), mainUnits.contains(unit) || unit == "钱" || unit == "錢" {
            if end == k + 1, let d = ChineseNumeral.digitValue(t[k]), let tenth = ExactNumber(Int64(d)).shifted(right: 1),
               let a = amount.adding(tenth) {
                return finish(a, code!, mod, country)
            }
            if end == k + 2, t[k] == "零" || t[k] == "〇", let d = ChineseNumeral.digitValue(t[k + 1]),
               let cent = ExactNumber(Int64(d)).shifted(right: 2), let a = amount.adding(cent) {
                return finish(a, code!, mod, country)
            }
        }
        if end > k, let s = t.at(end), jiao.contains(s), let v = ChineseNumeral.parse(t, k..<end), let tenth = v.shifted(right: 1),
           let a = amount.adding(tenth) {
            amount = a
            k = end + 1
            if let f = fenPart(t, at: &k, implied: true), let a2 = amount.adding(f) { amount = a2 }
        } else if end > k, let s = t.at(end), fen.contains(s), let v = ChineseNumeral.parse(t, k..<end),
                  let c = v.shifted(right: 2), let a = amount.adding(c) {
            amount = a
        }
        return finish(amount, code!, mod, country)
    }

    /// 六分, or a bare digit after 角/毛 (两毛五 → 0.05).
    static func fenPart(_ t: ScalarText, at i: inout Int, implied: Bool) -> ExactNumber? {
        let end = ChineseNumeral.scanEnd(t, from: i)
        guard end > i, let v = ChineseNumeral.parse(t, i..<end) else { return nil }
        if let s = t.at(end), fen.contains(s) { i = end + 1; return v.shifted(right: 2) }
        guard implied, end == i + 1 else { return nil }
        i = end
        return v.shifted(right: 2)
    }

    static func finish(_ amount: ExactNumber, _ code: String?, _ mod: AmountModifier?, _ country: String?) -> MoneyValue? {
        guard let code, let value = amount.doubleValue else { return nil }
        let (iso, assumed) = Currency.resolve(code, country: country, language: .zh)
        return MoneyValue(amount: value, currency: iso, mod: mod, currencyAssumed: assumed)
    }

    /// Single-word currency names, codes and symbols that may be glued to digits (115usd, 42rm, 50p).
    static let gluedCurrencyWords: Set<String> = Set(Currency.enNames.filter { $0.0.count == 1 }.map { $0.0[0] })

    /// The text with a space between digits and a currency word glued to them, so 115USD reads as
    /// 115 USD; scale letters (5m, 2bn, 3k) stay glued.
    static func separatingGluedCurrency(_ t: ScalarText) -> ScalarText {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(t.count + 2)
        var i = 0
        while i < t.count {
            out.append(t[i])
            if ScalarText.isDigit(t[i]), let n = t.at(i + 1), ScalarText.isLetter(n) {
                var k = i + 1
                while let c = t.at(k), ScalarText.isLetter(c) { k += 1 }
                let word = t.string((i + 1)..<k)
                if EnglishNumber.scales[word] == nil, gluedCurrencyWords.contains(word) { out.append(" ") }
            }
            i += 1
        }
        return ScalarText(scalars: out)
    }

    static func english(_ raw: ScalarText, country: String?) -> MoneyValue? {
        let t = separatingGluedCurrency(raw)
        let tokens = EnglishTokens(t)
        var code: String? = nil
        var i = 0
        var mod: AmountModifier? = nil
        // Before the number: modifiers and symbols ($, US$, RM, €, USD).
        var numberStart: Int? = nil
        while i < tokens.count {
            if let (m, len) = AmountModifiers.match(AmountModifiers.enPrefix, tokens, at: i) { mod = mod ?? m; i += len; continue }
            if let (c, len) = Currency.prefixSymbols.longestWord(in: t, at: tokens[i].range.lowerBound) {
                code = c
                // Skip the tokens the symbol covered (us + $).
                let end = tokens[i].range.lowerBound + len
                while i < tokens.count && tokens[i].range.lowerBound < end { i += 1 }
                continue
            }
            if tokens[i].kind == .number || EnglishNumber.read(tokens, from: i) != nil { numberStart = i; break }
            i += 1
        }
        // a dollar, an euro: one of the currency
        if numberStart == nil, let ai = (0..<tokens.count).first(where: { tokens.word($0) == "a" || tokens.word($0) == "an" }),
           let (c, _) = matchName(tokens, at: ai + 1), !c.hasPrefix("#c"), !c.hasPrefix("#g") {
            let (iso, assumed) = Currency.resolve(c, country: country, language: .en)
            return MoneyValue(amount: 1, currency: iso, mod: mod, currencyAssumed: assumed)
        }
        guard let ns = numberStart, let (m, next) = NumberFinder.english(tokens, from: ns),
              var amount = Optional(m.value) else { return nil }
        mod = mod ?? m.mod
        var j = next
        if let (c, len) = matchName(tokens, at: j) {
            if c == "#grand" {
                // 10 grand: thousands of (bare) dollars
                code = code ?? Currency.bareDollar
                guard let a = amount.multiplied(by: 1000) else { return nil }
                amount = a
            } else if c == "#cent" {
                code = code ?? Currency.bareDollar
                guard let a = amount.shifted(right: 2) else { return nil }
                amount = a
            } else if c.hasSuffix("/100") {
                code = String(c.dropLast(4))
                guard let a = amount.shifted(right: 2) else { return nil }
                amount = a
            } else if code == nil || code == Currency.bareDollar {
                code = c
            }
            j += len
            // 75 USD million: a scale after the code.
            if let w = tokens.word(j), EnglishNumber.wordScales.contains(w), let s = EnglishNumber.scales[w], let a = amount.multiplied(by: s) {
                amount = a
                j += 1
            }
        }
        // "… dollars and forty-five cents", "3 dollars 50 cents", "$10 and 50 cents", "5 pounds 20p"
        var k = j
        if tokens.word(k) == "and" { k += 1 }
        if code != nil, k > j || k < tokens.count, let (cm, after) = NumberFinder.english(tokens, from: k),
           let (cc, _) = matchName(tokens, at: after), cc == "#cent" || cc.hasSuffix("/100"), let c = cm.value.shifted(right: 2),
           let a = amount.adding(c) {
            amount = a
        } else if code != nil, j > next, k == j, let (cm, after) = NumberFinder.english(tokens, from: k), after == tokens.count,
                  let whole = cm.value.integerValue, whole > 0, whole < 100, let c = cm.value.shifted(right: 2), let a = amount.adding(c) {
            // twelve euros fifty: the minor unit after the named currency ends the amount
            amount = a
        }
        guard let c = code, let value = amount.doubleValue else { return nil }
        let (iso, assumed) = Currency.resolve(c == "#cent" ? Currency.bareDollar : c, country: country, language: .en)
        return MoneyValue(amount: value, currency: iso, mod: mod, currencyAssumed: assumed)
    }

    static func matchName(_ t: EnglishTokens, at i: Int) -> (String, Int)? {
        outer: for (words, code) in Currency.enNames {
            guard i + words.count <= t.count else { continue }
            for (k, w) in words.enumerated() where t[i + k].text != w { continue outer }
            return (code, words.count)
        }
        return nil
    }
}
