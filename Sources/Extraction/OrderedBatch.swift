import Dispatch
import Foundation

/// Work over a batch on several threads, handed back in input order: `extract --jobs N`
/// writes records as its input lists documents, whichever thread finishes first, and
/// `Pipeline.extractAll` returns them so.
public enum OrderedBatch {
    /// `work(i)` for every index below `count`, on `jobs` threads (1 or fewer: in order on this one).
    public static func map<T: Sendable>(_ count: Int, jobs: Int, _ work: @escaping @Sendable (Int) -> T) -> [T] {
        let slots = ResultSlots<T>(count: count)
        if jobs <= 1 {
            for i in 0..<count { slots.set(i, work(i)) }
        } else {
            DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, work(i)) }
        }
        return slots.values.map { $0! }
    }
}

/// One slot per item; each worker writes only its own.
final class ResultSlots<T: Sendable>: @unchecked Sendable {
    // Safety: `values` is written only under `lock`, each slot by one worker; read after all finished.
    private(set) var values: [T?]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) {
        lock.lock()
        values[i] = value
        lock.unlock()
    }
}
