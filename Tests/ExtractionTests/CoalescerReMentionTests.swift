import Testing
@testable import Extraction
import Records
import Rules

/// The shipped taxonomy says what each type's re-mentions share.
private let shippedTaxonomy = shippedPack.ruleSet(for: .zh)!.taxonomy

// Re-mentions of one event: what merges them and what keeps two events apart.

private func actor(_ name: String, at start: Int, role: String = "agent") -> EventArgument {
    EventArgument(role: role, text: name, span: Span(start: start, end: start + 2), value: .actor(EntityValue(name: name, type: "country")))
}

private func date(_ value: DateValue, at start: Int) -> EventArgument {
    EventArgument(role: "date", text: "d", span: Span(start: start, end: start + 1), value: .date(value))
}

private func found(_ type: String, at trigger: Int, sentence: Int, args: [EventArgument], attrs: [String: String] = [:],
                   defaults: Set<String> = [], anaphoric: Bool = false) -> FoundEvent {
    let event = Event(type: type, trigger: Trigger(text: "t", span: Span(start: trigger, end: trigger + 2)),
                      evidence: Span(start: trigger, end: trigger + 10), args: args, attrs: attrs.mapValues { .string($0) },
                      rule: "zh.\(type).test", source: "test.yaml:1", confidence: 0.9)
    return FoundEvent(event: event, segment: 0, sentence: sentence, caption: false, defaults: defaults, anaphoric: anaphoric)
}

@Test func aDefaultAttributeGivesWayToAStatedOne() {
    // Headline: a strike with no weapon named (the rule's default `other`); lead: the same attacker's air strike.
    let headline = found("attack", at: 0, sentence: 0, args: [actor("Thailand", at: 5)], attrs: ["means": "other"], defaults: ["means"])
    let lead = found("attack", at: 40, sentence: 1, args: [actor("Thailand", at: 30), date(DateValue(date: "2025-12-26"), at: 33)],
                     attrs: ["means": "air"])
    let events = Coalescer(taxonomy: shippedTaxonomy).coalesce([headline, lead])
    #expect(events.count == 1)
    #expect(events.first?.attrs["means"] == .string("air"))
    #expect(events.first?.trigger.span.start == 0)
}

@Test func twoStatedMeansStayTwoAttacks() {
    let air = found("attack", at: 0, sentence: 0, args: [actor("Thailand", at: 5)], attrs: ["means": "air"])
    let shelling = found("attack", at: 40, sentence: 1, args: [actor("Thailand", at: 30)], attrs: ["means": "artillery"])
    #expect(Coalescer(taxonomy: shippedTaxonomy).coalesce([air, shelling]).count == 2)
}

@Test func theSameAttackerLaterInAStoryIsANewAttack() {
    let first = found("attack", at: 100, sentence: 4, args: [actor("Russia", at: 95)], attrs: ["means": "artillery"])
    let later = found("attack", at: 300, sentence: 9, args: [actor("Russia", at: 295), date(DateValue(date: "2025-12-15"), at: 298)],
                      attrs: ["means": "artillery"])
    #expect(Coalescer(taxonomy: shippedTaxonomy).coalesce([first, later]).count == 2)
}

@Test func datesAreComparedByValueNotByAnchor() {
    let a = found("talks", at: 0, sentence: 0, args: [actor("Russia", at: 5, role: "participant"),
                                                     date(DateValue(date: "2025-03-24", anchor: "dateline 2025-03-25"), at: 8)])
    let b = found("talks", at: 40, sentence: 3, args: [actor("Russia", at: 30, role: "participant"),
                                                      date(DateValue(date: "2025-03-24", anchor: "reference 2025-03-25"), at: 33)])
    #expect(Coalescer(taxonomy: shippedTaxonomy).coalesce([a, b]).count == 1)
}

