#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why legacy text could not be decoded: the byte offset of the first bad sequence.
struct LegacyDecodingError: Error, Equatable {
    var byteOffset: Int
}

/// Decodes GB18030 or Big5 through iconv, which reports exactly where a bad sequence starts
/// (Foundation only says that decoding failed).
enum LegacyDecoder {
    static func decode(_ bytes: [UInt8], from charset: String) throws(LegacyDecodingError) -> String {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { throw LegacyDecodingError(byteOffset: 0) }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var failure: Int?
        let written: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                // Safety: iconv reads and advances within the two buffers whose sizes it is given.
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                    failure = inBuffer.count - inLeft
                }
                return outBuffer.count - outLeft
            }
        }
        if let failure { throw LegacyDecodingError(byteOffset: failure) }
        return String(decoding: output[0..<written], as: UTF8.self)
    }
}
