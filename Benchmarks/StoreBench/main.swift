// Event store and report benchmark: stores --format docs records in batches, as `tidings extract
// --db` does, then links stories and renders both reports from the store.
// Run: swift run -c release store-bench RECORDS.jsonl [--events 10000] [--batch 256] [--db PATH]
// (--batch is documents per transaction; 256 is what `tidings extract --db` uses.)
// RECORDS.jsonl is `tidings extract` output; its documents are copied under new ids (dates moved
// three days per copy, so copies are different stories) until the store holds --events events.
import Foundation
import Records
import Reports
import Store

func argument(_ name: String, default value: Int) -> Int {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: name), i + 1 < args.count, let v = Int(args[i + 1]) { return v }
    return value
}

func stringArgument(_ name: String) -> String? {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: name), i + 1 < args.count { return args[i + 1] }
    return nil
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("store-bench: \(message)\n".utf8))
    exit(2)
}

let positional = CommandLine.arguments.dropFirst().filter { !$0.hasPrefix("--") }
guard let recordsPath = positional.first, let text = try? String(contentsOfFile: recordsPath, encoding: .utf8) else {
    fail("usage: store-bench RECORDS.jsonl [--events 10000] [--batch 256] [--db PATH]")
}
let targetEvents = argument("--events", default: 10_000)
let batchSize = argument("--batch", default: 256)
let dbPath = stringArgument("--db") ?? FileManager.default.temporaryDirectory.appendingPathComponent("store-bench-\(getpid()).sqlite").path
var templates: [DocumentResult] = []
for line in text.split(separator: "\n") {
    guard let json = try? JSONValue.parse(String(line)), let r = try? DocumentResult(json: json) else { fail("not a docs record: \(line.prefix(80))") }
    templates.append(r)
}
guard templates.contains(where: { !$0.events.isEmpty }) else { fail("no events in \(recordsPath)") }

/// A copy of a record under a new id, every date moved by `days`.
func shifted(_ r: DocumentResult, copy: Int) -> DocumentResult {
    var c = r
    c.doc = "\(r.doc)-\(copy)"
    c.referenceDate = r.referenceDate?.adding(days: copy * 3)
    func move(_ value: MentionValue) -> MentionValue {
        guard case .date(var d) = value, let iso = d.date, let day = CivilDate(iso: iso) else { return value }
        d.date = day.adding(days: copy * 3).iso
        return .date(d)
    }
    for i in c.events.indices { for j in c.events[i].args.indices { c.events[i].args[j].value = move(c.events[i].args[j].value) } }
    for i in c.mentions.indices { c.mentions[i].value = move(c.mentions[i].value) }
    return c
}

var documents: [StoredDocument] = []
var events = 0, copy = 0
while events < targetEvents {
    for t in templates where events < targetEvents {
        let r = shifted(t, copy: copy)
        events += r.events.count
        documents.append(StoredDocument(result: r, text: String(repeating: "x", count: 200), contentHash: "h\(copy)", packVersion: "bench", extractedAt: "2026-01-01T00:00:00Z"))
    }
    copy += 1
}
let rows = documents.reduce(0) { $0 + 1 + $1.result.events.count + $1.result.events.reduce(0) { $0 + $1.args.count } + $1.result.mentions.count }

try? FileManager.default.removeItem(atPath: dbPath)
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
do {
    let store = try EventStore(path: dbPath, create: true)
    let write = try seconds {
        for start in stride(from: 0, to: documents.count, by: batchSize) {
            try store.write(Array(documents[start..<min(start + batchSize, documents.count)]))
        }
    }
    var stories = 0
    let link = try seconds { stories = try store.relinkStories() }
    var loaded: [StoredDocument] = []
    let load = try seconds { loaded = try store.documents(withMentions: false) }
    let input = loaded.map { ReportDocument(result: $0.result, text: $0.text) }
    var md = "", html = ""
    let model = seconds { _ = ReportModel(documents: input, filter: ReportFilter()) }
    let render = seconds {
        let m = ReportModel(documents: input, filter: ReportFilter())
        md = MarkdownReport.render(m)
        html = HTMLReport.render(m)
    }
    print("documents \(documents.count), events \(events), rows \(rows) (documents + events + arguments + mentions), batch \(batchSize)")
    print(String(format: "store: %.2f s, %.0f rows/s, %.0f documents/s", write, Double(rows) / write, Double(documents.count) / write))
    print(String(format: "link stories: %.2f s (%d stories)", link, stories))
    print(String(format: "load from store: %.2f s; report model: %.2f s; model + md + html: %.2f s (md %d KB, html %d KB)",
                 load, model, render, md.utf8.count / 1024, html.utf8.count / 1024))
    print("db: \(dbPath)")
} catch {
    fail("\(error)")
}
