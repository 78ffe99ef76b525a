import Testing
@testable import Extraction

// Issue 14: --invalid-utf8 replace decodes as the standard library (and WHATWG) do — one U+FFFD
// per maximal bad subsequence — and says where the first bad byte was.

@Test func replacingDecoderAgreesWithTheStandardLibrary() {
    var generator = SplitMix(state: 8)
    let pieces: [[UInt8]] = [[0x41], [0xE4, 0xBF, 0x84], [0xF0, 0x9F, 0x98, 0x80], [0xC3], [0xE4, 0xBF], [0xF0, 0x9F], [0x80], [0xFF], [0xED, 0xA0, 0x80],
                             [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x80, 0x80], [0x0A], [0x22]]
    for _ in 0..<2000 {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 0..<12, using: &generator) {
            if Bool.random(using: &generator) { bytes += pieces.randomElement(using: &generator)! } else { bytes.append(UInt8.random(in: 0...255, using: &generator)) }
        }
        let (decoded, first) = TextDecoding.utf8(bytes[...], policy: .replace)
        #expect(decoded?.text == String(decoding: bytes, as: UTF8.self), "\(bytes)")
        #expect(first == DocumentReader.firstInvalidUTF8(bytes))
        let (rejected, firstRejected) = TextDecoding.utf8(bytes[...], policy: .reject)
        #expect((rejected == nil) == (firstRejected != nil))
    }
}

@Test func utf16WithEitherByteOrder() {
    let text = "俄罗斯😀 ok"
    let le = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let be = Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    #expect(TextDecoding.utf16(le[...], bigEndian: false, policy: .reject).decoded?.text == text)
    #expect(TextDecoding.utf16(be[...], bigEndian: true, policy: .reject).decoded?.text == text)
    // A lone high surrogate (D83D) at byte 2: rejected there, or replaced.
    let lone: [UInt8] = [0x41, 0x00, 0x3D, 0xD8, 0x42, 0x00]
    #expect(TextDecoding.utf16(lone[...], bigEndian: false, policy: .reject).firstBad == 2)
    #expect(TextDecoding.utf16(lone[...], bigEndian: false, policy: .replace).decoded?.text == "A\u{FFFD}B")
    #expect(ByteOrderMark.detect([0xFF, 0xFE, 0x41]) == .utf16LE)
    #expect(ByteOrderMark.detect([0xEF, 0xBB, 0xBF]) == .utf8)
}
