import Testing
import Records

/// Builds one-event documents the way the extractor would report them.
private func report(_ doc: String, _ type: String, date: String?, actors: [(String, String)] = [], places: [String] = [],
                    counts: [(String, Double)] = [], attrs: [String: AttributeValue] = [:], published: String = "2025-05-14") -> DocumentResult {
    var args: [EventArgument] = []
    var at = 0
    func span(_ text: String) -> Span {
        defer { at += text.unicodeScalars.count + 1 }
        return Span(start: at, end: at + text.unicodeScalars.count)
    }
    for (role, name) in actors { args.append(EventArgument(role: role, text: name, span: span(name), value: .actor(EntityValue(name: name, type: "country")))) }
    for name in places { args.append(EventArgument(role: "place", text: name, span: span(name), value: .place(EntityValue(name: name, type: "city")))) }
    if let date { args.append(EventArgument(role: "date", text: date, span: span(date), value: .date(DateValue(date: date)))) }
    for (role, amount) in counts {
        args.append(EventArgument(role: role, text: "\(Int(amount))", span: span("\(Int(amount))"), value: .quantity(QuantityValue(amount: amount, unit: "person"))))
    }
    let event = Event(type: type, trigger: Trigger(text: type, span: Span(start: at, end: at + 1)), evidence: Span(start: 0, end: at + 1),
                      args: args, attrs: attrs, rule: "test.\(type)", source: "test.yaml:1", confidence: 0.9)
    return DocumentResult(doc: doc, language: .en, referenceDate: CivilDate(iso: published), events: [event], mentions: [])
}

private let sides = [("participant", "Russia"), ("participant", "Ukraine")]

@Suite struct StoryLinkerTests {
    @Test func threeReportsOfOneSwapWithDifferentCountsAreOneStoryWithTheSmallestTotal() {
        let stories = StoryLinker.link([
            report("a", "prisoner_exchange", date: "2025-05-14", actors: sides, counts: [("released", 205)], attrs: ["per_side": .bool(true)]),
            report("b", "prisoner_exchange", date: "2025-05-14", actors: sides.reversed(), counts: [("released", 390)], published: "2025-05-15"),
            report("c", "prisoner_exchange", date: nil, actors: sides, counts: [("released", 205)], attrs: ["per_side": .bool(true)], published: "2025-05-15"),
        ])
        #expect(stories.count == 1)
        let s = stories[0]
        #expect(s.members.map(\.doc) == ["a", "b", "c"])
        #expect(s.date == CivilDate(iso: "2025-05-14"))
        #expect(s.actors == ["Russia", "Ukraine"])
        // 205 per side is 410 in all; 390 is the smallest credible total, and every figure is kept.
        #expect(s.conservative("released")?.total == 390)
        #expect(s.conservative("released")?.source.doc == "b")
        #expect(s.figures.map(\.total) == [410, 390, 410])
        #expect(s.documents == ["a", "b", "c"])
    }

    @Test func datesMoreThanADayApartAreDifferentStories() {
        let stories = StoryLinker.link([
            report("a", "prisoner_exchange", date: "2025-05-14", actors: sides),
            report("b", "prisoner_exchange", date: "2025-05-15", actors: sides),
            report("c", "prisoner_exchange", date: "2025-05-16", actors: sides),
        ])
        // a and b are one day apart; c is two days after a, so it cannot join their story.
        #expect(stories.map { $0.members.map(\.doc) } == [["a", "b"], ["c"]])
        #expect(stories.map(\.id) == ["S1", "S2"])
    }

    @Test func incompatibleCountsKeepStoriesApart() {
        let stories = StoryLinker.link([
            report("a", "attack", date: "2025-06-11", actors: [("agent", "Russia")], places: ["Kharkiv"], counts: [("killed", 3)]),
            report("b", "attack", date: "2025-06-11", actors: [("agent", "Russia")], places: ["Kharkiv"], counts: [("killed", 4), ("injured", 20)]),
            report("c", "attack", date: "2025-06-11", actors: [("agent", "Russia")], places: ["Kharkiv"], counts: [("killed", 40)]),
        ])
        #expect(stories.map { $0.members.map(\.doc) } == [["a", "b"], ["c"]])
        #expect(stories[0].conservative("killed")?.total == 3)
        #expect(stories[0].conservative("injured")?.total == 20)
        #expect(StoryLinker.compatible(1, 5))
        #expect(!StoryLinker.compatible(12, 40))
    }

    @Test func attacksOnDifferentPlacesByTheSameActorAreDifferentStories() {
        let stories = StoryLinker.link([
            report("kharkiv", "attack", date: "2025-06-11", actors: [("agent", "Russia")], places: ["Kharkiv"]),
            report("odesa", "attack", date: "2025-06-11", actors: [("agent", "Russia")], places: ["Odesa"]),
        ])
        #expect(stories.count == 2)
    }