@Test func aDayInsideAStatedPeriodAgreesButADifferentDayConflicts() {
    let coalescer = Coalescer(taxonomy: shippedTaxonomy)
    let lateMonth = DateValue(date: "2025-11", mod: .end)
    #expect(coalescer.datesAgree(.date(lateMonth), .date(DateValue(date: "2025-11-24"))))
    #expect(coalescer.datesAgree(.date(DateValue(start: "2025-11-17", end: "2025-11-23")), .date(DateValue(date: "2025-11-20"))))
    #expect(!coalescer.datesAgree(.date(DateValue(date: "2025-11-24")), .date(DateValue(date: "2025-11-25"))))
    #expect(!coalescer.datesAgree(.date(lateMonth), .date(DateValue(date: "2025-12-01"))))
    // Agreeing is not being the same day: a month and a day in it name no shared date.
    #expect(!coalescer.sameDay(.date(lateMonth), .date(DateValue(date: "2025-11-24"))))
}

@Test func anAnaphoricReMentionJoinsTheLatestEventItDoesNotContradict() {
    let early = found("prisoner_exchange", at: 0, sentence: 0, args: [date(DateValue(date: "2025-05-01"), at: 3)])
    let late = found("prisoner_exchange", at: 50, sentence: 4, args: [date(DateValue(date: "2025-06-20"), at: 53)])
    // 此次换俘 … with a count of its own: it refers to the exchange told just before.
    let count = EventArgument(role: "released", text: "n", span: Span(start: 90, end: 92), value: .quantity(QuantityValue(amount: 84, unit: "person")))
    let pointer = found("prisoner_exchange", at: 80, sentence: 5, args: [count], anaphoric: true)
    let events = Coalescer(taxonomy: shippedTaxonomy).coalesce([early, late, pointer])
    #expect(events.count == 2)
    #expect(events[1].args.contains { $0.role == "released" })
    #expect(!events[0].args.contains { $0.role == "released" })
}

@Test func anaphoraWordsAreReadFromThePack() throws {
    let result = try extract("乌克兰和俄罗斯周三交换了84名战俘。此次换俘是今年第五次。", date: "2025-03-20")
    #expect(result.events.filter { $0.type == "prisoner_exchange" }.count == 1)
}

@Test func aStoryTellsOneArrestWhateverItCallsThePolice() {
    let police = EventArgument(role: "agent", text: "the police", span: Span(start: 0, end: 10), value: .actor(EntityValue(name: "the police", type: "group")))
    let team = EventArgument(role: "agent", text: "a special team", span: Span(start: 60, end: 74), value: .actor(EntityValue(name: "a special team", type: "group")))
    let first = found("arrest", at: 12, sentence: 1, args: [police])
    let second = found("arrest", at: 80, sentence: 4, args: [team])
    #expect(Coalescer(taxonomy: shippedTaxonomy).coalesce([first, second]).count == 1)
    // Two arrests of different numbers of people are two events.
    func count(_ n: Double, at start: Int) -> EventArgument {
        EventArgument(role: "count", text: "n", span: Span(start: start, end: start + 2), value: .quantity(QuantityValue(amount: n, unit: "person")))
    }
    let seventeen = found("arrest", at: 12, sentence: 1, args: [police, count(17, at: 20)])
    let two = found("arrest", at: 80, sentence: 4, args: [team, count(2, at: 90)])
    #expect(Coalescer(taxonomy: shippedTaxonomy).coalesce([seventeen, two]).count == 2)
}

