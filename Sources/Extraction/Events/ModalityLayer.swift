import Records
import Rules

/// The shared modality and sense layer: pack-declared cues that veto event candidates of every rule.
extension EventBuilder {
    /// True when a cue of the layer governs the candidate's trigger. `cues` caches, per cue, the
    /// spans it matched in this sentence (computed once, on the sentence's first candidate).
    func vetoed(_ event: Event, _ scope: SentenceScope, cues: inout [[Span]]?, failures: inout RuleFailures) -> Bool {
        vetoingCue(event, scope, cues: &cues, failures: &failures) != nil
    }

    /// The cue that takes the candidate away (its index in the layer) and where it matched.
    func vetoingCue(_ event: Event, _ scope: SentenceScope, cues: inout [[Span]]?, failures: inout RuleFailures) -> (cue: Int, span: Span)? {
        let layer = rules.modality
        guard !layer.isEmpty else { return nil }
        if cues == nil {
            var spans: [[Span]] = []
            for (index, cue) in layer.enumerated() {
                do {
                    spans.append(try matcher(extractor.patterns.modality[index]).matches(in: scope.folded.subject)
                        .map { scope.documentSpan($0.utf8Range) })
                } catch {
                    failures.warnings.append(ExtractionWarning(rule: cue.header.id, message: "skipped in document \(document.id): \(error)"))
                    spans.append([])
                }
            }
            cues = spans
        }
        let trigger = event.trigger.span
        let clause = clauseSpan(around: trigger, in: scope.span)
        for (index, cue) in layer.enumerated() where cue.governs(event.type) {
            for span in cues?[index] ?? [] {
                switch cue.scope {
                case .trigger: if span.overlaps(trigger) || span.contains(trigger) { return (index, span) }
                case .clause: if clause.contains(span) { return (index, span) }
                case .sentence: return (index, span)
                }
            }
        }
        return nil
    }
}
