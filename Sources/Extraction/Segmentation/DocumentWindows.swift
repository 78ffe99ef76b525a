import Records

/// A long document cut into consecutive windows of at most `size` scalars, so that extracting
/// from it holds one window's working state at a time, never the whole document's.
///
/// Each window ends at the last line break in its final quarter, else the last sentence mark
/// (。！？；.!?;), else the last white space, else at `size` exactly (a text with no punctuation
/// or space for that long). Windows cover the text without gaps or overlaps. The text is walked
/// once, forwards, through its scalar view: no scalar array of the whole document is built.
struct DocumentWindows: Sequence {
    let text: String
    let size: Int

    init(_ text: String, size: Int) {
        precondition(size >= 4, "a window holds at least four scalars")
        self.text = text
        self.size = size
    }

    struct Window {
        /// Where the window starts, in scalars of the whole document.
        var start: Int
        var text: String
        /// Scalars in the window.
        var count: Int
        var span: Span { Span(start: start, end: start + count) }
    }

    static let lineBreak: Unicode.Scalar = "\n"
    static let sentenceMarks: Set<Unicode.Scalar> = ["。", "！", "？", "；", ".", "!", "?", ";"]

    struct Iterator: IteratorProtocol {
        let scalars: String.UnicodeScalarView
        let size: Int
        var index: String.UnicodeScalarView.Index
        var offset = 0

        mutating func next() -> Window? {
            guard index < scalars.endIndex else { return nil }
            guard let limit = scalars.index(index, offsetBy: size, limitedBy: scalars.endIndex), limit < scalars.endIndex else {
                let count = scalars.distance(from: index, to: scalars.endIndex)
                defer { index = scalars.endIndex; offset += count }
                return Window(start: offset, text: String(scalars[index...]), count: count)
            }
            let (end, count) = cut(before: limit)
            defer { index = end; offset += count }
            return Window(start: offset, text: String(scalars[index..<end]), count: count)
        }

        /// The window's end (exclusive) in the last quarter before `limit`, and its length.
        func cut(before limit: String.UnicodeScalarView.Index) -> (String.UnicodeScalarView.Index, Int) {
            let floor = size - size / 4
            var sentenceEnd: (String.UnicodeScalarView.Index, Int)?
            var spaceEnd: (String.UnicodeScalarView.Index, Int)?
            var position = limit
            var length = size
            while length > floor {
                let previous = scalars.index(before: position)
                let scalar = scalars[previous]
                if scalar == DocumentWindows.lineBreak { return (position, length) }
                if sentenceEnd == nil, DocumentWindows.sentenceMarks.contains(scalar) { sentenceEnd = (position, length) }
                if spaceEnd == nil, scalar.properties.isWhitespace { spaceEnd = (position, length) }
                position = previous
                length -= 1
            }
            return sentenceEnd ?? spaceEnd ?? (limit, size)
        }
    }

    func makeIterator() -> Iterator {
        Iterator(scalars: text.unicodeScalars, size: size, index: text.unicodeScalars.startIndex)
    }
}
