import PCRE2
import Records
import Rules

/// A sentence with every mention inside it replaced by one placeholder scalar of its kinds,
/// and the way back from folded offsets to document offsets.
struct FoldedSentence {
    let span: Span
    let subject: Subject
    /// Document offset of each folded scalar (and one past the end).
    let origin: [Int]
    /// Mention index (into the document's mentions) at each folded scalar, when it is a placeholder.
    let mentionAt: [Int?]

    init(span: Span, scalars: [Unicode.Scalar], mentions: [Mention], mentionRange: Range<Int>) {
        self.span = span
        var folded = String.UnicodeScalarView()
        var origin: [Int] = []
        var mentionAt: [Int?] = []
        var position = span.start
        for index in mentionRange {
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
        self.subject = Subject(String(folded))
        self.origin = origin
        self.mentionAt = mentionAt
    }

    /// The document span of a folded byte range (a placeholder expands to its whole mention).
    func documentSpan(utf8Range: Range<Int>, mentions: [Mention]) -> Span {
        let r = subject.scalarRange(utf8Range: utf8Range)
        guard !r.isEmpty else { return Span(start: origin[r.lowerBound], end: origin[r.lowerBound]) }
        let start = origin[r.lowerBound]
        let last = r.upperBound - 1
        let end = mentionAt[last].map { mentions[$0].span.end } ?? origin[last] + 1
        return Span(start: start, end: end)
    }

    /// The mention a group captured, when the group is exactly one placeholder.
    func mention(utf8Range: Range<Int>) -> Int? {
        let r = subject.scalarRange(utf8Range: utf8Range)
        guard r.count == 1 else { return nil }
        return mentionAt[r.lowerBound]
    }
}
