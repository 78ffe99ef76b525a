import Foundation
import Testing

/// One end-to-end case: `tidings normalize` on `text` must emit a mention of `kind` whose value
/// has every key of `value` (numbers compared as numbers), made by a rule or lexicon it names.
struct MentionCase: CustomTestStringConvertible, Sendable {
    let lang: String
    let text: String
    let kind: String
    let value: [String: String]
    var testDescription: String { "[\(lang)] \(text) → \(kind) \(value)" }
    init(_ lang: String, _ text: String, _ kind: String, _ value: [String: String]) {
        self.lang = lang; self.text = text; self.kind = kind; self.value = value
    }
}

/// The mentions `tidings normalize` printed, one JSON object a line.
func normalizedMentions(_ lang: String, _ text: String, date: String = "2025-03-20") throws -> (Int32, [[String: Any]]) {
    let run = try tidings(["normalize", "--lang", lang, "--date", date, text])
    let objects = run.stdout.split(separator: "\n").compactMap {
        try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    return (run.status, objects)
}

func agrees(_ actual: Any?, _ expected: String) -> Bool {
    if let n = actual as? NSNumber, let e = Double(expected) {
        return abs(n.doubleValue - e) <= 1e-6 * max(1, abs(e))
    }
    if let s = actual as? String { return s == expected }
    return false
}

func expectMention(_ c: MentionCase) throws {
    let (status, mentions) = try normalizedMentions(c.lang, c.text)
    #expect(status == 0)
    let hit = mentions.first { m in
        guard m["kind"] as? String == c.kind, let v = m["value"] as? [String: Any] else { return false }
        return c.value.allSatisfy { agrees(v[$0.key], $0.value) }
    }
    #expect(hit != nil, "no \(c.kind) \(c.value) in \(mentions)")
    if let hit { #expect((hit["rule"] as? String)?.isEmpty == false) }
}

@Suite struct NormalizeDateFamiliesCLITests {
    static let cases: [MentionCase] = [
        .init("en", "Prices have climbed since 2015, the bank said.", "date", ["date": "2015", "mod": "after"]),
        .init("en", "The deal must be signed no later than May 5, 2024.", "date", ["date": "2024-05-05", "mod": "before"]),
        .init("en", "The form was dated 31/10/2018 by the clerk.", "date", ["date": "2018-10-31"]),
        .init("en", "He was born on 10/31/74 in Ohio.", "date", ["date": "1974-10-31"]),
        .init("en", "The filing of 05-Aug-2016 was late.", "date", ["date": "2016-08-05"]),
        .init("en", "Sales fell in Dec-2018 and recovered.", "date", ["date": "2018-12"]),
        .init("en", "The permit ran 2018/1/10-2018/7/10 only.", "date", ["start": "2018-01-10", "end": "2018-07-10"]),
        .init("en", "She moved there in nineteen ninety six.", "date", ["date": "1996"]),
        .init("en", "They married on January first.", "date", ["date": "2025-01-01"]),
        .init("en", "The band formed in June of 1992.", "date", ["date": "1992-06"]),
        .init("en", "We meet again Wednesday next week.", "date", ["date": "2025-03-26"]),
        .init("en", "Rent is due by the end of the month.", "date", ["date": "2025-03", "mod": "end"]),
        .init("en", "Payment is due on the 20th of next month.", "date", ["date": "2025-04-20"]),
        .init("en", "The store reopened 3 days after Christmas.", "date", ["date": "2024-12-28"]),
        .init("en", "The vote is set for the first Monday of next month.", "date", ["date": "2025-04-07"]),
        .init("en", "Families gathered at Thanksgiving 2023.", "date", ["date": "2023-11-23"]),
        .init("en", "The church dates back to 1865.", "date", ["date": "1865"]),
        .init("en", "It happened in the year 2008.", "date", ["date": "2008"]),
        .init("en", "Shops close on Christmas Eve 2018 at noon.", "date", ["date": "2018-12-24"]),
        .init("en", "The school opened from the 3rd to the 7th of May 2018.", "date", ["start": "2018-05-03", "end": "2018-05-07"]),
        .init("zh", "2018年以前出厂的车辆须年检。", "date", ["date": "2018", "mod": "before"]),
        .init("zh", "自2015年以来房价上涨。", "date", ["date": "2015", "mod": "after"]),
        .init("zh", "07年以后他一直在北京。", "date", ["date": "2007", "mod": "after"]),
        .init("zh", "他08年8月8日到了北京。", "date", ["date": "2008-08-08"]),
        .init("zh", "这座桥建于2008 年。", "date", ["date": "2008"]),
        .init("zh", "有效期2018/1/10-2018/7/10。", "date", ["start": "2018-01-10", "end": "2018-07-10"]),
        .init("zh", "展览2016年3月至5月举行。", "date", ["start": "2016-03", "end": "2016-05"]),
        .init("zh", "会议于2018年和2019年举行。", "date", ["start": "2018", "end": "2019"]),
        .init("zh", "今日天气晴。", "date", ["date": "2025-03-20"]),
        .init("zh", "我尋日去咗深圳。", "date", ["date": "2025-03-19"]),
        .init("zh", "聽日會落雨。", "date", ["date": "2025-03-21"]),
        .init("zh", "今個月好忙。", "date", ["date": "2025-03"]),
        .init("zh", "上年的产量很高。", "date", ["date": "2024"]),
        .init("zh", "2024年春节期间客流大增。", "date", ["date": "2024-02-10"]),
        .init("zh", "今年国庆我们去旅游。", "date", ["date": "2025-10-01"]),
        .init("zh", "3月5日起实施新规。", "date", ["date": "2025-03-05", "mod": "after"]),
    ]

    @Test("dates are emitted with their values", arguments: cases) func dates(_ c: MentionCase) throws { try expectMention(c) }
}

@Suite struct NormalizeNumberFamiliesCLITests {
    static let cases: [MentionCase] = [
        .init("en", "The final count was sixteen.", "quantity", ["amount": "16"]),
        .init("en", "They found one hundred and six, officials said.", "quantity", ["amount": "106"]),
        .init("en", "She bought a dozen.", "quantity", ["amount": "12"]),
        .init("en", "The tray held three dozens.", "quantity", ["amount": "36"]),
        .init("en", "The score was nought point five.", "quantity", ["amount": "0.5"]),
        .init("en", "Rates rose to .08 overnight.", "quantity", ["amount": "0.08"]),
        .init("en", "Some one and a half million voted.", "quantity", ["amount": "1500000"]),
        .init("en", "Turnout reached 3 million and a half.", "quantity", ["amount": "3500000"]),
        .init("en", "The fund holds 5 lakh in cash.", "quantity", ["amount": "500000"]),
        .init("en", "Exports hit 2 crore last year.", "quantity", ["amount": "20000000"]),
        .init("en", "Revenue was 1.2bn in total.", "quantity", ["amount": "1200000000"]),
        .init("en", "The town counted 322 hundred in all.", "quantity", ["amount": "32200"]),
        .init("en", "The census gives 1 234 567 in total.", "quantity", ["amount": "1234567"]),
        .init("en", "They ran a six-mile loop.", "quantity", ["amount": "6", "unit": "mile"]),
        .init("en", "Overnight it fell to minus 5 in the valley.", "quantity", ["amount": "-5"]),
        .init("en", "The balance stood at -1 after the fee.", "quantity", ["amount": "-1"]),
        .init("en", "He bought 5 pounds of flour.", "quantity", ["amount": "5", "unit": "pound"]),
        .init("en", "The baby weighs 8 pounds.", "quantity", ["amount": "8", "unit": "pound"]),
        .init("en", "The player is 1.8m tall.", "quantity", ["amount": "1.8", "unit": "meter"]),
        .init("en", "The city has 1.8m people.", "quantity", ["amount": "1800000"]),
        .init("en", "The tank was about 3/4 full.", "quantity", ["amount": "0.75"]),
        .init("zh", "发票金额为壹佰贰拾叁。", "quantity", ["amount": "123"]),
        .init("zh", "兩百名工人到场。", "quantity", ["amount": "200"]),
        .init("zh", "售价百三。", "quantity", ["amount": "130"]),
        .init("zh", "这里住着十多万人。", "quantity", ["amount": "100000", "mod": "more_than"]),
        .init("zh", "投资500余万。", "quantity", ["amount": "5000000"]),
        .init("zh", "概率为零点五。", "quantity", ["amount": "0.5"]),
        .init("zh", "编号一万零十二。", "quantity", ["amount": "10012"]),
        .init("zh", "运来一吨半大米。", "quantity", ["amount": "1.5", "unit": "tonne"]),
        .init("zh", "她买了两打鸡蛋。", "quantity", ["amount": "24"]),
        .init("zh", "人口达5万4千6百。", "quantity", ["amount": "54600"]),
        .init("zh", "粉丝超过3k。", "quantity", ["amount": "3000"]),
        .init("zh", "气温降至负三十二。", "quantity", ["amount": "-32"]),
        .init("zh", "指数跌到-10000。", "quantity", ["amount": "-10000"]),
        .init("zh", "全国有萬九。", "quantity", ["amount": "19000"]),
    ]

    @Test("numbers are emitted with their values", arguments: cases) func numbers(_ c: MentionCase) throws { try expectMention(c) }

    @Test func moneyBeatsQuantityOnTheSameSpan() throws {
        let (_, mentions) = try normalizedMentions("en", "The bill came to 5 pounds in the end.")
        let kinds = mentions.filter { ($0["text"] as? String) == "5 pounds" }.compactMap { $0["kind"] as? String }
        #expect(kinds == ["money"])
    }
}

@Suite struct NormalizeMoneyFamiliesCLITests {
    static let cases: [MentionCase] = [
        .init("en", "The fine was 500 dinars.", "money", ["amount": "500", "currency": "IQD"]),
        .init("en", "A room costs 300 riyals a night.", "money", ["amount": "300", "currency": "SAR"]),
        .init("en", "He paid Rs 500 for the ticket.", "money", ["amount": "500", "currency": "INR"]),
        .init("en", "The grant is 5 million ringgit.", "money", ["amount": "5000000", "currency": "MYR"]),
        .init("en", "Bread now costs 2,000 naira.", "money", ["amount": "2000", "currency": "NGN"]),
        .init("en", "Entry is 12 Swiss francs.", "money", ["amount": "12", "currency": "CHF"]),
        .init("en", "A coffee is 40 Norwegian kroner.", "money", ["amount": "40", "currency": "NOK"]),
        .init("en", "The shirt costs 90 Turkish lira.", "money", ["amount": "90", "currency": "TRY"]),
        .init("en", "Tickets are C$20 at the door.", "money", ["amount": "20", "currency": "CAD"]),
        .init("en", "The deal is worth HK$1.5 billion.", "money", ["amount": "1500000000", "currency": "HKD"]),
        .init("en", "A taxi costs Mex$300 there.", "money", ["amount": "300", "currency": "MXN"]),
        .init("en", "She sent him 5 us dollars.", "money", ["amount": "5", "currency": "USD"]),
        .init("en", "It was sold for 20 chinese yuan.", "money", ["amount": "20", "currency": "CNY"]),
        .init("en", "Lunch was 5 € in town.", "money", ["amount": "5", "currency": "EUR"]),
        .init("en", "The card was 20€ online.", "money", ["amount": "20", "currency": "EUR"]),
        .init("en", "He was charged 115USD for it.", "money", ["amount": "115", "currency": "USD"]),
        .init("en", "The meal was 42RM in total.", "money", ["amount": "42", "currency": "MYR"]),
        .init("en", "The fund raised 75 USD million.", "money", ["amount": "75000000", "currency": "USD"]),
        .init("en", "A stamp is 3 dollars 50 cents.", "money", ["amount": "3.5", "currency": "USD"]),
        .init("en", "Bids of no less than 200 euros are welcome.", "money", ["amount": "200", "currency": "EUR", "mod": "at_least"]),
        .init("en", "It sells for less than $5.", "money", ["amount": "5", "currency": "USD", "mod": "less_than"]),
        .init("zh", "他被罚款300第纳尔。", "money", ["amount": "300", "currency": "IQD"]),
        .init("zh", "一碗面2000奈拉。", "money", ["amount": "2000", "currency": "NGN"]),
        .init("zh", "车费50令吉。", "money", ["amount": "50", "currency": "MYR"]),
        .init("zh", "这件衣服5美圆。", "money", ["amount": "5", "currency": "USD"]),
        .init("zh", "售价人民幣3.14。", "money", ["amount": "3.14", "currency": "CNY"]),
        .init("zh", "运费为115USD。", "money", ["amount": "115", "currency": "USD"]),
        .init("zh", "门票20€。", "money", ["amount": "20", "currency": "EUR"]),
        .init("zh", "白菜一块二一斤。", "money", ["amount": "1.2", "currency": "CNY"]),
        .init("zh", "找回三块零四。", "money", ["amount": "3.04", "currency": "CNY"]),
        .init("zh", "邮票两美元又三美分。", "money", ["amount": "2.03", "currency": "USD"]),
        .init("zh", "投资不少于500欧元。", "money", ["amount": "500", "currency": "EUR", "mod": "at_least"]),
        .init("zh", "至少300万元的罚款。", "money", ["amount": "3000000", "currency": "CNY", "mod": "at_least"]),
    ]

    @Test("money is emitted with its value", arguments: cases) func money(_ c: MentionCase) throws { try expectMention(c) }
}

@Suite struct NormalizeDurationFamiliesCLITests {
    static let cases: [MentionCase] = [
        .init("en", "The drive takes 3h on a good day.", "duration", ["iso": "PT3H"]),
        .init("en", "It took 3 hrs to clear the road.", "duration", ["iso": "PT3H"]),
        .init("en", "They held a 30-min briefing.", "duration", ["iso": "PT30M"]),
        .init("en", "The ride lasts 45min each way.", "duration", ["iso": "PT45M"]),
        .init("en", "He served 3.5years in prison.", "duration", ["iso": "P3Y6M"]),
        .init("en", "The record was 123.45 sec flat.", "duration", ["iso": "PT123.45S"]),
        .init("en", "The visa is valid for 10D only.", "duration", ["iso": "P10D"]),
        .init("en", "We waited half hour for the bus.", "duration", ["iso": "PT30M"]),
        .init("en", "The talks lasted one hour and a half.", "duration", ["iso": "PT1H30M"]),
        .init("en", "The flight took an hour thirty.", "duration", ["iso": "PT1H30M"]),
        .init("en", "Her time was 1 hour 5 minutes 30 seconds.", "duration", ["iso": "PT1H5M30S"]),
        .init("zh", "他跑了五分三十秒。", "duration", ["iso": "PT5M30S"]),
        .init("zh", "会议开了一個半小時。", "duration", ["iso": "PT1H30M"]),
        .init("zh", "代表团进行为期3日的访问。", "duration", ["iso": "P3D"]),
        .init("zh", "工程历时3月完成。", "duration", ["iso": "P3M"]),
        .init("zh", "我等咗兩個鐘。", "duration", ["iso": "PT2H"]),
        .init("zh", "全程用时1小时20分钟30秒。", "duration", ["iso": "PT1H20M30S"]),
    ]

    @Test("durations are emitted with their values", arguments: cases) func durations(_ c: MentionCase) throws { try expectMention(c) }
}

@Suite struct NormalizeProvenanceCLITests {
    @Test func everyMentionNamesItsRuleAndSource() throws {
        let (status, mentions) = try normalizedMentions("zh", "普京周三说，援助2800万美元。")
        #expect(status == 0)
        #expect(mentions.count == 3)
        for m in mentions {
            let rule = m["rule"] as? String ?? ""
            let source = m["source"] as? String ?? ""
            #expect(!rule.isEmpty)
            // file:line inside the pack: an entity rule's YAML or a lexicon row.
            #expect(source.range(of: #"^(zh/entities\.yaml|lexicons/zh/[a-z_]+\.tsv):[0-9]+$"#, options: .regularExpression) != nil, "\(source)")
        }
        #expect(mentions.contains { ($0["rule"] as? String) == "lexicon:zh/people.tsv" && ($0["source"] as? String)?.hasPrefix("lexicons/zh/people.tsv:") == true })
    }

    @Test func withoutADateRelativeDatesAreReadAgainstToday() throws {
        let run = try tidings(["normalize", "--lang", "en", "They met yesterday."])
        #expect(run.status == 0)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let now = Date()
        let today = calendar.dateComponents([.year, .month, .day], from: now)
        let yesterday = calendar.dateComponents([.year, .month, .day], from: now.addingTimeInterval(-86_400))
        func iso(_ c: DateComponents) -> String { String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!) }
        #expect(run.stdout.contains("\"anchor\": \"today \(iso(today))\""), "\(run.stdout)")
        #expect(run.stdout.contains("\"date\": \"\(iso(yesterday))\""), "\(run.stdout)")
    }

    @Test func anExplicitDateIsTheAnchor() throws {
        let run = try tidings(["normalize", "--lang", "en", "--date", "2025-03-20", "They met yesterday."])
        #expect(run.stdout.contains("\"anchor\": \"reference 2025-03-20\""))
        #expect(run.stdout.contains("\"date\": \"2025-03-19\""))
    }
}

@Suite struct NormalizeNumbersInSentencesCLITests {
    static let cases: [MentionCase] = [
        .init("en", "We need a hundred and twenty-three chairs.", "quantity", ["amount": "123"]),
        .init("en", "About a third of voters agreed.", "quantity", ["amount": "0.333333333333"]),
        .init("en", "Nearly two-thirds said no.", "quantity", ["amount": "0.666666666667"]),
        .init("en", "The baby weighs 8 pounds.", "quantity", ["amount": "8", "unit": "pound"]),
        .init("zh", "我有五本书。", "quantity", ["amount": "5", "unit": "item"]),
        .init("zh", "人口达万万。", "quantity", ["amount": "100000000"]),
    ]

    @Test("numbers inside sentences", arguments: cases) func numbers(_ c: MentionCase) throws { try expectMention(c) }

    @Test func numberWordsBeforeANounStayWords() throws {
        // "two smugglers" is left to the event patterns, which read it as a noun phrase.
        let (_, mentions) = try normalizedMentions("en", "Police said two smugglers had been detained.")
        #expect(!mentions.contains { ($0["text"] as? String) == "two" })
    }
}