    @Test func callsSharingOnlyOneOfTwoSidesAreDifferentStories() {
        let stories = StoryLinker.link([
            report("putin-en", "talks", date: "2025-08-18", actors: [("participant", "Donald Trump"), ("participant", "Vladimir Putin")]),
            report("putin-zh", "talks", date: "2025-08-18", actors: [("participant", "Vladimir Putin"), ("participant", "Donald Trump")]),
            report("zelensky", "talks", date: "2025-08-18", actors: [("participant", "Donald Trump"), ("participant", "Volodymyr Zelensky")]),
            // One side named only: it shares all it names, so it joins the first call it fits.
            report("trump-only", "talks", date: "2025-08-18", actors: [("participant", "Donald Trump")]),
        ])
        #expect(stories.map { $0.members.map(\.doc) } == [["putin-en", "putin-zh", "trump-only"], ["zelensky"]])
    }

    @Test func differentTypesStatusesOrNothingSharedNeverMerge() {
        let stories = StoryLinker.link([
            report("agreed", "ceasefire", date: "2025-07-28", actors: [("participant", "Thailand"), ("participant", "Cambodia")], attrs: ["status": .string("agreed")]),
            report("violated", "ceasefire", date: "2025-07-28", actors: [("participant", "Thailand"), ("participant", "Cambodia")], attrs: ["status": .string("violated")]),
            report("talks", "talks", date: "2025-07-28", actors: [("participant", "Thailand"), ("participant", "Cambodia")]),
            report("bare1", "protest", date: "2025-07-28"),
            report("bare2", "protest", date: "2025-07-28"),
        ])
        #expect(stories.count == 5)
    }

    @Test func undatedEventsStandAloneAndComeLast() {
        var undated = report("x", "attack", date: nil, actors: [("agent", "Russia")], places: ["Kharkiv"])
        undated.referenceDate = nil
        let stories = StoryLinker.link([undated, report("y", "attack", date: "2025-06-11", actors: [("agent", "Russia")], places: ["Kharkiv"])])
        #expect(stories.map { $0.members.map(\.doc) } == [["y"], ["x"]])
        #expect(stories[1].date == nil)
    }

    @Test func theResultDoesNotDependOnInputOrder() {
        let docs = [
            report("a", "attack", date: "2025-06-11", actors: [("agent", "Russia")], places: ["Kharkiv"], counts: [("killed", 3)]),
            report("b", "attack", date: "2025-06-12", actors: [("agent", "Russia")], places: ["Kharkiv"], counts: [("killed", 4)]),
            report("c", "prisoner_exchange", date: "2025-05-14", actors: sides),
            report("d", "attack", date: "2025-06-11", actors: [("agent", "Russia")], places: ["Odesa"]),
        ]
        #expect(StoryLinker.link(docs) == StoryLinker.link(docs.reversed()))
    }

    @Test func upperBoundsAreNotTheConservativeFigureWhenAnythingElseIs() {
        let ref = EventRef(doc: "a", index: 0)
        let story = Story(id: "S1", type: "attack", date: nil, members: [ref], actors: [], places: [], figures: [
            StoryFigure(role: "killed", amount: 5, perSide: false, mod: .lessThan, text: "fewer than 5", source: ref),
            StoryFigure(role: "killed", amount: 8, perSide: false, mod: .atLeast, text: "at least 8", source: EventRef(doc: "b", index: 0)),
        ])
        #expect(story.conservative("killed")?.amount == 8)
        #expect(story.conservative("injured") == nil)
    }
}

@Suite struct RecordDecodingTests {
    @Test func aDocsRecordReadsBackToTheSameJSON() throws {
        let result = report("a", "prisoner_exchange", date: "2025-05-14", actors: sides, counts: [("released", 205)], attrs: ["per_side": .bool(true), "status": .string("happened")])
        var withExtra = result
        withExtra.extra = [("title", .string("T")), ("url", .string("https://example.org/a"))]
        let json = withExtra.json()
        let back = try DocumentResult(json: try JSONValue.parse(json.serialized()))
        #expect(back.json() == json)
        #expect(back.events == withExtra.events)
    }

    @Test func badRecordsSayWhichFieldIsWrong() throws {
        #expect(throws: RecordDecodingError("missing \"doc\"")) { try DocumentResult(json: try JSONValue.parse(#"{"lang": "en"}"#)) }
        #expect(throws: RecordDecodingError("d: \"lang\" must be zh or en")) { try DocumentResult(json: try JSONValue.parse(#"{"doc": "d", "lang": "fr"}"#)) }
        #expect(throws: RecordDecodingError("d: events[0].trigger: missing \"text\"")) {
            try DocumentResult(json: try JSONValue.parse(#"{"doc": "d", "lang": "en", "events": [{"type": "attack", "trigger": {}}]}"#))
        }
    }
}
