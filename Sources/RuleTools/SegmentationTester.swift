import Extraction
import Foundation
import PCRE2
import Records
import Rules

/// Examples of `segmentation.yaml` entries, run through the real segmenter. `expect.text` is what
/// the entry finds: a dateline (its `value.date` the date the segment gets), a separator line
/// (a segment must start right after it), a caption sentence, or an abbreviation example's first
/// sentence. `none`: the entry finds nothing in the text.
extension RuleTester {
    func check(segmentation rule: SegmentationRule, _ example: RuleExample) -> ExampleResult {
        guard let cut = extractor.segments(of: Document(id: "example", text: example.text, date: example.date, language: rules.language)) else {
            // Cannot happen: the tester's pipeline is built from this language's rule set.
            return ExampleResult(ruleID: rule.header.id, location: example.location, text: example.text, passed: false,
                                 expected: "segments", got: "no rules for language '\(rules.language.rawValue)'")
        }
        let subject = cut.subject
        // Where this entry's own pattern matches, as scalar spans of the text.
        let own: [Span] = rule.regex.map { regex in
            ((try? regex.matches(in: subject)) ?? []).map { Span(subject.scalarRange(utf8Range: $0.utf8Range)) }
        } ?? []
        var found: [String] = []
        var dates: [String: String] = [:]
        switch rule.kind {
        case .dateline:
            for segment in cut.segments {
                guard let dateline = segment.dateline else { continue }
                // Only what this entry matched counts: another entry's dateline proves nothing about it.
                guard own.contains(dateline) else { continue }
                let text = cut.text(dateline)
                found.append(text)
                dates[text] = segment.referenceDate?.iso ?? "none"
            }
        case .separator:
            // A separator line counts when a segment starts right after it.
            let starts = Set(cut.segments.map(\.span.start))
            for match in own where starts.contains(match.end) {
                found.append(cut.text(match).trimmingCharacters(in: .whitespacesAndNewlines))
            }
        case .caption:
            for segment in cut.segments {
                for index in segment.captions.sorted() {
                    let sentence = segment.sentences[index]
                    // The caption counts for this entry when its line's credit holds one of the entry's words.
                    var lineEnd = sentence.end
                    while lineEnd < cut.scalars.count, cut.scalars[lineEnd] != "\n" { lineEnd += 1 }
                    let line = String(String.UnicodeScalarView(cut.scalars[sentence.start..<lineEnd]))
                    if rule.words.contains(where: line.contains) { found.append(cut.text(sentence)) }
                }
            }
        case .abbreviation:
            if let first = cut.segments.first?.sentences.first { found.append(cut.text(first)) }
        }
        let got = found.isEmpty ? "nothing" : found.map { text in dates[text].map { "\(text) → \($0)" } ?? text }.joined(separator: "; ")
        switch example.expectation {
        case .none:
            let nothing = rule.kind == .abbreviation ? false : found.isEmpty
            return ExampleResult(ruleID: rule.header.id, location: example.location, text: example.text, passed: nothing,
                                 expected: rule.kind == .abbreviation ? "an abbreviation example names its first sentence" : "none", got: got)
        case .mention(let text, let value):
            let wantedDate = value.first { $0.0 == "date" }?.1
            let unknown = value.first { $0.0 != "date" || rule.kind != .dateline }
            let ok = unknown == nil && found.contains { f in (text == nil || f == text) && (wantedDate == nil || dates[f] == wantedDate) }
            let expected = unknown.map { "no value field '\($0.0)' here (a dateline example may name its date)" }
                ?? ((text ?? "?") + (wantedDate.map { " → \($0)" } ?? ""))
            return ExampleResult(ruleID: rule.header.id, location: example.location, text: example.text, passed: ok, expected: expected, got: got)
        case .event:
            return ExampleResult(ruleID: rule.header.id, location: example.location, text: example.text, passed: false,
                                 expected: "a segmentation example expects a text (or none), not an event", got: got)
        }
    }
}
