import Extraction
import Foundation
import Records

/// A corpus file read whole: its documents in input order.
public struct Corpus: Sendable {
    public var path: String
    public var documents: [Document]

    /// Reads a corpus (.jsonl or .txt) the way `tidings extract` does; any bad input is an error,
    /// since a corpus with holes cannot be scored.
    public static func load(_ path: String, reader: DocumentReader = DocumentReader()) throws(CorpusError) -> Corpus {
        var documents: [Document] = []
        var problems: [InputProblem] = []
        reader.read(path) { result in
            switch result {
            case .success(let document): documents.append(document)
            case .failure(let problem): problems.append(problem)
            }
            return true
        }
        if !problems.isEmpty { throw CorpusError(problems: problems) }
        return Corpus(path: path, documents: documents)
    }
}

/// A corpus or gold file that could not be read: every problem, each with its file and line.
public struct CorpusError: Error, Sendable, CustomStringConvertible {
    public var problems: [InputProblem]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// A gold file: one gold event a line (schema.md "Gold annotations").
public enum GoldFile {
    public static func load(_ path: String) throws(CorpusError) -> [GoldEvent] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CorpusError(problems: [InputProblem(file: path, line: nil, message: "no such file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CorpusError(problems: [InputProblem(file: path, line: nil, message: "is not UTF-8")])
        }
        var gold: [GoldEvent] = []
        var problems: [InputProblem] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            do {
                let json = try JSONValue.parse(trimmed)
                guard json.objectValue != nil else {
                    problems.append(InputProblem(file: path, line: n + 1, message: "a gold event must be a JSON object"))
                    continue
                }
                gold.append(GoldEvent(json: json, location: SourceLocation(file: path, line: n + 1)))
            } catch {
                problems.append(InputProblem(file: path, line: n + 1, message: "not JSON: \(error)"))
            }
        }
        if !problems.isEmpty { throw CorpusError(problems: problems) }
        return gold
    }
}

/// One pack's extraction of one corpus, as `--format docs` records would carry it.
public struct CorpusRun: Sendable {
    public var corpus: Corpus
    public var results: [DocumentResult]
    /// Engine warnings (rules that hit PCRE2 limits), with the document they concern.
    public var warnings: [String]

    /// Runs `extractor` over the corpus.
    public init(corpus: Corpus, extractor: Pipeline, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.corpus = corpus
        let outputs = extractor.extractAll(corpus.documents, jobs: jobs)
        results = outputs.map(\.result)
        warnings = zip(corpus.documents, outputs).flatMap { document, output in output.warnings.map { "\(document.id): \($0)" } }
    }

    /// The records exactly as `tidings extract --format docs` serialises them.
    public var records: [JSONValue] { results.map { $0.json() } }
}
