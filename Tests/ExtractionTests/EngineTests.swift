import Foundation
import Testing
@testable import Extraction
import PCRE2
import Records
@testable import Rules

func extract(_ text: String, date: String = "2025-03-20", language: Language = .zh) throws -> DocumentResult {
    let set = try #require(shippedPack.ruleSet(for: language))
    return Extractor(rules: set).extract(Document(id: "t", text: text, date: CivilDate(iso: date), language: language)).result
}

@Test func spansAreScalarOffsetsIntoTheOriginalText() throws {
    let text = "😀（北京20日讯）俄罗斯和乌克兰周三进行了囚犯交换。双方各释放了175名战俘。"
    let result = try extract(text)
    let scalars = Array(text.unicodeScalars)
    func slice(_ span: Span) -> String { String(String.UnicodeScalarView(scalars[span.start..<span.end])) }
    for mention in result.mentions { #expect(slice(mention.span) == mention.text) }
    let exchange = try #require(result.events.first { $0.type == "prisoner_exchange" })
    #expect(slice(exchange.trigger.span) == exchange.trigger.text)
    #expect(exchange.evidence.contains(exchange.trigger.span))
    for arg in exchange.args { #expect(slice(arg.span) == arg.text) }
    #expect(exchange.args.contains { $0.role == "released" && $0.text == "175名战俘" })
    #expect(exchange.attrs["per_side"] == .bool(true))
}

@Test func fullWidthCharactersAreFoldedWithoutMovingOffsets() {
    let folded = TextPreparation.foldFullWidth("１７５名　ＡＢ！")
    #expect(folded == "175名 AB!")
    #expect(folded.unicodeScalars.count == "１７５名　ＡＢ！".unicodeScalars.count)
}

@Test(arguments: [("普京周三说", Language.zh), ("Putin said on Wednesday", .en), ("KYIV, March 20 (Reuters) - 普京", .en), ("", .en)])
func languageDetection(_ text: String, _ expected: Language) {
    #expect(TextPreparation.detectLanguage(text) == expected)
}

/// The shipped pack's segmenter for `language` (its segmentation.yaml).
func segmenter(_ language: Language) throws -> Segmenter {
    Segmenter(try #require(shippedPack.ruleSet(for: language)).segmentation)
}

@Test func teasersGetTheirOwnSegmentAndReferenceDay() throws {
    let text = "主文第一句。\n\n阅读全文\n图片说明(图取自网络)\n\n标题一\n\n(罗马19日讯)联合国周三表示。\n\n阅读全文\n(新加坡17日讯)第二则。"
    let subject = Subject(text)
    let segments = try segmenter(.zh).segments(of: text, subject: subject, documentDate: CivilDate(iso: "2025-03-20"))
    #expect(segments.count == 3)
    #expect(segments[0].referenceDate?.iso == "2025-03-20")
    #expect(segments[1].referenceDate?.iso == "2025-03-19")
    #expect(segments[2].referenceDate?.iso == "2025-03-17")
    // The caption and headline before the dateline belong to the teaser they illustrate.
    let scalars = Array(text.unicodeScalars)
    let teaser = String(String.UnicodeScalarView(scalars[segments[1].span.start..<segments[1].span.end]))
    #expect(teaser.contains("图片说明"))
    #expect(teaser.contains("(罗马19日讯)"))
    #expect(segments[1].captions.count == 1)
}

@Test(arguments: [(3, 3, "2025-03-03"), (25, nil, "2025-02-25"), (31, 12, "2024-12-31")] as [(Int, Int?, String)])
func datelineDaysAreNeverInTheFuture(_ day: Int, _ month: Int?, _ expected: String) {
    #expect(Segmenter.resolveDay(day, month: month, documentDate: CivilDate(iso: "2025-03-20"))?.iso == expected)
}

@Test func englishSentencesKeepAbbreviationsTogether() throws {
    let text = "U.S. President Donald Trump spoke with Mr. Zelenskiy on Tuesday. They agreed to meet. \"It was good,\" he said."
    let scalars = Array(text.unicodeScalars)
    let spans = try segmenter(.en).sentences(scalars, in: Span(start: 0, end: scalars.count))
    let sentences = spans.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
    #expect(sentences == ["U.S. President Donald Trump spoke with Mr. Zelenskiy on Tuesday.", "They agreed to meet.", "\"It was good,\" he said."])
}

@Test func chineseSentencesKeepClosingQuotes() throws {
    let text = "他说:“我们同意。”随后离开!"
    let scalars = Array(text.unicodeScalars)
    let spans = try segmenter(.zh).sentences(scalars, in: Span(start: 0, end: scalars.count))
    #expect(spans.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) } == ["他说:“我们同意。”", "随后离开!"])
}

@Test func theDatelineIsASentenceOfItsOwn() throws {
    // Regression: the dateline's places joined the first sentence and became call participants.
    let result = try extract("(华盛顿、基辅20日讯)美国总统特朗普在与俄罗斯总统普京通话的第2天发表讲话。")
    let talks = try #require(result.events.first { $0.type == "talks" })
    let names = Set(talks.args.compactMap { $0.value.entity?.name })
    #expect(names == ["Donald Trump", "Vladimir Putin"])
}

@Test func titleAndNameBecomeOnePerson() throws {
    let result = try extract("美国总统特朗普与乌克兰总统泽连斯基通话。")
    let actors = result.mentions.filter { $0.kind == .actor }
    #expect(actors.map(\.text) == ["美国总统特朗普", "乌克兰总统泽连斯基"])
    #expect(actors.map { $0.value.entity?.name } == ["Donald Trump", "Volodymyr Zelensky"])
}

@Test func fillFirstAddsTheSubjectToACapturedParticipant() throws {
    // Regression: `fill: {participant: first}` added nothing when one participant was captured.
    let result = try extract("特朗普在与普京通话的第2天,当地时间周三与泽连斯基进行了长达一小时的通话。")
    let call = try #require(result.events.first { $0.args.contains { $0.value.entity?.name == "Volodymyr Zelensky" } })
    #expect(Set(call.args.filter { $0.role == "participant" }.compactMap { $0.value.entity?.name }) == ["Donald Trump", "Volodymyr Zelensky"])
    #expect(call.args.contains { $0.role == "date" && $0.value.json()["date"]?.stringValue == "2025-03-19" })
    #expect(call.args.contains { $0.role == "duration" && $0.value.json()["iso"]?.stringValue == "PT1H" })
}

@Test func datesInAnotherClauseDoNotFillTheEvent() throws {
    let result = try extract("特朗普在与普京通话的第2天,当地时间周三与泽连斯基见面。")
    let call = try #require(result.events.first { $0.type == "talks" && $0.args.contains { $0.value.entity?.name == "Vladimir Putin" } })
    #expect(!call.args.contains { $0.role == "date" })
}

@Test func aSentenceOpeningDateDatesTheSentence() throws {
    let result = try extract("去年10月31日,伊马姆奥卢在广场举行的示威活动中发表讲话。")
    let protest = try #require(result.events.first { $0.type == "protest" })
    #expect(protest.args.first { $0.role == "date" }?.value.json()["date"]?.stringValue == "2024-10-31")
}

@Test func attachRulesAddCountsToTheEarlierEvent() throws {
    let result = try extract("基辅和莫斯科周三进行了囚犯交换。双方各释放了175名战俘。泽连斯基补充指其中包括了22名“重伤”士兵。")
    #expect(result.events.count == 1)
    let exchange = try #require(result.events.first)
    #expect(exchange.args.first { $0.role == "released" }?.value.json()["amount"]?.doubleValue == 175)
    #expect(exchange.args.first { $0.role == "injured" }?.value.json()["amount"]?.doubleValue == 22)
    #expect(Set(exchange.args.filter { $0.role == "participant" }.compactMap { $0.value.entity?.name }) == ["Ukraine", "Russia"])
}

@Test func repeatedMentionsOfOneEventAreCoalesced() throws {
    let result = try extract("特朗普周三与泽连斯基通话一个小时。泽连斯基称他与特朗普的谈话很积极。特朗普周二与普京通话。")
    let talks = result.events.filter { $0.type == "talks" }
    #expect(talks.count == 2)
    let first = try #require(talks.first)
    #expect(Set(first.args.filter { $0.role == "participant" }.compactMap { $0.value.entity?.name }) == ["Donald Trump", "Volodymyr Zelensky"])
}

@Test func captionsNeverRepresentAMergedEvent() throws {
    let text = "死者家属怀疑轿车在车祸后辗过死者。(图截自视频)\n\n轿车翻覆酿两尸三命\n\n阅读全文"
    let result = try extract(text)
    let accident = try #require(result.events.first { $0.type == "accident" })
    #expect(result.events.filter { $0.type == "accident" }.count == 1)
    #expect(accident.trigger.text == "翻覆")
}

@Test func casualtyCountsStayWithTheirWords() throws {
    let result = try extract("俄军导弹袭击哈尔科夫,造成5人死亡、30人受伤、2人失踪。")
    let attack = try #require(result.events.first { $0.type == "attack" })
    func amount(_ role: String) -> Double? { attack.args.first { $0.role == role }?.value.json()["amount"]?.doubleValue }
    #expect(amount("killed") == 5)
    #expect(amount("injured") == 30)
    #expect(amount("missing") == 2)
}

@Test func unlessVetoesNearMisses() throws {
    #expect(try extract("两军沿停火线对峙。").events.isEmpty)
    #expect(try extract("罗里司机遭凶猛黑豹攻击,伤及额头。").events.isEmpty)
    #expect(try extract("若罪名成立,他最高可被判坐牢20年。").events.isEmpty)
    #expect(try extract("另以约1万9980令吉计。").events.isEmpty)
}

@Test func aRuleThatHitsAPCRE2LimitIsSkippedWithAWarning() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-limit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("zh"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: shippedRules + "/taxonomy.yaml", toPath: folder.path + "/taxonomy.yaml")
    try """
    events:
      - id: zh.protest.catastrophic
        type: protest
        pattern: '(?<trigger>(?:a+)+(?:[0-9]|x))'
        requires: [a]
        examples:
          - text: 'aaax'
            expect: {attrs: {}}
      - id: zh.protest.plain
        type: protest
        pattern: '(?<trigger>抗议)'
        examples:
          - text: '抗议'
            expect: {attrs: {}}
    """.write(to: folder.appendingPathComponent("zh/r.yaml"), atomically: true, encoding: .utf8)
    let (pack, diagnostics) = PackLoader.load(root: folder.path)
    #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
    let set = try #require(pack.ruleSet(for: .zh))
    let text = String(repeating: "a", count: 40) + "b 抗议"
    let (result, warnings) = Extractor(rules: set).extract(Document(id: "limit", text: text, language: .zh))
    #expect(warnings.contains { $0.rule == "zh.protest.catastrophic" && $0.message.contains("limit") })
    #expect(result.events.map(\.rule) == ["zh.protest.plain"])
}

@Test func attachedCountsGoToTheEventJustBeforeThem() throws {
    // Regression: an attach rule took the last event created (rule order), not the nearest one before it.
    let result = try extract("Israeli air strikes killed at least 44 Palestinians across the Gaza Strip on Sunday, after Israel accused Hamas of attacking its troops in Rafah.",
                             language: .en)
    let strike = try #require(result.events.first { $0.type == "attack" && $0.trigger.text.lowercased().contains("strike") })
    #expect(strike.args.first { $0.role == "killed" }?.value.json()["amount"]?.doubleValue == 44)
}

@Test(arguments: ["KYIV/WASHINGTON: Zelenskiy said", "WASHINGTON (AP) — Zelenskiy said", "KYIV, March 20 (Reuters) - Zelenskiy said"])
func englishDatelinesAreSentencesOfTheirOwn(_ text: String) throws {
    let subject = Subject(text)
    let segments = try segmenter(.en).segments(of: text, subject: subject, documentDate: CivilDate(iso: "2025-03-20"))
    #expect(segments.count == 1)
    let dateline = segments[0].dateline
    #expect(dateline != nil)
    #expect(segments[0].sentences.count == 2)
    #expect(segments[0].referenceDate?.iso == "2025-03-20")
}

@Test func aDatelineSetsTheAnchorAndTheCurrencyOfBareAmounts() throws {
    let result = try extract("（新加坡19日讯）女佣周三偷走雇主6000元现金。")
    let money = try #require(result.mentions.first { $0.kind == .money })
    #expect(money.value.json()["currency"]?.stringValue == "SGD")
    #expect(money.value.json()["currency_assumed"]?.boolValue == true)
    let weekday = try #require(result.mentions.first { $0.text == "周三" })
    #expect(weekday.value.json(includeDebug: true)["date"]?.stringValue == "2025-03-19")
    #expect(weekday.value.json(includeDebug: true)["anchor"]?.stringValue == "dateline 2025-03-19")
}

@Test func aCapitalAfterALocativeIsAPlaceNotASide() throws {
    let result = try extract("泰柬同意延长停火 双方在吉隆坡交换战俘")
    for event in result.events {
        #expect(!event.args.contains { $0.kind == .actor && $0.text == "吉隆坡" }, "\(event.type): \(event.args.map(\.text))")
    }
    let en = try extract("Volodymyr Zelensky said he expected more exchanges and that Kyiv had handed Moscow a list of 1,200 prisoners.", language: .en)
    #expect(en.events.first?.args.contains { $0.text == "Kyiv" && $0.kind == .actor } == true)
}

@Test func aSpeakerFillsASideOnlyWhenNobodyElseCan() throws {
    // 美国 is the source of the report; the strike's agent is 以色列, filled from the sentence.
    let reported = try extract("美国表示,以色列周二凌晨恢复空袭加沙地带。")
    let strike = try #require(reported.events.first { $0.type == "attack" })
    #expect(strike.args.first { $0.role == "agent" }?.value.entity?.name == "Israel")
    // 胡塞武装 is both the speaker and, through 该组织, the attacker: nobody else can be.
    let own = try extract("胡塞武装称,该组织当天用弹道导弹和无人机袭击了一艘货轮。")
    let attack = try #require(own.events.first { $0.type == "attack" })
    #expect(attack.args.first { $0.role == "agent" }?.value.entity?.name == "Houthis")
}

@Test func aDenialVetoesOnlyItsOwnClause() throws {
    let result = try extract("巴方否认曾率先开火,并称印军炮击造成3名村民死亡。")
    let attack = try #require(result.events.first { $0.type == "attack" })
    #expect(attack.trigger.text == "炮击")
    #expect(try extract("缅甸军方周一否认军方曾轰炸平民目标。").events.isEmpty)
}

@Test func twoWeaponsInOneSentenceAreOneAttack() throws {
    let result = try extract("以军在加沙地带各地的空袭和炮击共造成至少45名巴勒斯坦人死亡。")
    let attacks = result.events.filter { $0.type == "attack" }
    #expect(attacks.count == 1)
    #expect(attacks.first?.args.first { $0.role == "killed" }?.value.json()["amount"]?.doubleValue == 45)
}

@Test func thatSameDayTakesTheDayMentionedBefore() throws {
    let result = try extract("法国18日爆发大规模罢工。警方当天拘留了140余人。", date: "2025-09-19")
    let sameDay = try #require(result.mentions.first { $0.text == "当天" })
    #expect(sameDay.value.json()["date"]?.stringValue == "2025-09-18")
}

@Test func aPageWithoutSentenceMarksIsCutIntoBoundedSentences() throws {
    // Regression: a 260 KB document with no 。 was one sentence, and filling arguments went quadratic.
    let text = String(repeating: "俄罗斯与乌克兰周三交换了200名战俘 以色列空袭加沙造成5人死亡 ", count: 200)
    let scalars = Array(text.unicodeScalars)
    let spans = try segmenter(.zh).sentences(scalars, in: Span(start: 0, end: scalars.count))
    #expect(spans.allSatisfy { $0.length <= Segmenter.maxSentence })
    #expect(spans.first?.start == 0)
    #expect(spans.last?.end == scalars.count - 1)  // the trailing space is trimmed
    for (a, b) in zip(spans, spans.dropFirst()) { #expect(a.end <= b.start) }
}

@Test func aDateAfterAFutureMarkerLiesAhead() throws {
    // 将于10月27日至30日 said on 20 October is this year's, not last year's; 将于周三 is the coming Wednesday.
    let result = try extract("拉克森将于10月27日至30日访华,并将于周三会见总理。他周三表示。", date: "2025-10-20")
    let dates = result.mentions.filter { $0.kind == .date }.map { $0.value.json() }
    #expect(dates[0]["start"]?.stringValue == "2025-10-27")
    #expect(dates[1]["date"]?.stringValue == "2025-10-22")
    #expect(dates[2]["date"]?.stringValue == "2025-10-15")
}
