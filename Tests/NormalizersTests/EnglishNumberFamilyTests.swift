import Testing
import Normalizers
import Records

/// A quantity row: text → amount (nil: not read), with the unit when the row pins one.
struct AmountRow: CustomTestStringConvertible, Sendable {
    let lang: Language
    let text: String
    let amount: Double?
    let unit: String?
    let mod: AmountModifier?
    var testDescription: String { "[\(lang)] \(text) → \(amount.map { String($0) } ?? "nil") \(unit ?? "")" }
    init(_ lang: Language, _ text: String, _ amount: Double?, unit: String? = nil, mod: AmountModifier? = nil) {
        self.lang = lang; self.text = text; self.amount = amount; self.unit = unit; self.mod = mod
    }

    func check() {
        let ctx = NormalizationContext(language: lang, referenceDate: reference)
        let v = Normalization.normalize(text, as: .quantity, context: ctx)
        guard let amount else { #expect(v == nil, "\(text) read as \(String(describing: v))"); return }
        guard case .quantity(let q)? = v else { Issue.record("not read: \(text)"); return }
        #expect(abs(q.amount - amount) <= 1e-6 * max(1, abs(amount)), "\(text): \(q.amount)")
        if let unit { #expect(q.unit == unit, "\(text): unit \(q.unit ?? "nil")") }
        if let mod { #expect(q.mod == mod) }
    }
}

@Suite struct EnglishNumberFamilyTests {
    static let words: [AmountRow] = [
        .init(.en, "sixteen", 16), .init(.en, "one hundred and six", 106), .init(.en, "a dozen", 12), .init(.en, "three dozens", 36),
        .init(.en, "two dozen", 24), .init(.en, "forty-two", 42), .init(.en, "ninety nine", 99), .init(.en, "seven hundred", 700),
        .init(.en, "two thousand and nineteen", 2019), .init(.en, "a hundred", 100), .init(.en, "eleven thousand", 11000),
        .init(.en, "one million two hundred thousand", 1_200_000), .init(.en, "a thousand and one", 1001), .init(.en, "zero", 0),
        .init(.en, "twelve dozen", 144), .init(.en, "nineteen", 19),
    ]
    static let decimals: [AmountRow] = [
        .init(.en, "three point five", 3.5), .init(.en, "nought point five", 0.5), .init(.en, "zero point two five", 0.25),
        .init(.en, "point five", 0.5), .init(.en, ".08", 0.08), .init(.en, ".5", 0.5), .init(.en, "two point oh five", 2.05),
        .init(.en, "0.75", 0.75), .init(.en, "twelve point seven", 12.7), .init(.en, "1.05", 1.05),
    ]
    static let fractions: [AmountRow] = [
        .init(.en, "one and a half million", 1_500_000), .init(.en, "3 million and a half", 3_500_000),
        .init(.en, "two and a half", 2.5), .init(.en, "half a million", 500_000), .init(.en, "two thirds", 2.0 / 3),
        .init(.en, "three quarters", 0.75), .init(.en, "one third", 1.0 / 3), .init(.en, "a quarter", 0.25), .init(.en, "3/4", 0.75),
        .init(.en, "2 1/2", 2.5), .init(.en, "one fifth", 0.2), .init(.en, "a half", 0.5), .init(.en, "five and a quarter", 5.25),
        .init(.en, "1.5 million", 1_500_000), .init(.en, "two and a half billion", 2_500_000_000),
    ]
    static let scales: [AmountRow] = [
        .init(.en, "5 lakh", 500_000), .init(.en, "2 crore", 20_000_000), .init(.en, "1.5 lakh crore", 1_500_000_000_000),
        .init(.en, "ten lakh", 1_000_000), .init(.en, "3 crores", 30_000_000), .init(.en, "1.2b", 1_200_000_000),
        .init(.en, "1.2bn", 1_200_000_000), .init(.en, "322 hundred", 32_200), .init(.en, "10k", 10_000), .init(.en, "4.5m", 4_500_000),
        .init(.en, "7 billion", 7_000_000_000), .init(.en, "2.3 trillion", 2_300_000_000_000), .init(.en, "15 hundred", 1500),
        .init(.en, "3 thousand", 3000), .init(.en, "1,234,567", 1_234_567),
    ]
    static let grouping: [AmountRow] = [
        .init(.en, "1 234 567", 1_234_567), .init(.en, "12 000", 12000), .init(.en, "1 414 021 100", 1_414_021_100),
        .init(.en, "250 000", 250_000),
    ]
    static let measures: [AmountRow] = [
        .init(.en, "six-mile", 6, unit: "mile"), .init(.en, "a 10-km walk", 10, unit: "km"), .init(.en, "five-ton", 5, unit: "tonne"),
        .init(.en, "12-foot", 12, unit: "foot"), .init(.en, "1.8m tall", 1.8, unit: "meter"), .init(.en, "1.8m people", 1_800_000, unit: "person"),
        .init(.en, "5km", 5, unit: "km"), .init(.en, "20kg", 20, unit: "kilogram"), .init(.en, "6ft", 6, unit: "foot"),
        .init(.en, "5 pounds of sugar", 5, unit: "pound"), .init(.en, "200 lbs", 200, unit: "pound"), .init(.en, "3 acres", 3, unit: "acre"),
        .init(.en, "300m deep", 300, unit: "meter"), .init(.en, "40 hectares", 40, unit: "hectare"), .init(.en, "8 inches", 8, unit: "inch"),
    ]
    static let negatives: [AmountRow] = [
        .init(.en, "minus 5", -5), .init(.en, "-1", -1), .init(.en, "-10000", -10000), .init(.en, "negative three", -3),
        .init(.en, "minus 2.5", -2.5), .init(.en, "-0.5", -0.5), .init(.en, "minus twenty", -20), .init(.en, "-1,200", -1200),
    ]

    @Test("number words without a counted noun", arguments: words) func wordRows(_ r: AmountRow) { r.check() }
    @Test("point / nought / leading-dot decimals", arguments: decimals) func decimalRows(_ r: AmountRow) { r.check() }
    @Test("fractions and 'and a half'", arguments: fractions) func fractionRows(_ r: AmountRow) { r.check() }
    @Test("lakh, crore, b/bn, hundred", arguments: scales) func scaleRows(_ r: AmountRow) { r.check() }
    @Test("space-grouped digits", arguments: grouping) func groupingRows(_ r: AmountRow) { r.check() }
    @Test("measures: hyphenated, glued, weight pounds, metres vs millions", arguments: measures) func measureRows(_ r: AmountRow) { r.check() }
    @Test("negatives", arguments: negatives) func negativeRows(_ r: AmountRow) { r.check() }
}
