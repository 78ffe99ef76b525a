/// The world's currencies by ISO 4217 code, with the symbols, English names and Chinese names
/// news writes them with. The table lives in Swift (not a lexicon file) because the normalisers
/// are pure functions with no access to the rule pack; `Currency` builds its lookup tables
/// from it once. A name shared by several currencies (dinars, riyals, pesos, kroner) is listed
/// under the one news most often means; a qualified name (Kuwaiti dinars) picks the exact one.
struct CurrencyEntry: Sendable {
    /// ISO 4217 code.
    let iso: String
    /// Symbols written before or after the amount, folded (lower case): `hk$`, `₦`, `rs`.
    let symbols: [String]
    /// English names, singular and plural, lower case, as words: `hong kong dollars`.
    let english: [String]
    /// Chinese names.
    let chinese: [String]

    init(_ iso: String, symbols: [String] = [], en english: [String], zh chinese: [String] = []) {
        self.iso = iso
        self.symbols = symbols
        self.english = english
        self.chinese = chinese
    }
}

enum CurrencyTable {
    static let entries: [CurrencyEntry] = [
        .init("USD", symbols: ["us$", "u.s.$", "usd$"], en: ["us dollar", "us dollars", "u.s. dollar", "u.s. dollars", "american dollar",
              "american dollars", "united states dollar", "united states dollars", "greenback", "greenbacks"], zh: ["美元", "美金", "美圆", "美圓"]),
        .init("EUR", symbols: ["€"], en: ["euro", "euros"], zh: ["欧元", "歐元"]),
        .init("GBP", symbols: ["£"], en: ["pound sterling", "pounds sterling", "british pound", "british pounds", "sterling", "quid"], zh: ["英镑", "英鎊"]),
        .init("JPY", symbols: ["jp¥"], en: ["yen", "japanese yen"], zh: ["日元", "日圆", "日圓", "日币", "日幣"]),
        .init("CNY", symbols: ["cn¥", "rmb"], en: ["yuan", "chinese yuan", "renminbi", "rmb", "yuan renminbi"],
              zh: ["人民币", "人民幣", "元人民币", "元人民幣"]),
        .init("HKD", symbols: ["hk$"], en: ["hong kong dollar", "hong kong dollars", "hk dollars"], zh: ["港元", "港币", "港幣", "港圆", "港圓"]),
        .init("TWD", symbols: ["nt$"], en: ["new taiwan dollar", "new taiwan dollars", "taiwan dollar", "taiwan dollars", "taiwanese dollars"],
              zh: ["新台币", "新臺幣", "新台幣", "台币", "台幣"]),
        .init("SGD", symbols: ["s$", "sg$"], en: ["singapore dollar", "singapore dollars"], zh: ["新元", "新币", "新幣", "新加坡元", "坡币"]),
        .init("MYR", symbols: ["rm"], en: ["ringgit", "ringgits", "malaysian ringgit"], zh: ["令吉", "马币", "馬幣", "林吉特", "马来西亚令吉"]),
        .init("AUD", symbols: ["a$", "au$"], en: ["australian dollar", "australian dollars"], zh: ["澳元", "澳币", "澳幣", "澳大利亚元"]),
        .init("CAD", symbols: ["c$", "ca$", "can$"], en: ["canadian dollar", "canadian dollars"], zh: ["加元", "加币", "加幣", "加拿大元"]),
        .init("NZD", symbols: ["nz$"], en: ["new zealand dollar", "new zealand dollars"], zh: ["纽元", "紐元", "新西兰元"]),
        .init("MXN", symbols: ["mex$", "mx$"], en: ["mexican peso", "mexican pesos"], zh: ["墨西哥比索"]),
        .init("PHP", symbols: ["₱"], en: ["philippine peso", "philippine pesos"], zh: ["菲律宾比索", "菲律賓比索", "比索"]),
        .init("ARS", en: ["argentine peso", "argentine pesos", "argentinian pesos"], zh: ["阿根廷比索"]),
        .init("CLP", en: ["chilean peso", "chilean pesos"], zh: ["智利比索"]),
        .init("COP", en: ["colombian peso", "colombian pesos"], zh: ["哥伦比亚比索"]),
        .init("CUP", en: ["cuban peso", "cuban pesos"], zh: ["古巴比索"]),
        .init("BRL", symbols: ["r$"], en: ["real", "reais", "reals", "brazilian real", "brazilian reais"], zh: ["雷亚尔", "巴西雷亚尔", "雷亞爾"]),
        .init("INR", symbols: ["₹", "rs", "rs.", "inr"], en: ["rupee", "rupees", "indian rupee", "indian rupees"], zh: ["印度卢比", "卢比", "盧比"]),
        .init("PKR", en: ["pakistani rupee", "pakistani rupees", "pakistan rupees"], zh: ["巴基斯坦卢比"]),
        .init("LKR", en: ["sri lankan rupee", "sri lankan rupees"], zh: ["斯里兰卡卢比"]),
        .init("NPR", en: ["nepalese rupee", "nepalese rupees", "nepali rupees"], zh: ["尼泊尔卢比"]),
        .init("IDR", symbols: ["rp"], en: ["rupiah", "rupiahs", "indonesian rupiah"], zh: ["印尼盾", "印度尼西亚盾", "印尼卢比"]),
        .init("VND", symbols: ["₫"], en: ["dong", "vietnamese dong"], zh: ["越南盾"]),
        .init("THB", symbols: ["฿"], en: ["baht", "thai baht"], zh: ["泰铢", "泰銖"]),
        .init("KRW", symbols: ["₩"], en: ["won", "south korean won", "korean won"], zh: ["韩元", "韓元", "韩币", "韓幣"]),
        .init("KPW", en: ["north korean won"], zh: ["朝鲜元"]),
        .init("RUB", symbols: ["₽"], en: ["ruble", "rubles", "rouble", "roubles", "russian ruble", "russian rubles", "russian roubles"],
              zh: ["卢布", "盧布", "俄罗斯卢布"]),
        .init("BYN", en: ["belarusian ruble", "belarusian rubles", "belarusian roubles"], zh: ["白俄罗斯卢布"]),
        .init("UAH", symbols: ["₴"], en: ["hryvnia", "hryvnias", "hryvna", "hryvnas", "hryvnya"], zh: ["格里夫纳", "赫夫米", "格里夫尼亚"]),
        .init("ILS", symbols: ["₪", "nis"], en: ["shekel", "shekels", "new shekel", "new shekels", "israeli shekel", "israeli shekels"],
              zh: ["谢克尔", "謝克爾", "新谢克尔", "舍客勒"]),
        .init("TRY", symbols: ["₺"], en: ["lira", "liras", "lire", "turkish lira", "turkish liras"], zh: ["土耳其里拉", "里拉"]),
        .init("CHF", en: ["swiss franc", "swiss francs", "franc", "francs"], zh: ["瑞士法郎", "瑞郎", "法郎"]),
        .init("XOF", en: ["cfa franc", "cfa francs", "west african cfa francs"], zh: ["西非法郎", "非洲法郎"]),
        .init("XAF", en: ["central african cfa francs"], zh: ["中非法郎"]),
        .init("SEK", en: ["swedish krona", "swedish kronor", "swedish crowns", "krona", "kronor"], zh: ["瑞典克朗", "克朗"]),
        .init("NOK", en: ["norwegian krone", "norwegian kroner", "norwegian crowns", "krone", "kroner"], zh: ["挪威克朗"]),
        .init("DKK", en: ["danish krone", "danish kroner", "danish crowns"], zh: ["丹麦克朗", "丹麥克朗"]),
        .init("ISK", en: ["icelandic krona", "icelandic kronur", "icelandic crowns"], zh: ["冰岛克朗"]),
        .init("CZK", en: ["czech koruna", "czech korunas", "czech crowns", "koruna", "korunas"], zh: ["捷克克朗"]),
        .init("PLN", symbols: ["zł"], en: ["zloty", "zlotys", "zlotych", "polish zloty", "polish zlotys"], zh: ["兹罗提", "波兰兹罗提"]),
        .init("HUF", en: ["forint", "forints", "hungarian forint", "hungarian forints"], zh: ["福林", "匈牙利福林"]),
        .init("RON", en: ["leu", "lei", "romanian leu", "romanian lei"], zh: ["列伊", "罗马尼亚列伊"]),
        .init("BGN", en: ["lev", "leva", "bulgarian lev", "bulgarian leva"], zh: ["列弗", "保加利亚列弗"]),
        .init("RSD", en: ["serbian dinar", "serbian dinars"], zh: ["塞尔维亚第纳尔"]),
        .init("IQD", en: ["dinar", "dinars", "iraqi dinar", "iraqi dinars"], zh: ["伊拉克第纳尔", "第纳尔"]),
        .init("KWD", en: ["kuwaiti dinar", "kuwaiti dinars"], zh: ["科威特第纳尔"]),
        .init("JOD", en: ["jordanian dinar", "jordanian dinars"], zh: ["约旦第纳尔"]),
        .init("BHD", en: ["bahraini dinar", "bahraini dinars"], zh: ["巴林第纳尔"]),
        .init("LYD", en: ["libyan dinar", "libyan dinars"], zh: ["利比亚第纳尔"]),
        .init("TND", en: ["tunisian dinar", "tunisian dinars"], zh: ["突尼斯第纳尔"]),
        .init("DZD", en: ["algerian dinar", "algerian dinars"], zh: ["阿尔及利亚第纳尔"]),
        .init("SAR", en: ["riyal", "riyals", "saudi riyal", "saudi riyals"], zh: ["沙特里亚尔", "里亚尔"]),
        .init("QAR", en: ["qatari riyal", "qatari riyals"], zh: ["卡塔尔里亚尔"]),
        .init("OMR", en: ["omani rial", "omani rials"], zh: ["阿曼里亚尔"]),
        .init("YER", en: ["yemeni rial", "yemeni rials"], zh: ["也门里亚尔"]),
        .init("IRR", en: ["rial", "rials", "iranian rial", "iranian rials"], zh: ["伊朗里亚尔"]),
        .init("AED", en: ["dirham", "dirhams", "uae dirham", "uae dirhams", "emirati dirhams"], zh: ["迪拉姆", "阿联酋迪拉姆"]),
        .init("MAD", en: ["moroccan dirham", "moroccan dirhams"], zh: ["摩洛哥迪拉姆"]),
        .init("EGP", symbols: ["e£"], en: ["egyptian pound", "egyptian pounds"], zh: ["埃及镑", "埃及鎊"]),
        .init("LBP", en: ["lebanese pound", "lebanese pounds", "lebanese lira"], zh: ["黎巴嫩镑"]),
        .init("SYP", en: ["syrian pound", "syrian pounds"], zh: ["叙利亚镑"]),
        .init("SDG", en: ["sudanese pound", "sudanese pounds"], zh: ["苏丹镑"]),
        .init("SSP", en: ["south sudanese pound", "south sudanese pounds"], zh: ["南苏丹镑"]),
        .init("NGN", symbols: ["₦"], en: ["naira", "nairas", "nigerian naira"], zh: ["奈拉", "尼日利亚奈拉"]),
        .init("ZAR", en: ["rand", "rands", "south african rand"], zh: ["兰特", "南非兰特"]),
        .init("KES", symbols: ["ksh", "kes"], en: ["shilling", "shillings", "kenyan shilling", "kenyan shillings"], zh: ["肯尼亚先令", "先令"]),
        .init("UGX", en: ["ugandan shilling", "ugandan shillings"], zh: ["乌干达先令"]),
        .init("TZS", en: ["tanzanian shilling", "tanzanian shillings"], zh: ["坦桑尼亚先令"]),
        .init("GHS", symbols: ["gh₵"], en: ["cedi", "cedis", "ghanaian cedi", "ghana cedis"], zh: ["塞地", "加纳塞地"]),
        .init("ETB", en: ["birr", "ethiopian birr"], zh: ["比尔", "埃塞俄比亚比尔"]),
        .init("AFN", en: ["afghani", "afghanis"], zh: ["阿富汗尼"]),
        .init("BDT", symbols: ["৳"], en: ["taka", "bangladeshi taka"], zh: ["塔卡", "孟加拉塔卡"]),
        .init("MMK", en: ["kyat", "kyats", "myanmar kyat"], zh: ["缅元", "缅币", "缅甸元", "缅甸币"]),
        .init("KHR", en: ["riel", "riels", "cambodian riel"], zh: ["瑞尔", "柬埔寨瑞尔"]),
        .init("LAK", en: ["lao kip"], zh: ["基普", "老挝基普"]),
        .init("MNT", symbols: ["₮"], en: ["tugrik", "tugriks", "togrog"], zh: ["图格里克"]),
        .init("KZT", symbols: ["₸"], en: ["tenge", "kazakh tenge"], zh: ["坚戈", "哈萨克斯坦坚戈"]),
        .init("UZS", en: ["uzbek som", "uzbek soum"], zh: ["苏姆"]),
        .init("GEL", symbols: ["₾"], en: ["lari", "georgian lari"], zh: ["拉里"]),
        .init("AMD", symbols: ["֏"], en: ["dram", "drams", "armenian dram"], zh: ["德拉姆"]),
        .init("AZN", symbols: ["₼"], en: ["manat", "manats", "azerbaijani manat"], zh: ["马纳特"]),
        .init("MOP", symbols: ["mop$"], en: ["pataca", "patacas", "macau pataca"], zh: ["澳门元", "澳門元", "澳门币", "澳門幣", "葡币"]),
        .init("BND", symbols: ["b$"], en: ["brunei dollar", "brunei dollars"], zh: ["文莱元", "汶莱元"]),
        .init("VES", en: ["bolivar", "bolivars", "bolivares"], zh: ["玻利瓦尔"]),
        .init("PEN", en: ["soles", "peruvian sol", "peruvian soles"], zh: ["索尔"]),
        .init("JMD", en: ["jamaican dollar", "jamaican dollars"], zh: ["牙买加元"]),
        .init("FJD", en: ["fijian dollar", "fijian dollars", "fiji dollars"], zh: ["斐济元"]),
        .init("ZWL", en: ["zimbabwean dollar", "zimbabwean dollars", "zimbabwe dollars"], zh: ["津巴布韦元"]),
        .init("PGK", en: ["kina"], zh: ["基那"]),
    ]

    /// Every ISO code of the table, lower case.
    static let codes: [String] = entries.map { $0.iso.lowercased() }
}
