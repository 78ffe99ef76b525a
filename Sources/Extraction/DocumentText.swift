import PCRE2
import Records

/// A document's text in the two forms extraction needs, at the same scalar offsets: folded
/// (１２ as 12, what segmentation, mention patterns and rules read) and as written (what every
/// record's `text` quotes, so that `text[start:end]` of the input gives it). The one place a
/// span becomes a string.
struct DocumentText {
    /// The folded text, whole (segmentation and the subject of mention patterns).
    let folded: String
    /// The folded text's scalars: what the stages index.
    let scalars: [Unicode.Scalar]
    let subject: Subject
    /// The text as written.
    private let written: [Unicode.Scalar]

    init(_ text: String) {
        folded = TextPreparation.foldFullWidth(text)
        scalars = Array(folded.unicodeScalars)
        subject = Subject(folded)
        written = Array(text.unicodeScalars)
    }

    var count: Int { scalars.count }

    /// The words as the rules read them.
    func reading(_ span: Span) -> String { scalars.string(in: span) }

    /// The words as the document writes them.
    func quoting(_ span: Span) -> String { written.string(in: span) }

    /// The event with its trigger and arguments quoting the document.
    func quoting(_ event: Event) -> Event {
        var event = event
        event.trigger.text = quoting(event.trigger.span)
        event.args = event.args.map { arg in
            var arg = arg
            arg.text = quoting(arg.span)
            return arg
        }
        return event
    }

    /// Every mention quoting the document, in place: a long document's mentions are never held twice.
    func quoting(_ mentions: inout [Mention]) -> [Mention] {
        for index in mentions.indices { mentions[index].text = quoting(mentions[index].span) }
        return mentions
    }
}
