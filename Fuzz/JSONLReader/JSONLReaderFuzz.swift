import FuzzSupport
import Extraction
import Records

/// libFuzzer entry: any bytes as a JSONL stream. Every line must give a document or a problem
/// with its line number; nothing may trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzBytes(data, size)
    let bytes = Array(input)
    let reader = DocumentReader(date: CivilDate(iso: "2025-03-20"))
    var lines = 0
    reader.readJSONL(name: "fuzz.jsonl", bytes: bytes) { result in
        lines += 1
        if case .success(let document) = result { _ = document.text.unicodeScalars.count }
        return true
    }
    return 0
}

/// Entry point: libFuzzer's driver with this target's callback.
@main
enum FuzzMain {
    static func main() { runFuzzer(fuzzJSONLReader) }
}
