import ArgumentParser
import Extraction
import Foundation
import Records
import Rules

struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the mentions found in a text with their normalised values (a debug tool for rule authors).",
        discussion: "Each mention names the entity rule or lexicon that made it (`rule`) and where that rule or lexicon row "
            + "is written (`source`, file:line inside the pack). Relative dates resolve against --date; without it, against "
            + "a date the text gives, else against today (the anchor then reads `today YYYY-MM-DD`).\n\n"
            + "Example: tidings normalize --lang zh --date 2025-03-20 \"上周三\""
    )

    @Argument(help: "The text to read.")
    var text: String

    @Option(help: ArgumentHelp("Language: zh or en (detected when absent).", valueName: "lang"))
    var lang: String?

    @Option(help: ArgumentHelp("Reference date for relative dates (default: a date in the text, else today).", valueName: "YYYY-MM-DD"))
    var date: String?

    @OptionGroup var rules: RulesOption

    func validate() throws {
        if let date, CivilDate(iso: date) == nil { throw ValidationError("--date must be YYYY-MM-DD, not '\(date)'") }
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be zh or en, not '\(lang)'") }
    }

    func run() throws {
        let document = Document(id: "text", text: text, date: date.flatMap(CivilDate.init(iso:)), language: lang.flatMap(Language.init(rawValue:)))
        let language = Pipeline.language(of: document)
        let pack = try rules.load(languages: [language])
        guard let set = pack.ruleSet(for: language) else { throw CommandFailure.fatal("no rules for language '\(language.rawValue)'") }
        let pipeline = Pipeline(pack: pack)
        var (result, _) = pipeline.extract(document)
        var fromClock = false
        if result.referenceDate == nil {
            // Nothing dates the text: relative dates are read against today, and say so.
            var undated = document
            undated.date = Normalize.today()
            (result, _) = pipeline.extract(undated)
            fromClock = true
        }
        let scalars = Array(text.unicodeScalars)
        let lexiconRows = set.lexicon.find(in: scalars, on: result.referenceDate)
        let ruleSources = Dictionary(set.entities.map { ($0.header.id, $0.header.source) }, uniquingKeysWith: { a, _ in a })
        for mention in result.mentions {
            guard case .object(var members) = mention.json(includeDebug: true) else { continue }
            if fromClock, let v = members.firstIndex(where: { $0.0 == "value" }), case .object(var value) = members[v].1,
               let a = value.firstIndex(where: { $0.0 == "anchor" }), case .string(let anchor) = value[a].1, anchor.hasPrefix("reference ") {
                value[a].1 = .string("today " + anchor.dropFirst("reference ".count))
                members[v].1 = .object(value)
            }
            if let source = ruleSources[mention.rule] ?? lexiconSource(mention, rows: lexiconRows) {
                members.append(("source", .string(source)))
            }
            print(JSONValue.object(members).serialized())
        }
    }

    /// `file:line` of the lexicon row whose surface made the mention (the row of its last name
    /// for a merged title + person).
    func lexiconSource(_ mention: Mention, rows: [(span: Span, entries: [LexiconEntry])]) -> String? {
        guard mention.rule.hasPrefix("lexicon:") else { return nil }
        let inside = rows.filter { $0.span.start >= mention.span.start && $0.span.end <= mention.span.end && !$0.entries.isEmpty }
        guard let row = inside.first(where: { $0.span == mention.span }) ?? inside.last, let entry = row.entries.first else { return nil }
        // Named inside the pack, as rule sources are (lexicons/zh/people.tsv:12).
        let file = entry.location.file.split(separator: "/").suffix(3).joined(separator: "/")
        return "\(file):\(entry.location.line)"
    }

    /// Today's date in UTC.
    static func today() -> CivilDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        guard let y = parts.year, let m = parts.month, let d = parts.day else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }
}
