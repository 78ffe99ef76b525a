import ArgumentParser
import Foundation
import Records
import Reports
import Store

/// Formats of `tidings report`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case md, html
}

/// `tidings report`: a summary of stories from an event store or a JSONL of records.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a summary report (Markdown or one self-contained HTML file) of the stories in an event store or a JSONL of records.",
        discussion: """
        Sections: overview with a timeline of stories per day stacked by type; ceasefire tracker; prisoner exchanges with a cumulative chart; casualties with totals by place and by week; most active actors and actor pairs; every story; which rules fired. Every row quotes its evidence sentence and links its article. Counts are stories (one real-world event reported by several articles), with the smallest credible figure where sources disagree.

        --input takes the --format docs records of 'tidings extract' (or its --format events lines); add --articles with the input articles to quote evidence sentences, which the records do not carry. The report contains no clock time: the same records give the same file.

        Examples:
          tidings report --db events.sqlite --format html -o report.html
          tidings report --input records.jsonl --articles articles.jsonl --from 2025-05-01 --to 2025-05-31 --type prisoner_exchange --format md -o swaps.md
        """
    )

    @Option(help: ArgumentHelp("An event store written by 'tidings extract --db'.", valueName: "file"))
    var db: String?

    @Option(help: ArgumentHelp("A JSONL of 'tidings extract' records (--format docs, or --format events).", valueName: "file"))
    var input: String?

    @Option(help: ArgumentHelp("With --input: the input articles (JSONL with id and text), to quote evidence sentences.", valueName: "file"))
    var articles: String?

    @Option(help: ArgumentHelp("First story day to include.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("Last story day to include.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(help: ArgumentHelp("Only stories of this event type (taxonomy.yaml: talks, ceasefire, prisoner_exchange, attack, …).", valueName: "type"))
    var type: String?

    @Option(help: ArgumentHelp("Only stories naming this actor (canonical name, or as written).", valueName: "name"))
    var actor: String?

    @Option(help: ArgumentHelp("Only articles in this language (zh or en).", valueName: "lang"))
    var lang: String?

    @Option(help: "md (GitHub Markdown) or html (one self-contained file).")
    var format: ReportFormat = .md

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var rules: RulesOption

    func validate() throws {
        if (db == nil) == (input == nil) { throw ValidationError("give exactly one of --db FILE or --input FILE") }
        if articles != nil, input == nil { throw ValidationError("--articles only applies with --input") }
        if let from, CivilDate(iso: from) == nil { throw ValidationError("--from must be YYYY-MM-DD, not '\(from)'") }
        if let to, CivilDate(iso: to) == nil { throw ValidationError("--to must be YYYY-MM-DD, not '\(to)'") }
        if let f = from.flatMap(CivilDate.init(iso:)), let t = to.flatMap(CivilDate.init(iso:)), f > t {
            throw ValidationError("--from \(f.iso) is after --to \(t.iso)")
        }
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be zh or en, not '\(lang)'") }
        if let type {
            let known = knownTypes()
            if !known.contains(type) { throw ValidationError("--type '\(type)' is not an event type; the taxonomy has \(known.joined(separator: ", "))") }
        }
    }

    /// The event types of the pack's taxonomy (the keys under `types:` in taxonomy.yaml); the
    /// shipped list when the pack cannot be found.
    func knownTypes() -> [String] {
        guard let root = try? rules.resolve(), let text = try? String(contentsOfFile: root + "/taxonomy.yaml", encoding: .utf8) else {
            return ReportModel.typeOrder
        }
        var types: [String] = [], inTypes = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("types:") { inTypes = true; continue }
            if inTypes, let first = line.first, !first.isWhitespace, first != "#" { break }
            // A type is a key indented by exactly two spaces.
            if inTypes, line.hasPrefix("  "), !line.hasPrefix("   "), line.hasSuffix(":") {
                types.append(String(line.dropFirst(2).dropLast()))
            }
        }
        return types.isEmpty ? ReportModel.typeOrder : types
    }

    func run() throws {
        var problems = 0
        let documents: [ReportDocument]
        if let db {
            let store = try ExistingStore.open(db)
            documents = try reading { () throws(StoreError) in try store.documents(withMentions: false) }.map { ReportDocument(result: $0.result, text: $0.text) }
        } else {
            var texts: [String: String] = [:]
            if let articles { texts = try ReportInputReader.articleTexts(articles, problems: &problems) }
            documents = try ReportInputReader.records(input!, problems: &problems).map { ReportDocument(result: $0, text: texts[$0.doc]) }
        }
        let filter = ReportFilter(from: from.flatMap(CivilDate.init(iso:)), to: to.flatMap(CivilDate.init(iso:)), type: type, actor: actor,
                                  language: lang.flatMap(Language.init(rawValue:)))
        let model = ReportModel(documents: documents, filter: filter)
        let text = format == .md ? MarkdownReport.render(model) : HTMLReport.render(model)
        // The report never overwrites what it reads, and appears whole or not at all.
        let sink = try OutputSink(path: output, inputs: [input, articles, db].compactMap { $0 })
        defer { sink.abandon() }
        sink.write(text)
        try sink.commit()
        if problems > 0 { throw CommandFailure.problems("\(problems) input problem(s); the report covers the rest") }
    }
}

extension ExistingStore {
    /// Opens an existing store at `path` (never creating one).
    static func open(_ path: String) throws -> EventStore {
        do {
            return try EventStore(path: path, create: false)
        } catch {
            throw CommandFailure.fatal(error.description)
        }
    }
}

/// Reads the JSONL inputs of `tidings report --input`.
enum ReportInputReader {
    /// The lines of a file; a missing or unreadable file is fatal.
    static func lines(_ path: String) throws -> [Substring] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure.fatal("cannot read \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw CommandFailure.fatal("\(path) is not UTF-8") }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Document records from docs lines, or events lines grouped by their `doc` (in first-seen order).
    static func records(_ path: String, problems: inout Int) throws -> [DocumentResult] {
        var results: [DocumentResult] = []
        var position: [String: Int] = [:]
        for (n, line) in try lines(path).enumerated() where !line.allSatisfy(\.isWhitespace) {
            do {
                let json = try JSONValue.parse(String(line))
                if json["events"] != nil || json["mentions"] != nil {
                    let r = try DocumentResult(json: json)
                    position[r.doc] = results.count
                    results.append(r)
                } else if let doc = json["doc"]?.stringValue, json["trigger"] != nil {
                    let event = try Event(json: json)
                    if let i = position[doc] {
                        results[i].events.append(event)
                    } else {
                        // The events format says no language; the trigger's script tells it.
                        let zh = event.trigger.text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
                        position[doc] = results.count
                        results.append(DocumentResult(doc: doc, language: zh ? .zh : .en, referenceDate: nil, events: [event], mentions: []))
                    }
                } else {
                    throw RecordDecodingError("neither a --format docs record nor an event line")
                }
            } catch {
                problems += 1
                Console.error("\(path):\(n + 1): \(error)")
            }
        }
        return results
    }

    /// Article texts by id from an input JSONL.
    static func articleTexts(_ path: String, problems: inout Int) throws -> [String: String] {
        var texts: [String: String] = [:]
        for (n, line) in try lines(path).enumerated() where !line.allSatisfy(\.isWhitespace) {
            do {
                let document = try Document(json: try JSONValue.parse(String(line)))
                texts[document.id] = document.text
            } catch {
                problems += 1
                Console.error("\(path):\(n + 1): \(error)")
            }
        }
        return texts
    }
}
