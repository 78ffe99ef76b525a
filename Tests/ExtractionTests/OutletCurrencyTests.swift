import Testing
@testable import Extraction
import Records
@testable import Rules

// A bare $ or 元 follows the outlet's country (from the document's url) when no dateline names one.

private func money(_ text: String, url: String?, language: Language) throws -> [MoneyValue] {
    let set = try #require(shippedPack.ruleSet(for: language))
    let extra: [(String, JSONValue)] = url.map { [("url", .string($0))] } ?? []
    let doc = Document(id: "t", text: text, date: CivilDate(iso: "2025-03-20"), language: language, extra: extra)
    return Extractor(rules: set).extract(doc).result.mentions.compactMap { m in
        if case .money(let v) = m.value { return v }
        return nil
    }
}

@Test func aBareDollarInASingaporeOutletIsSGD() throws {
    let text = "The court fined the company $30,000 on Monday."
    #expect(try money(text, url: "https://www.straitstimes.com/singapore/courts/story", language: .en).first?.currency == "SGD")
    #expect(try money(text, url: "https://news.example.sg/story", language: .en).first?.currency == "SGD")
    #expect(try money(text, url: nil, language: .en).first?.currency == "USD")
    // A written currency is never changed.
    #expect(try money("The court fined the company US$30,000.", url: "https://www.straitstimes.com/x", language: .en).first?.currency == "USD")
}

@Test func aBareYuanInAHongKongOutletIsHKD() throws {
    #expect(try money("店主被劫去8000元现金。", url: "https://www.hk01.com/突發/1", language: .zh).first?.currency == "HKD")
    #expect(try money("店主被劫去8000元现金。", url: "https://news.sohu.com/2025/1.shtml", language: .zh).first?.currency == "CNY")
}
