import Records

/// Mediators, hosts and observers of an event are never its sides (在卡塔尔斡旋下, with the UAE acting as an intermediary).
extension SentenceStage {
    /// True when a pack mediator word follows the actor (spaces, commas and "which" between them
    /// allowed) or precedes it (spaces between). English words compare case-insensitively.
    func isMediator(_ mention: Mention) -> Bool {
        var at = mention.span.end
        while at < scalars.count, scalars[at] == " " || scalars[at] == "," || scalars[at] == "，" { at += 1 }
        if matchesWord(at: at, "which ") { at += 6 }
        for word in extractor.mediatorsAfter where starts(at: at, word) { return true }
        var end = mention.span.start
        while end > 0, scalars[end - 1] == " " { end -= 1 }
        for word in extractor.mediatorsBefore where word.count <= end && starts(at: end - word.count, word) {
            // An English word stands apart: "mediated by X", never "unmediated byX".
            let start = end - word.count
            if word[0].isASCII, start > 0, scalars[start - 1].properties.isAlphabetic { continue }
            return true
        }
        return false
    }

    private func matchesWord(at start: Int, _ word: String) -> Bool { starts(at: start, Array(word.unicodeScalars)) }

    private func starts(at start: Int, _ word: [Unicode.Scalar]) -> Bool {
        guard start >= 0, start + word.count <= scalars.count else { return false }
        for (k, w) in word.enumerated() {
            let s = scalars[start + k]
            let a = s.isASCII ? Unicode.Scalar(UInt8(ascii: s).lowercasedASCII) : s
            let b = w.isASCII ? Unicode.Scalar(UInt8(ascii: w).lowercasedASCII) : w
            if a != b { return false }
        }
        return true
    }
}

extension SentenceStage {
    /// A country right after a locative word (talks in Saudi Arabia, 在沙特举行会谈) is where the event
    /// happens, not one of its sides; capitals and cities are handled by `isLocative`.
    func isVenueCountry(_ mention: Mention) -> Bool {
        guard case .actor(let e) = mention.value, e.type == "country" else { return false }
        return rules.context.locatives.contains { word in
            let start = mention.span.start - word.count
            guard start >= 0, Array(scalars[start..<mention.span.start]) == word else { return false }
            return !(word[0].isASCII && start > 0 && scalars[start - 1].properties.isAlphabetic)
        }
    }
}

extension SentenceStage {
    /// An actor right after a pack target marker (对柬埔寨, 向基辅) is struck or addressed, never the doer.
    func isTarget(_ mention: Mention) -> Bool {
        var end = mention.span.start
        while end > 0, scalars[end - 1] == " " { end -= 1 }
        return extractor.targetMarkers.contains { word in
            let start = end - word.count
            guard start >= 0, Array(scalars[start..<end]) == word else { return false }
            return !(word[0].isASCII && start > 0 && scalars[start - 1].properties.isAlphabetic)
        }
    }
}

extension SentenceStage {
    /// An actor right before a pack people noun (巴勒斯坦囚犯, 90名巴勒斯坦被关押人员) names whose people they are.
    func isDescriptor(_ mention: Mention) -> Bool {
        let at = mention.span.end
        return extractor.descriptors.contains { word in
            at + word.count <= scalars.count && Array(scalars[at..<at + word.count]) == word
        }
    }
}
