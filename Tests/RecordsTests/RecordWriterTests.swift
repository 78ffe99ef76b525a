import Testing
import Records

@Test(arguments: [false, true])
func streamedRecordEqualsTheTreeRecord(_ debug: Bool) throws {
    let date = Mention(text: "周三", span: Span(start: 7, end: 9), value: .date(DateValue(date: "2025-03-19", anchor: "reference 2025-03-20")), rule: "zh.date")
    let side = Mention(text: "俄\"罗斯", span: Span(start: 0, end: 4), value: .actor(EntityValue(name: "Russia", type: "country", country: "RUS")), rule: "lexicon")
    let event = Event(type: "prisoner_exchange", trigger: Trigger(text: "交换", span: Span(start: 9, end: 11)), evidence: Span(start: 0, end: 14),
                      args: [EventArgument(role: "participant", text: side.text, span: side.span, value: side.value)],
                      attrs: [:], rule: "zh.swap", source: "zh/x.yaml:1", confidence: 0.9)
    for result in [
        DocumentResult(doc: "a\n", language: .zh, referenceDate: CivilDate(iso: "2025-03-20"), events: [event, event], mentions: [side, date],
                       extra: [("title", .string("T")), ("events", .null), ("n", .array([.number(1), .bool(true)]))]),
        DocumentResult(doc: "empty", language: .en, referenceDate: nil, events: [], mentions: []),
    ] {
        var streamed = ""
        result.write(to: &streamed, includeDebug: debug)
        #expect(streamed == result.json(includeDebug: debug).serialized())
    }
}
