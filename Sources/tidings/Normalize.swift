import ArgumentParser
import Extraction
import Foundation
import Records
import Rules

struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the mentions found in a text with their normalised values (a debug tool for rule authors).",
        discussion: "Example: tidings normalize --lang zh --date 2025-03-20 \"上周三\""
    )

    @Argument(help: "The text to read.")
    var text: String

    @Option(help: ArgumentHelp("Language: zh or en (detected when absent).", valueName: "lang"))
    var lang: String?

    @Option(help: ArgumentHelp("Reference date for relative dates.", valueName: "YYYY-MM-DD"))
    var date: String?

    @OptionGroup var rules: RulesOption

    func validate() throws {
        if let date, CivilDate(iso: date) == nil { throw ValidationError("--date must be YYYY-MM-DD, not '\(date)'") }
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be zh or en, not '\(lang)'") }
    }

    func run() throws {
        let language = lang.flatMap(Language.init(rawValue:)) ?? TextPreparation.detectLanguage(text)
        let pack = try rules.load(languages: [language])
        guard let set = pack.ruleSet(for: language) else { throw CommandFailure.fatal("no rules for language '\(language.rawValue)'") }
        let document = Document(id: "text", text: text, date: date.flatMap(CivilDate.init(iso:)), language: language)
        let (result, _) = Extractor(rules: set).extract(document)
        for mention in result.mentions {
            print(mention.json(includeDebug: true).serialized())
        }
    }
}
