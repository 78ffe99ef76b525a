import Records

extension SentenceStage {
    /// An English date inside a relative clause about a person (who, whom, whose) set off by commas, the trigger outside it
    /// (the family of X, a man who was shot by police in 2020, will receive …) dates that clause, not the event.
    func inRelativeClause(_ span: Span, trigger: Span, in sentence: Span) -> Bool {
        guard rules.language == .en else { return false }
        // "…resumed deliveries that had been paused in March": a perfect relative clause after the
        // trigger tells what came before; its date is not the event's.
        if span.start >= trigger.end {
            let between = String(String.UnicodeScalarView(scalars[trigger.end..<span.start])).lowercased()
            if ["that had been ", "which had been ", "that has been ", "which has been ", "that have been ", "which have been "].contains(where: between.contains) {
                return true
            }
        }
        var open = span.start
        while open > sentence.start, scalars[open - 1] != "," { open -= 1 }
        guard open > sentence.start else { return false }
        var close = span.end
        while close < sentence.end, scalars[close] != "," { close += 1 }
        guard close < sentence.end, trigger.end <= open || trigger.start >= close else { return false }
        let clause = String(String.UnicodeScalarView(scalars[open..<span.start])).lowercased()
        return [" who ", " whose ", " whom "].contains { clause.contains($0) }
    }
}
