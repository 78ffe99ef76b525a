import ArgumentParser
import Extraction
import Foundation
import Records
import RuleTools
import Rules

extension RulesCommand {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The events that differ between two packs over a corpus (no gold needed).",
            discussion: """
            OLD and NEW are pack folders or git revisions of the shipped pack's folder (read with git show). An event is the same in both when its document, type and trigger span are; the same event with other arguments or attributes is listed as changed, with the facts only one side has.

            Examples:
              tidings rules diff HEAD Rules --corpus feed.jsonl
              tidings rules diff main my-branch --corpus a.jsonl --corpus b.jsonl --json

            Exit status: 0 no event differs; 1 some do (like diff(1)); 2 unreadable inputs or a broken pack.
            """
        )

        @Argument(help: ArgumentHelp("The old pack: a folder or a git revision.", valueName: "old"))
        var old: String

        @Argument(help: ArgumentHelp("The new pack: a folder or a git revision.", valueName: "new"))
        var new: String

        @Option(help: ArgumentHelp("A corpus (.jsonl or .txt); repeat for several.", valueName: "file"))
        var corpus: [String] = []

        @Flag(help: "Print one JSON object per change.")
        var json = false

        @Option(help: "Colour: auto (on a terminal), always or never.")
        var color: ColorChoice = .auto

        @Option(help: "Documents extracted in parallel.")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        func validate() throws {
            if corpus.isEmpty { throw ValidationError("give at least one --corpus") }
            if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        }

        func run() throws {
            let shipped = (try? RulePackLocator.resolve(nil)) ?? "Rules"
            let oldPack = try RulePackLocator.load(try BaselinePack.resolve(old, comparedWith: shipped))
            let newPack = try RulePackLocator.load(try BaselinePack.resolve(new, comparedWith: shipped))
            let oldExtractor = Pipeline(pack: oldPack), newExtractor = Pipeline(pack: newPack)
            let highlighter = Highlighter(color: color.enabled)
            var total: [EventChange.Kind: Int] = [:]
            for path in corpus {
                let loaded: Corpus
                do { loaded = try Corpus.load(path) } catch { throw CommandFailure.fatal("cannot read the corpus:\n\(error)") }
                let changes = RunComparer.diff(old: CorpusRun(corpus: loaded, extractor: oldExtractor, jobs: jobs),
                                               new: CorpusRun(corpus: loaded, extractor: newExtractor, jobs: jobs))
                for c in changes {
                    total[c.kind, default: 0] += 1
                    if json {
                        print(c.json.serialized())
                        continue
                    }
                    let mark = c.kind == .gained ? highlighter.green("+ gained ") : c.kind == .lost ? highlighter.red("- lost   ") : "~ changed"
                    print("\(mark) \(c.doc)  \(c.type)  [\(c.rule)]  \(highlighter.render(c.sentence))")
                    for a in c.added { print("            + \(a)") }
                    for r in c.removed { print("            - \(r)") }
                }
            }
            let summary = "\(total[.gained] ?? 0) gained, \(total[.lost] ?? 0) lost, \(total[.changed] ?? 0) changed"
            if json { Console.error(summary) } else { print(summary) }
            if !total.isEmpty { throw CommandFailure.problems() }
        }
    }
}
