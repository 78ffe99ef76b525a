import Foundation
import Records

extension SentenceWords {
    /// What ends a clause.
    static let clauseDelimiters: Set<Unicode.Scalar> = ["，", ",", "：", ":", "；", ";", "。", "！", "？", "\n"]
}

/// What a sentence says around a match: clauses, locatives, speakers, an opening date.
extension SentenceStage {
    /// The match widened to the clause delimiters around it, inside the sentence.
    func clauseSpan(around span: Span, in sentence: Span) -> Span {
        // Start and end inside the sentence and the text, whatever span comes in.
        let floor = max(sentence.start, 0)
        let ceiling = min(sentence.end, scalars.count)
        var start = min(max(span.start, floor), ceiling)
        while start > floor, !isClauseBreak(start - 1) { start -= 1 }
        var end = max(min(span.end, ceiling), start)
        while end < ceiling, !isClauseBreak(end) { end += 1 }
        return Span(start: start, end: end)
    }

    /// A capital that is also a government (吉隆坡, Kyiv) reads as a place after 在 / in:
    /// 双方在吉隆坡交换战俘 names no Malaysian side.
    func isLocative(_ mention: Mention) -> Bool {
        guard mention.reading(.place) != nil else { return false }
        return rules.context.locatives.contains { word in
            let start = mention.span.start - word.count
            guard start >= 0, mention.span.start <= scalars.count, Array(scalars[start..<mention.span.start]) == word else { return false }
            // An English word must start a word: "that Kyiv" holds "at " but no locative.
            return !(word[0].isASCII && start > 0 && scalars[start - 1].properties.isAlphabetic)
        }
    }

    /// An actor right before a speech verb (苏丹武装部队称, the army said) is the source, not a side.
    func isSpeaker(_ mention: Mention) -> Bool {
        var at = max(mention.span.end, 0)
        while at < scalars.count, scalars[at] == " " { at += 1 }
        guard at < scalars.count else { return false }
        return !extractor.speech.matches(in: scalars, at: at).isEmpty
    }

    /// Punctuation that ends a clause, or a space between two Chinese characters (headlines
    /// separate their halves with one: 泰柬同意延长停火协议　双方1个月内再举行会谈).
    func isClauseBreak(_ i: Int) -> Bool {
        // English commas mostly set off phrases, not clauses ("…in a swap, the ministry said on Tuesday").
        guard i >= 0, i < scalars.count else { return true }
        if scalars[i] == ",", rules.language == .en { return false }
        if SentenceWords.clauseDelimiters.contains(scalars[i]) { return true }
        return scalars[i] == " " && i > 0 && i + 1 < scalars.count && !scalars[i - 1].isASCII && !scalars[i + 1].isASCII
    }

    /// A date that opens the sentence as a clause of its own (去年10月31日，… / On Monday, …)
    /// dates the whole sentence.
    func openingDateClause(_ scope: SentenceScope) -> Span? {
        let sentence = scope.span
        guard let index = scope.range.first, scope.mentions.indices.contains(index) else { return nil }
        let first = scope.mentions[index]
        // A mention that begins before the sentence (a cut inside it) opens nothing (issue 14: this trapped).
        guard first.kind == .date, sentence.contains(first.span) else { return nil }
        let lead = text.reading(Span(start: sentence.start, end: first.span.start)).trimmingCharacters(in: .whitespaces)
        // "On", "在", "于" — or a short clause naming nothing before it (据此前报道，6月2日，…).
        let leadIsClause = lead.count <= 12 && (lead.unicodeScalars.last.map { SentenceWords.clauseDelimiters.contains($0) } ?? false)
        guard lead.count <= 3 || leadIsClause else { return nil }
        let ceiling = min(sentence.end, scalars.count)
        var end = first.span.end
        while end < ceiling, scalars[end] == " " || SentenceWords.timeOfDayScalars.contains(scalars[end]) { end += 1 }
        guard end < ceiling, SentenceWords.clauseDelimiters.contains(scalars[end]) else { return nil }
        // 12月2日上午，… / 截至周六下午3时，…: a time of day after the date keeps the clause a date's own.
        let tail = text.reading(Span(start: first.span.end, end: end))
        guard tail.unicodeScalars.allSatisfy({ $0 == " " }) || SentenceWords.isTimeOfDay(tail) else { return nil }
        return first.span
    }

}

extension SentenceWords {
    /// What a time of day after a date is written with (上午, 下午3时, 晚上8时许, 9时20分, (26日)).
    static let timeOfDayScalars: Set<Unicode.Scalar> = Set("上下中午晚早夜凌清傍深间間晨时時点點分半许許左右期0123456789一二三四五六七八九十零〇两兩()（）月日号號".unicodeScalars)
    static let timeOfDayWords = ["上午", "下午", "中午", "晚上", "晚间", "晚間", "早上", "凌晨", "清晨", "傍晚", "深夜", "夜间", "夜間", "早晨", "午夜"]

    /// A tail made of time-of-day words and clock times only (not 上下, not a number of its own).
    static func isTimeOfDay(_ tail: String) -> Bool {
        let trimmed = tail.trimmingCharacters(in: .whitespaces)
        return timeOfDayWords.contains(where: { trimmed.contains($0) }) || trimmed.contains("时") || trimmed.contains("時")
            || trimmed.contains("点") || trimmed.contains("點")
    }
}

extension SentenceStage {

    func distance(_ a: Span, _ b: Span) -> Int {
        a.end <= b.start ? b.start - a.end : (b.end <= a.start ? a.start - b.end : 0)
    }
}
