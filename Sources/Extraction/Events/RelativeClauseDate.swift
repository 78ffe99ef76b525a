import Records

extension SentenceStage {
    /// An English date inside a relative clause about a person (who, whom, whose) set off by commas, the trigger outside it
    /// (the family of X, a man who was shot by police in 2020, will receive …) dates that clause, not the event.
    func inRelativeClause(_ span: Span, trigger: Span, in sentence: Span) -> Bool {
        guard rules.language == .en else { return false }
        // "…resumed deliveries that had been paused in March": a perfect relative clause after the
        // trigger tells what came before; its date is not the event's.
        if span.start >= trigger.end,
           RelativeClauseWords.perfect.contains(where: { containsASCIILowercased(trigger.end..<span.start, $0) }) {
            return true
        }
        var open = span.start
        while open > sentence.start, scalars[open - 1] != "," { open -= 1 }
        guard open > sentence.start else { return false }
        var close = span.end
        while close < sentence.end, scalars[close] != "," { close += 1 }
        guard close < sentence.end, trigger.end <= open || trigger.start >= close else { return false }
        return RelativeClauseWords.pronouns.contains { containsASCIILowercased(open..<span.start, $0) }
    }

    /// True when `needle` (lower-case ASCII) occurs in `scalars[range]` read with ASCII letters
    /// lower-cased — no string is built (this runs for every date a rule could fill).
    func containsASCIILowercased(_ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        guard needle.count <= range.count else { return false }
        var start = range.lowerBound
        while start + needle.count <= range.upperBound {
            var k = 0
            while k < needle.count {
                let v = scalars[start + k].value
                let lowered = v >= 0x41 && v <= 0x5A ? v + 0x20 : v
                if lowered != UInt32(needle[k]) { break }
                k += 1
            }
            if k == needle.count { return true }
            start += 1
        }
        return false
    }
}

/// The English words `inRelativeClause` looks for, as lower-case ASCII bytes.
enum RelativeClauseWords {
    static let perfect: [[UInt8]] = ["that had been ", "which had been ", "that has been ", "which has been ", "that have been ", "which have been "].map { Array($0.utf8) }
    static let pronouns: [[UInt8]] = [" who ", " whose ", " whom "].map { Array($0.utf8) }
}
