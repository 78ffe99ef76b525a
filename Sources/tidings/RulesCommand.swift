import ArgumentParser
import Foundation
import Records
import RuleTools
import Rules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Tools for rule authors: lint, test, eval, explain, profile, diff and export rule packs.",
        discussion: "Each takes the pack as --rules PATH (default: $TIDINGS_RULES, else the shipped pack). Example: tidings rules lint && tidings rules test --filter zh.ceasefire",
        subcommands: [Lint.self, Test.self, Eval.self, Explain.self, Profile.self, Diff.self, Export.self]
    )
}

extension RulesCommand {
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a rule pack and print every error and warning.",
            discussion: "Exit status 1 when there is an error (warnings alone exit 0). Example: tidings rules lint --rules my-pack --quiet"
        )

        @Argument(help: ArgumentHelp("The pack folder (default: the shipped pack); the same as --rules.", valueName: "path"))
        var path: String?

        @Flag(help: "Do not print warnings.")
        var quiet = false

        @OptionGroup var rules: RulesOption

        func validate() throws { try RulesOption.checkOne(path, rules.path) }

        func run() throws {
            let root = try RulePackLocator.resolve(path ?? rules.path)
            let (pack, diagnostics) = PackLoader.load(root: root)
            let shown = quiet ? diagnostics.filter { $0.severity == .error } : diagnostics
            if !shown.isEmpty { print(DiagnosticRenderer.render(shown)) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            let ruleCount = pack.sets.values.reduce(0) { $0 + $1.ruleIDs.count }
            let lexiconCount = pack.sets.values.reduce(0) { $0 + $1.lexicon.entries.count }
            print("\(root): \(ruleCount) rules, \(lexiconCount) lexicon entries; \(errors) error(s), \(warnings) warning(s)")
            if errors > 0 { throw CommandFailure.problems() }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every rule's examples through the engine.",
            discussion: "Prints expected vs got for each failure and ends with 'N passed, N failed'. Exit status 1 on any failure, or when --filter matches no rule. Example: tidings rules test --filter zh.ceasefire"
        )

        @Argument(help: ArgumentHelp("The pack folder (default: the shipped pack); the same as --rules.", valueName: "path"))
        var path: String?

        @Option(help: ArgumentHelp("Only rules whose id contains this text; a filter that matches no rule fails (exit 1).", valueName: "id"))
        var filter: String?

        @OptionGroup var rules: RulesOption

        func validate() throws { try RulesOption.checkOne(path, rules.path) }

        func run() throws {
            let pack = try RulePackLocator.load(path ?? rules.path)
            if let filter {
                // A typo in a CI filter must not pass as "0 passed, 0 failed".
                let ids = pack.sets.values.flatMap { $0.ruleIDs }
                if !ids.contains(where: { $0.contains(filter) }) {
                    throw CommandFailure.problems("error: --filter '\(filter)' matches no rule id in \(pack.root)")
                }
            }
            var passed = 0
            var failed = 0
            for language in Language.allCases {
                guard let rules = pack.ruleSet(for: language) else { continue }
                for result in RuleTester(rules: rules).run(filter: filter) {
                    if result.passed {
                        passed += 1
                        continue
                    }
                    failed += 1
                    print("FAIL \(result.ruleID) (\(result.location))")
                    print("    text:     \(result.text)")
                    print("    expected: \(result.expected)")
                    print("    got:      \(result.got)")
                }
            }
            print("\(passed) passed, \(failed) failed")
            if failed > 0 { throw CommandFailure.problems() }
        }
    }
}
