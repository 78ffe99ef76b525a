import Records

/// Words that bound or blur an amount. One choice, stated once: 近/将近/接近 and English
/// nearly/almost read as `approx` (not `less_than`), because reporters use them for round
/// figures on either side; 超过/逾/…多/…余 and more than/over read as `more_than`.
enum AmountModifiers {
    /// Chinese words before a number.
    static let zhPrefix = KeywordTable<AmountModifier>([
        ("超过", .moreThan), ("超出", .moreThan), ("逾", .moreThan), ("多于", .moreThan), ("高于", .moreThan),
        ("大于", .moreThan), ("高达", .moreThan), ("超", .moreThan), ("过", .moreThan),
        ("近", .approx), ("将近", .approx), ("接近", .approx), ("几近", .approx), ("近乎", .approx), ("逼近", .approx),
        ("约", .approx), ("大约", .approx), ("约莫", .approx), ("大概", .approx), ("大致", .approx), ("估计", .approx),
        ("预计", .approx), ("大約", .approx), ("約", .approx), ("或", .approx),
        ("至少", .atLeast), ("最少", .atLeast), ("起码", .atLeast), ("不少于", .atLeast), ("不下", .atLeast), ("不低于", .atLeast),
        ("最多", .atMost), ("至多", .atMost), ("不超过", .atMost), ("最高", .atMost), ("顶多", .atMost), ("不多于", .atMost), ("多达", .atMost),
        ("不到", .lessThan), ("不足", .lessThan), ("少于", .lessThan), ("低于", .lessThan), ("未满", .lessThan), ("小于", .lessThan),
    ])

    /// Chinese words right after the number (before a classifier or at the end).
    static let zhSuffix = KeywordTable<AmountModifier>([
        ("多", .moreThan), ("余", .moreThan), ("餘", .moreThan), ("几", .moreThan), ("幾", .moreThan), ("有余", .moreThan),
        ("以上", .moreThan), ("来", .approx), ("许", .approx), ("左右", .approx), ("上下", .approx), ("前后", .approx),
        ("以下", .atMost), ("以内", .atMost), ("+", .moreThan), ("＋", .moreThan),
    ])

    /// English phrases before a number, as words.
    static let enPrefix: [([String], AmountModifier)] = [
        (["more", "than"], .moreThan), (["over"], .moreThan), (["in", "excess", "of"], .moreThan),
        (["upwards", "of"], .moreThan), (["upward", "of"], .moreThan), (["above"], .moreThan),
        (["greater", "than"], .moreThan), (["just", "over"], .moreThan), (["well", "over"], .moreThan), (["beyond"], .moreThan),
        (["nearly"], .approx), (["almost"], .approx), (["about"], .approx), (["around"], .approx),
        (["approximately"], .approx), (["approx"], .approx), (["roughly"], .approx), (["some"], .approx),
        (["close", "to"], .approx), (["an", "estimated"], .approx), (["estimated"], .approx), (["circa"], .approx),
        (["~"], .approx), (["an", "approximate"], .approx), (["perhaps"], .approx),
        (["at", "least"], .atLeast), (["no", "fewer", "than"], .atLeast), (["no", "less", "than"], .atLeast),
        (["not", "less", "than"], .atLeast), (["a", "minimum", "of"], .atLeast),
        (["up", "to"], .atMost), (["at", "most"], .atMost), (["no", "more", "than"], .atMost),
        (["not", "more", "than"], .atMost), (["a", "maximum", "of"], .atMost), (["as", "many", "as"], .atMost),
        (["as", "much", "as"], .atMost),
        (["less", "than"], .lessThan), (["fewer", "than"], .lessThan), (["under"], .lessThan),
        (["below"], .lessThan), (["just", "under"], .lessThan),
    ].sorted { $0.0.count > $1.0.count }

    /// English phrases after a number.
    static let enSuffix: [([String], AmountModifier)] = [
        (["or", "more"], .atLeast), (["plus"], .moreThan), (["+"], .moreThan), (["or", "so"], .approx),
        (["-", "odd"], .approx), (["odd"], .approx), (["or", "fewer"], .atMost), (["or", "less"], .atMost),
    ]

    /// The English phrase at token `i` and its length in tokens.
    static func match(_ table: [([String], AmountModifier)], _ t: EnglishTokens, at i: Int) -> (AmountModifier, Int)? {
        outer: for (words, mod) in table {
            guard i + words.count <= t.count else { continue }
            for (k, w) in words.enumerated() where t[i + k].text != w { continue outer }
            return (mod, words.count)
        }
        return nil
    }
}
