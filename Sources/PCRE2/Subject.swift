/// A text prepared for matching: its UTF-8 bytes, known to be valid, and the index that
/// turns PCRE2's byte offsets into the Unicode-scalar offsets of the record formats.
///
/// Validation happens once, here; every match call then passes PCRE2_NO_UTF_CHECK, which
/// keeps a match loop linear (PCRE2 would otherwise re-validate the rest of the subject on
/// each call). Immutable and `Sendable`: one subject can be matched from many threads.
public struct Subject: Sendable {
    /// The text's UTF-8 bytes.
    public let utf8: [UInt8]
    /// Byte ⇄ scalar offset conversion for this text.
    public let index: ScalarIndex

    /// A subject from a Swift string, which is always valid UTF-8.
    public init(_ text: String) {
        let bytes = Array(text.utf8)
        self.utf8 = bytes
        self.index = ScalarIndex(utf8: bytes)
    }

    /// A subject from raw bytes; throws `.invalidUTF8` with the byte offset of the first bad sequence.
    public init(validating bytes: [UInt8]) throws(PCRE2Error) {
        if let bad = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw PCRE2Error(kind: .invalidUTF8, code: 0, offset: bad)
        }
        self.utf8 = bytes
        self.index = ScalarIndex(utf8: bytes)
    }

    /// Number of UTF-8 bytes.
    public var byteCount: Int { utf8.count }

    /// The text between two byte offsets.
    public func text(utf8Range: Range<Int>) -> String {
        String(decoding: utf8[utf8Range], as: UTF8.self)
    }

    /// Converts a byte range to a scalar range (schema.md offsets).
    public func scalarRange(utf8Range: Range<Int>) -> Range<Int> {
        index.scalarOffset(ofUTF8: utf8Range.lowerBound)..<index.scalarOffset(ofUTF8: utf8Range.upperBound)
    }

    /// Byte offset just past the scalar that starts at `utf8Offset`.
    func utf8OffsetAfterScalar(at utf8Offset: Int) -> Int {
        var next = utf8Offset + 1
        while next < utf8.count && utf8[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }
}

/// A strict UTF-8 validator (no overlongs, no surrogates, nothing above U+10FFFF).
public enum UTF8Validation {
    /// The byte offset of the first invalid sequence, or nil when `bytes` is valid UTF-8.
    public static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            let length: Int
            var lowest: UInt8 = 0x80
            var highest: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowest = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; highest = 0x9F
            case 0xF0: length = 4; lowest = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; highest = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let b1 = bytes[i + 1]
            guard b1 >= lowest && b1 <= highest else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
