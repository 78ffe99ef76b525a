import Normalizers
import PCRE2
import Records
import Rules

/// A warning about one document that did not stop it (a rule skipped after a PCRE2 limit).
public struct ExtractionWarning: Sendable, CustomStringConvertible {
    /// The rule concerned, if any.
    public var rule: String?
    public var message: String

    public init(rule: String?, message: String) {
        self.rule = rule
        self.message = message
    }

    public var description: String { rule.map { "rule \($0): \(message)" } ?? message }
}

/// The mention pass: lexicon names through the dictionary matcher, entity rules through
/// PCRE2 and the normalisers, then overlaps resolved longest first, then priority, then
/// leftmost; a country + title + person run becomes one person mention.
struct MentionFinder {
    let rules: RuleSet
    let titles: DictionaryMatcher<Int>

    struct Candidate {
        var span: Span
        var value: MentionValue
        var alternatives: [MentionValue]
        var priority: Int
        var rule: String
        var isTitle: Bool
        /// From a rule that names what it matched: yields to any overlapping lexicon name.
        var generic = false
        var fromLexicon = false
    }

    /// `entityStarts`: per entity rule, the scalar offsets its matches can begin at, or nil to try it everywhere.
    func find(scalars: [Unicode.Scalar], subject: Subject, segments: [Segment], documentDate: CivilDate?,
              patterns: PatternTable, literalsInDocument: [Bool]?, entityStarts: [[Int]?]? = nil, matchers: MatcherSet,
              warnings: inout [ExtractionWarning]) -> [Mention] {
        var candidates: [Candidate] = []
        // A lexicon name's rule is its file's last two path parts: worked out once per file.
        var lexiconRules: [String: String] = [:]
        func lexiconRule(_ file: String) -> String {
            if let known = lexiconRules[file] { return known }
            let rule = "lexicon:" + file.split(separator: "/").suffix(2).joined(separator: "/")
            lexiconRules[file] = rule
            return rule
        }
        // Lexicon: one pass of the dictionary matcher.
        for (span, entries) in rules.lexicon.find(in: scalars, on: documentDate) where !entries.isEmpty {
            var readings: [MentionValue] = []
            for entry in entries where !readings.contains(where: { $0.kind == entry.value.kind }) { readings.append(entry.value) }
            // A person or organisation reading first: the actor reading leads when there is one.
            readings.sort { ($0.kind == .actor ? 0 : 1) < ($1.kind == .actor ? 0 : 1) }
            candidates.append(Candidate(span: span, value: readings[0], alternatives: Array(readings.dropFirst()),
                                        priority: 100, rule: lexiconRule(entries[0].location.file),
                                        isTitle: entries.contains { $0.isTitle }, fromLexicon: true))
        }
        // Each segment reads relative dates against its dateline's day (the anchor says so) and
        // bare 元 / $ in the currency of its dateline's country (新加坡19日讯 → SGD).
        // Lexicon candidates are in text order and datelines follow the segments: one cursor serves all.
        var lexiconCursor = 0
        let contexts: [NormalizationContext] = segments.map { segment in
            var context = NormalizationContext(language: rules.language, referenceDate: segment.referenceDate ?? documentDate)
            if let dateline = segment.dateline {
                if segment.referenceDate != documentDate { context.referenceLabel = "dateline" }
                while lexiconCursor < candidates.count, candidates[lexiconCursor].span.start < dateline.start { lexiconCursor += 1 }
                var k = lexiconCursor
                while k < candidates.count, candidates[k].span.start < dateline.end {
                    if dateline.contains(candidates[k].span), let country = candidates[k].value.entity?.country {
                        context.documentCountry = country
                        break
                    }
                    k += 1
                }
            }
            return context
        }
        let fallback = NormalizationContext(language: rules.language, referenceDate: documentDate)
        // Entity rules.
        for (index, rule) in rules.entities.enumerated() {
            // A match holds one of the rule's literals (LiteralExtractor): without any, it cannot match here.
            if let literalsInDocument, !Run.passes(patterns.entityLiterals[index], literalsInDocument) { continue }
            let found: [Match]
            do {
                if let starts = entityStarts?[index], let anchored = patterns.entityAnchored[index] {
                    // Its matches can only begin where one of its prefixes does (StartPrefixes).
                    guard !starts.isEmpty else { continue }
                    found = try matchers.matcher(anchored, patterns).matches(in: subject, startingAt: subject.index.utf8Offsets(ofAscending: starts))
                } else {
                    found = try matchers.matcher(patterns.entity[index], patterns).matches(in: subject)
                }
            } catch {
                warnings.append(ExtractionWarning(rule: rule.header.id, message: "skipped: \(error)"))
                continue
            }
            for match in found {
                let span = Span(subject.scalarRange(utf8Range: match.utf8Range))
                guard span.length > 0 else { continue }
                let matched = subject.text(utf8Range: match.utf8Range)
                var value = rule.fixedValue
                if value == nil, let normalizer = rule.normalizer {
                    let segment = Segmenter.index(of: span.start, in: segments)
                    value = Normalization.normalize(matched, as: normalizer, context: segment.map { contexts[$0] } ?? fallback)
                }
                guard var value else { continue }
                if rule.namesItsMatch, let entity = value.entity {
                    let named = EntityValue(name: matched, type: entity.type, country: entity.country)
                    value = value.kind == .actor ? .actor(named) : .place(named)
                }
                candidates.append(Candidate(span: span, value: value, alternatives: [], priority: rule.header.priority,
                                            rule: rule.header.id, isTitle: false, generic: rule.namesItsMatch))
            }
        }
        let mentions = resolveAnaphoricDays(mergeTitles(resolve(trimmingLexiconPrefixes(candidates, scalars: scalars)), scalars: scalars), segments: segments)
        return futureDates(mentions, scalars: scalars, segments: segments, documentDate: documentDate)
    }

