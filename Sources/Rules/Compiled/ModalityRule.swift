import PCRE2

/// One entry of the shared modality and sense layer (`modality:` in a rule file): a cue that
/// takes away every event candidate of its types whose trigger it governs — negated, paused,
/// expected, hypothetical or threatened events, and words read in another sense.
public struct ModalityRule: Sendable {
    /// How far from the trigger the cue may lie.
    public enum Scope: String, Sendable, CaseIterable {
        /// The cue's match overlaps the trigger (the cue spells the trigger word in its context).
        case trigger
        /// The cue lies in the trigger's clause (between clause marks).
        case clause
        /// The cue lies anywhere in the trigger's sentence.
        case sentence
    }

    public var header: RuleHeader
    public var regex: Regex
    public var scope: Scope
    /// Event types the cue vetoes; empty means every type.
    public var types: Set<String>

    /// True when the cue applies to events of `type`.
    public func governs(_ type: String) -> Bool { types.isEmpty || types.contains(type) }
}
