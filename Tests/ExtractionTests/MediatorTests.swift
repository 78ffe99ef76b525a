import Testing
@testable import Extraction
import Records

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
    let zh = try #require(shippedPack.ruleSet(for: .zh))
    #expect(zh.targetMarkers.contains("对"))
    let result = try extract("泰军出动战机,用炸弹对柬埔寨边境村庄进行轰炸。")
    let strike = try #require(result.events.first { $0.type == "attack" })
    let agents = strike.args.filter { $0.role == "agent" }.compactMap { $0.value.entity?.name }
    #expect(!agents.contains("Cambodia"))
}
