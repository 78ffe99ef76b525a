import Foundation
import Testing
@testable import Extraction
import Records
@testable import Rules

// Mediators named by the pack's `mediators:` words are never filled as sides.

@Test func aMediatorIsNoSideOfTheExchange() throws {
    let result = try extract("Ukraine and Russia swapped 95 prisoners of war on Friday, with the United Arab Emirates acting as an intermediary.",
                             language: .en)
    let swap = try #require(result.events.first { $0.type == "prisoner_exchange" })
    let sides = Set(swap.args.filter { $0.role == "participant" }.compactMap { $0.value.entity?.name })
    #expect(sides.contains("Ukraine") && sides.contains("Russia"))
    #expect(!sides.contains("United Arab Emirates"))
}

@Test func aMediatorBeforeTheSidesIsNoSideEither() throws {
    let result = try extract("在卡塔尔斡旋下，以色列与哈马斯周日交换了被扣押人员。")
    let swap = try #require(result.events.first { $0.type == "prisoner_exchange" })
    let sides = swap.args.filter { $0.role == "participant" }.compactMap { $0.value.entity?.name }
    #expect(!sides.contains("Qatar"))
    #expect(sides.contains("Israel"))
}

@Test func aNewsAgencyIsNeverFilledAsASide() throws {
    let en = try #require(shippedPack.ruleSet(for: .en))
    #expect(en.notSides.contains("Reuters"))
    let result = try extract("Reuters reported that Ukraine and Russia swapped 95 prisoners of war on Friday.", language: .en)
    let swap = try #require(result.events.first { $0.type == "prisoner_exchange" })
    #expect(!swap.args.contains { $0.value.entity?.name == "Reuters" })
}

@Test func aCountryAfterInIsTheVenueNotASide() throws {
    let result = try extract("Iranian and Omani delegations, following negotiations in Saudi Arabia on Sunday, agreed to meet again.", language: .en)
    let talks = try #require(result.events.first { $0.type == "talks" })
    let sides = talks.args.filter { $0.role == "participant" }.compactMap { $0.value.entity?.name }
    #expect(!sides.contains("Saudi Arabia"))
}

