import ArgumentParser
import Extraction
import Foundation
import Records
import RuleTools
import Rules

extension RulesCommand {
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what the engine saw in a text, stage by stage, and why a rule did not fire.",
            discussion: """
            Prints the segments (dateline and reference date), the sentences with their mentions (kind, value, and the rule or lexicon row that made each), the folded sentence event rules match (each mention one ⟨KIND⟩), and the events with every argument and where it came from (a named group, fill, the dateline, an attach rule).

            With --rule ID, says for every sentence why that rule did or did not give an event: its prefilter literals absent, the longest partial match and where it stopped, a veto (which unless or unless_clause entry), a where constraint that refused a mention, another rule that took the trigger first, or coalescing that merged it.

            Examples:
              tidings rules explain "俄乌双方周三交换了175名战俘。" --date 2025-03-20
              tidings rules explain --file story.txt --rule en.prisoner_exchange.swap-verb
              tidings rules explain --file feed.jsonl --rule zh.ceasefire.reject --color always | less -R
            """
        )

        @Argument(help: ArgumentHelp("The text to explain (or use --file).", valueName: "text"))
        var text: String?

        @Option(help: ArgumentHelp("A .txt article or a .jsonl corpus (every document is explained).", valueName: "file"))
        var file: String?

        @Option(help: ArgumentHelp("Reference date for relative dates.", valueName: "YYYY-MM-DD"))
        var date: String?

        @Option(help: ArgumentHelp("zh or en; detected when absent.", valueName: "lang"))
        var lang: String?

        @Option(help: ArgumentHelp("Say why this rule did or did not fire in each sentence.", valueName: "id"))
        var rule: String?

        @Option(help: "Colour: auto (on a terminal), always or never.")
        var color: ColorChoice = .auto

        @OptionGroup var rules: RulesOption

        func validate() throws {
            if (text == nil) == (file == nil) { throw ValidationError("give the text to explain, or --file F (not both)") }
            if let date, CivilDate(iso: date) == nil { throw ValidationError("--date must be YYYY-MM-DD, not '\(date)'") }
            if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be zh or en, not '\(lang)'") }
        }

        func run() throws {
            let pack = try rules.load()
            if let rule, !pack.sets.values.contains(where: { $0.ruleIDs.contains(rule) }) {
                let near = pack.sets.values.flatMap(\.ruleIDs).filter { $0.contains(rule.split(separator: ".").last.map(String.init) ?? rule) }.prefix(5)
                throw CommandFailure.fatal("no rule '\(rule)' in the pack" + (near.isEmpty ? "" : "; did you mean " + near.joined(separator: ", ") + "?"))
            }
            let documents = try readDocuments()
            let extractor = Pipeline(pack: pack)
            let printer = ExplanationPrinter(highlighter: Highlighter(color: color.enabled), root: pack.root)
            for document in documents {
                let language = Pipeline.language(of: document)
                guard let engine = extractor.extractor(for: language), let set = pack.ruleSet(for: language) else {
                    Console.error("warning: \(document.id): the pack has no rules for language '\(language.rawValue)'")
                    continue
                }
                var doc = document
                doc.language = language
                if let rule, !set.ruleIDs.contains(rule) {
                    Console.error("warning: \(document.id): rule \(rule) is not a \(language.rawValue) rule; explaining without it")
                }
                let explanation = engine.explain(doc, rule: rule.flatMap { set.ruleIDs.contains($0) ? $0 : nil })
                print(printer.render(explanation, rules: set, asked: rule))
            }
        }

        func readDocuments() throws -> [Document] {
            let day = date.flatMap(CivilDate.init(iso:))
            let language = lang.flatMap(Language.init(rawValue:))
            if let text { return [Document(id: "text", text: text, date: day, language: language)] }
            do {
                return try Corpus.load(file!, reader: DocumentReader(date: day, language: language)).documents
            } catch {
                throw CommandFailure.fatal("cannot read \(file!):\n\(error)")
            }
        }
    }
}

/// Renders an explanation for a person: stages in order, matched text highlighted.
struct ExplanationPrinter {
    var highlighter: Highlighter
    /// The pack folder: lexicon rows are named relative to it.
    var root: String

