import Records

/// The units a quantity can carry, from Chinese classifiers and nouns and English nouns.
/// Unit names: person, aircraft, vessel, vehicle, item (munitions and other countable things),
/// building, country, household, incident, time (occurrences), sortie, age, percent,
/// percentage_point, tonne, kilogram, km, km2, meter, mile; measures: centimeter, millimeter,
/// foot, inch, yard, pound (weight), ounce, acre, hectare, litre, gallon.
public enum UnitLexicon {
    /// Chinese classifiers and unit words written right after the number (longest first).
    static let zhClassifiers = KeywordTable<String>([
        ("名", "person"), ("人", "person"), ("位", "person"), ("口", "person"), ("具", "person"), ("人次", "person"),
        ("个人", "person"), ("個人", "person"),
        ("死", "person"), ("亡", "person"), ("伤", "person"), ("傷", "person"), ("失踪", "person"), ("失蹤", "person"),
        ("遇难", "person"), ("罹难", "person"), ("丧生", "person"), ("死亡", "person"), ("受伤", "person"), ("被捕", "person"),
        ("架次", "sortie"), ("架", "aircraft"), ("艘", "vessel"), ("辆", "vehicle"), ("輛", "vehicle"),
        ("枚", "item"), ("发", "item"), ("發", "item"), ("颗", "item"), ("顆", "item"), ("件", "item"), ("个", "item"),
        ("個", "item"), ("只", "item"), ("支", "item"), ("门", "item"), ("套", "item"), ("批", "item"), ("箱", "item"),
        ("栋", "building"), ("棟", "building"), ("幢", "building"), ("间", "building"), ("所", "building"), ("座", "building"),
        ("户", "household"), ("戶", "household"), ("家", "household"), ("起", "incident"), ("次", "time"),
        ("岁", "age"), ("歲", "age"), ("周岁", "age"),
        ("%", "percent"), ("‰", "permille"), ("个百分点", "percentage_point"), ("百分点", "percentage_point"),
        ("吨", "tonne"), ("噸", "tonne"), ("公斤", "kilogram"), ("千克", "kilogram"), ("公里", "km"), ("千米", "km"),
        ("平方公里", "km2"), ("米", "meter"), ("英里", "mile"), ("打", "dozen"), ("本", "item"), ("张", "item"), ("張", "item"), ("条", "item"), ("條", "item"), ("头", "item"),
        ("頭", "item"), ("匹", "item"), ("台", "item"), ("部", "item"), ("份", "item"), ("篇", "item"), ("首", "item"), ("棵", "item"),
        ("朵", "item"), ("把", "item"), ("双", "item"), ("雙", "item"), ("瓶", "item"), ("杯", "item"), ("碗", "item"), ("袋", "item"),
        ("包", "item"), ("盒", "item"), ("斤", "jin"), ("公斤", "kilogram"), ("项", "item"), ("項", "item"), ("场", "incident"), ("場", "incident"), ("磅", "pound"), ("英尺", "foot"), ("厘米", "centimeter"),
        ("毫米", "millimeter"), ("公顷", "hectare"), ("公頃", "hectare"), ("亩", "mu"), ("畝", "mu"), ("升", "litre"), ("克", "gram"),
    ])

