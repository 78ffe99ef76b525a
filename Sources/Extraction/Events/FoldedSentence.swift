import PCRE2
import Records
import Rules

/// A sentence with every mention inside it replaced by one placeholder scalar of its kinds,
/// and the way back from folded offsets to document offsets.
struct FoldedSentence {
    let span: Span
    let subject: Subject
    /// The folded text's scalars (where vetoes can begin is read from them).
    let scalars: [Unicode.Scalar]
    /// Document offset of each folded scalar (and one past the end).
    let origin: [Int]
    /// Mention index (into the document's mentions) at each folded scalar, when it is a placeholder.
    let mentionAt: [Int?]

    init(span: Span, scalars: [Unicode.Scalar], mentions: [Mention], mentionRange: Range<Int>) {
        var folded: [Unicode.Scalar] = []
        folded.reserveCapacity(span.length)
        var origin: [Int] = []
        var mentionAt: [Int?] = []
        // Checked: the span is clamped to the text, and a mention outside it is left as text.
        let span = Span(scalars.clamped(span.start, span.end))
        self.span = span
        var position = span.start
        for index in mentionRange where mentions.indices.contains(index) {
            let mention = mentions[index]
            guard mention.span.start >= position, mention.span.end <= span.end else { continue }
            for k in position..<mention.span.start {
                folded.append(scalars[k])
                origin.append(k)
                mentionAt.append(nil)
            }
            folded.append(Placeholder.scalar(for: mention.kinds))
            origin.append(mention.span.start)
            mentionAt.append(index)
            position = mention.span.end
        }
        for k in position..<span.end {
            folded.append(scalars[k])
            origin.append(k)
            mentionAt.append(nil)
        }
        origin.append(span.end)
        self.subject = Subject(String(String.UnicodeScalarView(folded)))
        self.scalars = folded
        self.origin = origin
        self.mentionAt = mentionAt
    }

    /// The document span of a folded byte range (a placeholder expands to its whole mention).
    func documentSpan(utf8Range: Range<Int>, mentions: [Mention]) -> Span {
        // Checked: a range outside the folded text is clamped to it (origin has one entry past the end).
        let r = subject.scalarRange(utf8Range: utf8Range).clamped(to: 0..<origin.count)
        let lower = min(r.lowerBound, origin.count - 1)
        guard !r.isEmpty, r.upperBound - 1 < mentionAt.count else { return Span(start: origin[lower], end: origin[lower]) }
        let start = origin[lower]
        let last = r.upperBound - 1
        let end = mentionAt[last].flatMap { mentions.indices.contains($0) ? mentions[$0].span.end : nil } ?? origin[last] + 1
        return Span.ordered(start, end)
    }

    /// The mention a group captured, when the group is exactly one placeholder.
    func mention(utf8Range: Range<Int>) -> Int? {
        let r = subject.scalarRange(utf8Range: utf8Range)
        guard r.count == 1, r.lowerBound >= 0, r.lowerBound < mentionAt.count else { return nil }
        return mentionAt[r.lowerBound]
    }
}
