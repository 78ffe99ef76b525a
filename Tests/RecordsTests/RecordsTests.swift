import Testing
@testable import Records

@Test(arguments: [
    ("2025-03-20", 4), ("2025-03-19", 3), ("2025-03-16", 7), ("2024-02-29", 4), ("1970-01-01", 4), ("2000-01-01", 6),
])
func weekdays(_ iso: String, _ weekday: Int) throws {
    #expect(try #require(CivilDate(iso: iso)).weekday == weekday)
}

@Test func dayArithmeticCrossesMonthsYearsAndLeapDays() throws {
    let d = try #require(CivilDate(iso: "2025-03-01"))
    #expect(d.adding(days: -1).iso == "2025-02-28")
    #expect(try #require(CivilDate(iso: "2024-03-01")).adding(days: -1).iso == "2024-02-29")
    #expect(try #require(CivilDate(iso: "2024-12-31")).adding(days: 1).iso == "2025-01-01")
    #expect(CivilDate(dayNumber: d.dayNumber) == d)
}

@Test(arguments: ["2025-02-29", "2025-13-01", "2025-3-1", "20250301", "", "2025-00-10"])
func invalidISODatesAreRejected(_ text: String) {
    #expect(CivilDate(iso: text) == nil)
}

@Test func jsonRoundTripKeepsKeyOrderAndUnicode() throws {
    let text = #"{"id": "seed-000", "text": "停火\n\"quoted\" 😀", "n": 175, "x": [true, null, 1.5], "z": {"b": 1, "a": 2}}"#
    let value = try JSONValue.parse(text)
    #expect(value.serialized() == text)
    #expect(value["text"]?.stringValue == "停火\n\"quoted\" 😀")
    #expect(value["n"]?.doubleValue == 175)
}

// The parser reads UTF-8 where it lies: every string, escaped or not, comes back as written.
@Test func stringsRoundTripThroughTheParser() throws {
    var state: UInt64 = 42
    let pieces = ["a", "停火", "😀", "\"", "\\", "\n", "\t", "\u{01}", "\u{1F}", "/", "é", "\u{FEFF}", " ", "中文", "\r"]
    for _ in 0..<500 {
        var text = ""
        for _ in 0..<Int(state % 12) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            text += pieces[Int((state >> 33) % UInt64(pieces.count))]
        }
        state = state &* 6364136223846793005 &+ 1
        let json = JSONValue.object([("k", .string(text)), ("n", .number(Double(state % 1000) / 8))]).serialized()
        let parsed = try JSONValue.parse(json)
        #expect(parsed["k"]?.stringValue == text)
        #expect(parsed.serialized() == json)
    }
}

@Test func surrogatePairEscapesDecode() throws {
    #expect(try JSONValue.parse(#""\ud83d\ude00 \u4e2d""#).stringValue == "😀 中")
}

@Test(arguments: [
    ("{\"id\": 1,", "expected a string key", 10),
    ("{\"id\" 1}", "expected ':'", 7),
    ("[1 2]", "expected ',' or ']'", 4),
    ("\"abc", "unterminated string", 5),
    ("{} x", "unexpected text after the JSON value", 4),
    ("nul", "invalid literal", 4),
    ("-", "invalid number", 2),
    // Columns count scalars, not bytes, before and after non-ASCII text and escapes.
    ("{\"停火\" 1}", "expected ':'", 7),
    ("[\"😀\", x]", "unexpected character 'x'", 7),
    ("\"中\\q\"", "invalid escape '\\q'", 5),
    ("\"中\\u12G4\"", "invalid \\u escape", 7),
    ("\"a\u{01}\"", "control character in string", 3),
    ("\"\\ud83d x\"", "unpaired surrogate", 8),
])
func jsonSyntaxErrorsNameTheColumn(_ text: String, _ message: String, _ column: Int) {
    #expect(throws: JSONParseError(message: message, column: column)) { try JSONValue.parse(text) }
}

@Test func documentsKeepUnknownFieldsAndRejectBadOnes() throws {
    let doc = try Document(json: JSONValue.parse(#"{"id": "a", "text": "停火", "date": "2025-03-20", "lang": "zh", "title": "T", "source": {"k": 1}}"#))
    #expect(doc.id == "a")
    #expect(doc.date?.iso == "2025-03-20")
    #expect(doc.language == .zh)
    #expect(doc.extra.map(\.0) == ["title", "source"])

    #expect(throws: DocumentDecodingError.missingField("text")) { try Document(json: JSONValue.parse(#"{"id": "a"}"#)) }
    #expect(throws: DocumentDecodingError.missingField("id")) { try Document(json: JSONValue.parse(#"{"text": "a"}"#)) }
    #expect(throws: DocumentDecodingError.invalidDate("March")) { try Document(json: JSONValue.parse(#"{"id": "a", "text": "", "date": "March"}"#)) }
    #expect(throws: DocumentDecodingError.unknownLanguage("fr")) { try Document(json: JSONValue.parse(#"{"id": "a", "text": "", "lang": "fr"}"#)) }
    #expect(throws: DocumentDecodingError.notAnObject) { try Document(json: JSONValue.parse("[1]")) }
}

@Test func eventJSONFollowsTheSchema() {
    let event = Event(
        type: "prisoner_exchange",
        trigger: Trigger(text: "囚犯交换", span: Span(start: 790, end: 794)),
        evidence: Span(start: 770, end: 796),
        args: [EventArgument(role: "released", text: "175名", span: Span(start: 800, end: 804),
                        value: .quantity(QuantityValue(amount: 175, unit: "person")))],
        attrs: ["status": .string("happened"), "per_side": .bool(true)],
        rule: "zh.prisoner_exchange.swap-verb", source: "zh/prisoner_exchange.yaml:12", confidence: 0.9)
    #expect(event.json(doc: "seed-000").serialized() == #"{"doc": "seed-000", "type": "prisoner_exchange", "trigger": {"text": "囚犯交换", "start": 790, "end": 794}, "evidence": {"start": 770, "end": 796}, "args": [{"role": "released", "kind": "quantity", "text": "175名", "start": 800, "end": 804, "value": {"amount": 175, "unit": "person"}}], "attrs": {"per_side": true, "status": "happened"}, "rule": "zh.prisoner_exchange.swap-verb", "source": "zh/prisoner_exchange.yaml:12", "confidence": 0.9}"#)
}

@Test(arguments: MentionKind.allCases)
func mentionValuesRoundTripThroughJSON(_ kind: MentionKind) throws {
    let values: [MentionKind: MentionValue] = [
        .actor: .actor(EntityValue(name: "Ukraine", type: "country", country: "UKR")),
        .place: .place(EntityValue(name: "Black Sea", type: "sea")),
        .date: .date(DateValue(date: "2025-02", mod: .end)),
        .quantity: .quantity(QuantityValue(amount: 400, unit: "person", mod: .moreThan)),
        .money: .money(MoneyValue(amount: 28_000_000, currency: "USD")),
        .duration: .duration(DurationValue(iso: "P30D", amount: 30, unit: "day")),
    ]
    let value = try #require(values[kind])
    #expect(MentionValue(kind: kind, json: value.json()) == value)
}

@Test func scalarSliceCountsScalars() {
    #expect("a😀停火b".scalarSlice(Span(start: 2, end: 4)) == "停火")
    #expect("ab".scalarSlice(Span(start: 1, end: 9)) == "b")
}
