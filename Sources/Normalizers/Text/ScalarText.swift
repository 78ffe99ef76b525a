/// A mention's text as an array of Unicode scalars, folded for scanning: full-width ASCII
/// (U+FF01–U+FF5E) becomes ASCII, the ideographic space a space, and ASCII letters lower case,
/// one scalar for one scalar so indices never shift.
public struct ScalarText: Sendable {
    /// The folded scalars.
    public let scalars: [Unicode.Scalar]

    /// Folds `text`.
    public init(_ text: String) {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars { out.append(ScalarText.fold(s)) }
        scalars = out
    }

    init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// Full-width ASCII to ASCII, ideographic space to space, A–Z to a–z, wave dashes to `~`, ’ to '.
    public static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        var v = s.value
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
        else if v == 0x3000 { v = 0x20 }
        else if v == 0x301C { v = 0x7E }
        else if v == 0x2019 || v == 0x2018 { v = 0x27 }  // typographic apostrophes: New Year’s, ’08
        if v >= 0x41 && v <= 0x5A { v += 0x20 }
        return Unicode.Scalar(v) ?? s
    }

    /// Number of scalars.
    public var count: Int { scalars.count }

    subscript(i: Int) -> Unicode.Scalar { scalars[i] }

    /// The scalar at `i`, or nil past either end.
    func at(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < scalars.count ? scalars[i] : nil }

    /// True when `word` occurs at `i`.
    func matches(_ word: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= scalars.count else { return false }
        for k in 0..<word.count where scalars[i + k] != word[k] { return false }
        return true
    }

    /// The text of `range` as a String.
    func string(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[range])
        return String(s)
    }

    /// True for ASCII 0–9 (after folding, full-width digits are ASCII).
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    /// True for a–z (after folding).
    static func isLetter(_ s: Unicode.Scalar) -> Bool { s.value >= 0x61 && s.value <= 0x7A }
    /// Spaces and tabs, including no-break space.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\r" || s.value == 0xA0 || s.value == 0x202F || s.value == 0x2009
    }
}

/// Words matched longest first at a position, indexed by their first scalar.
struct KeywordTable<Value: Sendable>: Sendable {
    private var byFirst: [Unicode.Scalar: [([Unicode.Scalar], Value)]] = [:]

    init(_ entries: [(String, Value)]) {
        for (word, value) in entries {
            let scalars = Array(word.unicodeScalars).map(ScalarText.fold)
            guard let first = scalars.first else { continue }
            byFirst[first, default: []].append((scalars, value))
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.0.count > $1.0.count } }
    }

    /// The longest word at `i` and its length in scalars.
    func longest(in text: ScalarText, at i: Int) -> (value: Value, length: Int)? {
        guard let first = text.at(i), let candidates = byFirst[first] else { return nil }
        for (word, value) in candidates where text.matches(word, at: i) { return (value, word.count) }
        return nil
    }

    /// Like `longest`, but a word ending in a letter must not run on into another letter (`eur` in `europe`).
    func longestWord(in text: ScalarText, at i: Int) -> (value: Value, length: Int)? {
        guard let first = text.at(i), let candidates = byFirst[first] else { return nil }
        for (word, value) in candidates where text.matches(word, at: i) {
            if let next = text.at(i + word.count), let last = word.last,
               ScalarText.isLetter(last) || ScalarText.isDigit(last),
               ScalarText.isLetter(next) { continue }
            return (value, word.count)
        }
        return nil
    }
}
