import Testing
@testable import Extraction
import Records

// A later sentence's casualty count does not add a second toll to an event that has one.

@Test func aLaterPartOfTheTollDoesNotJoinTheHeadlineToll() throws {
    let result = try extract("云南山区暴雨引发山洪 酿2死5人失踪\n当地一个村庄有一人死亡、3人失踪。", date: "2025-07-01")
    let flood = try #require(result.events.first { $0.type == "accident" })
    #expect(flood.args.filter { $0.role == "killed" }.map(\.text) == ["2"])
    #expect(flood.args.filter { $0.role == "missing" }.map(\.text) == ["5人"])
}