    /// A date right after one of the pack's future markers (将于10月27日至30日访华) lies ahead: a month
    /// and day written without a year then means the next such day, not the last one.
    func futureDates(_ mentions: [Mention], scalars: [Unicode.Scalar], segments: [Segment], documentDate: CivilDate?) -> [Mention] {
        let markers = rules.context.futureMarkers
        guard !markers.isEmpty else { return mentions }
        return mentions.map { mention in
            guard case .date(var value) = mention.value, !mention.text.contains("年"),
                  markers.contains(where: { marker in
                      mention.span.start >= marker.count && Array(scalars[(mention.span.start - marker.count)..<mention.span.start]) == marker
                  }) else { return mention }
            let reference = Segmenter.index(of: mention.span.start, in: segments).map { segments[$0].referenceDate } ?? documentDate
            guard let reference else { return mention }
            // A month and day move on a year, a bare weekday a week (将于周三 is the coming Wednesday);
            // a date with 上/下/本/今/明 already says which way it lies.
            let weekday = ["周", "週", "星期", "礼拜", "禮拜"].contains { mention.text.contains($0) }
            guard mention.text.contains("月") || weekday,
                  !["上", "下", "本", "今", "明", "去", "前", "昨"].contains(where: { mention.text.hasPrefix($0) }) else { return mention }
            func ahead(_ iso: String?) -> String? {
                guard let iso, let day = CivilDate(iso: iso), day < reference else { return iso }
                if weekday { return day.adding(days: 7).iso }
                return CivilDate(year: day.year + 1, month: day.month, day: day.day)?.iso ?? iso
            }
            let moved = DateValue(date: ahead(value.date), mod: value.mod, anchor: value.anchor.map { $0 + ", ahead" })
            if value.start != nil || value.end != nil {
                value.start = ahead(value.start)
                value.end = ahead(value.end)
                value.anchor = moved.anchor
            } else {
                value = moved
            }
            var result = mention
            result.value = .date(value)
            return result
        }
    }

    /// The pack's same-day words (当天, that day) take the day of the date mentioned last before them:
    /// 法国18日爆发罢工。警方当天拘留了140余人: 当天 is the 18th, not the publication day.
    func resolveAnaphoricDays(_ mentions: [Mention], segments: [Segment]) -> [Mention] {
        var result = mentions
        var lastDay: (date: String, segment: Int?)? = nil
        for index in result.indices {
            guard case .date(let value) = result[index].value else { continue }
            let segment = Segmenter.index(of: result[index].span.start, in: segments)
            if rules.context.sameDay.contains(HanFold.fold(result[index].text.lowercased())) {
                if let last = lastDay, last.segment == segment {
                    result[index].value = .date(DateValue(date: last.date, anchor: "previous date \(last.date)"))
                }
            } else if let day = value.date, day.count == 10 {
                lastDay = (day, segment)
            }
        }
        return result
    }

