import Testing
@testable import Extraction
import Records
@testable import Rules

/// Random text from a pool that mixes the characters rules care about: every span must stay
/// inside the text and match its words, whatever the input.
@Test(arguments: [Language.zh, .en])
func randomTextNeverBreaksSpans(_ language: Language) throws {
    var generator = SystemRandomNumberGenerator()
    let pool: [String] = ["停火", "交换", "战俘", "空袭", "俄罗斯", "乌克兰", "普京", "周三", "3月11日", "175名", "。", "，", "\n",
                          "(罗马19日讯)", "阅读全文", "ceasefire", "Russia", "said on Tuesday", "killed", "12 people", ".", " ",
                          "KYIV, March 20 (Reuters) - ", "😀", "\u{E001}", "\u{E008}", "１２", "“", "”", "$5 million", "美国总统"]
    let set = try #require(shippedPack.ruleSet(for: language))
    let extractor = Extractor(rules: set)
    for round in 0..<150 {
        let text = (0..<Int.random(in: 0..<60, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()
        let scalars = Array(text.unicodeScalars)
        let (result, _) = extractor.extract(Document(id: "r\(round)", text: text, date: CivilDate(iso: "2025-03-20"), language: language))
        func check(_ span: Span, _ expected: String) {
            #expect(span.start >= 0 && span.end <= scalars.count && span.start <= span.end)
            if span.end <= scalars.count { #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == expected) }
        }
        for mention in result.mentions { check(mention.span, mention.text) }
        for event in result.events {
            check(event.trigger.span, event.trigger.text)
            #expect(event.evidence.contains(event.trigger.span))
            for arg in event.args { check(arg.span, arg.text) }
        }
    }
}

@Test func placeholderCharactersInTheInputAreNotMentions() throws {
    let result = try extract("\u{E001}与\u{E001}通话。")
    #expect(result.events.isEmpty)
}

@Test func recordsQuoteTheDocumentAsWritten() throws {
    // Rules read １７５ as 175, but `text[start:end]` of the input must give each text field.
    let text = "双方各释放了１７５名战俘。"
    let result = try extract("俄罗斯和乌克兰周三进行了囚犯交换。" + text)
    let count = try #require(result.mentions.first { $0.kind == .quantity })
    #expect(count.text == "１７５名战俘")
    #expect(count.value.json()["amount"]?.doubleValue == 175)
}