@Test func aBareLaterMentionOfAnAttackIsTheAttackButTheTargetStrikingBackIsNot() {
    let place = EventArgument(role: "place", text: "p", span: Span(start: 20, end: 22), value: .place(EntityValue(name: "Khan Younis", type: "city")))
    let strike = found("attack", at: 10, sentence: 1, args: [actor("Israel", at: 0), place, date(DateValue(date: "2025-11-01"), at: 5)])
    // Someone blames the attack on the attacker: a report, whose actors are no sides.
    let blame = found("attack", at: 80, sentence: 5, args: [actor("Arakan Army", at: 70)])
    let merged = Coalescer(taxonomy: shippedTaxonomy).coalesce([strike, blame])
    #expect(merged.count == 1)
    #expect(!(merged.first?.args.contains { $0.value.entity?.name == "Arakan Army" } ?? true))
    // The target fires back at the attacker: another attack.
    let back = found("attack", at: 120, sentence: 7, args: [actor("Hamas", at: 110), actor("Israel", at: 116, role: "patient")])
    #expect(Coalescer(taxonomy: shippedTaxonomy).coalesce([strike, back]).count == 2)
}

@Test func aSideNamedShortThenLongIsOneSide() {
    func group(_ text: String, at start: Int) -> EventArgument {
        EventArgument(role: "agent", text: text, span: Span(start: start, end: start + text.count), value: .actor(EntityValue(name: text, type: "group")))
    }
    let first = found("settlement", at: 10, sentence: 1, args: [group("当地", at: 5)])
    let second = found("settlement", at: 80, sentence: 4, args: [group("当地政府", at: 70)])
    let merged = Coalescer(taxonomy: shippedTaxonomy).coalesce([first, second])
    #expect(merged.count == 1)
    #expect(merged.first?.args.filter { $0.role == "agent" }.map(\.text) == ["当地"])
}

@Test func anExchangeKeepsEachSidesReleasedCountButADefaultStatusStillConflicts() {
    func released(_ n: Double, at start: Int) -> EventArgument {
        EventArgument(role: "released", text: "n", span: Span(start: start, end: start + 2), value: .quantity(QuantityValue(amount: n, unit: "person")))
    }
    let hostages = found("prisoner_exchange", at: 10, sentence: 0, args: [actor("Hamas", at: 0, role: "participant"),
                                                                          actor("Israel", at: 30, role: "participant"), released(24, at: 20)],
                         attrs: ["status": "happened"])
    let prisoners = found("prisoner_exchange", at: 80, sentence: 3, args: [actor("Israel", at: 70, role: "participant"),
                                                                           actor("Hamas", at: 90, role: "participant"), released(39, at: 75)],
                          attrs: ["status": "happened"])
    let merged = Coalescer(taxonomy: shippedTaxonomy).coalesce([hostages, prisoners])
    #expect(merged.count == 1)
    #expect(Set(merged.first?.args.filter { $0.role == "released" }.compactMap { Coalescer(taxonomy: shippedTaxonomy).amount($0.value) } ?? []) == [24, 39])
    // The deal's terms (将释放, planned) and the swap told without 将 (a default `happened`) stay two.
    let terms = found("prisoner_exchange", at: 10, sentence: 1, args: [actor("Hamas", at: 0, role: "participant"), released(33, at: 20)],
                      attrs: ["status": "planned"])
    let swap = found("prisoner_exchange", at: 80, sentence: 4, args: [actor("Hamas", at: 70, role: "participant"), released(3, at: 75)],
                     attrs: ["status": "happened"], defaults: ["status"])
    #expect(Coalescer(taxonomy: shippedTaxonomy).coalesce([terms, swap]).count == 2)
}

@Test func twoJailTermsAreTwoSentences() {
    func term(_ iso: String, _ n: Double, at start: Int) -> EventArgument {
        EventArgument(role: "duration", text: "d", span: Span(start: start, end: start + 2), value: .duration(DurationValue(iso: iso, amount: n, unit: "month")))
    }
    let first = found("sentence", at: 10, sentence: 1, args: [term("P3Y", 36, at: 20)])
    let appeal = found("sentence", at: 80, sentence: 5, args: [term("P6M", 6, at: 90)])
    #expect(Coalescer(taxonomy: shippedTaxonomy).coalesce([first, appeal]).count == 2)
    let again = found("sentence", at: 120, sentence: 7, args: [term("P3Y", 36, at: 130)])
    #expect(Coalescer(taxonomy: shippedTaxonomy).coalesce([first, again]).count == 1)
}

