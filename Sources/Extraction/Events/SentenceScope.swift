import Records

/// One sentence as the sentence stages (event builder, modality layer, attacher) see it: the
/// folded sentence, the mentions wholly inside it, and where it stands in its segment.
struct SentenceScope {
    let folded: FoldedSentence
    /// The document's mentions; `range` indexes the ones wholly inside the sentence.
    let mentions: [Mention]
    let range: Range<Int>
    /// The segment the sentence is in (its reference date and dateline).
    let segment: Segment
    let segmentIndex: Int
    let sentenceIndex: Int
    /// The mentions inside the segment's dateline (its default place).
    let datelineMentions: [Mention]
    /// The sentence is a photo caption.
    let caption: Bool

    var span: Span { folded.span }

    /// The document span of a folded byte range (see `FoldedSentence.documentSpan`).
    func documentSpan(_ utf8Range: Range<Int>) -> Span { folded.documentSpan(utf8Range: utf8Range, mentions: mentions) }
}
