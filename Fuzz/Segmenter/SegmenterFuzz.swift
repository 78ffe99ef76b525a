import FuzzSupport
import Extraction
import Foundation
import PCRE2
import Records
import Rules

/// The shipped pack's segmenters (its datelines, separators, captions and abbreviations), one a language.
let segmenters: [Segmenter] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Rules").path
    return PackLoader.load(root: root).pack.sets.values.map { Segmenter($0.segmentation) }
}()

/// libFuzzer entry: any UTF-8 text through the segmenter. Segments and sentences must lie inside
/// the text, in order, without overlap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSegmenter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzBytes(data, size)
    let text = String(decoding: input, as: UTF8.self)
    let count = text.unicodeScalars.count
    for segmenter in segmenters { check(segmenter.segments(of: text, subject: Subject(text), documentDate: CivilDate(iso: "2025-03-20")), count) }
    return 0
}

func check(_ segments: [Segment], _ count: Int) {
    var last = 0
    for segment in segments {
        fuzzCheck(segment.span.start >= last && segment.span.end <= count, "segment \(segment.span) out of order or outside \(count)")
        for sentence in segment.sentences {
            fuzzCheck(sentence.start >= last && segment.span.contains(sentence), "sentence \(sentence) outside \(segment.span)")
            last = sentence.end
        }
        last = max(last, segment.span.start)
    }
}

/// Entry point: libFuzzer's driver with this target's callback.
@main
enum FuzzMain {
    static func main() { runFuzzer(fuzzSegmenter) }
}