@Test func anActorAfterDuiIsTheTargetNotTheAttacker() throws {
    // A pack written for the test: the rule fills its agent with the nearest actor to the trigger.
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("targets-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root + "/zh", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: root + "/lexicons/zh", withIntermediateDirectories: true)
    try "roles: {agent: {kind: actor, side: doer}, patient: {kind: actor, side: target}}\ntypes:\n  attack:\n    roles: [agent, patient]\n".write(toFile: root + "/taxonomy.yaml", atomically: true, encoding: .utf8)
    try "甲国\tAland\tcountry\tAAA\n乙国\tBland\tcountry\tBBB\n".write(toFile: root + "/lexicons/zh/countries.tsv", atomically: true, encoding: .utf8)
    let rule = """
    events:
      - id: zh.attack.strike
        type: attack
        pattern: '(?<trigger>袭击)'
        fill: {agent: 1}
        examples:
          - text: '甲国发动袭击。'
            expect: {args: {agent: Aland}}
    """
    try rule.write(toFile: root + "/zh/attack.yaml", atomically: true, encoding: .utf8)
    func agents(_ targets: String) throws -> [String] {
        try targets.write(toFile: root + "/zh/targets.yaml", atomically: true, encoding: .utf8)
        let (pack, diagnostics) = PackLoader.load(root: root, languages: [.zh])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(DiagnosticRenderer.render(diagnostics))")
        let set = try #require(pack.ruleSet(for: .zh))
        let doc = Document(id: "t", text: "甲国当天对乙国发动袭击。", date: CivilDate(iso: "2025-03-20"), language: .zh)
        return Extractor(rules: set).extract(doc).result.events.flatMap { $0.args.filter { $0.role == "agent" }.map(\.text) }
    }
    #expect(try agents("titles: []\n") == ["乙国"], "without target markers the nearest actor is taken")
    #expect(try agents("targets: [对]\n") == ["甲国"])
}

@Test func anActorBeforeAPeopleNounOnlyDescribesThem() throws {
    let zh = try #require(shippedPack.ruleSet(for: .zh))
    #expect(zh.descriptors.contains("囚犯"))
    let result = try extract("作为交换,以色列周一释放了90名巴勒斯坦囚犯。")
    let swap = try #require(result.events.first { $0.type == "prisoner_exchange" })
    let sides = swap.args.filter { $0.role == "participant" }.compactMap { $0.value.entity?.name }
    #expect(sides.contains("Israel"))
    #expect(!sides.contains("Palestine"))
}

@Test func aDateInsideAClauseAboutAPersonDoesNotDateTheEvent() throws {
    let text = "The family of John Doe, a man who was shot by police in 2019, will receive $2 million from the city of Denver to settle a lawsuit."
    let result = try extract(text, language: .en)
    let deal = try #require(result.events.first { $0.type == "settlement" })
    #expect(!deal.args.contains { $0.role == "date" })
}

// Names that only say where or what kind of place (a city before a square in it, a country before
// a mosque) and the one a crowd wants gone (促…下台) fill no side.

@Test func aCityBeforeASquareInItIsNoSide() throws {
    let result = try extract("尽管基辅独立广场下起大雨,反对派支持者仍然冒雨集会。")
    let rally = try #require(result.events.first { $0.type == "protest" })
    #expect(!rally.args.contains { $0.role == "agent" })
    #expect(rally.args.contains { $0.role == "place" && $0.text == "基辅" })
}

@Test func aCountryNamingABuildingIsNoSide() throws {
    let result = try extract("反对派周日在多个地点集会,包括印度清真寺及中央车站。")
    let rally = try #require(result.events.first { $0.type == "protest" })
    #expect(!rally.args.contains { $0.value.entity?.name == "India" })
}

@Test func theOneACrowdWantsGoneIsNoSideOfTheRally() throws {
    let result = try extract("共和人民党周日在伊斯坦布尔集会,要求埃尔多安下台。", date: "2025-03-20")
    let rally = try #require(result.events.first { $0.type == "protest" })
    let agents = rally.args.filter { $0.role == "agent" }.map(\.text)
    #expect(agents == ["共和人民党"])
}

@Test func aSubjectlessClauseTakesTheDayOfTheSubjectsClause() throws {
    let result = try extract("俄军周二清晨开始,以迫击炮弹进行猛烈轰击。", date: "2025-03-20")
    let attack = try #require(result.events.first { $0.type == "attack" })
    let day = try #require(attack.args.first { $0.role == "date" })
    guard case .date(let value) = day.value else { Issue.record("not a date: \(day.value)"); return }
    #expect(value.date == "2025-03-18")
    // A clause with a subject of its own keeps the earlier clause's day to the earlier event.
    let truce = try extract("两国上月爆发冲突,在马来西亚斡旋下,双方达成停火协议。", date: "2025-08-07")
    let ceasefire = try #require(truce.events.first { $0.type == "ceasefire" })
    #expect(!ceasefire.args.contains { $0.role == "date" })
}

@Test func aPairWordBesideBothOfItsMembersIsDropped() throws {
    let result = try extract("美国与乌克兰周二在吉达举行会谈,美乌双方同意继续谈判。")
    let talks = try #require(result.events.first { $0.type == "talks" })
    let names = talks.args.filter { $0.kind == .actor }.compactMap { $0.value.entity?.name }
    #expect(names.contains("United States") && names.contains("Ukraine"))
    #expect(!names.contains { $0.contains(" and ") })
}

@Test func aDateClauseAfterAShortSourceClauseDatesTheSentence() throws {
    let result = try extract("据此前报道,3月2日,俄乌双方在伊斯坦布尔举行第二轮谈判。", date: "2025-03-20")
    let talks = try #require(result.events.first { $0.type == "talks" })
    let day = try #require(talks.args.first { $0.role == "date" })
    guard case .date(let value) = day.value else { Issue.record("not a date: \(day.value)"); return }
    #expect(value.date == "2025-03-02")
}
