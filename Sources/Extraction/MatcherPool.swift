import Foundation
import PCRE2
import Rules

/// One thread's matchers for a pattern table, made on first use and kept for the next document:
/// a matcher owns match data and a JIT stack, which are too dear to allocate per document.
final class MatcherSet {
    private var matchers: [Matcher?]
    /// Profiling: every matcher made here counts its calls and time.
    let profiling: Bool

    init(count: Int, profiling: Bool = false) {
        matchers = Array(repeating: nil, count: count)
        self.profiling = profiling
    }

    func matcher(_ index: Int, _ table: PatternTable) -> Matcher {
        if let m = matchers[index] { return m }
        let m = table.regexes[index].makeMatcher()
        if profiling { m.statistics = MatchStatistics() }
        matchers[index] = m
        return m
    }

    /// Each pattern's statistics so far (zero for patterns never run).
    var statistics: [MatchStatistics] { matchers.map { $0?.statistics ?? MatchStatistics() } }
}

/// Matcher sets lent to concurrent runs: a run checks one out and returns it when done, so
/// there are never more sets than threads that ran at once.
final class MatcherPool: @unchecked Sendable {
    // Safety: `free` is only touched under `lock`; a checked-out set belongs to one run.
    private let lock = NSLock()
    private var free: [MatcherSet] = []
    private let size: Int
    private let profiling: Bool

    init(size: Int, profiling: Bool = false) {
        self.size = size
        self.profiling = profiling
    }

    func checkOut() -> MatcherSet {
        lock.lock()
        defer { lock.unlock() }
        return free.popLast() ?? MatcherSet(count: size, profiling: profiling)
    }

    /// Every pattern's statistics summed over the sets not in use (call when no run is active).
    func statistics() -> [MatchStatistics] {
        lock.lock()
        defer { lock.unlock() }
        var total = Array(repeating: MatchStatistics(), count: size)
        for set in free {
            for (i, s) in set.statistics.enumerated() {
                total[i].attempts += s.attempts
                total[i].matches += s.matches
                total[i].nanoseconds += s.nanoseconds
            }
        }
        return total
    }

    func checkIn(_ set: MatcherSet) {
        lock.lock()
        free.append(set)
        lock.unlock()
    }
}
