import Extraction
import Foundation
import Records

/// The output of a document read in windows (longer than `--window`), put together in temporary
/// files as its windows are read: the events, and for the docs format the mentions apart, since
/// the record lists every event before any mention. `write(to:)` copies the whole output into
/// the sink in one locked write, so an interruption still never cuts it. Memory stays one
/// window's worth however long the document is.
final class WindowedRecord {
    let format: RecordFormat
    let includeDebug: Bool
    let document: Document
    let language: Language
    private let events: SpoolFile
    private let mentions: SpoolFile?
    private var eventCount = 0
    private var mentionCount = 0
    private var failure: Error?

    init(document: Document, language: Language, format: RecordFormat, includeDebug: Bool) throws {
        self.document = document
        self.language = language
        self.format = format
        self.includeDebug = includeDebug
        events = try SpoolFile()
        mentions = format == .docs ? try SpoolFile() : nil
    }

    /// One window's events and mentions, in text order after those of the windows before.
    func add(_ part: DocumentPart) {
        guard failure == nil else { return }
        do {
            var text = ""
            for event in part.events {
                switch format {
                case .docs: DocumentRecordText.item(event.json(), first: eventCount == 0, to: &text)
                case .events: event.json(doc: document.id).write(to: &text); text += "\n"
                case .csv: text += CSVWriter.row(event, doc: document.id) + "\n"
                }
                eventCount += 1
            }
            try events.append(text)
            guard let mentions else { return }
            text = ""
            for mention in part.mentions {
                DocumentRecordText.item(mention.json(includeDebug: includeDebug), first: mentionCount == 0, to: &text)
                mentionCount += 1
            }
            try mentions.append(text)
        } catch {
            failure = error
        }
    }

    /// The whole output, into the sink at once.
    func write(to sink: OutputSink) throws {
        if let failure { throw failure }
        var opening = ""
        var middle = ""
        var closing = ""
        if format == .docs {
            DocumentRecordText.opening(doc: document.id, language: language, referenceDate: document.date, to: &opening)
            DocumentRecordText.betweenEventsAndMentions(to: &middle)
            DocumentRecordText.closing(extra: document.extra, to: &closing)
            closing += "\n"
        }
        var pieces: [OutputSink.Piece] = [.text(opening), .file(events)]
        if let mentions { pieces += [.text(middle), .file(mentions)] }
        pieces.append(.text(closing))
        try sink.write(pieces)
    }
}
