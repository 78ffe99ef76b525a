import Extraction
import FuzzSupport
import Records

/// libFuzzer entry: the first byte picks the reader's settings (bad bytes rejected or replaced;
/// UTF-8, GB18030 or Big5), the rest is a JSONL stream — with or without a BOM, UTF-16 included.
/// Every line must give a document or a problem with its line number; nothing may trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzBytes(data, size)
    guard let settings = input.first else { return 0 }
    let encodings: [InputEncoding] = [.utf8, .gb18030, .big5, .utf8]
    var reader = DocumentReader(encoding: encodings[Int(settings >> 1) & 3], date: settings & 8 == 0 ? CivilDate(iso: "2025-03-20") : nil)
    reader.invalidUTF8 = settings & 1 == 0 ? .reject : .replace
    reader.runDate = CivilDate(iso: "2026-01-01")
    reader.readJSONL(name: "fuzz.jsonl", bytes: Array(input.dropFirst())) { result in
        switch result {
        case .success(let document):
            fuzzCheck(document.date != nil, "a document left without a reference date")
            _ = document.text.unicodeScalars.count
        case .failure(let problem):
            fuzzCheck(problem.line.map { $0 >= 1 } ?? true, "problem without a real line: \(problem)")
        }
        return true
    }
    return 0
}

/// Entry point: libFuzzer's driver with this target's callback.
@main
enum FuzzMain {
    static func main() { runFuzzer(fuzzJSONLReader) }
}
