import ArgumentParser
import Extraction
import Foundation
import Records
import RuleTools
import Rules

extension RulesCommand {
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the pack against gold events (the numbers of score.py).",
            discussion: """
            Runs the pack over each corpus and scores the events against its gold file: events P/R/F1 per type, arguments per role, attribute accuracy per attribute, and what each rule got right and wrong. --list adds every miss, false alarm and argument error with its sentence (the trigger or gold words highlighted).

            --baseline runs a second pack over the same corpora and shows what changed: events gained and lost, arguments changed, F1 delta per type. It is a folder, or a git revision of the pack's folder (HEAD, HEAD~3, a branch), read with git show.

            Examples:
              tidings rules eval --corpus dev/corpus.jsonl --gold dev/gold.jsonl --list
              tidings rules eval --corpus a.jsonl --gold a.gold.jsonl --corpus b.jsonl --gold b.gold.jsonl --baseline HEAD
              tidings rules eval --corpus c.jsonl --gold g.jsonl --json --min-f1 0.9

            Exit status: 0; 1 when the total events F1 is below --min-f1; 2 for unreadable inputs or a broken pack.
            """
        )

        @Option(help: ArgumentHelp("A corpus (.jsonl); repeat, each followed by its --gold.", valueName: "file"))
        var corpus: [String] = []

        @Option(help: ArgumentHelp("The gold events of the corpus given in the same position.", valueName: "file"))
        var gold: [String] = []

        @Option(help: ArgumentHelp("Compare with this pack: a folder or a git revision.", valueName: "path|rev"))
        var baseline: String?

        @Flag(help: "Print the scores as one JSON object.")
        var json = false

        @Flag(help: "List misses, false alarms and argument errors with their sentences.")
        var list = false

        @Option(name: .customLong("min-f1"), help: ArgumentHelp("Exit 1 when the total events F1 is below this.", valueName: "x"))
        var minF1: Double?

        @Option(help: "Colour: auto (on a terminal), always or never.")
        var color: ColorChoice = .auto

        @Option(help: "Documents extracted in parallel.")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @OptionGroup var rules: RulesOption

        func validate() throws {
            if corpus.isEmpty { throw ValidationError("give at least one --corpus and its --gold") }
            if corpus.count != gold.count { throw ValidationError("each --corpus needs its --gold: \(corpus.count) corpus file(s), \(gold.count) gold file(s)") }
            if let minF1, !(0...1).contains(minF1) { throw ValidationError("--min-f1 must lie between 0 and 1, not \(minF1)") }
            if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        }

        func run() throws {
            let pack = try rules.load()
            let extractor = Pipeline(pack: pack)
            let baselineExtractor = try baseline.map { Pipeline(pack: try RulePackLocator.load(try BaselinePack.resolve($0, comparedWith: pack.root))) }
            var sets: [EvaluatedSet] = []
            for (corpusPath, goldPath) in zip(corpus, gold) {
                sets.append(try EvaluatedSet.evaluate(corpusPath, goldPath, extractor, baselineExtractor, jobs: jobs))
            }
            let total = sets.dropFirst().reduce(sets[0].score) { $0 + $1.score }
            let baselineTotal = baselineExtractor == nil ? nil : sets.dropFirst().reduce(sets[0].baselineScore!) { $0 + $1.baselineScore! }
            for set in sets { for warning in set.warnings { Console.error("warning: \(warning)") } }
            let report = EvalReport(sets: sets, total: total, baselineTotal: baselineTotal, highlighter: Highlighter(color: color.enabled), list: list)
            print(json ? report.json().serialized() : report.text())
            if let minF1, total.events.f1 < minF1 {
                throw CommandFailure.problems(String(format: "events F1 %.3f is below --min-f1 %.3f", total.events.f1, minF1))
            }
        }
    }
}

/// One corpus scored, and (with a baseline) scored again by the baseline pack.
struct EvaluatedSet {
    var corpus: String
    var gold: String
    var score: Score
    var baselineScore: Score?
    var changes: [EventChange]
    var warnings: [String]

    static func evaluate(_ corpusPath: String, _ goldPath: String, _ extractor: Pipeline, _ baseline: Pipeline?, jobs: Int) throws -> EvaluatedSet {
        let corpus: Corpus
        let gold: [GoldEvent]
        do {
            corpus = try Corpus.load(corpusPath)
            gold = try GoldFile.load(goldPath)
        } catch {
            throw CommandFailure.fatal("cannot score:\n\(error)")
        }
        let scorer = Scorer(documents: corpus.documents)
        let run = CorpusRun(corpus: corpus, extractor: extractor, jobs: jobs)
        do {
            let score = try scorer.score(predictions: run.records, gold: gold)
            var set = EvaluatedSet(corpus: corpusPath, gold: goldPath, score: score, baselineScore: nil, changes: [], warnings: run.warnings)
            if let baseline {
                let old = CorpusRun(corpus: corpus, extractor: baseline, jobs: jobs)
                set.baselineScore = try scorer.score(predictions: old.records, gold: gold)
                set.changes = RunComparer.diff(old: old, new: run)
            }
            return set
        } catch {
            throw CommandFailure.fatal("\(error)")
        }
    }
}

/// The text and JSON of `rules eval`.
struct EvalReport {
    var sets: [EvaluatedSet]
    var total: Score
    var baselineTotal: Score?
    var highlighter: Highlighter
    var list: Bool

