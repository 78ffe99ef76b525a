import Records

/// Currency names and symbols to ISO 4217 codes, and the guesses for bare 元 and $.
public enum Currency {
    /// Marks a bare unit (元, 块, $, dollars) whose currency comes from the document's country.
    static let bareYuan = "#yuan"
    static let bareDollar = "#dollar"

    /// Chinese currency words written after (or before) the amount.
    static let zhWords = KeywordTable<String>(unique(zhWordList + CurrencyTable.entries.flatMap { e in e.chinese.map { ($0, e.iso) } }))

    /// Keeps the first value given for each word, so the hand-written readings above win.
    static func unique(_ pairs: [(String, String)]) -> [(String, String)] {
        var seen = Set<String>()
        return pairs.filter { seen.insert($0.0).inserted }
    }

    static let zhWordList: [(String, String)] = [
        ("美元", "USD"), ("美金", "USD"), ("美圆", "USD"), ("美分", "USD/100"),
        ("新元", "SGD"), ("新币", "SGD"), ("新幣", "SGD"), ("新加坡元", "SGD"), ("坡币", "SGD"),
        ("令吉", "MYR"), ("马币", "MYR"), ("馬幣", "MYR"), ("林吉特", "MYR"),
        ("人民币", "CNY"), ("人民幣", "CNY"), ("元人民币", "CNY"), ("元人民幣", "CNY"),
        ("港元", "HKD"), ("港币", "HKD"), ("港幣", "HKD"), ("港圆", "HKD"),
        ("欧元", "EUR"), ("歐元", "EUR"), ("英镑", "GBP"), ("英鎊", "GBP"), ("便士", "GBP/100"),
        ("日元", "JPY"), ("日圆", "JPY"), ("日圓", "JPY"), ("日币", "JPY"), ("日幣", "JPY"),
        ("卢布", "RUB"), ("盧布", "RUB"), ("格里夫纳", "UAH"), ("赫夫米", "UAH"), ("格里夫尼亚", "UAH"),
        ("谢克尔", "ILS"), ("謝克爾", "ILS"), ("新谢克尔", "ILS"), ("舍客勒", "ILS"),
        ("新台币", "TWD"), ("新臺幣", "TWD"), ("新台幣", "TWD"), ("台币", "TWD"), ("台幣", "TWD"),
        ("韩元", "KRW"), ("韓元", "KRW"), ("韩币", "KRW"), ("澳元", "AUD"), ("澳币", "AUD"), ("加元", "CAD"), ("加币", "CAD"),
        ("纽元", "NZD"), ("瑞士法郎", "CHF"), ("瑞郎", "CHF"), ("印度卢比", "INR"), ("卢比", "INR"), ("泰铢", "THB"),
        ("印尼盾", "IDR"), ("越南盾", "VND"), ("菲律宾比索", "PHP"), ("比索", "PHP"), ("土耳其里拉", "TRY"), ("里拉", "TRY"),
        ("伊朗里亚尔", "IRR"), ("沙特里亚尔", "SAR"), ("里亚尔", "SAR"), ("迪拉姆", "AED"), ("兰特", "ZAR"),
        ("澳门元", "MOP"), ("澳門元", "MOP"), ("澳门币", "MOP"), ("巴基斯坦卢比", "PKR"), ("埃及镑", "EGP"), ("叙利亚镑", "SYP"),
        ("黎巴嫩镑", "LBP"), ("苏丹镑", "SDG"), ("缅币", "MMK"), ("缅元", "MMK"), ("克朗", "SEK"), ("兹罗提", "PLN"),
        ("元", bareYuan), ("圆", bareYuan), ("圓", bareYuan), ("块钱", bareYuan), ("块", bareYuan), ("塊", bareYuan),
        ("块錢", bareYuan), ("蚊", "HKD"), ("美分", "USD/100"), ("分钱", "#yuan/100"), ("毫子", "HKD/10"), ("美刀", "USD"),
        ("欧", "EUR"), ("歐", "EUR"),
    ]

    /// Symbols and codes written before the amount (folded: lower case).
    static let prefixSymbols = KeywordTable<String>(unique(prefixSymbolList
        + CurrencyTable.entries.flatMap { e in e.symbols.map { ($0, e.iso) } + [(e.iso.lowercased(), e.iso)] }))

    static let prefixSymbolList: [(String, String)] = [
        ("us$", "USD"), ("u.s.$", "USD"), ("s$", "SGD"), ("sg$", "SGD"), ("hk$", "HKD"), ("a$", "AUD"), ("au$", "AUD"),
        ("c$", "CAD"), ("ca$", "CAD"), ("nt$", "TWD"), ("nz$", "NZD"), ("rm", "MYR"), ("€", "EUR"), ("£", "GBP"),
        ("¥", "#yen"), ("￥", "#yen"), ("₽", "RUB"), ("₴", "UAH"), ("₪", "ILS"), ("₹", "INR"), ("₩", "KRW"),
        ("rmb", "CNY"), ("$", bareDollar),
        ("usd", "USD"), ("eur", "EUR"), ("gbp", "GBP"), ("sgd", "SGD"), ("myr", "MYR"), ("cny", "CNY"), ("hkd", "HKD"),
        ("jpy", "JPY"), ("rub", "RUB"), ("uah", "UAH"), ("ils", "ILS"), ("twd", "TWD"), ("aud", "AUD"), ("cad", "CAD"),
        ("chf", "CHF"), ("inr", "INR"), ("krw", "KRW"), ("nis", "ILS"),
    ]

