import Testing
@testable import Records

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

@Test func eachFormatNamesItsWriter() {
    #expect(RecordFormat.allCases.map(\.rawValue) == ["docs", "events", "csv"])
    #expect(RecordFormat.docs.writer() is DocsWriter)
    #expect((RecordFormat.docs.writer(includeDebug: true) as? DocsWriter)?.includeDebug == true)
    #expect(RecordFormat.events.writer() is EventsWriter)
    #expect(RecordFormat.csv.writer() is CSVWriter)
    #expect(RecordFormat.csv.writer().header == "doc,type,trigger,trigger_start,trigger_end,evidence_start,evidence_end,args,attrs,rule,source,confidence\n")
    #expect(RecordFormat.docs.writer().header.isEmpty && RecordFormat.events.writer().header.isEmpty)
}

@Test func thePerEventFormatsWriteOneLineAnEventAndNoneForADocumentWithout() {
    let event = Event(type: "talks", trigger: Trigger(text: "会谈, \"正式\"", span: Span(start: 0, end: 2)), evidence: Span(start: 0, end: 5),
                      args: [], attrs: ["status": .string("happened"), "medium": .string("meeting")], rule: "zh.talks.t", source: "zh/t.yaml:3", confidence: 0.75)
    let two = DocumentResult(doc: "d1", language: .zh, referenceDate: nil, events: [event, event], mentions: [])
    let none = DocumentResult(doc: "d2", language: .zh, referenceDate: nil, events: [], mentions: [])
    #expect(EventsWriter().text(none).isEmpty)
    #expect(CSVWriter().text(none).isEmpty)
    #expect(DocsWriter().text(none) == #"{"doc": "d2", "lang": "zh", "reference_date": null, "events": [], "mentions": []}"# + "\n")
    let line = #"{"doc": "d1", "type": "talks", "trigger": {"text": "会谈, \"正式\"", "start": 0, "end": 2}, "evidence": {"start": 0, "end": 5}, "args": [], "attrs": {"medium": "meeting", "status": "happened"}, "rule": "zh.talks.t", "source": "zh/t.yaml:3", "confidence": 0.75}"#
    #expect(EventsWriter().text(two) == line + "\n" + line + "\n")
    let row = #"d1,talks,"会谈, ""正式""",0,2,0,5,[],"{""medium"": ""meeting"", ""status"": ""happened""}",zh.talks.t,zh/t.yaml:3,0.75"#
    #expect(CSVWriter().text(two) == row + "\n" + row + "\n")
}

@Test func aCSVCellQuotesByScalar() {
    // A quote a combining mark follows is one Character with it, but still a quote to a CSV reader.
    #expect(CSVWriter.quote("a\"\u{301}b") == "\"a\"\"\u{301}b\"")
    #expect(CSVWriter.quote("plain") == "plain")
    #expect(CSVWriter.quote("two\nlines") == "\"two\nlines\"")
    #expect(CSVWriter.quote("crlf\r\nline") == "\"crlf\r\nline\"", "a CRLF is one Character, still a line break")
}
