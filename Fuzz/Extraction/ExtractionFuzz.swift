import FuzzSupport
import Extraction
import Foundation
import Records
import Rules

/// The shipped pack, loaded once.
let extractors: [Language: Extractor] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Rules").path
    return PackLoader.load(root: root).pack.sets.mapValues { Extractor(rules: $0) }
}()

/// libFuzzer entry: any UTF-8 text as a whole document through the shipped pack (the first
/// byte's low bit picks the language; its other bits, when not all zero, read the document in
/// windows of 64 to 8,000 scalars). Every span must lie inside the text and quote it, and
/// mentions stay in order without overlapping, windows or not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtraction(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzBytes(data, size)
    guard !input.isEmpty else { return 0 }
    let language: Language = input[0] & 1 == 0 ? .zh : .en
    let text = String(decoding: input.dropFirst(), as: UTF8.self)
    guard let extractor = extractors[language] else { return 0 }
    let scalars = Array(text.unicodeScalars)
    let window = input[0] >> 1 == 0 ? Extractor.windowScalars : 64 + Int(input[0] >> 1) * 63
    let (result, _) = extractor.extract(Document(id: "fuzz", text: text, date: CivilDate(iso: "2025-03-20"), language: language),
                                        windowScalars: window)
    func check(_ span: Span, _ quoted: String) {
        fuzzCheck(span.start >= 0 && span.end <= scalars.count, "span \(span) outside \(scalars.count) scalars")
        fuzzCheck(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == quoted, "span \(span) does not quote '\(quoted)'")
    }
    var previous: Span?
    for mention in result.mentions {
        check(mention.span, mention.text)
        if let previous { fuzzCheck(previous.end <= mention.span.start, "mentions \(previous) and \(mention.span) overlap or are out of order") }
        previous = mention.span
    }
    for event in result.events {
        check(event.trigger.span, event.trigger.text)
        for arg in event.args { check(arg.span, arg.text) }
    }
    _ = result.json(includeDebug: true).serialized()
    return 0
}

/// Entry point: libFuzzer's driver with this target's callback.
@main
enum FuzzMain {
    static func main() {
        // Load the pack before the first input, so its loading time never counts as a hang.
        fuzzCheck(!extractors.isEmpty, "the shipped pack did not load")
        runFuzzer(fuzzExtraction)
    }
}
