import Records
import RuleTools
import Testing

// The scorer's matching rules (schema.md "Scoring"), on hand-made records: the same outcomes
// as ../shared/tools/score.py gives for them.

let scorerText = "甲方与乙方周三交换了175名战俘。当天另有3人受伤。"

func gold(_ json: String, line: Int = 1) throws -> GoldEvent {
    GoldEvent(json: try JSONValue.parse(json), location: SourceLocation(file: "g.jsonl", line: line))
}

func prediction(_ events: [String]) throws -> JSONValue {
    try JSONValue.parse(#"{"doc": "d", "events": ["# + events.joined(separator: ",") + "]}")
}

let swapEvent = #"{"type": "prisoner_exchange", "trigger": {"text": "交换", "start": 7, "end": 9}, "evidence": {"start": 0, "end": 17}, "args": [{"role": "released", "kind": "quantity", "text": "175名战俘", "start": 10, "end": 16, "value": {"amount": 175.0000001, "unit": "person"}}, {"role": "participant", "kind": "actor", "text": "甲方", "start": 0, "end": 2, "value": {"name": "A"}}], "attrs": {"status": "happened"}, "rule": "r.swap"}"#

@Test func aReportedTwiceEventCountsOnceRightAndOnceWrong() throws {
    let scorer = Scorer(documents: [Document(id: "d", text: scorerText)])
    let g = try gold(#"{"doc": "d", "type": "prisoner_exchange", "evidence": "甲方与乙方周三交换了175名战俘。", "args": [{"role": "released", "kind": "quantity", "value": {"amount": 175}}, {"role": "participant", "kind": "actor", "text": "甲方与乙方"}], "attrs": {"status": "happened"}}"#)
    let score = try scorer.score(predictions: [try prediction([swapEvent, swapEvent])], gold: [g])
    #expect(score.events == Tally(tp: 1, pred: 2, gold: 1))
    // 175.0000001 agrees with 175 within score.py's tolerance; 甲方 lies inside 甲方与乙方.
    #expect(score.args == Tally(tp: 2, pred: 2, gold: 2))
    #expect(score.attrs.ok == 1 && score.attrs.all == 1)
    #expect(score.byRule["r.swap"] == RuleTally(right: 1, wrong: 1, optional: 0, argsRight: 2, argsWrong: 0))
    #expect(score.falseAlarms.first?.sentence == HighlightedText(text: "甲方与乙方周三交换了175名战俘。", highlights: [Span(start: 7, end: 9)]))
}

@Test func optionalGoldIsNeitherRightNorWrongAndUnitsOtherThanPersonMustAgree() throws {
    let scorer = Scorer(documents: [Document(id: "d", text: scorerText)])
    let optional = try gold(#"{"doc": "d", "type": "prisoner_exchange", "optional": true, "evidence": "甲方与乙方周三交换了175名战俘。"}"#)
    let withOptional = try scorer.score(predictions: [try prediction([swapEvent])], gold: [optional])
    #expect(withOptional.events == Tally(tp: 0, pred: 0, gold: 0))
    #expect(withOptional.byRule["r.swap"]?.optional == 1)
    let items = try gold(#"{"doc": "d", "type": "prisoner_exchange", "evidence": ["当天另有3人受伤。", "甲方与乙方周三交换了175名战俘。"], "args": [{"role": "released", "kind": "quantity", "value": {"amount": 175, "unit": "item"}}]}"#)
    let score = try scorer.score(predictions: [try prediction([swapEvent])], gold: [items])
    #expect(score.events.tp == 1, "the trigger lies in the second evidence string")
    #expect(score.args == Tally(tp: 0, pred: 2, gold: 1), "a unit other than person must agree")
    #expect(score.argumentErrors.map(\.kind) == [.extra, .extra, .missed])
    #expect(score.byRole["released"] == Tally(tp: 0, pred: 1, gold: 1))
}

@Test func evidenceMissingFromTheDocumentIsAnErrorAtItsLine() throws {
    let scorer = Scorer(documents: [Document(id: "d", text: scorerText)])
    let bad = try gold(#"{"doc": "d", "type": "attack", "evidence": "不在文中"}"#, line: 7)
    #expect {
        _ = try scorer.score(predictions: [], gold: [bad])
    } throws: { error in
        (error as? ScoringError)?.description == "g.jsonl:7: evidence not found in document d: \"不在文中\""
    }
}

@Test func predictionsForDocumentsOutsideTheCorpusAreIgnored() throws {
    let scorer = Scorer(documents: [Document(id: "d", text: scorerText)])
    let other = try JSONValue.parse(#"{"doc": "elsewhere", "events": [{"type": "attack", "trigger": {"start": 0, "end": 1}}]}"#)
    #expect(try scorer.score(predictions: [other], gold: []).events == Tally())
}
