/// `--format events`: one JSON line per event, the event record with its document's id first
/// (docs/schema.md, "Event record").
public struct EventsWriter: RecordWriter {
    public init() {}

    public var header: String { "" }

    public func write(_ result: DocumentResult, to out: inout String) {
        for event in result.events {
            event.json(doc: result.doc).write(to: &out)
            out += "\n"
        }
    }
}
