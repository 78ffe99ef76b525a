import Foundation
import Records

/// A problem with one input record: reported as `file:line: message`, the rest still processed.
public struct InputProblem: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line for JSONL input; nil for a whole file.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}

/// How plain-text files are read.
public enum InputEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8", gb18030, big5

    /// The charset name iconv knows.
    var iconvName: String {
        switch self {
        case .utf8: "UTF-8"
        case .gb18030: "GB18030"
        case .big5: "BIG5"
        }
    }
}

/// How an input's records are laid out, when its name does not say (or to override it).
public enum InputFormat: String, CaseIterable, Sendable {
    /// By name: .jsonl/.ndjson JSON lines, .json one object or an array, anything else text;
    /// standard input is JSON lines when its first non-blank character is `{`, else text.
    case auto
    /// The whole input is one document.
    case text
    /// One JSON object a line.
    case jsonl
}

/// Turns inputs (.txt, .jsonl/.ndjson, .json, any of them .gz, `-` for stdin) into documents, one
/// at a time, so memory stays flat on a stream of any length. UTF-8 with or without a BOM,
/// UTF-16 with a BOM, GB18030 and Big5 (`encoding`) are decoded, for text and JSONL alike.
public struct DocumentReader {
    public var encoding: InputEncoding = .utf8
    /// The reference date given on the command line: for .txt inputs, and records without one.
    public var date: CivilDate?
    public var language: Language?
    /// Bad UTF-8 (or UTF-16) rejects the document, or becomes U+FFFD with a warning.
    public var invalidUTF8: InvalidUTF8Policy = .reject
    public var format: InputFormat = .auto
    /// The day of the run: relative dates in a document with no date of its own and no `date`
    /// resolve against it (with a warning, and `reference_date_from` in the record). nil: none.
    public var runDate: CivilDate?
    /// Told about what does not stop a document: replaced bytes, duplicate ids, a missing date.
    public var warn: @Sendable (InputProblem) -> Void = { _ in }
    /// Ids seen so far in this run, with where.
    private let seen = SeenDocuments()

    public init(encoding: InputEncoding = .utf8, date: CivilDate? = nil, language: Language? = nil) {
        self.encoding = encoding
        self.date = date
        self.language = language
    }

    /// Calls `body` with each document or problem of `path`, in input order; `body` returns false to stop.
    public func read(_ path: String, _ body: (Result<Document, InputProblem>) -> Bool) {
        if path == "-" {
            readStandardInput(body)
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            _ = body(.failure(InputProblem(file: path, line: nil, message: "no such file")))
            return
        }
        guard !isDirectory.boolValue else {
            _ = body(.failure(InputProblem(file: path, line: nil, message: "is a directory; give the files inside it")))
            return
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            _ = body(.failure(InputProblem(file: path, line: nil, message: "cannot be opened")))
            return
        }
        defer { try? handle.close() }
        let (ext, gzipped) = InputFiles.format(of: path)
        let source: ByteSource = gzipped ? GzipSource(HandleSource(handle)) : HandleSource(handle)
        let layout: InputFormat = format != .auto ? format : (ext == "jsonl" || ext == "ndjson" ? .jsonl : .text)
        if layout == .jsonl {
            readLines(name: path, source: source, body)
        } else if ext == "json" && format == .auto {
            readJSON(name: path, source: source, body)
        } else {
            let bytes = source.readAll()
            if let failure = source.failure { _ = body(.failure(InputProblem(file: path, line: nil, message: failure))); return }
            let id = (((path as NSString).lastPathComponent as NSString).deletingPathExtension as NSString)
            _ = body(readText(bytes, name: path, id: gzipped ? (id.deletingPathExtension as String) : id as String))
        }
    }

