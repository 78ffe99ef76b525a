import Foundation
import Records

/// Progress inside one long document (a 50 MB page takes a while): its share read so far, on
/// the same terminal line as the document count, from whichever worker thread runs it.
extension Progress {
    /// Documents shorter than this show no progress of their own.
    static let longDocument = 256 << 10

    /// A reporter for `document`, or nil when it is short.
    func within(_ document: Document) -> (@Sendable (Double) -> Void)? {
        guard enabled, document.text.utf8.count >= Progress.longDocument else { return nil }
        let id = document.id
        let megabytes = Double(document.text.utf8.count) / 1_000_000
        return { [self] share in
            Progress.lock.lock()
            defer { Progress.lock.unlock() }
            let line = String(format: "\r%@ (%.1f MB): %.0f%% read  ", id, megabytes, 100 * min(max(share, 0), 1))
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// One line at a time on the terminal, whichever thread writes it.
    static let lock = NSLock()
}
