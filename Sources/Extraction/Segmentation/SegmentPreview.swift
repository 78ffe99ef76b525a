import PCRE2
import Records

/// A page cut as the engine cuts it, for `rules test`: the text the segmenter read (folded, one
/// scalar for one), the text as written, and its segments.
public struct SegmentedText: Sendable {
    public let segments: [Segment]
    let text: DocumentText

    /// The folded text as PCRE2 reads it (validated once).
    public var subject: Subject { text.subject }

    /// The folded text's scalars, at the offsets every span counts in.
    public var scalars: [Unicode.Scalar] { text.scalars }

    /// The text of `span` as written.
    public func text(_ span: Span) -> String { text.quoting(span) }
}

extension Extractor {
    /// The segments and sentences of `document`, before any rule runs.
    public func segments(of document: Document) -> SegmentedText {
        let text = DocumentText(document.text)
        let segments = segmenter.segments(of: text.folded, subject: text.subject, documentDate: document.date)
        return SegmentedText(segments: segments, text: text)
    }
}

extension Pipeline {
    /// The segments of `document` as its language's stages cut them; nil when the pack has no
    /// rules for that language.
    public func segments(of document: Document) -> SegmentedText? {
        extractor(for: Pipeline.language(of: document))?.segments(of: document)
    }
}
