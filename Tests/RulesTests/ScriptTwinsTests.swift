import Testing
@testable import Rules

// Issue 11, item 2a: a spelling in the other script is a twin once folded (lint script-twin).

private func twins(_ pattern: String) -> [String] { ScriptTwins.inPattern(pattern).map(\.text) }

@Test func laterBranchesThatFoldToAnEarlierOneAreTwins() {
    #expect(twins("(?:释放|釋放|获释|獲釋)") == ["釋放", "獲釋"])
    // The deletion covers the branch and the bar before it.
    let twin = ScriptTwins.inPattern("(?:释放|釋放)x")[0]
    #expect(twin.offset == 5 && twin.length == 3 && twin.kept == "释放")
    // Top-level branches, named groups, lookbehinds and option settings are groups like others.
    #expect(twins("通话|通話") == ["通話"])
    #expect(twins("(?<trigger>会见|會見)") == ["會見"])
    #expect(twins("(?<!不)(?i)(?:将|將)") == ["將"])
    #expect(twins("(?i:停战|停戰)") == ["停戰"])
}

@Test func branchesAreComparedInTheirOwnGroupOnly() {
    // 將 in another group is no twin of 将; a branch with more text is no twin either.
    #expect(twins("(?:将)(?:將)") == [])
    #expect(twins("(?:将会|將)") == [])
    // Escapes and classes are not branch bars or groups.
    #expect(twins("(?:\\(将\\|將\\))") == [])
    #expect(twins("(?:[|(]将|[|(]將)") == ["[|(]將"])
}

@Test func classMembersThatFoldToAnEarlierOneAreTwins() {
    #expect(twins("[于於]") == ["於"])
    #expect(twins("[^于於，]") == ["於"])
    // A range's ends and escapes are not plain members.
    #expect(twins("[於-龥于]") == [])
    #expect(twins("[一-龥於于]") == ["于"])
    #expect(twins("[\\x{4E8E}於]") == [])
}

@Test func patternsWithoutTraditionalCharactersHaveNoTwins() {
    #expect(twins("(?:a|a|b)") == [], "only what the fold changes is a twin; plain duplicates are another matter")
}

@Test func wordListTwinsAreTheLaterSpelling() {
    let found = ScriptTwins.inWords(["表示", "說", "说", "表示"])
    #expect(found.map(\.index) == [2])
    #expect(found.map(\.kept) == ["說"])
}
