import Foundation

/// Documents done, rate and ETA on standard error, only on a terminal.
final class Progress: @unchecked Sendable {
    let enabled: Bool
    /// Documents expected, when known (file inputs).
    let total: Int?
    let start = Date()
    var last = Date.distantPast

    init(enabled: Bool, total: Int?) {
        self.enabled = enabled
        self.total = total
    }

    func update(_ done: Int) {
        guard enabled, Date().timeIntervalSince(last) > 0.5 else { return }
        last = Date()
        let elapsed = Date().timeIntervalSince(start)
        let rate = Double(done) / max(elapsed, 0.001)
        var line = String(format: "\r%d documents, %.0f/s, %.0fs", done, rate, elapsed)
        if let total, total > 0, rate > 0 {
            line = String(format: "\r%d/%d documents (%.0f%%), %.0f/s, ETA %.0fs  ", done, total,
                          100 * Double(done) / Double(total), rate, max(0, Double(total - done) / rate))
        }
        // One line at a time: a worker may be drawing a long document's progress.
        Progress.lock.lock()
        FileHandle.standardError.write(Data(line.utf8))
        Progress.lock.unlock()
    }

    func finish(_ done: Int) {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(start)
        FileHandle.standardError.write(Data(String(format: "\r%d documents in %.1fs\n", done, elapsed).utf8))
    }
}
