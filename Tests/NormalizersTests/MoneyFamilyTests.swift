import Testing
import Normalizers
import Records

/// A money row: text → amount and ISO currency (nil amount: not money).
struct CashRow: CustomTestStringConvertible, Sendable {
    let lang: Language
    let text: String
    let amount: Double?
    let currency: String?
    let mod: AmountModifier?
    var testDescription: String { "[\(lang)] \(text) → \(amount.map { String($0) } ?? "nil") \(currency ?? "")" }
    init(_ lang: Language, _ text: String, _ amount: Double?, _ currency: String? = nil, mod: AmountModifier? = nil) {
        self.lang = lang; self.text = text; self.amount = amount; self.currency = currency; self.mod = mod
    }

    func check() {
        let v = Normalization.normalize(text, as: .money, context: NormalizationContext(language: lang, referenceDate: reference))
        guard let amount else { #expect(v == nil, "\(text) read as \(String(describing: v))"); return }
        guard case .money(let m)? = v else { Issue.record("not read: \(text)"); return }
        #expect(abs(m.amount - amount) <= 1e-6 * max(1, abs(amount)), "\(text): \(m.amount)")
        #expect(m.currency == currency, "\(text): \(m.currency ?? "nil")")
        if let mod { #expect(m.mod == mod, "\(text): \(String(describing: m.mod))") }
    }
}

@Suite struct EnglishMoneyFamilyTests {
    static let lexicon: [CashRow] = [
        .init(.en, "500 dinars", 500, "IQD"), .init(.en, "20 Kuwaiti dinars", 20, "KWD"), .init(.en, "300 riyals", 300, "SAR"),
        .init(.en, "40 Qatari riyals", 40, "QAR"), .init(.en, "1,000 rupees", 1000, "INR"), .init(.en, "Rs 500", 500, "INR"),
        .init(.en, "Rs. 2,000", 2000, "INR"), .init(.en, "5 million ringgit", 5_000_000, "MYR"), .init(.en, "RM50", 50, "MYR"),
        .init(.en, "2,000 naira", 2000, "NGN"), .init(.en, "₦5000", 5000, "NGN"), .init(.en, "100 Swiss francs", 100, "CHF"),
        .init(.en, "50 CFA francs", 50, "XOF"), .init(.en, "200 Norwegian kroner", 200, "NOK"), .init(.en, "75 Danish kroner", 75, "DKK"),
        .init(.en, "10 lira", 10, "TRY"), .init(.en, "12 Turkish lira", 12, "TRY"), .init(.en, "3 billion rupiah", 3_000_000_000, "IDR"),
        .init(.en, "800 baht", 800, "THB"), .init(.en, "45 Egyptian pounds", 45, "EGP"), .init(.en, "1,500 dirhams", 1500, "AED"),
        .init(.en, "60 zlotys", 60, "PLN"), .init(.en, "9 shekels", 9, "ILS"), .init(.en, "7,000 hryvnias", 7000, "UAH"),
        .init(.en, "250 rand", 250, "ZAR"), .init(.en, "30 Kenyan shillings", 30, "KES"), .init(.en, "15 reais", 15, "BRL"),
        .init(.en, "R$ 40", 40, "BRL"), .init(.en, "5,000 yen", 5000, "JPY"), .init(.en, "80 Mexican pesos", 80, "MXN"),
        .init(.en, "2 million afghanis", 2_000_000, "AFN"), .init(.en, "900 taka", 900, "BDT"), .init(.en, "40 Pakistani rupees", 40, "PKR"),
        .init(.en, "10 euros", 10, "EUR"), .init(.en, "1 euro", 1, "EUR"), .init(.en, "100 roubles", 100, "RUB"),
    ]
    static let qualifiedDollars: [CashRow] = [
        .init(.en, "C$20", 20, "CAD"), .init(.en, "HK$1.5 billion", 1_500_000_000, "HKD"), .init(.en, "Mex$300", 300, "MXN"),
        .init(.en, "S$45", 45, "SGD"), .init(.en, "NT$3,000", 3000, "TWD"), .init(.en, "A$10", 10, "AUD"), .init(.en, "NZ$ 99", 99, "NZD"),
        .init(.en, "5 us dollars", 5, "USD"), .init(.en, "one us dollar", 1, "USD"), .init(.en, "20 chinese yuan", 20, "CNY"),
        .init(.en, "40 Hong Kong dollars", 40, "HKD"), .init(.en, "12 Canadian dollars", 12, "CAD"), .init(.en, "US$5bn", 5_000_000_000, "USD"),
        .init(.en, "$28 million", 28_000_000, "USD"), .init(.en, "300 Brunei dollars", 300, "BND"),
    ]
    static let codes: [CashRow] = [
        .init(.en, "USD 300", 300, "USD"), .init(.en, "usd 300", 300, "USD"), .init(.en, "EUR 5", 5, "EUR"), .init(.en, "115USD", 115, "USD"),
        .init(.en, "42RM", 42, "MYR"), .init(.en, "5 €", 5, "EUR"), .init(.en, "20€", 20, "EUR"), .init(.en, "300 gbp", 300, "GBP"),
        .init(.en, "1,000 JPY", 1000, "JPY"), .init(.en, "NGN 400", 400, "NGN"), .init(.en, "50 SAR", 50, "SAR"), .init(.en, "10 INR", 10, "INR"),
        .init(.en, "20 PLN", 20, "PLN"), .init(.en, "7.5 CHF", 7.5, "CHF"), .init(.en, "5£", 5, "GBP"), .init(.en, "99 BRL", 99, "BRL"),
        .init(.en, "CNY 8", 8, "CNY"), .init(.en, "12 AED", 12, "AED"), .init(.en, "3,000 krw", 3000, "KRW"),
    ]
    static let compounds: [CashRow] = [
        .init(.en, "3 dollars 50 cents", 3.5, "USD"), .init(.en, "three dollars and fifty cents", 3.5, "USD"),
        .init(.en, "5 pounds 20 pence", 5.2, "GBP"), .init(.en, "10 euros and 5 cents", 10.05, "EUR"), .init(.en, "75 USD million", 75_000_000, "USD"),
        .init(.en, "2 EUR billion", 2_000_000_000, "EUR"), .init(.en, "50 cents", 0.5, "USD"), .init(.en, "50p", 0.5, "GBP"),
        .init(.en, "$1.5 million", 1_500_000, "USD"), .init(.en, "£2.5bn", 2_500_000_000, "GBP"),
    ]
    static let bounds: [CashRow] = [
        .init(.en, "less than $5", 5, "USD", mod: .lessThan), .init(.en, "no less than 200 euros", 200, "EUR", mod: .atLeast),
        .init(.en, "at least £40", 40, "GBP", mod: .atLeast), .init(.en, "more than 1 million rupees", 1_000_000, "INR", mod: .moreThan),
        .init(.en, "up to $10,000", 10000, "USD", mod: .atMost), .init(.en, "about 300 yuan", 300, "CNY", mod: .approx),
        .init(.en, "nearly 2 billion dollars", 2_000_000_000, "USD", mod: .approx), .init(.en, "under 20 dirhams", 20, "AED", mod: .lessThan),
    ]

    @Test("the currency lexicon", arguments: lexicon) func lexiconRows(_ r: CashRow) { r.check() }
    @Test("qualified dollars", arguments: qualifiedDollars) func dollarRows(_ r: CashRow) { r.check() }
    @Test("codes and symbols before, after or glued", arguments: codes) func codeRows(_ r: CashRow) { r.check() }
    @Test("compounds and scales after the code", arguments: compounds) func compoundRows(_ r: CashRow) { r.check() }
    @Test("bounds on money", arguments: bounds) func boundRows(_ r: CashRow) { r.check() }
}
