import Records

/// What the engine did with one document, stage by stage (`tidings rules explain`).
public struct Explanation: Sendable {
    public var document: Document
    public var language: Language
    /// The record `tidings extract` writes for the document.
    public var result: DocumentResult
    public var segments: [ExplainedSegment]
    /// For a rule asked about: its verdict in every sentence.
    public var verdicts: [RuleVerdict]
}

public struct ExplainedSegment: Sendable {
    public var span: Span
    public var dateline: Span?
    public var referenceDate: CivilDate?
    public var sentences: [ExplainedSentence]
}

public struct ExplainedSentence: Sendable {
    public var span: Span
    public var caption: Bool
    /// The sentence as event rules see it: each mention one ⟨KIND⟩ placeholder.
    public var folded: String
    /// Ids of the event rules whose prefilter let them run here.
    public var rulesRun: [String]
}

/// Why a rule did or did not give an event in one sentence.
public struct RuleVerdict: Sendable {
    public var rule: String
    public var sentence: Span
    public var outcome: Outcome

    public enum Outcome: Sendable, Equatable {
        /// An event of the rule is in the output with this trigger.
        case fired(trigger: Span)
        /// None of the rule's required literals is in the sentence, so the rule never ran.
        case prefilter(literals: [String])
        /// The pattern matched nowhere; the longest partial match covered `matched` and stopped at
        /// `stoppedAt` (document offsets). Nil when not even a partial match started.
        case noMatch(matched: Span?, stoppedAt: Int?)
        /// The pattern matched (`match`) but a veto did: which list (`unless`, `unless_clause`), which entry, where.
        case vetoed(match: Span, by: String, index: Int, vetoMatch: Span)
        /// A `where` constraint on a captured group refused the mention it captured.
        case constraint(match: Span, group: String, role: String, text: String)
        /// The match gave an event, but another rule's event of the type already held the trigger.
        case tookBy(match: Span, rule: String)
        /// The event was built and then merged by coalescing into another record.
        case merged(match: Span, into: String, trigger: Span)
        /// The pattern matched but no event came of it (e.g. an attach rule with no event to attach to).
        case noEvent(match: Span)
    }
}
