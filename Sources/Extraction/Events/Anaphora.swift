import Records

/// Re-mentions pointed back at by a determiner (此次换俘, 这次袭击, this exchange, the attack).
extension SentenceStage {
    /// True when one of the rule set's anaphora words ends right before the trigger (spaces
    /// between them allowed; English words compared case-insensitively and as whole words).
    func isAnaphoric(_ trigger: Span) -> Bool {
        var end = trigger.start
        while end > 0, scalars[end - 1] == " " { end -= 1 }
        for word in extractor.anaphora where word.count <= end {
            let start = end - word.count
            let written = scalars[start..<end]
            guard zip(written, word).allSatisfy({ lowered($0) == lowered($1) }) else { continue }
            // An English word stands apart: "the attack", never "bathe attack" or "theattack".
            if word[0].isASCII, end == trigger.start || (start > 0 && scalars[start - 1].properties.isAlphabetic) { continue }
            return true
        }
        return false
    }

    private func lowered(_ s: Unicode.Scalar) -> Unicode.Scalar {
        s.isASCII ? Unicode.Scalar(UInt8(ascii: s).lowercasedASCII) : s
    }
}
