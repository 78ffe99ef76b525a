import Records
import Testing

// Behaviours that the accuracy and normaliser work needed together (merge of issues 12 and 13).

@Test func aPerfectRelativeClauseAfterTheTriggerDoesNotDateTheEvent() throws {
    let result = try extract("The Pentagon said it had resumed deliveries of air defence missiles to Ukraine that had been paused in March.",
                             date: "2025-07-02", language: .en)
    let aid = try #require(result.events.first { $0.type == "military_aid" })
    #expect(!aid.args.contains { $0.role == "date" }, "March dates the pause, not the resumption")
    #expect(result.mentions.contains { $0.text == "in March" }, "the date is still a mention")
}

@Test func aShareOfPeopleIsNoHeadCount() throws {
    let result = try extract("Teachers and rail workers walked off the job, and a third of primary school teachers were on strike.",
                             language: .en)
    let protest = try #require(result.events.first { $0.type == "protest" })
    #expect(!protest.args.contains { $0.role == "count" }, "a third is a share, not a count")
}

@Test func aCalibreIsNoMeasureAndAQuotedMediumIsNoDay() throws {
    let shells = try extract("炮兵部队随后向边境小镇推进,并以122毫米炮弹进行密集轰击。")
    #expect(shells.events.contains { $0.type == "attack" && $0.attrs["means"] == .string("artillery") })
    let medium = try extract("据「今日缅甸」报道,军政府战机周五轰炸了一所学校。")
    #expect(!medium.mentions.contains { $0.kind == .date && $0.text == "今日" })
}