    /// Administrative suffixes a lexicon name may carry in running text (若开邦, 四川省, 凉山州).
    static let adminSuffixes: Set<Unicode.Scalar> = ["省", "市", "州", "邦", "县", "縣", "区", "區"]
    /// The last characters of a town, village, county or district name.
    static let townSuffixes: Set<Unicode.Scalar> = ["镇", "鎮", "县", "縣", "乡", "鄉", "村", "区", "區", "郡", "道"]
    /// Words for where, not names (边境, 南部): a remainder starting with one is no place name.
    static let commonPlaceWords = ["边境", "邊境", "边界", "邊界", "南部", "北部", "东部", "東部", "西部", "中部", "境内", "境內",
                                   "附近", "一带", "一帶", "地区", "地區", "当地", "當地", "省份", "城市", "农村", "農村", "乡村", "鄉村"]

    /// A guessed place that begins inside a lexicon name (若开邦敏比亚镇, 南投县仁爱乡) is a smaller place inside
    /// it: the guess is cut to what follows the name (and its 省/州/邦 …), so both are kept. A remainder of
    /// fewer than three characters (伊斯坦布尔港) is no place of its own and the guess yields as before.
    func trimmingLexiconPrefixes(_ candidates: [Candidate], scalars: [Unicode.Scalar]) -> [Candidate] {
        // For each scalar a lexicon name covers, the furthest end of such a name (若开邦敏比亚镇 may be
        // matched from 开 as well as from 若). Linear in the names' total length.
        var lexiconEnds: [Int: Int] = [:]
        for c in candidates where c.fromLexicon {
            for i in c.span.start..<c.span.end { lexiconEnds[i] = max(lexiconEnds[i] ?? 0, c.span.end) }
        }
        guard !lexiconEnds.isEmpty else { return candidates }
        return candidates.map { c in
            guard c.generic, c.value.kind == .place, let end = lexiconEnds[c.span.start], end < c.span.end else { return c }
            // Only towns, villages and counties are cut out (a square or a road keeps its city).
            guard MentionFinder.townSuffixes.contains(scalars[c.span.end - 1]) else { return c }
            var start = end
            if start < c.span.end, MentionFinder.adminSuffixes.contains(scalars[start]) { start += 1 }
            guard c.span.end - start >= 3 else { return c }
            // 柬埔寨边境省(份), 叙利亚北部村(庄): what follows the name is a common noun, no name.
            let rest = scalars.string(in: Span(start: start, end: c.span.end))
            guard !MentionFinder.commonPlaceWords.contains(where: { rest.hasPrefix($0) }) else { return c }
            var trimmed = c
            trimmed.span = Span(start: start, end: c.span.end)
            if case .place(let e) = c.value {
                trimmed.value = .place(EntityValue(name: scalars.string(in: trimmed.span), type: e.type, country: e.country))
            }
            return trimmed
        }
    }

    /// Longest first, then any kind over a quantity, then higher priority, then leftmost;
    /// overlapping losers are dropped, so each span is emitted once with one kind.
    func resolve(_ candidates: [Candidate]) -> [Candidate] {
        // A name a rule only guessed (南投縣仁愛鄉) never hides a lexicon name it overlaps (伊斯坦布尔).
        let lexiconSpans = SpanIndex(candidates.filter(\.fromLexicon).map(\.span))
        // Indices are sorted, not the (large) candidates, so a long document's candidates exist once.
        let kept = candidates.indices.filter { !candidates[$0].generic || !lexiconSpans.overlaps(candidates[$0].span) }
        // One kind per span: at equal length a plain quantity yields to any other reading, so a
        // span that reads as money and as a number is money whatever the rules' priorities.
        func rank(_ c: Candidate) -> Int { c.value.kind == .quantity ? 0 : 1 }
        let ordered = kept.sorted { a, b in
            let x = candidates[a], y = candidates[b]
            let kx = (x.span.length, rank(x), x.priority, -x.span.start), ky = (y.span.length, rank(y), y.priority, -y.span.start)
            if kx != ky { return kx > ky }
            return a < b   // as a stable sort of the candidates would leave them
        }
        var taken: [Int] = []
        var occupied = OccupiedScalars(count: candidates.reduce(0) { max($0, $1.span.end) })
        for index in ordered where !occupied.overlaps(candidates[index].span) {
            occupied.insert(candidates[index].span)
            taken.append(index)
        }
        return taken.sorted { candidates[$0].span < candidates[$1].span }.map { candidates[$0] }
    }