    /// Chinese nouns that name what is counted; they override a generic classifier (3个平民 → person).
    static let zhNouns = KeywordTable<String>([
        ("人", "person"), ("民众", "person"), ("平民", "person"), ("士兵", "person"), ("军人", "person"), ("战俘", "person"),
        ("囚犯", "person"), ("俘虏", "person"), ("人质", "person"), ("儿童", "person"), ("孩子", "person"), ("妇女", "person"),
        ("难民", "person"), ("居民", "person"), ("死者", "person"), ("伤者", "person"), ("学生", "person"), ("警察", "person"),
        ("警员", "person"), ("官兵", "person"), ("武装分子", "person"), ("战士", "person"), ("乘客", "person"),
        ("遇难者", "person"), ("患者", "person"), ("工人", "person"), ("员工", "person"), ("选民", "person"), ("记者", "person"),
        ("游客", "person"), ("男子", "person"), ("女子", "person"), ("村民", "person"), ("示威者", "person"),
        ("抗议者", "person"), ("移民", "person"), ("被拘留者", "person"), ("军警", "person"), ("士兵们", "person"),
        ("国家", "country"), ("国", "country"), ("國家", "country"),
        ("飞机", "aircraft"), ("战机", "aircraft"), ("战斗机", "aircraft"), ("直升机", "aircraft"), ("无人机", "aircraft"),
        ("客机", "aircraft"), ("軍機", "aircraft"), ("军机", "aircraft"),
        ("船", "vessel"), ("船只", "vessel"), ("舰", "vessel"), ("军舰", "vessel"), ("舰艇", "vessel"), ("渔船", "vessel"),
        ("车", "vehicle"), ("车辆", "vehicle"), ("坦克", "vehicle"), ("装甲车", "vehicle"), ("卡车", "vehicle"), ("汽车", "vehicle"),
        ("导弹", "item"), ("火箭弹", "item"), ("炮弹", "item"), ("炸弹", "item"),
        ("房屋", "building"), ("建筑", "building"), ("住宅", "building"), ("楼", "building"),
    ])

    /// English nouns (plural and singular) after the number.
    static let enNouns: [String: String] = {
        var m: [String: String] = [:]
        let person = ["people", "persons", "person", "civilians", "civilian", "soldiers", "soldier", "troops", "prisoners",
                      "prisoner", "pows", "pow", "hostages", "hostage", "children", "child", "kids", "women", "woman", "men",
                      "man", "refugees", "residents", "protesters", "protestors", "demonstrators", "migrants", "workers",
                      "officers", "policemen", "police", "fighters", "militants", "casualties", "bodies", "passengers",
                      "students", "journalists", "patients", "detainees", "captives", "servicemen", "members", "citizens",
                      "villagers", "inmates", "dead", "killed", "wounded", "injured", "missing", "deaths", "victims",
                      "palestinians", "israelis", "ukrainians", "russians", "americans", "migrant", "individuals",
                      "personnel", "staff", "guards", "rebels", "insurgents", "gunmen", "sailors", "pilots", "marines",
                      "infants", "babies", "adults", "teenagers", "boys", "girls", "family", "families", "lives", "others",
                      "suspects", "suspect", "diplomats", "diplomat", "crew", "crewmen", "fishermen", "pilgrims", "tourists",
                      "employees", "staffers", "nationals", "settlers", "farmers", "miners", "nurses", "doctors"]
        for w in person { m[w] = "person" }
        for w in ["aircraft", "planes", "plane", "jets", "jet", "helicopters", "helicopter", "drones", "drone", "warplanes", "airplanes"] { m[w] = "aircraft" }
        for w in ["ships", "ship", "vessels", "vessel", "boats", "boat", "warships", "warship"] { m[w] = "vessel" }
        for w in ["vehicles", "vehicle", "tanks", "tank", "trucks", "truck", "cars", "car", "buses"] { m[w] = "vehicle" }
        for w in ["missiles", "missile", "rockets", "rocket", "shells", "shell", "bombs", "bomb", "rounds", "munitions",
                  "systems", "system", "batteries", "battery", "launchers", "launcher", "interceptors", "interceptor",
                  "howitzers", "howitzer", "weapons", "rifles", "guns"] { m[w] = "item" }
        for w in ["homes", "houses", "buildings", "building", "home", "house"] { m[w] = "building" }
        for w in ["countries", "nations", "country", "nation"] { m[w] = "country" }
        for w in ["households"] { m[w] = "household" }
        for w in ["times"] { m[w] = "time" }
        for w in ["sorties"] { m[w] = "sortie" }
        for w in ["incidents", "attacks"] { m[w] = "incident" }
        for w in ["tons", "tonnes", "ton", "tonne"] { m[w] = "tonne" }
        for w in ["km", "kilometres", "kilometers", "kilometre", "kilometer"] { m[w] = "km" }
        for w in ["miles", "mile"] { m[w] = "mile" }
        for w in ["kg", "kilograms", "kilos", "kilogram", "kilo", "kgs"] { m[w] = "kilogram" }
        for w in ["meters", "metres", "meter", "metre"] { m[w] = "meter" }
        for w in ["cm", "centimeters", "centimetres", "centimeter", "centimetre"] { m[w] = "centimeter" }
        for w in ["mm", "millimeters", "millimetres", "millimeter", "millimetre"] { m[w] = "millimeter" }
        for w in ["feet", "foot", "ft"] { m[w] = "foot" }
        for w in ["inches", "inch"] { m[w] = "inch" }
        for w in ["yards", "yard", "yd", "yds"] { m[w] = "yard" }
        for w in ["pounds", "pound", "lb", "lbs"] { m[w] = "pound" }
        for w in ["ounces", "ounce", "oz"] { m[w] = "ounce" }
        for w in ["acres", "acre"] { m[w] = "acre" }
        for w in ["hectares", "hectare", "ha"] { m[w] = "hectare" }
        for w in ["litres", "liters", "litre", "liter"] { m[w] = "litre" }
        for w in ["gallons", "gallon"] { m[w] = "gallon" }
        return m
    }()

