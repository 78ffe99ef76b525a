import PCRE2
import Records
import Rules

/// What every sentence stage (event builder, attacher) reads: the document's text, the language's
/// rules and word lists, and this document's matchers.
struct StageInputs {
    let extractor: Extractor
    let document: Document
    let text: DocumentText
    /// `text.scalars`, held directly: the helpers index it in their inner loops.
    let scalars: [Unicode.Scalar]
    let matchers: MatcherSet
}

/// A stage that reads sentences. The clause, locative, speaker, mediator … helpers
/// (SentenceContext.swift, Mediators.swift, Anaphora.swift) are written once for all of them.
protocol SentenceStage {
    var reads: StageInputs { get }
}

extension SentenceStage {
    var extractor: Extractor { reads.extractor }
    var document: Document { reads.document }
    var text: DocumentText { reads.text }
    var scalars: [Unicode.Scalar] { reads.scalars }
    var matchers: MatcherSet { reads.matchers }
    var rules: RuleSet { extractor.rules }

    func matcher(_ index: Int) -> Matcher { matchers.matcher(index, extractor.patterns) }
}

/// The fixed word lists the sentence helpers compare with.
enum SentenceWords {}

/// A document's rule failures: rules that hit a PCRE2 limit (reported once, and they give nothing
/// from this document), the warnings said, and what attach rules added, so a rule that fails later
/// can be taken out again. The stages share one, in text order.
struct RuleFailures {
    let document: String
    var failed: Set<String> = []
    var warnings: [ExtractionWarning] = []
    var attachments: [Attachment] = []

    /// A rule hit a PCRE2 limit: one warning per rule and document, and the rule is out for the rest of it.
    mutating func limitHit(_ rule: String, _ error: Error) {
        guard failed.insert(rule).inserted else { return }
        warnings.append(ExtractionWarning(rule: rule, message: "skipped in document \(document): \(error); it gives nothing from this document"))
    }

    /// Events without what failed rules gave: their events, and what they attached.
    func removingFailed(from events: [FoundEvent]) -> [FoundEvent] {
        guard !failed.isEmpty else { return events }
        var events = events
        for added in attachments.reversed() where failed.contains(added.rule) {
            if let attribute = added.attribute {
                events[added.event].event.attrs[attribute] = nil
            } else if let index = events[added.event].event.args.lastIndex(where: { $0.role == added.role && $0.span == added.span }) {
                events[added.event].event.args.remove(at: index)
            }
        }
        return events.filter { !failed.contains($0.event.rule) }
    }
}
