import Testing
import Normalizers
import Records

struct MoneyRow: CustomTestStringConvertible, Sendable {
    let text: String
    let lang: Language
    let country: String?
    let expected: MoneyValue?
    var testDescription: String { "[\(lang)] \(text)" }
    init(_ lang: Language, _ text: String, _ amount: Double?, _ currency: String? = nil, _ mod: AmountModifier? = nil,
         assumed: Bool = false, country: String? = nil) {
        self.lang = lang
        self.text = text
        self.country = country
        self.expected = amount.map { MoneyValue(amount: $0, currency: currency, mod: mod, currencyAssumed: assumed) }
    }
}

@Suite struct MoneyTests {
    static let rows: [MoneyRow] = [
        .init(.zh, "2800万美元", 28_000_000, "USD"), .init(.zh, "约1万9980令吉", 19980, "MYR", .approx),
        .init(.zh, "50新元", 50, "SGD"), .init(.zh, "50新币", 50, "SGD"), .init(.zh, "100马币", 100, "MYR"),
        .init(.zh, "1亿元人民币", 100_000_000, "CNY"), .init(.zh, "人民币500元", 500, "CNY"), .init(.zh, "30港元", 30, "HKD"),
        .init(.zh, "3000欧元", 3000, "EUR"), .init(.zh, "20英镑", 20, "GBP"), .init(.zh, "1000日元", 1000, "JPY"),
        .init(.zh, "50亿卢布", 5_000_000_000, "RUB"), .init(.zh, "100格里夫纳", 100, "UAH"), .init(.zh, "20谢克尔", 20, "ILS"),
        .init(.zh, "300新台币", 300, "TWD"), .init(.zh, "1.5亿美元", 150_000_000, "USD"), .init(.zh, "超过10亿美元", 1_000_000_000, "USD", .moreThan),
        .init(.zh, "五元三毛", 5.3, "CNY", assumed: true), .init(.zh, "两毛五", 0.25, "CNY", assumed: true),
        .init(.zh, "港幣三個一毫四", 3.14, "HKD"), .init(.zh, "十元五角六分", 10.56, "CNY", assumed: true),
        .init(.zh, "500元", 500, "SGD", assumed: true, country: "SGP"), .init(.zh, "500元", 500, "CNY", assumed: true),
        .init(.zh, "5000多万美元", 50_000_000, "USD", .moreThan), .init(.zh, "US$5", 5, "USD"),
        .init(.zh, "美元", nil), .init(.zh, "500人", nil),
        .init(.en, "$28 million", 28_000_000, "USD", assumed: true), .init(.en, "US$5bn", 5_000_000_000, "USD"),
        .init(.en, "S$100", 100, "SGD"), .init(.en, "HK$3.5 million", 3_500_000, "HKD"), .init(.en, "RM50", 50, "MYR"),
        .init(.en, "€20", 20, "EUR"), .init(.en, "£1.2bn", 1_200_000_000, "GBP"), .init(.en, "500 euros", 500, "EUR"),
        .init(.en, "thirteen dollars and forty-five cents", 13.45, "USD", assumed: true),
        .init(.en, "$40", 40, "SGD", assumed: true, country: "SGP"), .init(.en, "10 billion rubles", 10_000_000_000, "RUB"),
        .init(.en, "more than $1 billion", 1_000_000_000, "USD", .moreThan, assumed: true),
        .init(.en, "5 million US dollars", 5_000_000, "USD"), .init(.en, "50 cents", 0.5, "USD", assumed: true),
        .init(.en, "100 shekels", 100, "ILS"), .init(.en, "2,000 hryvnias", 2000, "UAH"), .init(.en, "USD 300", 300, "USD"),
        .init(.en, "dollars", nil), .init(.en, "300 people", nil),
    ]

    @Test("Money", arguments: rows)
    func money(_ row: MoneyRow) {
        let ctx = NormalizationContext(language: row.lang, referenceDate: reference, documentCountry: row.country)
        #expect(Normalization.normalize(row.text, as: .money, context: ctx) == row.expected.map { .money($0) })
    }
}
