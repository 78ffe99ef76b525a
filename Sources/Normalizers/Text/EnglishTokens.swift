/// A mention's text split into words, numbers and punctuation, each with its scalar range.
struct EnglishTokens: Sendable {
    enum Kind: Sendable, Equatable { case word, number, punct }

    struct Token: Sendable {
        var kind: Kind
        /// Folded text: a lower-case word, the digits as written, or one punctuation scalar.
        var text: String
        /// Scalar range in the folded text.
        var range: Range<Int>
        /// For numbers: the value read (nil on overflow).
        var value: ExactNumber?
        /// For numbers: letters glued after the digits (`m`, `bn`, `th`, `s`).
        var suffix: String = ""
        var hasFraction = false
    }

    let text: ScalarText
    let tokens: [Token]

    init(_ text: ScalarText) {
        self.text = text
        var out: [Token] = []
        var i = 0
        let n = text.count
        while i < n {
            let c = text[i]
            if ScalarText.isSpace(c) { i += 1; continue }
            if ScalarText.isDigit(c), let r = ArabicNumber.scan(text, at: i, allowSpaceGroups: true) {
                var k = r.end
                while k < n, ScalarText.isLetter(text[k]) { k += 1 }
                out.append(Token(kind: .number, text: text.string(i..<r.end), range: i..<k, value: r.value,
                                 suffix: text.string(r.end..<k), hasFraction: r.hasFraction))
                i = k
                continue
            }
            // .08: a decimal written without its leading zero.
            if c == ".", let d = text.at(i + 1), ScalarText.isDigit(d), i == 0 || !(ScalarText.isDigit(text[i - 1]) || ScalarText.isLetter(text[i - 1])),
               let r = ArabicNumber.scan(text, at: i + 1, allowSpaceGroups: false), r.integerDigits <= 18, !r.hasFraction,
               // Digits only: ".7,777" is no decimal (and a comma is no digit to subtract '0' from).
               ((i + 1)..<r.end).allSatisfy({ ScalarText.isDigit(text[$0]) }) {
                var digits: [Int] = []
                for k in (i + 1)..<r.end { digits.append(Int(text[k].value) - 0x30) }
                var k = r.end
                while k < n, ScalarText.isLetter(text[k]) { k += 1 }
                out.append(Token(kind: .number, text: text.string(i..<r.end), range: i..<k, value: ExactNumber.fraction(digits: digits),
                                 suffix: text.string(r.end..<k), hasFraction: true))
                i = k
                continue
            }
            if ScalarText.isLetter(c) {
                var k = i + 1
                while k < n, ScalarText.isLetter(text[k]) || (text[k] == "'" && k + 1 < n && ScalarText.isLetter(text[k + 1])) { k += 1 }
                out.append(Token(kind: .word, text: text.string(i..<k), range: i..<k))
                i = k
                continue
            }
            out.append(Token(kind: .punct, text: text.string(i..<(i + 1)), range: i..<(i + 1)))
            i += 1
        }
        tokens = out
    }

    /// The tokens from `start` on, over the same text (ranges keep pointing into it).
    init(slicing base: EnglishTokens, from start: Int) {
        text = base.text
        tokens = start < base.tokens.count ? Array(base.tokens[start...]) : []
    }

    var count: Int { tokens.count }
    subscript(i: Int) -> Token { tokens[i] }
    func word(_ i: Int) -> String? { i >= 0 && i < tokens.count && tokens[i].kind == .word ? tokens[i].text : nil }
    func isPunct(_ i: Int, _ p: String) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .punct && tokens[i].text == p }
    /// True when token `i` ends exactly where token `i + 1` starts.
    func adjacent(_ i: Int) -> Bool { i + 1 < tokens.count && tokens[i].range.upperBound == tokens[i + 1].range.lowerBound }
}
