import Foundation
import Records

/// A problem with one input record: reported as `file:line: message`, the rest still processed.
public struct InputProblem: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based line for JSONL input; nil for a whole file.
    public var line: Int?
    public var message: String
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

/// Turns input files (.txt, .jsonl, `-` for stdin) into documents, one at a time, so memory
/// stays flat on a stream of any length.
public struct DocumentReader {
    public var encoding: InputEncoding = .utf8
    /// For .txt: the reference date and language given on the command line.
    public var date: CivilDate?
    public var language: Language?

    public init(encoding: InputEncoding = .utf8, date: CivilDate? = nil, language: Language? = nil) {
        self.encoding = encoding
        self.date = date
        self.language = language
    }

    /// Calls `body` with each document or problem of `path`, in input order; `body` returns false to stop.
    public func read(_ path: String, _ body: (Result<Document, InputProblem>) -> Bool) {
        if path == "-" {
            readLines(name: "<stdin>", handle: FileHandle.standardInput, body)
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
        if path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                _ = body(.failure(InputProblem(file: path, line: nil, message: "cannot be opened")))
                return
            }
            defer { try? handle.close() }
            readLines(name: path, handle: handle, body)
        } else {
            _ = body(readText(path))
        }
    }

    func readText(_ path: String) -> Result<Document, InputProblem> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(InputProblem(file: path, line: nil, message: "cannot be read"))
        }
        if data.prefix(8192).contains(0) {
            return .failure(InputProblem(file: path, line: nil, message: "looks like a binary file (it contains NUL bytes)"))
        }
        let text: String
        if encoding == .utf8 {
            let bytes = [UInt8](data)
            if let bad = DocumentReader.firstInvalidUTF8(bytes) {
                return .failure(InputProblem(file: path, line: nil, message: "not valid UTF-8 at byte \(bad) (use --encoding gb18030 or big5 for legacy Chinese files)"))
            }
            text = String(decoding: bytes, as: UTF8.self)
        } else {
            do {
                text = try LegacyDecoder.decode([UInt8](data), from: encoding.iconvName)
            } catch {
                return .failure(InputProblem(file: path, line: nil, message: "not valid \(encoding.rawValue) text at byte \(error.byteOffset)"))
            }
        }
        let stripped = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if stripped.allSatisfy({ $0.isWhitespace }) {
            return .failure(InputProblem(file: path, line: nil, message: "empty document"))
        }
        let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return .success(Document(id: id, text: stripped, date: date, language: language))
    }

    /// Reads JSONL in chunks, one record a line.
    func readLines(name: String, handle: FileHandle, _ body: (Result<Document, InputProblem>) -> Bool) {
        readLines(name: name, next: {
            let chunk = handle.readData(ofLength: 1 << 20)
            return chunk.isEmpty ? nil : [UInt8](chunk)
        }, body)
    }

    /// Reads JSONL held in memory (the fuzz target's entry, and `.json` files).
    public func readJSONL(name: String, bytes: [UInt8], _ body: (Result<Document, InputProblem>) -> Bool) {
        var given = false
        readLines(name: name, next: {
            defer { given = true }
            return given || bytes.isEmpty ? nil : bytes
        }, body)
    }

    /// Reads JSONL from chunks (`next` returns nil at the end), one record a line.
    func readLines(name: String, next: () -> [UInt8]?, _ body: (Result<Document, InputProblem>) -> Bool) {
        var buffer: [UInt8] = []
        var lineNumber = 0
        func emit(_ line: ArraySlice<UInt8>) -> Bool {
            lineNumber += 1
            var bytes = Array(line)
            if bytes.last == 0x0D { bytes.removeLast() }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return true }
            if let bad = DocumentReader.firstInvalidUTF8(bytes) {
                return body(.failure(InputProblem(file: name, line: lineNumber, message: "not valid UTF-8 at byte \(bad) of the line")))
            }
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                let json = try JSONValue.parse(text)
                var document = try Document(json: json)
                if document.date == nil { document.date = date }
                if document.text.allSatisfy({ $0.isWhitespace }) {
                    return body(.failure(InputProblem(file: name, line: lineNumber, message: "document '\(document.id)' has empty text")))
                }
                return body(.success(document))
            } catch let error as JSONParseError {
                return body(.failure(InputProblem(file: name, line: lineNumber, message: "not valid JSON: \(error)")))
            } catch {
                return body(.failure(InputProblem(file: name, line: lineNumber, message: "\(error)")))
            }
        }
        // Where the search for the next newline resumes: a line longer than a chunk is scanned
        // once, not once per chunk (a 50 MB one-line document stays linear).
        var scanned = 0
        while let chunk = next() {
            buffer.append(contentsOf: chunk)
            var start = 0
            while let newline = buffer[max(start, scanned)...].firstIndex(of: 0x0A) {
                if !emit(buffer[start..<newline]) { return }
                start = newline + 1
                scanned = start
            }
            buffer.removeFirst(start)
            scanned = buffer.count
        }
        if !buffer.isEmpty { _ = emit(buffer[...]) }
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += String(s).utf8.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