    /// Units glued to digits (5km, 20kg, 6ft); `m` only when a word of size follows (1.8m tall), since
    /// 1.8m is otherwise 1.8 million.
    static let gluedUnits: [String: String] = [
        "km": "km", "kg": "kilogram", "cm": "centimeter", "mm": "millimeter", "ft": "foot", "lb": "pound", "lbs": "pound",
        "mi": "mile", "ha": "hectare", "yd": "yard", "oz": "ounce",
    ]
    /// Units of measure (a mile is one mile; "a person" is not a count).
    static let measureUnits: Set<String> = ["km", "mile", "meter", "centimeter", "millimeter", "foot", "inch", "yard", "pound", "ounce",
                                            "acre", "hectare", "litre", "gallon", "tonne", "kilogram"]
    static let sizeWords: Set<String> = ["tall", "high", "long", "wide", "deep", "away", "thick", "across", "in", "of", "below", "above", "under", "underground", "deep"]

    /// A measure glued to its digits at the start of the tokens (after an optional modifier).
    static func gluedMeasure(_ t: EnglishTokens) -> (amount: Double, unit: String, mod: AmountModifier?)? {
        var i = 0
        var mod: AmountModifier? = nil
        if let (m, len) = AmountModifiers.match(AmountModifiers.enPrefix, t, at: 0) { mod = m; i = len }
        guard i < t.count, t[i].kind == .number, let v = t[i].value?.doubleValue else { return nil }
        let suffix = t[i].suffix
        if let unit = gluedUnits[suffix] { return (v, unit, mod) }
        if suffix == "m", let w = t.word(i + 1), sizeWords.contains(w), w != "of", w != "in" { return (v, "meter", mod) }
        return nil
    }

    /// The Chinese unit written at `i` (classifier, noun, or classifier + noun) and the scalars it covers.
    static func chinese(_ t: ScalarText, at start: Int) -> (unit: String, length: Int)? {
        var i = start
        while let s = t.at(i), ScalarText.isSpace(s) { i += 1 }
        guard let found = chineseUnit(t, at: i) else { return nil }
        return (found.unit, found.length + i - start)
    }

    static func chineseUnit(_ t: ScalarText, at i: Int) -> (unit: String, length: Int)? {
        let cls = zhClassifiers.longest(in: t, at: i)
        let nounAt = i + (cls?.length ?? 0)
        if let noun = zhNouns.longest(in: t, at: nounAt), cls == nil || cls!.value == "item" || cls!.value == "person" || noun.value == cls!.value {
            return (noun.value, nounAt + noun.length - i)
        }
        if let c = cls { return (c.value, c.length) }
        return nil
    }

    /// The English unit among the next three words after token `i` ("400 Ukrainian soldiers").
    static func english(_ t: EnglishTokens, from i: Int) -> String? {
        var k = i
        while k < t.count && k < i + 3 {
            guard let w = t.word(k) else { return nil }
            if let u = enNouns[w] {
                if w == "percentage" { return "percentage_point" }
                return u
            }
            if w == "percentage", t.word(k + 1) == "points" || t.word(k + 1) == "point" { return "percentage_point" }
            if ["of", "and", "or", "in", "on", "at", "were", "was", "have", "had", "are", "years", "days", "hours", "minutes"].contains(w) { return nil }
            k += 1
        }
        return nil
    }
}