    func json() -> JSONValue {
        var members = total.json(lists: false).objectValue ?? []
        if let baselineTotal { members.append(("baseline", baselineTotal.json(lists: false))) }
        members.append(("sets", .array(sets.map { set in
            var m: [(String, JSONValue)] = [("corpus", .string(set.corpus)), ("gold", .string(set.gold))]
            m += set.score.json(lists: list).objectValue ?? []
            if let b = set.baselineScore {
                m.append(("baseline", b.json(lists: false)))
                m.append(("changes", .array(set.changes.map(\.json))))
            }
            return .object(m)
        })))
        return .object(members)
    }

    func text() -> String {
        var out: [String] = []
        for set in sets {
            out.append(highlighter.bold("== \(set.corpus) (gold \(set.gold))"))
            out += tables(set.score, baseline: set.baselineScore)
            if list { out += lists(set.score) }
            if set.baselineScore != nil { out += changes(set.changes) }
            out.append(summary(set.score, baseline: set.baselineScore))
            out.append("")
        }
        if sets.count > 1 {
            out.append(highlighter.bold("== total of \(sets.count) sets"))
            out += typeTable(total, baseline: baselineTotal)
            out.append(summary(total, baseline: baselineTotal))
        }
        return out.joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    func tables(_ score: Score, baseline: Score?) -> [String] {
        var out = typeTable(score, baseline: baseline)
        out.append("")
        out.append(TextTable.pad("role", 18) + "   tp  pred  gold   P      R      F1")
        for (role, t) in score.byRole.sorted(by: { $0.key < $1.key }) { out.append(row(role, t)) }
        if !score.byAttribute.isEmpty {
            out.append("")
            out.append(TextTable.pad("attribute", 18) + "   ok   all  accuracy")
            for (name, a) in score.byAttribute.sorted(by: { $0.key < $1.key }) {
                out.append(TextTable.pad(name, 18) + TextTable.pad(String(a.ok), 5, right: true) + TextTable.pad(String(a.all), 6, right: true) + "  " + TextTable.f3(a.accuracy))
            }
        }
        out.append("")
        out.append(TextTable.pad("rule", 44) + " right wrong  opt  args+ args-")
        let rules = score.byRule.sorted { ($1.value.wrong, $0.key) < ($0.value.wrong, $1.key) }
        for (rule, r) in rules {
            out.append(TextTable.pad(rule, 44) + [r.right, r.wrong, r.optional, r.argsRight, r.argsWrong].map { TextTable.pad(String($0), 6, right: true) }.joined())
        }
        return out
    }

    /// The per-type table in score.py's layout, with the F1 change when a baseline ran.
    func typeTable(_ score: Score, baseline: Score?) -> [String] {
        var out = [TextTable.pad("type", 18) + "   tp  pred  gold   P      R      F1" + (baseline == nil ? "" : "     ΔF1")]
        let types = Set(score.byType.keys).union(baseline?.byType.keys ?? [:].keys).sorted()
        for type in types {
            var line = row(type, score.byType[type] ?? Tally())
            if let baseline { line += "  " + delta((score.byType[type] ?? Tally()).f1 - (baseline.byType[type] ?? Tally()).f1) }
            out.append(line)
        }
        return out
    }

    func row(_ name: String, _ t: Tally) -> String {
        TextTable.pad(name, 18) + TextTable.pad(String(t.tp), 5, right: true) + TextTable.pad(String(t.pred), 6, right: true)
            + TextTable.pad(String(t.gold), 6, right: true) + "  " + [t.precision, t.recall, t.f1].map(TextTable.f3).joined(separator: "  ")
    }

    func delta(_ x: Double) -> String {
        let s = TextTable.signed(x)
        if abs(x) < 0.0005 { return s }
        return x > 0 ? highlighter.green(s) : highlighter.red(s)
    }

    func lists(_ score: Score) -> [String] {
        var out = [""]
        for m in score.misses { out.append("MISS   \(m.doc)  \(m.type)  \(highlighter.render(m.evidence))") }
        for f in score.falseAlarms { out.append("FALSE  \(f.doc)  \(f.type)  [\(f.rule)]  \(highlighter.render(f.sentence))") }
        for e in score.argumentErrors {
            let value = e.value.map { " " + $0.serialized() } ?? ""
            out.append("ARG    \(e.doc)  \(e.type)  \(e.kind.rawValue) \(e.role)=\(e.text ?? "")\(value)")
        }
        return out
    }

    func changes(_ changes: [EventChange]) -> [String] {
        guard !changes.isEmpty else { return ["", "no event differs from the baseline"] }
        var out = ["", "changes against the baseline:"]
        for c in changes {
            let mark = c.kind == .gained ? highlighter.green("+ gained ") : c.kind == .lost ? highlighter.red("- lost   ") : "~ changed"
            out.append("\(mark) \(c.doc)  \(c.type)  [\(c.rule)]  \(highlighter.render(c.sentence))")
            for a in c.added { out.append("            + \(a)") }
            for r in c.removed { out.append("            - \(r)") }
        }
        return out
    }

    /// score.py's two closing lines (its last line is the one scripts read).
    func summary(_ s: Score, baseline: Score?) -> String {
        var lines = [String(format: "arguments: F1 %.3f (P %.3f R %.3f); attributes: %.3f (%d/%d)", s.args.f1, s.args.precision, s.args.recall, s.attrs.accuracy, s.attrs.ok, s.attrs.all)]
        if let b = baseline {
            lines.append("baseline:  events F1 \(TextTable.f3(b.events.f1)) args F1 \(TextTable.f3(b.args.f1)); change: events F1 \(delta(s.events.f1 - b.events.f1)) args F1 \(delta(s.args.f1 - b.args.f1))")
        }
        lines.append(String(format: "events F1 %.3f (P %.3f R %.3f) args F1 %.3f attrs %.3f", s.events.f1, s.events.precision, s.events.recall, s.args.f1, s.attrs.accuracy))
        return lines.joined(separator: "\n")
    }
}
