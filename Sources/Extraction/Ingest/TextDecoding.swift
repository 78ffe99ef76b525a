/// What to do with bytes that are not valid in the input's encoding.
public enum InvalidUTF8Policy: String, CaseIterable, Sendable {
    /// The document (or JSONL line) is rejected with the byte offset: the default.
    case reject
    /// Each bad sequence becomes U+FFFD and one warning gives the first one's byte offset;
    /// every offset in the records counts scalars of the text with the replacements.
    case replace
}

/// The byte-order mark an input starts with.
enum ByteOrderMark: Equatable {
    case utf8, utf16LE, utf16BE

    /// The mark at the start of `bytes`, if any.
    static func detect(_ bytes: [UInt8]) -> ByteOrderMark? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return .utf8 }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return .utf16LE }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return .utf16BE }
        return nil
    }

    var length: Int { self == .utf8 ? 3 : 2 }
}

/// Decoded text, and where the first bad sequence was when some were replaced.
struct Decoded {
    var text: String
    /// Byte offset (in the input as given) of the first bad sequence, and how many there were.
    var firstBad: Int?
    var badCount = 0
}

enum TextDecoding {
    /// UTF-8 → String. Rejecting: nil text and the offset of the first bad byte. Replacing: each
    /// maximal bad subsequence becomes one U+FFFD (the WHATWG and Unicode recommendation).
    static func utf8(_ bytes: ArraySlice<UInt8>, policy: InvalidUTF8Policy) -> (decoded: Decoded?, firstBad: Int?) {
        // Fast path: valid input is decoded by the standard library in one go.
        guard let first = DocumentReader.firstInvalidUTF8(bytes) else {
            return (Decoded(text: String(decoding: bytes, as: UTF8.self)), nil)
        }
        guard policy == .replace else { return (nil, first) }
        var scalars = String.UnicodeScalarView()
        var badCount = 0
        let b = Array(bytes)
        var i = 0
        while i < b.count {
            let lead = b[i]
            if lead < 0x80 {
                scalars.append(Unicode.Scalar(lead))
                i += 1
                continue
            }
            // Length and the allowed range of the second byte (no overlongs, surrogates or > U+10FFFF).
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: length = 0
            }
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            var k = 1
            while length > 0, k < length, i + k < b.count {
                let byte = b[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= lo, byte <= hi else { break }
                value = value << 6 | UInt32(byte & 0x3F)
                k += 1
            }
            if length > 0, k == length, let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
                i += length
            } else {
                badCount += 1
                scalars.append("\u{FFFD}")
                i += max(1, length > 0 ? k : 1)
            }
        }
        return (Decoded(text: String(scalars), firstBad: first, badCount: badCount), first)
    }

    /// UTF-16 (after its byte-order mark) → String; an unpaired surrogate is bad.
    static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, policy: InvalidUTF8Policy) -> (decoded: Decoded?, firstBad: Int?) {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        var scalars = String.UnicodeScalarView()
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var unitOffset = 0
        var firstBad: Int?
        var badCount = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                scalars.append(s)
                unitOffset += s.value > 0xFFFF ? 2 : 1
            case .emptyInput: break loop
            case .error:
                if firstBad == nil { firstBad = unitOffset * 2 }
                badCount += 1
                unitOffset += 1
                scalars.append("\u{FFFD}")
            }
        }
        // An odd byte at the end is half a code unit.
        if (bytes.count) % 2 == 1 {
            if firstBad == nil { firstBad = bytes.count - 1 }
            badCount += 1
            scalars.append("\u{FFFD}")
        }
        if firstBad != nil && policy == .reject { return (nil, firstBad) }
        return (Decoded(text: String(scalars), firstBad: firstBad, badCount: badCount), firstBad)
    }

    /// True when NUL bytes look like the high halves of UTF-16 code units (ASCII text saved as
    /// UTF-16 without a byte-order mark): every other byte is zero.
    static func looksLikeUTF16(_ bytes: ArraySlice<UInt8>) -> Bool {
        let sample = bytes.prefix(512)
        guard sample.count >= 4 else { return false }
        var evenZero = 0, oddZero = 0
        for (k, byte) in sample.enumerated() where byte == 0 { if k % 2 == 0 { evenZero += 1 } else { oddZero += 1 } }
        let half = sample.count / 2
        return max(evenZero, oddZero) * 10 >= half * 6 && min(evenZero, oddZero) * 10 <= half
    }
}
