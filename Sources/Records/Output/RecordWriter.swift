/// How the records of one document become output text: one writer per `--format` of
/// `tidings extract` (and `db export`). Each record ends with a line break, so a stream of
/// documents is one file; docs/schema.md is the contract for every format, and a golden file
/// test (Tests/CLITests/OutputFormatGoldenTests.swift) pins each one.
public protocol RecordWriter: Sendable {
    /// Written once before the first record (CSV's header line, with its line break); empty for JSON lines.
    var header: String { get }
    /// Appends the records of one document to `out` (none for a document without events, in the
    /// per-event formats).
    func write(_ result: DocumentResult, to out: inout String)
}

extension RecordWriter {
    /// The records of one document as a string of their own.
    public func text(_ result: DocumentResult) -> String {
        var out = ""
        write(result, to: &out)
        return out
    }
}

/// The output formats, by the name `--format` takes.
public enum RecordFormat: String, Sendable, CaseIterable {
    /// One record per document: events and mentions.
    case docs
    /// One event a line, each naming its document.
    case events
    /// One CSV row per event, under a header.
    case csv

    /// The writer for this format; `includeDebug` adds date anchors to docs records' mentions.
    public func writer(includeDebug: Bool = false) -> any RecordWriter {
        switch self {
        case .docs: DocsWriter(includeDebug: includeDebug)
        case .events: EventsWriter()
        case .csv: CSVWriter()
        }
    }
}