    /// Standard input: JSON lines when the first non-blank character is `{` (or `format` says so), else one text.
    func readStandardInput(_ body: (Result<Document, InputProblem>) -> Bool) {
        let name = "<stdin>"
        let input = HandleSource(FileHandle.standardInput)
        var peeked: [[UInt8]] = []
        var layout = format
        if layout == .auto {
            // Read until the first non-blank byte (after a BOM) says which it is.
            var decided: InputFormat?
            while decided == nil, let chunk = input.next() {
                peeked.append(chunk)
                let head = peeked.count == 1 ? chunk : peeked.flatMap { $0 }
                if let bom = ByteOrderMark.detect(head), bom != .utf8 {
                    // UTF-16: decode the whole input first, then decide.
                    let all = head + input.readAll()
                    readDecodedStream(name: name, bytes: all, bom: bom, body)
                    return
                }
                let skip = ByteOrderMark.detect(head) == .utf8 ? 3 : 0
                if let first = head.dropFirst(skip).first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
                    decided = first == UInt8(ascii: "{") ? .jsonl : .text
                }
            }
            // Nothing but blanks: no documents (as an empty JSONL stream), not an empty document.
            layout = decided ?? .jsonl
        }
        let source = MemorySource(peeked, then: input)
        if layout == .jsonl {
            readLines(name: name, source: source, body)
        } else {
            _ = body(readText(source.readAll(), name: name, id: "stdin"))
        }
    }

    /// A UTF-16 stream on standard input, decided by content once decoded.
    func readDecodedStream(name: String, bytes: [UInt8], bom: ByteOrderMark, _ body: (Result<Document, InputProblem>) -> Bool) {
        switch decodeWhole(bytes, name: name) {
        case .failure(let problem): _ = body(.failure(problem))
        case .success(let text):
            let first = text.unicodeScalars.first { !$0.properties.isWhitespace }
            if format == .jsonl || (format == .auto && first == "{") {
                var utf8 = DocumentReader(encoding: .utf8, date: date, language: language)
                utf8.copySettings(from: self)
                utf8.readLines(name: name, source: MemorySource([Array(text.utf8)]), body)
            } else {
                _ = body(document(text: text, name: name, id: "stdin"))
            }
        }
    }

    /// Reads JSONL held in memory (the fuzz target's entry).
    public func readJSONL(name: String, bytes: [UInt8], _ body: (Result<Document, InputProblem>) -> Bool) {
        readLines(name: name, source: MemorySource([bytes]), body)
    }

    mutating func copySettings(from other: DocumentReader) {
        invalidUTF8 = other.invalidUTF8
        runDate = other.runDate
        warn = other.warn
        format = other.format
        seen.share(other.seen)
    }

    // MARK: - Whole texts

    /// A whole input decoded: its BOM, NUL bytes (binary, or UTF-16 without a BOM), the encoding.
    func decodeWhole(_ data: [UInt8], name: String) -> Result<String, InputProblem> {
        let bom = ByteOrderMark.detect(data)
        if bom == .utf16LE || bom == .utf16BE {
            let endian = bom == .utf16BE ? "big-endian" : "little-endian"
            let (decoded, bad) = TextDecoding.utf16(data.dropFirst(2), bigEndian: bom == .utf16BE, policy: invalidUTF8)
            guard let decoded else {
                return .failure(InputProblem(file: name, line: nil, message: "not valid UTF-16 (\(endian), from its byte-order mark) at byte \((bad ?? 0) + 2) (--invalid-utf8 replace reads it anyway)"))
            }
            if let first = decoded.firstBad {
                warn(InputProblem(file: name, line: nil, message: "warning: \(decoded.badCount) bad UTF-16 sequence(s) replaced by U+FFFD, the first at byte \(first + 2)"))
            }
            return .success(decoded.text)
        }
        let body = bom == .utf8 ? data.dropFirst(3) : data[...]
        if body.prefix(8192).contains(0) {
            if TextDecoding.looksLikeUTF16(body) {
                return .failure(InputProblem(file: name, line: nil, message: "looks like UTF-16 without a byte-order mark; save it as UTF-8, or as UTF-16 with a BOM"))
            }
            return .failure(InputProblem(file: name, line: nil, message: "looks like a binary file (it contains NUL bytes)"))
        }
        if encoding == .utf8 {
            let (decoded, bad) = TextDecoding.utf8(body, policy: invalidUTF8)
            guard let decoded else {
                return .failure(InputProblem(file: name, line: nil, message: "not valid UTF-8 at byte \((bad ?? 0) + (bom == .utf8 ? 3 : 0)) (use --encoding gb18030 or big5 for legacy Chinese files, or --invalid-utf8 replace)"))
            }
            if let first = decoded.firstBad {
                warn(InputProblem(file: name, line: nil, message: "warning: \(decoded.badCount) invalid UTF-8 sequence(s) replaced by U+FFFD, the first at byte \(first + (bom == .utf8 ? 3 : 0)); offsets count the replaced text"))
            }
            return .success(decoded.text)
        }
        do {
            return .success(try LegacyDecoder.decode(Array(body), from: encoding.iconvName))
        } catch {
            return .failure(InputProblem(file: name, line: nil, message: "not valid \(encoding.rawValue) text at byte \(error.byteOffset)"))
        }
    }

    func readText(_ data: [UInt8], name: String, id: String) -> Result<Document, InputProblem> {
        switch decodeWhole(data, name: name) {
        case .failure(let problem): return .failure(problem)
        case .success(let text): return document(text: text, name: name, id: id)
        }
    }

    /// A plain-text document: the run's date and language; an empty one is a problem.
    func document(text: String, name: String, id: String) -> Result<Document, InputProblem> {
        let stripped = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if stripped.allSatisfy({ $0.isWhitespace }) {
            return .failure(InputProblem(file: name, line: nil, message: "empty document"))
        }
        var document = Document(id: id, text: stripped, date: date, language: language)
        settle(&document, at: name, ownDate: date != nil)
        return .success(document)
    }

    /// A .json file: one document object, or an array of them.
    func readJSON(name: String, source: ByteSource, _ body: (Result<Document, InputProblem>) -> Bool) {
        let bytes = source.readAll()
        if let failure = source.failure { _ = body(.failure(InputProblem(file: name, line: nil, message: failure))); return }
        let text: String
        switch decodeWhole(bytes, name: name) {
        case .failure(let problem): _ = body(.failure(problem)); return
        case .success(let decoded): text = decoded
        }
        let json: JSONValue
        do {
            json = try JSONValue.parse(text)
        } catch {
            _ = body(.failure(InputProblem(file: name, line: nil, message: "not valid JSON: \(error)")))
            return
        }
        let items: [(JSONValue, String?)] = json.arrayValue.map { $0.enumerated().map { ($1, "element \($0 + 1)") } } ?? [(json, nil)]
        for (item, label) in items {
            let place = label.map { "\(name) (\($0))" } ?? name
            if !body(record(item, name: name, line: nil, place: place, label: label)) { return }
        }
    }

    // MARK: - JSON lines

    /// Reads JSONL from a source, one record a line: a UTF-8 BOM at the start is skipped, a UTF-16
    /// one decodes the whole stream first, and lines are decoded in `encoding`.
    func readLines(name: String, source: ByteSource, _ body: (Result<Document, InputProblem>) -> Bool) {
        var first = source.next() ?? []
        if let bom = ByteOrderMark.detect(first), bom != .utf8 {
            switch decodeWhole(first + source.readAll(), name: name) {
            case .failure(let problem): _ = body(.failure(problem))
            case .success(let text):
                var utf8 = DocumentReader(encoding: .utf8, date: date, language: language)
                utf8.copySettings(from: self)
                utf8.format = .jsonl
                utf8.readLines(name: name, source: MemorySource([Array(text.utf8)]), body)
            }
            return
        }
        if ByteOrderMark.detect(first) == .utf8 { first.removeFirst(3) }
        var buffer: [UInt8] = first
        var lineNumber = 0
        func emit(_ line: ArraySlice<UInt8>) -> Bool {
            lineNumber += 1
            let result = self.line(line, name: name, number: lineNumber)
            if case .failure(let problem) = result, problem.isBlank { return true }
            return body(result)
        }
        // Where the search for the next newline resumes: a line longer than a chunk is scanned
        // once, not once per chunk (a 50 MB one-line document stays linear).
        var scanned = 0
        var more = true
        while more {
            var start = 0
            while let newline = buffer[max(start, scanned)...].firstIndex(of: 0x0A) {
                if !emit(buffer[start..<newline]) { return }
                start = newline + 1
                scanned = start
            }
            buffer.removeFirst(start)
            scanned = buffer.count
            if let chunk = source.next() { buffer.append(contentsOf: chunk) } else { more = false }
        }
        // A stream cut short (a truncated .gz) ends in half a line: the failure is reported, not the half line.
        if let failure = source.failure {
            _ = body(.failure(InputProblem(file: name, line: lineNumber + 1, message: failure)))
            return
        }
        if !buffer.isEmpty { _ = emit(buffer[...]) }
    }

    /// One JSONL line → a document or a problem (blank lines are skipped by the caller's count).
    func line(_ raw: ArraySlice<UInt8>, name: String, number: Int) -> Result<Document, InputProblem> {
        var bytes = raw
        if bytes.last == 0x0D { bytes.removeLast() }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return .failure(InputProblem.blank) }
        let text: String
        if encoding == .utf8 {
            let (decoded, bad) = TextDecoding.utf8(bytes, policy: invalidUTF8)
            guard let decoded else {
                return .failure(InputProblem(file: name, line: number, message: "not valid UTF-8 at byte \(bad ?? 0) of the line (--invalid-utf8 replace reads it anyway)"))
            }
            if let first = decoded.firstBad {
                warn(InputProblem(file: name, line: number, message: "warning: \(decoded.badCount) invalid UTF-8 sequence(s) replaced by U+FFFD, the first at byte \(first) of the line; offsets count the replaced text"))
            }
            text = decoded.text
        } else {
            do {
                text = try LegacyDecoder.decode(Array(bytes), from: encoding.iconvName)
            } catch {
                return .failure(InputProblem(file: name, line: number, message: "not valid \(encoding.rawValue) text at byte \(error.byteOffset) of the line"))
            }
        }
        let json: JSONValue
        do {
            json = try JSONValue.parse(text)
        } catch {
            return .failure(InputProblem(file: name, line: number, message: "not valid JSON: \(error)"))
        }
        return record(json, name: name, line: number, place: "\(name):\(number)", label: nil)
    }

    /// A JSON record → a document: date fallback, empty text, duplicate ids.
    func record(_ json: JSONValue, name: String, line: Int?, place: String, label: String?) -> Result<Document, InputProblem> {
        func problem(_ message: String) -> InputProblem {
            InputProblem(file: name, line: line, message: label.map { "\($0): \(message)" } ?? message)
        }
        var document: Document
        do {
            document = try Document(json: json)
        } catch {
            return .failure(problem("\(error)"))
        }
        let ownDate = document.date != nil
        if !ownDate, let date {
            document.date = date
            document.extra.append(("reference_date_from", .string("--date")))
        }
        if document.text.allSatisfy({ $0.isWhitespace }) {
            return .failure(problem("document '\(document.id)' has empty text"))
        }
        settle(&document, at: place, ownDate: document.date != nil)
        return .success(document)
    }

    /// The checks every document passes: an id seen before, no date at all.
    func settle(_ document: inout Document, at place: String, ownDate: Bool) {
        if let first = seen.insert(document.id, at: place) {
            warn(InputProblem(file: place, line: nil, message: "warning: duplicate document id '\(document.id)' (first at \(first))"))
        }
        if !ownDate, let runDate {
            document.date = runDate
            document.extra.append(("reference_date_from", .string("run date")))
            warn(InputProblem(file: place, line: nil, message: "warning: document '\(document.id)' has no date; relative dates (周三, last week) resolve against the run's date \(runDate.iso) (give --date or a \"date\" field)"))
        }
    }

    static func firstInvalidUTF8<Bytes: Sequence>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

/// Document ids seen in a run, with where each was first read (shared by copies of a reader).
final class SeenDocuments: @unchecked Sendable {
    private var first: [String: String] = [:]
    private var shared: SeenDocuments?
    private let lock = NSLock()

    /// Records `id` at `place`; returns where it was seen first when it was seen before.
    func insert(_ id: String, at place: String) -> String? {
        if let shared { return shared.insert(id, at: place) }
        lock.lock()
        defer { lock.unlock() }
        if let earlier = first[id] { return earlier }
        first[id] = place
        return nil
    }

    func share(_ other: SeenDocuments) { shared = other.shared ?? other }
}

extension InputProblem {
    /// A blank JSONL line: not a problem, skipped.
    static let blank = InputProblem(file: "", line: nil, message: "")
    var isBlank: Bool { file.isEmpty && message.isEmpty }
}
