/// `--format csv`: one row per event under a header (RFC 4180 quoting), with the arguments and
/// attributes as JSON cells (docs/schema.md, "CSV").
public struct CSVWriter: RecordWriter {
    public static let columns = ["doc", "type", "trigger", "trigger_start", "trigger_end", "evidence_start", "evidence_end",
                                 "args", "attrs", "rule", "source", "confidence"]

    public init() {}

    public var header: String { CSVWriter.columns.joined(separator: ",") + "\n" }

    public func write(_ result: DocumentResult, to out: inout String) {
        for event in result.events {
            out += CSVWriter.row(event, doc: result.doc)
            out += "\n"
        }
    }

    /// One event's cells, quoted where needed.
    public static func row(_ event: Event, doc: String) -> String {
        let cells: [String] = [
            doc, event.type, event.trigger.text, String(event.trigger.span.start), String(event.trigger.span.end),
            String(event.evidence.start), String(event.evidence.end),
            JSONValue.array(event.args.map { $0.json() }).serialized(),
            JSONValue.object(event.attrs.sorted { $0.key < $1.key }.map { ($0.key, $0.value.json) }).serialized(),
            event.rule, event.source, JSONValue.number(event.confidence).serialized(),
        ]
        return cells.map(quote).joined(separator: ",")
    }

    /// A cell holding a comma, a quote or a line break is quoted, its quotes doubled.
    static func quote(_ cell: String) -> String {
        // Scalars, not Characters: "\r\n" is one Character equal to neither "\r" nor "\n".
        guard cell.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        // By scalar, so a quote that a combining mark follows is doubled too.
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in cell.unicodeScalars {
            if scalar == "\"" { quoted.append(scalar) }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted)
    }
}
