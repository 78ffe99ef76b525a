import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An anonymous temporary file: created in the temporary folder and unlinked at once, so that a
/// crash or a kill leaves nothing behind; it lives while it is open.
final class SpoolFile {
    let fd: Int32
    /// Bytes written so far.
    private(set) var size = 0
    private var pending: [UInt8] = []
    static let chunk = 1 << 20

    init() throws {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder + "/tidings-spool-XXXXXX").utf8CString)
        let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard opened >= 0 else {
            throw CommandFailure.fatal("cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        fd = opened
        pending.reserveCapacity(SpoolFile.chunk)
    }

    deinit { close(fd) }

    /// Appends text; kept in a buffer of one chunk, so small pieces cost no system call each.
    func append(_ text: String) throws {
        pending += text.utf8
        size += text.utf8.count
        if pending.count >= SpoolFile.chunk { try flush() }
    }

    func flush() throws {
        try pending.withUnsafeBytes { try SpoolFile.writeAll(fd, $0) }
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes every byte of `bytes` to `fd`, retrying after an interruption.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw CommandFailure.fatal("cannot write a temporary file: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
    }

    /// Hands the file's bytes, from its start, to `body` one chunk at a time.
    func read(_ body: (UnsafeRawBufferPointer) -> Void) throws {
        try flush()
        var buffer = [UInt8](repeating: 0, count: SpoolFile.chunk)
        var offset = 0
        while offset < size {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(offset)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw CommandFailure.fatal("cannot read a temporary file: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0.prefix(n))) }
            offset += n
        }
    }
}