    /// 美国总统特朗普 / 乌克兰 总统 泽连斯基 / Ukrainian President Volodymyr Zelenskiy: one person.
    func mergeTitles(_ candidates: [Candidate], scalars: [Unicode.Scalar]) -> [Mention] {
        var mentions: [Mention] = []
        var i = 0
        func text(_ span: Span) -> String { scalars.string(in: span) }
        while i < candidates.count {
            var current = candidates[i]
            if current.value.kind == .actor || current.isTitle {
                // Look ahead: [country/group actor] [title word]? [person]
                var j = i + 1
                var end = current.span.end
                if !current.isTitle, let title = titleWord(scalars, at: end) { end = title }
                while end < scalars.count, scalars[end] == " " { end += 1 }
                if j < candidates.count, candidates[j].span.start == end,
                   case .actor(let person) = candidates[j].value, person.type == "person",
                   current.isTitle || end > current.span.end || current.value.entity?.type == "person" && current.value.entity?.name == person.name {
                    current = Candidate(span: Span(start: current.span.start, end: candidates[j].span.end), value: candidates[j].value,
                                        alternatives: [], priority: current.priority, rule: candidates[j].rule, isTitle: false)
                    j += 1
                    i = j
                    mentions.append(Mention(text: text(current.span), span: current.span, value: current.value, rule: current.rule))
                    continue
                }
            }
            mentions.append(Mention(text: text(current.span), span: current.span, value: current.value,
                                    alternatives: current.alternatives, rule: current.rule))
            i += 1
        }
        return mentions
    }

    /// The end of a title word starting at `offset` (after optional spaces), if one starts there.
    func titleWord(_ scalars: [Unicode.Scalar], at offset: Int) -> Int? {
        var start = offset
        while start < scalars.count, scalars[start] == " " { start += 1 }
        return titles.matches(in: scalars, at: start).last?.end
    }
}

/// Which scalars taken mentions cover: an overlap test costs the span's length, never the number
/// of mentions taken (a sorted array with inserts was quadratic on a long document).
struct OccupiedScalars {
    private var taken: [Bool]

    init(count: Int) { taken = Array(repeating: false, count: max(count, 0)) }

    func overlaps(_ span: Span) -> Bool {
        let range = span.start..<min(span.end, taken.count)
        return !range.isEmpty && range.contains { taken[$0] }
    }

    mutating func insert(_ span: Span) {
        for i in span.start..<min(span.end, taken.count) { taken[i] = true }
    }
}

/// Spans that may overlap one another, sorted by start, with an overlap test in O(log n): the
/// running maximum of ends says whether any span starting before a point reaches past another.
struct SpanIndex {
    private let starts: [Int]
    private let maxEnds: [Int]

    init(_ spans: [Span]) {
        // Lexicon spans come in text order already: sorted only when they are not.
        let sorted = zip(spans, spans.dropFirst()).allSatisfy { $0 <= $1 } ? spans : spans.sorted()
        starts = sorted.map(\.start)
        var running = Int.min
        maxEnds = sorted.map { running = max(running, $0.end); return running }
    }

    /// True when some span shares a scalar with `span`.
    func overlaps(_ span: Span) -> Bool {
        guard span.length > 0 else { return false }
        // The spans starting before span.end are starts[0..<count]; one of them must end after span.start.
        var low = 0
        var high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] < span.end { low = mid + 1 } else { high = mid }
        }
        return low > 0 && maxEnds[low - 1] > span.start
    }
}
