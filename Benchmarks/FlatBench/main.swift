// The pattern floor: every pattern of `tidings rules export --flat`, compiled with PCRE2 (JIT) and
// run over a corpus one pattern at a time — the work a user without Tidings would do.
// Run: swift run -c release flat-bench PATTERNS.tsv CORPUS.jsonl
// Prints one JSON line: patterns, compiled, refused, bytes, seconds, MB/s, matches.
import Foundation
import PCRE2

let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write(Data("usage: flat-bench PATTERNS.tsv CORPUS.jsonl\n".utf8))
    exit(2)
}

func texts(_ path: String) -> [String] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
        return object["text"] as? String
    }
}

let lines = String(decoding: FileManager.default.contents(atPath: args[1]) ?? Data(), as: UTF8.self).split(separator: "\n")
var regexes: [Regex] = []
var refused = 0
let compileStart = Date()
for line in lines {
    let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
    guard fields.count == 3 else { continue }
    do { regexes.append(try Regex(String(fields[2]))) } catch { refused += 1 }
}
let compileSeconds = Date().timeIntervalSince(compileStart)
let subjects = texts(args[2]).map { Subject($0) }
let bytes = subjects.reduce(0) { $0 + $1.byteCount }
var matches = 0
var limitErrors = 0
let start = Date()
for regex in regexes {
    let matcher = regex.makeMatcher()
    for subject in subjects {
        do { matches += try matcher.matches(in: subject).count } catch { limitErrors += 1 }
    }
}
let seconds = Date().timeIntervalSince(start)
print("{\"patterns\": \(lines.count), \"compiled\": \(regexes.count), \"refused\": \(refused), \"compile_s\": \(String(format: "%.3f", compileSeconds)), \"bytes\": \(bytes), \"seconds\": \(String(format: "%.3f", seconds)), \"mb_per_s\": \(String(format: "%.4f", Double(bytes) / 1e6 / seconds)), \"matches\": \(matches), \"limit_errors\": \(limitErrors)}")
