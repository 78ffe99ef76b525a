import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where `extract` writes: standard output, or a file given with `-o`.
///
/// A file target is never written in place. Records go to a temporary file in the target's
/// folder, renamed over the target only by `commit()` when the run ends, so a failed, killed or
/// interrupted run leaves the old file as it was; `abandon()` removes the temporary file. A
/// target that is one of the inputs (the same file after resolving paths and links) is refused.
/// Every write is one whole record under a lock, so an interruption never cuts a record.
final class OutputSink: @unchecked Sendable {
    private let fd: Int32
    /// The file `commit()` renames over, and the temporary file written until then.
    private let target: String?
    private let temporary: String?
    private let lock = NSLock()
    private var finished = false

    /// Opens the sink; throws a fatal (exit 2) failure when `path` is an input or cannot be written.
    init(path: String?, inputs: [String]) throws {
        guard let path else {
            fd = STDOUT_FILENO
            target = nil
            temporary = nil
            return
        }
        let resolved = OutputSink.resolve(path)
        for input in inputs where input != "-" && OutputSink.sameFile(resolved, input) {
            throw CommandFailure.fatal("-o \(path) is also an input (\(input)); write the output to another file")
        }
        var info = stat()
        if stat(resolved, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            // A device or pipe (/dev/null, a FIFO): nothing to keep intact, written directly.
            fd = open(resolved, O_WRONLY)
            guard fd >= 0 else { throw CommandFailure.fatal("cannot write \(path): \(String(cString: strerror(errno)))") }
            target = nil
            temporary = nil
            return
        }
        let url = URL(fileURLWithPath: resolved)
        let folder = url.deletingLastPathComponent().path
        let temp = folder + "/." + url.lastPathComponent + ".tidings-\(getpid()).tmp"
        // The old file's permissions carry over; a new file gets the usual 0666 & ~umask.
        let mode: mode_t = stat(resolved, &info) == 0 ? info.st_mode & 0o7777 : 0o666
        let opened = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard opened >= 0 else {
            throw CommandFailure.fatal("cannot write \(path): cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))")
        }
        fd = opened
        target = resolved
        temporary = temp
    }

    /// The path a target resolves to: links followed, the file itself when it exists, else its
    /// folder resolved and the name kept.
    static func resolve(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        if let real = realpath(url.path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let folder = url.deletingLastPathComponent().path
        guard let real = realpath(folder, nil) else { return url.standardizedFileURL.path }
        defer { free(real) }
        return String(cString: real) + "/" + url.lastPathComponent
    }

    /// True when `a` and `b` name one file: the same device and inode (hard and soft links), or the same resolved path.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        if stat(a, &sa) == 0, stat(b, &sb) == 0 { return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino }
        return resolve(a) == resolve(b)
    }

    /// Writes one record (or any whole piece of output) at once.
    func write(_ text: String) {
        guard !text.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        // A native string's UTF-8 is written where it lies (a long record is never copied).
        var text = text
        text.withUTF8 { buffer in writeAll(UnsafeRawBufferPointer(buffer)) }
    }

    /// A piece of one whole output: text, or a temporary file's bytes.
    enum Piece {
        case text(String)
        case file(SpoolFile)
    }

    /// Writes pieces one after another as one record: no other write and no interruption comes between them.
    func write(_ pieces: [Piece]) throws {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        for piece in pieces {
            switch piece {
            case .text(var text):
                text.withUTF8 { buffer in writeAll(UnsafeRawBufferPointer(buffer)) }
            case .file(let spool):
                try spool.read { writeAll($0) }
            }
        }
    }

    /// Every byte to the target (a failed write ends it quietly, as `write(_:)` does).
    private func writeAll(_ buffer: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
    }

    /// Ends a finished run: the temporary file replaces the target.
    func commit() throws {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        guard let target, let temporary else { return }
        fsync(fd)
        close(fd)
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CommandFailure.fatal("cannot replace \(target): \(reason)")
        }
    }

    /// Ends a failed or interrupted run: the temporary file goes, the target stays as it was.
    /// Safe to call from the signal-handling thread; waits for a write in progress to end.
    func abandon() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        guard let temporary else { return }
        close(fd)
        unlink(temporary)
    }
}
