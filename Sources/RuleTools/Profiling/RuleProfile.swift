import Extraction
import Foundation
import Records

/// One rule's share of the matching work over a corpus.
public struct RuleCost: Sendable, Equatable {
    public var rule: String
    /// Time inside PCRE2 for the rule's own pattern and for its vetoes, in nanoseconds.
    public var patternNanoseconds: Int64 = 0
    public var vetoNanoseconds: Int64 = 0
    /// pcre2_match calls and matches of the rule's own pattern, and of its vetoes.
    public var attempts = 0
    public var matches = 0
    public var vetoAttempts = 0
    public var vetoMatches = 0
    /// Documents in which the rule hit a PCRE2 limit.
    public var limitHits = 0

    public var nanoseconds: Int64 { patternNanoseconds + vetoNanoseconds }
}

/// What `tidings rules profile` reports: time per stage and per rule.
public struct CorpusProfile: Sendable {
    public var documents: Int
    public var bytes: Int
    public var stages: [Stage: Int64]
    /// Slowest first.
    public var rules: [RuleCost]

    public var totalNanoseconds: Int64 { stages.values.reduce(0, +) }

    /// Profiles `extractor` (built with `profiling: true`) over the documents, one at a time so
    /// that stage times add up to the wall time; ingest and output are timed here.
    public static func measure(_ corpusPaths: [String], pack: Pipeline) throws(CorpusError) -> CorpusProfile {
        let clock = ContinuousClock()
        var stages: [Stage: Int64] = [:]
        var documents = 0, bytes = 0
        var limitHits: [String: Int] = [:]
        for path in corpusPaths {
            let started = clock.now
            let corpus = try Corpus.load(path)
            stages[.ingest, default: 0] += (clock.now - started).nanoseconds
            for document in corpus.documents {
                documents += 1
                bytes += document.text.utf8.count
                let (result, warnings) = pack.extract(document)
                for rule in Set(warnings.compactMap(\.rule)) { limitHits[rule, default: 0] += 1 }
                let writing = clock.now
                _ = result.json().serialized()
                stages[.output, default: 0] += (clock.now - writing).nanoseconds
            }
        }
        var costs: [String: RuleCost] = [:]
        for language in Language.allCases {
            guard let extractor = pack.extractor(for: language) else { continue }
            let profile = extractor.profile()
            stages.merge(profile.stages, uniquingKeysWith: +)
            for (owner, statistics) in zip(profile.owners, profile.patterns) where !owner.rule.isEmpty {
                var cost = costs[owner.rule] ?? RuleCost(rule: owner.rule)
                if owner.part == .pattern {
                    cost.patternNanoseconds += statistics.nanoseconds
                    cost.attempts += statistics.attempts
                    cost.matches += statistics.matches
                } else {
                    cost.vetoNanoseconds += statistics.nanoseconds
                    cost.vetoAttempts += statistics.attempts
                    cost.vetoMatches += statistics.matches
                }
                costs[owner.rule] = cost
            }
        }
        for (rule, hits) in limitHits { costs[rule, default: RuleCost(rule: rule)].limitHits = hits }
        let rules = costs.values.sorted { ($1.nanoseconds, $0.rule) < ($0.nanoseconds, $1.rule) }
        return CorpusProfile(documents: documents, bytes: bytes, stages: stages, rules: rules)
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

extension CorpusProfile {
    /// The profile as JSON (times in milliseconds).
    public func json(top: Int) -> JSONValue {
        func ms(_ ns: Int64) -> JSONValue { .number((Double(ns) / 1e6 * 1000).rounded() / 1000) }
        return .object([
            ("documents", .number(Double(documents))), ("bytes", .number(Double(bytes))), ("total_ms", ms(totalNanoseconds)),
            ("stages", .object(Stage.allCases.map { ($0.rawValue, ms(stages[$0] ?? 0)) })),
            ("rules", .array(rules.prefix(top).map { r in
                .object([("rule", .string(r.rule)), ("ms", ms(r.nanoseconds)), ("pattern_ms", ms(r.patternNanoseconds)),
                         ("veto_ms", ms(r.vetoNanoseconds)), ("attempts", .number(Double(r.attempts))), ("matches", .number(Double(r.matches))),
                         ("veto_attempts", .number(Double(r.vetoAttempts))), ("veto_matches", .number(Double(r.vetoMatches))),
                         ("limit_hits", .number(Double(r.limitHits)))])
            })),
        ])
    }
}
