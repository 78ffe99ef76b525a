import FuzzSupport
import Normalizers
import Records

/// libFuzzer entry: the first byte picks a normaliser and language, the rest is the mention text.
/// Every normaliser must return a value or nil, never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalizers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzBytes(data, size)
    guard !input.isEmpty else { return 0 }
    let selector = Int(input[0])
    let text = String(decoding: input.dropFirst(), as: UTF8.self)
    let kinds = NormalizerKind.allCases
    let kind = kinds[selector % kinds.count]
    let language: Language = (selector / kinds.count) % 2 == 0 ? .zh : .en
    let reference = (selector / (kinds.count * 2)) % 2 == 0 ? CivilDate(iso: "2025-03-20") : nil
    var context = NormalizationContext(language: language, referenceDate: reference)
    if selector & 0x80 != 0 { context.documentCountry = "SGP" }
    if let value = Normalization.normalize(text, as: kind, context: context) { _ = value.json().serialized() }
    return 0
}

/// Entry point: libFuzzer's driver with this target's callback.
@main
enum FuzzMain {
    static func main() { runFuzzer(fuzzNormalizers) }
}
