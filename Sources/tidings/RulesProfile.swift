import ArgumentParser
import Extraction
import Foundation
import Records
import RuleTools

extension RulesCommand {
    struct Profile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Where extraction time goes: per stage, and per rule (slowest first).",
            discussion: """
            Extracts the corpus one document at a time with every pattern's pcre2_match calls counted and timed. Prints each stage's share of the time (ingest, segmentation, mention pass, prefilter, event pass, attach, coalescing, records, output) and, per rule, the time in its own pattern and in its vetoes, match attempts and matches, and the documents where it hit a PCRE2 limit.

            Examples:
              tidings rules profile --corpus feed.jsonl
              tidings rules profile --corpus a.jsonl --corpus b.jsonl --top 40 --json
            """
        )

        @Option(help: ArgumentHelp("A corpus (.jsonl or .txt); repeat for several.", valueName: "file"))
        var corpus: [String] = []

        @Option(help: "How many rules to list.")
        var top: Int = 20

        @Flag(help: "Print the profile as one JSON object.")
        var json = false

        @OptionGroup var rules: RulesOption

        func validate() throws {
            if corpus.isEmpty { throw ValidationError("give at least one --corpus") }
            if top < 1 { throw ValidationError("--top must be at least 1") }
        }

        func run() throws {
            let pack = Pipeline(pack: try rules.load(), profiling: true)
            let profile: CorpusProfile
            do { profile = try CorpusProfile.measure(corpus, pack: pack) } catch { throw CommandFailure.fatal("cannot read the corpus:\n\(error)") }
            if json {
                print(profile.json(top: top).serialized())
                return
            }
            let total = max(1, profile.totalNanoseconds)
            let seconds = Double(profile.totalNanoseconds) / 1e9
            print(String(format: "%d documents, %.2f MB in %.2f s (%.2f MB/s, %.0f docs/s)", profile.documents, Double(profile.bytes) / 1e6,
                         seconds, Double(profile.bytes) / 1e6 / max(seconds, 1e-9), Double(profile.documents) / max(seconds, 1e-9)))
            print("")
            print(TextTable.pad("stage", 14) + "      ms   share")
            for stage in Stage.allCases {
                let ns = profile.stages[stage] ?? 0
                print(TextTable.pad(stage.rawValue, 14) + TextTable.pad(String(format: "%.1f", Double(ns) / 1e6), 8, right: true)
                      + TextTable.pad(String(format: "%.1f%%", 100 * Double(ns) / Double(total)), 8, right: true))
            }
            print("")
            print(TextTable.pad("rule", 44) + "      ms  veto ms  attempts  matches  veto hits  limits")
            for r in profile.rules.prefix(top) {
                print(TextTable.pad(r.rule, 44) + TextTable.pad(String(format: "%.1f", Double(r.nanoseconds) / 1e6), 8, right: true)
                      + TextTable.pad(String(format: "%.1f", Double(r.vetoNanoseconds) / 1e6), 9, right: true)
                      + TextTable.pad(String(r.attempts), 10, right: true) + TextTable.pad(String(r.matches), 9, right: true)
                      + TextTable.pad(String(r.vetoMatches), 11, right: true) + TextTable.pad(String(r.limitHits), 8, right: true))
            }
            let limited = profile.rules.filter { $0.limitHits > 0 }
            print(limited.isEmpty ? "\nno rule hit a PCRE2 limit" : "\nrules that hit PCRE2 limits: " + limited.map { "\($0.rule) (\($0.limitHits) documents)" }.joined(separator: ", "))
        }
    }
}
