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

@Suite struct ChineseMoneyFamilyTests {
    static let lexicon: [CashRow] = [
        .init(.zh, "300第纳尔", 300, "IQD"), .init(.zh, "20科威特第纳尔", 20, "KWD"), .init(.zh, "500里亚尔", 500, "SAR"),
        .init(.zh, "1000卢比", 1000, "INR"), .init(.zh, "50令吉", 50, "MYR"), .init(.zh, "2000奈拉", 2000, "NGN"), .init(.zh, "100瑞士法郎", 100, "CHF"),
        .init(.zh, "30法郎", 30, "CHF"), .init(.zh, "200克朗", 200, "SEK"), .init(.zh, "80挪威克朗", 80, "NOK"), .init(.zh, "10里拉", 10, "TRY"),
        .init(.zh, "5美圆", 5, "USD"), .init(.zh, "300万美元", 3_000_000, "USD"), .init(.zh, "45埃及镑", 45, "EGP"), .init(.zh, "60兹罗提", 60, "PLN"),
        .init(.zh, "800泰铢", 800, "THB"), .init(.zh, "9谢克尔", 9, "ILS"), .init(.zh, "15雷亚尔", 15, "BRL"), .init(.zh, "250兰特", 250, "ZAR"),
        .init(.zh, "3亿印尼盾", 300_000_000, "IDR"), .init(.zh, "7000格里夫纳", 7000, "UAH"), .init(.zh, "40新台币", 40, "TWD"),
        .init(.zh, "12澳门元", 12, "MOP"), .init(.zh, "1500迪拉姆", 1500, "AED"), .init(.zh, "90卢布", 90, "RUB"), .init(.zh, "6万日元", 60000, "JPY"),
    ]
    static let prefixAndCodes: [CashRow] = [
        .init(.zh, "人民幣3.14", 3.14, "CNY"), .init(.zh, "人民币500万", 5_000_000, "CNY"), .init(.zh, "美元500", 500, "USD"),
        .init(.zh, "115USD", 115, "USD"), .init(.zh, "42RM", 42, "MYR"), .init(.zh, "20€", 20, "EUR"), .init(.zh, "5 €", 5, "EUR"),
        .init(.zh, "300usd", 300, "USD"), .init(.zh, "港币5000元", 5000, "HKD"), .init(.zh, "US$500万", 5_000_000, "USD"),
        .init(.zh, "1000 JPY", 1000, "JPY"),
    ]
    static let compounds: [CashRow] = [
        .init(.zh, "一块二", 1.2, "CNY"), .init(.zh, "三块零四", 3.04, "CNY"), .init(.zh, "两美元又三美分", 2.03, "USD"),
        .init(.zh, "五元三毛", 5.3, "CNY"), .init(.zh, "十元五角六分", 10.56, "CNY"), .init(.zh, "两毛五", 0.25, "CNY"),
        .init(.zh, "三元五", 3.5, "CNY"), .init(.zh, "八块钱", 8, "CNY"), .init(.zh, "五角", 0.5, "CNY"), .init(.zh, "港幣三個一毫四", 3.14, "HKD"),
        .init(.zh, "十块零八", 10.08, "CNY"), .init(.zh, "三英镑又五便士", 3.05, "GBP"),
    ]
    static let bounds: [CashRow] = [
        .init(.zh, "至少300万元", 3_000_000, "CNY", mod: .atLeast), .init(.zh, "不少于500欧元", 500, "EUR", mod: .atLeast),
        .init(.zh, "超过1亿美元", 100_000_000, "USD", mod: .moreThan), .init(.zh, "不到10万元", 100_000, "CNY", mod: .lessThan),
        .init(.zh, "约2000万港元", 20_000_000, "HKD", mod: .approx), .init(.zh, "最多50万英镑", 500_000, "GBP", mod: .atMost),
        .init(.zh, "不超过3000令吉", 3000, "MYR", mod: .atMost), .init(.zh, "逾百万美元", 1_000_000, "USD", mod: .moreThan),
    ]

    @Test("the currency lexicon in Chinese", arguments: lexicon) func lexiconRows(_ r: CashRow) { r.check() }
    @Test("currency before the amount, codes and symbols after", arguments: prefixAndCodes) func prefixRows(_ r: CashRow) { r.check() }
    @Test("compounds: 一块二, 三块零四, 又…美分, 角/毛/分", arguments: compounds) func compoundRows(_ r: CashRow) { r.check() }
    @Test("bounds on money", arguments: bounds) func boundRows(_ r: CashRow) { r.check() }
}
