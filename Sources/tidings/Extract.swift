import ArgumentParser
import Extraction
import Foundation
import Records
import Rules

/// `--format docs|events|csv`: the writers live in Records/Output.
extension RecordFormat: ExpressibleByArgument {}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract events from articles.",
        discussion: """
        Inputs: .txt files (one document each; id = file name), .jsonl or .ndjson files (one {"id","text",…} object a line), .json files (one object or an array), any of them gzipped (.gz), folders (read recursively in sorted order; --glob picks the files), or - for standard input (JSON lines when its first non-blank character is '{', else one text). UTF-8 with or without a BOM and UTF-16 with a BOM are read; --encoding gb18030|big5 for legacy files, JSONL included.

        Example: tidings extract articles/ --glob '*.jsonl.gz' -o out.jsonl

        A bad input (malformed line, missing id or text, invalid UTF-8, binary or missing file, empty document) is reported on standard error as file:line: message; the other documents are still processed and the exit status is 1 at the end (--fail-fast stops at the first). A rule that hits a PCRE2 limit on a document is skipped there with a warning and gives nothing from that document. A duplicate document id, and a document without a date (its relative dates then resolve against --date, else the run's date, as its record's reference_date_from says), are warnings.

        -o writes to a temporary file beside the target and renames it over the target when the run ends, so an interrupted or failed run leaves the old file intact; an -o that is one of the inputs is refused (exit 2). SIGINT or SIGTERM stops the run after the last whole record (exit 130 or 143).

        A document longer than --window scalars (a page dump, a whole feed in one record) is read a window at a time, each ending at a line break or sentence end, and its record put together in temporary files, so memory stays bounded however long it is; events are not merged across a window's edge. Example: tidings extract dump.jsonl --window 100000 -o out.jsonl
        """
    )

    @Argument(help: ArgumentHelp("Input files or folders (.txt, .jsonl, .ndjson, .json, .gz) or - for standard input.", valueName: "file"))
    var inputs: [String] = []

    @Option(help: "Output format: docs (one record per document), events (one event a line) or csv.")
    var format: RecordFormat = .docs

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Reference (publication) date for .txt inputs and records without one.", valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(help: ArgumentHelp("Language for inputs that do not say (zh or en); detected when absent.", valueName: "lang"))
    var lang: String?

    @Option(help: ArgumentHelp("Encoding of inputs without a byte-order mark (text and JSON lines): utf-8, gb18030 or big5.", valueName: "name"))
    var encoding: String = "utf-8"

    @Option(name: .customLong("invalid-utf8"), help: ArgumentHelp("Bad UTF-8 or UTF-16 bytes: reject the document (the default) or replace them by U+FFFD with a warning giving the first one's byte offset; offsets then count the replaced text.", valueName: "reject|replace"))
    var invalidUTF8: String = "reject"

    @Option(help: ArgumentHelp("How inputs are laid out: auto (by name; standard input is JSON lines when its first non-blank character is '{'), text (one document) or jsonl.", valueName: "auto|text|jsonl"))
    var inputFormat: String = "auto"

    @Option(help: ArgumentHelp("In folders, read only files whose name matches this shell pattern (default: .txt, .jsonl, .ndjson, .json, each also .gz).", valueName: "pattern"))
    var glob: String?

    @Option(help: "Documents processed in parallel; the default is this machine's core count.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Stop at the first bad input.")
    var failFast = false

    @Option(help: ArgumentHelp("Read a document longer than this many Unicode scalars in windows of at most this many, each ending at a line break or sentence end, so memory stays bounded on any document; events are not merged across a window's edge.", valueName: "scalars"))
    var window: Int = Extractor.windowScalars

    @Flag(help: "Add debug fields (date anchors) to mention values.")
    var debug = false

    @OptionGroup var rules: RulesOption

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one input file, or - for standard input") }
        if let date, CivilDate(iso: date) == nil { throw ValidationError("--date must be YYYY-MM-DD, not '\(date)'") }
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be zh or en, not '\(lang)'") }
        if InputEncoding(rawValue: encoding.lowercased()) == nil { throw ValidationError("--encoding must be utf-8, gb18030 or big5, not '\(encoding)'") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if window < 64 { throw ValidationError("--window must be at least 64 scalars") }
        if InvalidUTF8Policy(rawValue: invalidUTF8) == nil { throw ValidationError("--invalid-utf8 must be reject or replace, not '\(invalidUTF8)'") }
        if InputFormat(rawValue: inputFormat) == nil { throw ValidationError("--input-format must be auto, text or jsonl, not '\(inputFormat)'") }
    }

    func run() throws {
        let pack = try rules.load()
        let extractor = Pipeline(pack: pack)
        var reader = DocumentReader(encoding: InputEncoding(rawValue: encoding.lowercased())!, date: date.flatMap(CivilDate.init(iso:)),
                                    language: lang.flatMap(Language.init(rawValue:)))
        reader.configure(invalidUTF8: invalidUTF8, inputFormat: inputFormat)
        // Folders become the files under them; -o is checked against every one of them.
        let inputs = InputFiles.expand(self.inputs, glob: glob)
        let sink = try OutputSink(path: output, inputs: inputs)
        // Whatever ends the run before commit (a thrown error, a signal) leaves the -o target as it was.
        defer { sink.abandon() }
        Interruption.install(sink: sink)
        let storeSink = try StoreSink.open(store, rulesRoot: try rules.resolve())
        let writeRecords = store.db == nil || output != nil
        let writer = format.writer(includeDebug: debug)
        if writeRecords { sink.write(writer.header) }

        var problems = 0
        var done = 0
        // Progress only where a person watches: stderr a terminal, and stdout not the same screen.
        let showProgress = Console.stderrIsTerminal && (output != nil || isatty(1) == 0)
        let progress = Progress(enabled: showProgress, total: showProgress ? Extract.countDocuments(inputs) : nil)
        var batch: [Document] = []
        let batchSize = max(16, jobs * 8)

        func flush() {
            let todo = storeSink?.pending(batch) ?? batch
            let outputs = process(todo, extractor, writer: writer, collect: storeSink?.collect, progress: showProgress ? progress : nil)
            for out in outputs {
                if let warning = out.warning { Console.error(warning) }
                if writeRecords { sink.write(out.text) }
            }
            storeSink?.commit(todo)
            done += batch.count
            progress.update(done)
            batch.removeAll(keepingCapacity: true)
        }

        var stop = false
        var failure: Error?
        for input in inputs where !stop {
            reader.read(input) { result in
                switch result {
                case .success(let document):
                    // A document longer than a window is read alone, after the batch before it, and
                    // written and stored as it is read.
                    if !Extractor.fits(document, window) {
                        if !batch.isEmpty { flush() }
                        do {
                            try writeWindowed(document, extractor, to: writeRecords ? sink : nil, store: storeSink, progress: showProgress ? progress : nil)
                        } catch {
                            failure = error
                            stop = true
                            return false
                        }
                        done += 1
                        progress.update(done)
                        return true
                    }
                    batch.append(document)
                    if batch.count >= batchSize { flush() }
                    return true
                case .failure(let problem):
                    problems += 1
                    Console.error(problem.description)
                    if failFast { stop = true }
                    return !failFast
                }
            }
        }
        if let failure { throw failure }
        if !batch.isEmpty { flush() }
        try storeSink?.finish()
        progress.finish(done)
        try sink.commit()
        if problems > 0 {
            throw CommandFailure.problems("\(problems) input problem(s); \(done) document(s) processed")
        }
    }

    /// A document longer than a window: extracted a window at a time into temporary files, then
    /// written whole to `sink`, and into the store in one transaction while it is read. Memory
    /// holds one window's records, never the document's. A document the store holds unchanged is
    /// skipped, as in a batch.
    func writeWindowed(_ document: Document, _ extractor: Pipeline, to sink: OutputSink?, store: StoreSink?, progress: Progress?) throws {
        if let store, store.pending([document]).isEmpty { return }
        let language = document.language ?? TextPreparation.detectLanguage(document.text)
        // The store fingerprints the document as read (its language unset when the input gave none).
        let asRead = document
        var document = document
        document.language = language
        let record = try sink.map { _ in try WindowedRecord(document: document, language: language, format: format, includeDebug: debug) }
        func read(_ add: (DocumentPart) throws -> Void) throws -> [ExtractionWarning] {
            var failure: Error?
            let (_, warnings) = extractor.extract(document, windowScalars: window, progress: progress?.within(document)) { part in
                record?.add(part)
                if failure == nil {
                    do { try add(part) } catch { failure = error }
                }
            }
            if let failure { throw failure }
            return warnings
        }
        var warnings: [ExtractionWarning] = []
        if let store {
            try store.storeWindowed(asRead, language: language) { add in warnings = try read(add) }
        } else {
            warnings = try read { _ in }
        }
        for warning in warnings { Console.error("warning: \(document.id): \(warning)") }
        if let sink, let record { try record.write(to: sink) }
    }

    /// Documents in the inputs, for the progress ETA: lines of JSONL files, one per text file;
    /// nil when standard input is among them.
    static func countDocuments(_ inputs: [String]) -> Int? {
        var total = 0
        for input in inputs {
            if input == "-" { return nil }
            guard input.hasSuffix(".jsonl") || input.hasSuffix(".ndjson") else { total += 1; continue }
            guard let handle = FileHandle(forReadingAtPath: input) else { continue }
            defer { try? handle.close() }
            while true {
                let chunk = handle.readData(ofLength: 1 << 20)
                if chunk.isEmpty { break }
                total += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            }
        }
        return total
    }

    /// Extracts a batch in parallel and renders it in input order.
    func process(_ documents: [Document], _ extractor: Pipeline, writer: any RecordWriter,
                 collect: (@Sendable (Int, DocumentResult) -> Void)? = nil, progress: Progress? = nil) -> [(text: String, warning: String?)] {
        let window = self.window
        return OrderedBatch.map(documents.count, jobs: jobs) { i in
            let document = documents[i]
            // The pack picks the language (given, else detected) and its rules, as every tool does.
            let (result, warnings) = extractor.extract(document, windowScalars: window, progress: progress?.within(document))
            collect?(i, result)
            let warning = warnings.isEmpty ? nil : warnings.map { "warning: \(document.id): \($0)" }.joined(separator: "\n")
            return (writer.text(result), warning)
        }
    }
}
