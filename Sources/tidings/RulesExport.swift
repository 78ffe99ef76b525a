import ArgumentParser
import Foundation
import Records
import RuleTools

extension RulesCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every pattern of the pack as a plain regex, one a line (for other regex engines).",
            discussion: """
            With --flat, each line is `rule<TAB>part<TAB>pattern`: part is entity, event, unless, unless_clause, attach or attach_unless; the pattern has its options inline ((?i)), fragments expanded, and every mention reference ({{ACTOR}}, {{DATE}} …) replaced by what such a mention looks like in raw text — the lexicon's names as one alternation, the entity rules' patterns inline. That is the work a user without Tidings would hand to a regex engine.

            Patterns this PCRE2 build cannot compile (most often: over its 64 KiB compiled-size cap, which a large lexicon alternation passes) are still printed, and listed on standard error with the reason.

            Examples:
              tidings rules export --flat --lang en > en-patterns.tsv
              tidings rules export --flat | cut -f3 > all-patterns.txt
            """
        )

        @Flag(help: "Expand fragments and mention references into plain regexes (the only form so far).")
        var flat = false

        @Option(help: ArgumentHelp("Only this language's rules (zh or en).", valueName: "lang"))
        var lang: String?

        @OptionGroup var rules: RulesOption

        func validate() throws {
            if !flat { throw ValidationError("say --flat: the one export form is plain regexes") }
            if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be zh or en, not '\(lang)'") }
        }

        func run() throws {
            let pack = try rules.load(languages: lang.flatMap(Language.init(rawValue:)).map { [$0] })
            var count = 0, failed = 0
            for language in Language.allCases {
                guard let set = pack.ruleSet(for: language) else { continue }
                for pattern in FlatExporter(rules: set).export() {
                    count += 1
                    print("\(pattern.rule)\t\(pattern.part)\t\(pattern.pattern)")
                    if let error = pattern.compileError {
                        failed += 1
                        Console.error("\(pattern.rule) \(pattern.part): PCRE2 cannot compile it (\(pattern.pattern.utf8.count) bytes): \(error)")
                    }
                }
            }
            Console.error("\(count) patterns, \(failed) that this PCRE2 cannot compile")
        }
    }
}