    /// English currency names after the amount, as words.
    static let enNames: [([String], String)] = {
        var seen = Set<[String]>()
        let table = CurrencyTable.entries.flatMap { e in
            (e.english + e.symbols + [e.iso.lowercased()]).map { (EnglishTokens(ScalarText($0)).tokens.map(\.text), e.iso) }
        }
        return (enNameList + table).filter { !$0.0.isEmpty && seen.insert($0.0).inserted }.sorted { $0.0.count > $1.0.count }
    }()

    static let enNameList: [([String], String)] = [
        (["us", "dollars"], "USD"), (["u", ".", "s", ".", "dollars"], "USD"), (["american", "dollars"], "USD"),
        (["singapore", "dollars"], "SGD"), (["hong", "kong", "dollars"], "HKD"), (["taiwan", "dollars"], "TWD"),
        (["new", "taiwan", "dollars"], "TWD"), (["australian", "dollars"], "AUD"), (["canadian", "dollars"], "CAD"),
        (["new", "zealand", "dollars"], "NZD"), (["swiss", "francs"], "CHF"), (["pounds", "sterling"], "GBP"),
        (["dollars"], bareDollar), (["dollar"], bareDollar), (["bucks"], bareDollar),
        (["euros"], "EUR"), (["euro"], "EUR"), (["pounds"], "GBP"), (["pound"], "GBP"), (["sterling"], "GBP"),
        (["yen"], "JPY"), (["yuan"], "CNY"), (["renminbi"], "CNY"), (["rmb"], "CNY"),
        (["rubles"], "RUB"), (["roubles"], "RUB"), (["ruble"], "RUB"), (["rouble"], "RUB"),
        (["hryvnias"], "UAH"), (["hryvnia"], "UAH"), (["hryvnas"], "UAH"), (["shekels"], "ILS"), (["shekel"], "ILS"),
        (["ringgit"], "MYR"), (["won"], "KRW"), (["rupees"], "INR"), (["rupee"], "INR"), (["baht"], "THB"),
        (["rupiah"], "IDR"), (["dong"], "VND"), (["pesos"], "#peso"), (["lira"], "TRY"), (["riyals"], "SAR"),
        (["dirhams"], "AED"), (["rand"], "ZAR"), (["francs"], "CHF"),
        (["norwegian", "crowns"], "NOK"), (["norwegian", "kroner"], "NOK"), (["norwegian", "krone"], "NOK"),
        (["swedish", "crowns"], "SEK"), (["swedish", "kronor"], "SEK"), (["swedish", "krona"], "SEK"),
        (["danish", "crowns"], "DKK"), (["danish", "kroner"], "DKK"), (["danish", "krone"], "DKK"),
        (["icelandic", "crowns"], "ISK"), (["icelandic", "kronur"], "ISK"),
        (["indian", "rupees"], "INR"), (["pakistani", "rupees"], "PKR"), (["zlotys"], "PLN"), (["zloty"], "PLN"),
        (["forints"], "HUF"), (["forint"], "HUF"),
        (["usd"], "USD"), (["eur"], "EUR"), (["gbp"], "GBP"), (["sgd"], "SGD"), (["myr"], "MYR"), (["cny"], "CNY"),
        (["hkd"], "HKD"), (["jpy"], "JPY"), (["rub"], "RUB"), (["uah"], "UAH"), (["ils"], "ILS"), (["twd"], "TWD"),
        (["aud"], "AUD"), (["cad"], "CAD"), (["chf"], "CHF"), (["inr"], "INR"), (["krw"], "KRW"),
        (["cents"], "#cent"), (["cent"], "#cent"), (["pence"], "GBP/100"), (["p"], "GBP/100"),
        (["$"], bareDollar), (["us", "dollar"], "USD"), (["chinese", "yuan"], "CNY"), (["c"], "#cent"), (["grand"], "#grand"),
    ]

    /// The currency of a bare dollar in a document from `country` (ISO alpha-3); USD when unknown.
    public static func dollar(country: String?) -> String {
        switch country?.uppercased() {
        case "SGP": "SGD"
        case "HKG": "HKD"
        case "TWN": "TWD"
        case "CAN": "CAD"
        case "AUS": "AUD"
        case "NZL": "NZD"
        default: "USD"
        }
    }

    /// The currency of a bare 元 / 块 in a document from `country`; CNY when unknown.
    public static func yuan(country: String?) -> String {
        switch country?.uppercased() {
        case "SGP": "SGD"
        case "HKG": "HKD"
        case "TWN": "TWD"
        case "MAC": "MOP"
        case "USA": "USD"
        case "MYS": "MYR"
        default: "CNY"
        }
    }

    /// A code after resolving the bare markers; the Bool says the currency was assumed.
    static func resolve(_ code: String, country: String?, language: Language) -> (String, Bool) {
        switch code {
        case bareYuan: return (yuan(country: country), true)
        case bareDollar: return (dollar(country: country), true)
        case "#yen": return (language == .zh || country?.uppercased() == "CHN" ? "CNY" : "JPY", true)
        case "#peso": return (country?.uppercased() == "MEX" ? "MXN" : "PHP", true)
        default: return (code, false)
        }
    }
}