@Test func aFigureInDigitsReplacesAVagueOne() {
    func count(_ text: String, _ n: Double, _ mod: AmountModifier?, at start: Int) -> EventArgument {
        EventArgument(role: "count", text: text, span: Span(start: start, end: start + text.count),
                      value: .quantity(QuantityValue(amount: n, unit: "person", mod: mod)))
    }
    let headline = found("evacuation", at: 0, sentence: 0, args: [count("Hundreds", 100, .approx, at: 0)])
    let body = found("evacuation", at: 60, sentence: 2, args: [count("More than 200 people", 200, .moreThan, at: 40)])
    let merged = Coalescer(taxonomy: shippedTaxonomy).coalesce([headline, body])
    #expect(merged.count == 1)
    #expect(merged.first?.args.filter { $0.role == "count" }.map(\.text) == ["More than 200 people"])
}

@Test func aReMentionPointedBackAtNamesTheWeaponLoosely() {
    let strike = found("attack", at: 0, sentence: 1, args: [actor("Israel", at: 5)], attrs: ["means": "air"])
    let pointer = found("attack", at: 90, sentence: 6, args: [], attrs: ["means": "ground"], anaphoric: true)
    let merged = Coalescer(taxonomy: shippedTaxonomy).coalesce([strike, pointer])
    #expect(merged.count == 1)
    #expect(merged.first?.attrs["means"] == .string("air"))
}

@Test func oneStatedTruceScopeWithOneStatusIsOneTruce() {
    let first = found("ceasefire", at: 10, sentence: 2, args: [actor("Ukraine", at: 0, role: "participant"), actor("Russia", at: 4, role: "participant")],
                      attrs: ["status": "agreed", "scope": "energy_infrastructure"])
    let again = found("ceasefire", at: 90, sentence: 8, args: [actor("United States", at: 80, role: "participant"), date(DateValue(date: "2025-03-18"), at: 85)],
                      attrs: ["status": "agreed", "scope": "energy_infrastructure"])
    let merged = Coalescer(taxonomy: shippedTaxonomy).coalesce([first, again])
    #expect(merged.count == 1)
    // The re-mention names other actors: they are not added as sides of the truce.
    #expect(!(merged.first?.args.contains { $0.value.entity?.name == "United States" } ?? true))
    // A rule's default scope says nothing: no merge on it.
    let defaulted = found("ceasefire", at: 90, sentence: 8, args: [actor("United States", at: 80, role: "participant")],
                          attrs: ["status": "agreed", "scope": "energy_infrastructure"], defaults: ["scope"])
    #expect(Coalescer(taxonomy: shippedTaxonomy).coalesce([first, defaulted]).count == 2)
}

@Test func arrestsOfDifferentNumbersOfPeopleAreTwo() {
    func count(_ n: Double, at start: Int) -> EventArgument {
        EventArgument(role: "count", text: "n", span: Span(start: start, end: start + 2), value: .quantity(QuantityValue(amount: n, unit: "person")))
    }
    // The first mention names nothing but its count; the second names the police and a day.
    let seventeen = found("arrest", at: 10, sentence: 0, args: [count(17, at: 12)])
    let two = found("arrest", at: 80, sentence: 3, args: [actor("the police", at: 70), date(DateValue(date: "2025-09", mod: .start), at: 74), count(2, at: 84)])
    #expect(Coalescer(taxonomy: shippedTaxonomy).coalesce([seventeen, two]).count == 2)
    let same = found("arrest", at: 80, sentence: 3, args: [actor("the police", at: 70), count(17, at: 84)])
    #expect(Coalescer(taxonomy: shippedTaxonomy).coalesce([seventeen, same]).count == 1)
}
