import Foundation
import PCRE2
import Rules

/// The engine's stages, as `tidings rules profile` reports their share of the time.
public enum Stage: String, CaseIterable, Sendable {
    case ingest, segmentation, mentions, prefilter, events, attach, coalesce, records, output
}

/// Nanoseconds per stage, summed over every run of a profiled extractor (shared by threads).
final class StageClock: @unchecked Sendable {
    // Safety: `totals` is only touched under `lock`.
    private let lock = NSLock()
    private var totals: [Stage: Int64] = [:]

    func add(_ laps: [Stage: Int64]) {
        lock.lock()
        totals.merge(laps, uniquingKeysWith: +)
        lock.unlock()
    }

    var snapshot: [Stage: Int64] {
        lock.lock()
        defer { lock.unlock() }
        return totals
    }
}

/// One run's stopwatch: `end(stage)` charges the time since the last call to that stage.
/// Without a clock (not profiling) every call is a no-op.
struct Lap {
    let clock: StageClock?
    private var last: ContinuousClock.Instant?
    private var laps: [Stage: Int64] = [:]

    init(_ clock: StageClock?) {
        self.clock = clock
        last = clock == nil ? nil : ContinuousClock.now
    }

    mutating func end(_ stage: Stage) {
        guard let previous = last else { return }
        let now = ContinuousClock.now
        let (seconds, attoseconds) = (now - previous).components
        laps[stage, default: 0] += seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        last = now
    }

    func commit() { clock?.add(laps) }
}

/// What a profiled extractor measured: each pattern's statistics and each stage's time.
public struct ExtractorProfile: Sendable {
    /// Per pattern, numbered as in the extractor's pattern table.
    public var patterns: [MatchStatistics]
    public var stages: [Stage: Int64]
    /// Which rule and part each pattern belongs to.
    public var owners: [PatternOwner]
}

/// The rule a pattern belongs to and its part in it.
public struct PatternOwner: Sendable, Equatable {
    public enum Part: String, Sendable { case pattern, unless, unlessClause = "unless_clause" }
    public var rule: String
    public var part: Part
}

extension Extractor {
    /// The profile so far; call when no document is being extracted.
    public func profile() -> ExtractorProfile {
        ExtractorProfile(patterns: pool.statistics(), stages: stageClock?.snapshot ?? [:], owners: patterns.owners(rules))
    }
}

extension PatternTable {
    /// Each pattern's rule and part, in pattern order.
    func owners(_ rules: RuleSet) -> [PatternOwner] {
        var owners = Array(repeating: PatternOwner(rule: "", part: .pattern), count: regexes.count)
        for (i, rule) in rules.entities.enumerated() {
            owners[entity[i]] = PatternOwner(rule: rule.header.id, part: .pattern)
            // Its anchored compile, tried at its start prefixes, is the same rule's pattern.
            if let anchored = entityAnchored[i] { owners[anchored] = PatternOwner(rule: rule.header.id, part: .pattern) }
        }
        for (i, rule) in rules.events.enumerated() {
            owners[event[i]] = PatternOwner(rule: rule.header.id, part: .pattern)
            for p in eventUnless[i] {
                owners[p] = PatternOwner(rule: rule.header.id, part: .unless)
                // A veto tried at its start prefixes: its time goes to the last rule that has it.
                if let anchored = anchoredVeto[canonical[p]] { owners[anchored] = PatternOwner(rule: rule.header.id, part: .unless) }
            }
            for p in eventUnlessClause[i] { owners[p] = PatternOwner(rule: rule.header.id, part: .unlessClause) }
        }
        for (i, rule) in rules.attaches.enumerated() {
            owners[attach[i]] = PatternOwner(rule: rule.header.id, part: .pattern)
            for p in attachUnless[i] { owners[p] = PatternOwner(rule: rule.header.id, part: .unless) }
        }
        return owners
    }
}