    func render(_ e: Explanation, rules: RuleSet, asked: String?) -> String {
        let text = Array(e.document.text.unicodeScalars)
        func slice(_ span: Span) -> String {
            String(String.UnicodeScalarView(text[min(span.start, text.count)..<min(max(span.start, span.end), text.count)]))
        }
        func marked(_ sentence: Span, _ spans: [Span]) -> String {
            let local = spans.filter { sentence.contains($0) }.map { Span(start: $0.start - sentence.start, end: $0.end - sentence.start) }
            return highlighter.render(HighlightedText(text: slice(sentence), highlights: local))
        }
        var out = [highlighter.bold("document \(e.document.id) (\(e.language.rawValue), reference date \(e.document.date?.iso ?? "unknown"))")]
        let mentions = e.result.mentions
        var number = 0
        for (s, segment) in e.segments.enumerated() {
            var head = "segment \(s + 1) [\(segment.span.start)–\(segment.span.end)]"
            if let d = segment.dateline { head += ": dateline 「\(slice(d))」" }
            head += ", reference date \(segment.referenceDate?.iso ?? "unknown")"
            out.append("")
            out.append(highlighter.bold(head))
            for sentence in segment.sentences {
                number += 1
                let inside = mentions.filter { sentence.span.contains($0.span) }
                out.append("  sentence \(number) [\(sentence.span.start)–\(sentence.span.end)]\(sentence.caption ? " (caption)" : ""): \(marked(sentence.span, inside.map(\.span)))")
                for m in inside {
                    out.append("      \(TextTable.pad(m.kind.rawValue, 9)) 「\(m.text)」 \(m.span.start)–\(m.span.end)  \(m.value.json().serialized())  ← \(origin(of: m, rules))")
                }
                if !inside.isEmpty { out.append("      folded: \(sentence.folded)") }
                if !sentence.rulesRun.isEmpty { out.append("      event rules past the prefilter: \(sentence.rulesRun.count)") }
            }
        }
        out.append("")
        out.append(highlighter.bold("events: \(e.result.events.count)"))
        for (i, event) in e.result.events.enumerated() {
            let attrs = event.attrs.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            out.append("  \(i + 1). \(event.type) [\(event.rule)] \(event.source)  trigger 「\(event.trigger.text)」 \(event.trigger.span.start)–\(event.trigger.span.end)\(attrs.isEmpty ? "" : "  {\(attrs)}")")
            out.append("     \(marked(event.evidence, [event.trigger.span]))")
            for arg in event.args {
                out.append("     \(TextTable.pad(arg.role, 12)) 「\(arg.text)」 \(arg.value.json().serialized())  ← \(arg.origin ?? "merged")")
            }
        }
        if let asked {
            out.append("")
            out.append(highlighter.bold("rule \(asked):"))
            let sentences = e.segments.flatMap(\.sentences)
            for verdict in e.verdicts {
                let n = (sentences.firstIndex { $0.span == verdict.sentence } ?? 0) + 1
                out.append("  sentence \(n): " + describe(verdict.outcome, verdict.sentence, rules: rules, asked: asked, slice: slice, marked: marked))
            }
        }
        return out.joined(separator: "\n")
    }

    /// The rule or lexicon row a mention came from, with its place in the pack.
    func origin(of mention: Mention, _ rules: RuleSet) -> String {
        if let rule = rules.entities.first(where: { $0.header.id == mention.rule }) { return "\(rule.header.id) (\(rule.header.source))" }
        if mention.rule.hasPrefix("lexicon"), let entry = rules.lexicon.entries.first(where: {
            TextPreparation.foldFullWidth(mention.text) == $0.surface || mention.text.uppercased() == $0.surface.uppercased()
        }) {
            let file = entry.location.file.hasPrefix(root + "/") ? String(entry.location.file.dropFirst(root.count + 1)) : entry.location.file
            return "lexicon \(file):\(entry.location.line)"
        }
        return mention.rule
    }

    func describe(_ outcome: RuleVerdict.Outcome, _ sentence: Span, rules: RuleSet, asked: String,
                  slice: (Span) -> String, marked: (Span, [Span]) -> String) -> String {
        switch outcome {
        case .fired(let trigger):
            return highlighter.green("fired") + ", trigger 「\(slice(trigger))」: \(marked(sentence, [trigger]))"
        case .prefilter(let literals):
            return "did not run: none of its prefilter literals is in the sentence (\(literals.prefix(12).joined(separator: ", "))\(literals.count > 12 ? ", …" : ""))"
        case .noMatch(let matched, let stoppedAt):
            guard let matched, let stoppedAt else { return "no match: the pattern could not even start a match in this sentence" }
            let next = slice(Span(start: stoppedAt, end: min(stoppedAt + 8, sentence.end)))
            return "no match: the longest partial match covered 「\(slice(matched))」 and stopped at \(stoppedAt), before 「\(next)」: \(marked(sentence, [matched]))"
        case .vetoed(let match, let list, _, let veto) where list.hasPrefix("the modality layer"):
            return highlighter.red("vetoed") + " by \(list), which matched 「\(slice(veto))」; the pattern had matched 「\(slice(match))」: \(marked(sentence, [veto]))"
        case .vetoed(let match, let list, let index, let veto):
            let pattern = vetoPattern(rules, asked, list, index)
            return highlighter.red("vetoed") + " by \(list) #\(index + 1)\(pattern.map { " (\($0))" } ?? ""), which matched 「\(slice(veto))」; the pattern had matched 「\(slice(match))」: \(marked(sentence, [veto]))"
        case .constraint(let match, let group, let role, let text):
            return "matched 「\(slice(match))」, but the where constraint on \(group) (role \(role)) refused 「\(text)」"
        case .tookBy(let match, let rule):
            return "matched 「\(slice(match))」, but \(rule) comes first in the pack and took the trigger (one event per trigger and type)"
        case .merged(let match, let into, let trigger):
            return "matched 「\(slice(match))」; coalescing merged the event into \(into)'s record with trigger 「\(slice(trigger))」 at \(trigger.start)"
        case .noEvent(let match):
            return "matched 「\(slice(match))」, but no event came of it (an attach rule needs an earlier event of its type within reach)"
        }
    }

    func vetoPattern(_ rules: RuleSet, _ id: String, _ list: String, _ index: Int) -> String? {
        let regexes = list == "unless"
            ? (rules.events.first { $0.header.id == id }?.unless ?? rules.attaches.first { $0.header.id == id }?.unless)
            : rules.events.first { $0.header.id == id }?.unlessClause
        guard let regex = regexes?.dropFirst(index).first else { return nil }
        let p = regex.pattern
        return p.count > 60 ? String(p.prefix(60)) + "…" : p
    }
}
