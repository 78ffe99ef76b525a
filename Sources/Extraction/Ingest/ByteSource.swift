import CZlib
import Foundation

/// Bytes read in chunks: a file, standard input, memory, or any of them gunzipped. `next()`
/// returns nil at the end; a source that fails says why in `failure`.
protocol ByteSource: AnyObject {
    func next() -> [UInt8]?
    /// Why reading stopped early (a corrupt gzip stream), once `next()` has returned nil.
    var failure: String? { get }
}

/// A file or standard input, 1 MiB at a time.
final class HandleSource: ByteSource {
    let handle: FileHandle
    var failure: String? { nil }
    init(_ handle: FileHandle) { self.handle = handle }
    func next() -> [UInt8]? {
        let chunk = handle.readData(ofLength: 1 << 20)
        return chunk.isEmpty ? nil : [UInt8](chunk)
    }
}

/// Bytes already in memory, with a few chunks put back in front (what format detection peeked at).
final class MemorySource: ByteSource {
    private var chunks: [[UInt8]]
    private let rest: ByteSource?
    var failure: String? { rest?.failure }
    init(_ chunks: [[UInt8]], then rest: ByteSource? = nil) {
        self.chunks = chunks.reversed()
        self.rest = rest
    }
    func next() -> [UInt8]? {
        while let chunk = chunks.popLast() { if !chunk.isEmpty { return chunk } }
        return rest?.next()
    }
}

/// Gunzips another source as it is read (several gzip members in a row are one stream, as gzip -d reads them).
final class GzipSource: ByteSource {
    private let source: ByteSource
    private var stream = z_stream()
    private var input: [UInt8] = []
    private var ready = false
    private var ended = false
    private(set) var failure: String?

    init(_ source: ByteSource) {
        self.source = source
        ready = tidings_inflate_init_gzip(&stream) == Z_OK
        if !ready { failure = "cannot start gzip decompression" }
    }

    deinit { if ready { inflateEnd(&stream) } }

    func next() -> [UInt8]? {
        guard ready, !ended else { return nil }
        var output = [UInt8](repeating: 0, count: 1 << 18)
        var produced = 0
        while produced == 0 {
            if stream.avail_in == 0 {
                guard let chunk = source.next() else {
                    ended = true
                    // Input ended inside a member: the file was cut short.
                    if stream.total_in > 0 && !atMemberEnd { failure = "the gzip stream ends early (a truncated .gz file)" }
                    return nil
                }
                input = chunk
            }
            let consumedBefore = stream.total_in
            let status: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    if stream.avail_in == 0 {
                        stream.next_in = inBuffer.baseAddress
                        stream.avail_in = UInt32(inBuffer.count)
                    } else {
                        // Resume where the last call stopped inside this chunk.
                        stream.next_in = inBuffer.baseAddress! + (inBuffer.count - Int(stream.avail_in))
                    }
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = UInt32(outBuffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
            }
            produced = output.count - Int(stream.avail_out)
            atMemberEnd = status == Z_STREAM_END
            if status == Z_STREAM_END {
                // Another member may follow.
                let left = stream.avail_in
                inflateReset(&stream)
                stream.avail_in = left
                if left == 0 { input = [] }
            } else if status != Z_OK && status != Z_BUF_ERROR {
                failure = "not a valid gzip stream (zlib: \(stream.msg.map { String(cString: $0) } ?? "error \(status)")) after \(consumedBefore) compressed bytes"
                ended = true
                return produced > 0 ? Array(output[0..<produced]) : nil
            } else if status == Z_BUF_ERROR, produced == 0, stream.avail_in > 0 {
                failure = "not a valid gzip stream"
                ended = true
                return nil
            }
        }
        return Array(output[0..<produced])
    }

    private var atMemberEnd = true
}

extension ByteSource {
    /// Everything left, in one array.
    func readAll() -> [UInt8] {
        var all: [UInt8] = []
        while let chunk = next() { all += chunk }
        return all
    }
}
