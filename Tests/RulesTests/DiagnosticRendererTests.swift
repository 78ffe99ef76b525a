import Records
import Testing
@testable import Rules

/// (text, terminal cells)
private let widths: [(String, Int)] = [
    ("", 0),
    ("abc", 3),
    ("停火", 4),
    ("俄罗斯同意停火。", 16),
    ("3月18日", 7),
    ("，；：", 6),
    ("ｈｉ", 4),                 // fullwidth Latin
    ("한국", 4),
    ("😀", 2),
    ("𠮷野家", 6),               // astral CJK
    ("e\u{301}", 1),             // combining accent takes no cell
    ("a\u{200B}b", 2),           // zero-width space
    ("\u{E001}", 1),             // a placeholder
]

@Test(arguments: widths)
func displayWidthCountsTerminalCells(_ text: String, _ cells: Int) {
    #expect(DiagnosticRenderer.displayWidth(text) == cells)
}

private func render(_ line: Int, _ column: Int?, in source: String?, notes: [String] = []) -> String {
    let diagnostic = Diagnostic(.error, code: .unknownKey, "something", at: Records.SourceLocation(file: "f.yaml", line: line, column: column), notes: notes)
    return DiagnosticRenderer.render(diagnostic) { _ in source }
}

/// (source line, column of the culprit, the caret line)
private let carets: [(String, Int, String)] = [
    ("pattern: x", 10, "             ^"),
    ("pattern: '俄方同意{{X}}'", 15, "    " + String(repeating: " ", count: 18) + "^"),
    ("a\tb", 3, "      ^"),                 // a tab shows as one space
    ("😀x", 2, "      ^"),
    ("x", 1, "    ^"),
]

@Test(arguments: carets)
func theCaretIsPaddedInDisplayCells(_ line: String, _ column: Int, _ caret: String) {
    let text = render(2, column, in: "first\n" + line + "\nlast")
    #expect(text == "f.yaml:2:\(column): error: something [unknown-key]\n    \(line.replacingOccurrences(of: "\t", with: " "))\n\(caret)")
}

@Test func withoutAColumnOrASourceThereIsNoExcerpt() {
    #expect(render(1, nil, in: "x") == "f.yaml:1: error: something [unknown-key]")
    #expect(render(1, 1, in: nil) == "f.yaml:1:1: error: something [unknown-key]")
    #expect(render(9, 1, in: "x") == "f.yaml:9:1: error: something [unknown-key]")
}

@Test func notesFollowTheCaret() {
    #expect(render(1, 2, in: "ab", notes: ["one", "two"]) == "f.yaml:1:2: error: something [unknown-key]\n    ab\n     ^\n  note: one\n  note: two")
}

@Test func aDiagnosticWithoutPlaceRendersItsMessageOnly() {
    #expect(DiagnosticRenderer.render([Diagnostic(.warning, code: .emptyMatch, "careful")]) == "warning: careful [empty-match]")
}
