import Records

/// Reads counts: 175名战俘 → 175 person; 超过400人 → 400 person more_than; 百分之三十 → 30 percent;
/// 6死 → 6 person; "more than 400 people", "dozens of soldiers" (12 person approx), "40%".
public enum QuantityNormalizer {
    /// The quantity in `text`, or nil when there is no readable number. With `withUnit` false
    /// the unit is left out (the `number` normaliser).
    public static func normalize(_ text: String, language: Language, withUnit: Bool = true) -> QuantityValue? {
        Normalization.isReadable(text) ? read(ScalarText(text), language: language, withUnit: withUnit) : nil
    }

    static func read(_ t: ScalarText, language: Language, withUnit: Bool) -> QuantityValue? {
        switch language {
        case .zh:
            guard let m = NumberFinder.chinese(t, from: 0), let amount = m.signedDouble else { return nil }
            var unit: String? = m.isPercent ? "percent" : m.isPermille ? "permille" : nil
            var mod = m.mod
            var value = amount
            if let u = UnitLexicon.chinese(t, at: m.end), !m.isPercent, !m.isPermille {
                // 一吨半, 两个半: half a unit more; 三打: dozens.
                if t.at(m.end + u.length) == "半" { value += m.isNegative ? -0.5 : 0.5 }
                if u.unit == "dozen" { value *= 12 }
            }
            if withUnit && unit == nil, let u = UnitLexicon.chinese(t, at: m.end) {
                unit = u.unit == "dozen" ? "item" : u.unit
                // 100名以上, 30人左右: a bound after the classifier.
                if mod == nil, let (sm, _) = AmountModifiers.zhSuffix.longest(in: t, at: m.end + u.length) { mod = sm }
            }
            return QuantityValue(amount: value, unit: withUnit ? unit : nil, mod: mod)
        case .en:
            let tokens = EnglishTokens(t)
            if let measured = UnitLexicon.gluedMeasure(tokens) {
                return QuantityValue(amount: measured.amount, unit: withUnit ? measured.unit : nil, mod: measured.mod)
            }
            // a mile, an acre: one of the unit
            if let w = tokens.word(0), w == "a" || w == "an", let u = tokens.word(1), let unit = UnitLexicon.enNouns[u], UnitLexicon.measureUnits.contains(unit) {
                return QuantityValue(amount: 1, unit: withUnit ? unit : nil, mod: nil)
            }
            guard let (m, next) = NumberFinder.english(tokens, from: 0), let amount = m.signedDouble else { return nil }
            var unit: String? = m.isPercent ? "percent" : nil
            if withUnit && unit == nil {
                var k = next
                if tokens.word(k) == "of" { k += 1 } // dozens of soldiers
                if tokens.isPunct(k, "-") { k += 1 } // a six-mile walk
                unit = UnitLexicon.english(tokens, from: k)
            }
            return QuantityValue(amount: amount, unit: withUnit ? unit : nil, mod: m.mod)
        }
    }
}
