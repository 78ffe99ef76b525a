import Records

/// A name as the sources wrote it and the canonical name it stands for.
public struct NameRef: Hashable, Sendable {
    public var canonical: String
    /// Every written form, sorted.
    public var written: [String]

    /// `Russia (俄罗斯, Russian)`: the canonical name, then every other way the sources wrote it;
    /// just `Russia` when they all wrote that.
    public var display: String {
        let others = written.filter { $0 != canonical }
        return others.isEmpty ? canonical : canonical + " (" + others.joined(separator: ", ") + ")"
    }
}

/// One event record behind a row: the sentence it was read from and the article.
public struct EvidenceRef: Hashable, Sendable {
    public var doc: String
    public var url: String?
    public var title: String?
    /// The evidence sentence, when the article text is known.
    public var sentence: String?
    /// Offsets of the evidence in the article, for when the text is not known.
    public var span: Span
    public var trigger: String
    /// Where the trigger lies in the article.
    public var triggerSpan: Span
    public var rule: String

    /// The sentence cut around the trigger (before, trigger, after), when the text is known.
    public var sentenceParts: (String, String, String)? {
        guard let sentence, triggerSpan.start >= span.start, triggerSpan.end <= span.end else { return nil }
        let scalars = Array(sentence.unicodeScalars)
        // The sentence was trimmed: find the trigger at its own offset from the start of the evidence.
        let lead = (sentenceLead ?? 0)
        let a = triggerSpan.start - span.start - lead, b = triggerSpan.end - span.start - lead
        guard a >= 0, b <= scalars.count, a <= b else { return nil }
        func text(_ r: Range<Int>) -> String { var s = ""; s.unicodeScalars.append(contentsOf: scalars[r]); return s }
        return (text(0..<a), text(a..<b), text(b..<scalars.count))
    }

    /// Scalars trimmed off the start of the evidence sentence.
    public var sentenceLead: Int?
}

/// What every story row shows.
public struct StoryRow: Sendable {
    public var story: Story
    public var actors: [NameRef]
    public var places: [NameRef]
    /// Attribute name → the distinct values its members give, in member order.
    public var attrs: [String: [String]]
    /// Durations as written with their ISO value (`30天 (P30D)`).
    public var durations: [String]
    public var evidence: [EvidenceRef]

    /// Actors of one role (agent, patient, participant), as NameRefs.
    public var roles: [String: [NameRef]]

    public func attr(_ name: String) -> String { attrs[name]?.joined(separator: ", ") ?? "" }
}

/// A count for a table: the conservative figure and every source's figure.
public struct Tally: Sendable {
    public var conservative: StoryFigure?
    public var all: [StoryFigure]

    init(_ story: Story, _ role: String) {
        conservative = story.conservative(role)
        all = story.figures.filter { $0.role == role }
    }

    /// The conservative total, 0 when no source gives one.
    public var value: Double { conservative?.total ?? 0 }
}

/// Totals of a group of casualty stories (a place or a week).
public struct CasualtyTotal: Sendable, Equatable {
    public var key: String
    /// The stories summed, so each total leads back to its rows.
    public var storyIDs: [String]
    public var stories: Int { storyIDs.count }
    public var killed: Double
    public var injured: Double
    public var missing: Double
}

/// Counts per actor or pair.
public struct ActorActivity: Sendable {
    public var label: String
    public var storyIDs: [String]
    public var stories: Int { storyIDs.count }
    /// Stories per type, in type order.
    public var byType: [(String, Int)]
}

/// How often a rule fired among the reported stories.
public struct RuleUse: Sendable, Equatable {
    public var rule: String
    public var source: String
    public var events: Int
    public var storyIDs: [String]
    public var stories: Int { storyIDs.count }
}

/// Everything a report shows, computed once from plain records; the renderers only lay it out.
public struct ReportModel: Sendable {
    public var filter: ReportFilter
    /// Articles read (after the language filter), by language.
    public var documentsByLanguage: [(Language, Int)]
    /// Articles that report at least one of the selected stories.
    public var reportingDocuments: Int
    /// Event records behind the selected stories, by type and language: (type, zh, en).
    public var eventsByType: [(String, Int, Int)]
    /// Stories by type, in type order.
    public var storiesByType: [(String, Int)]
    public var rows: [StoryRow]
    /// Timeline buckets (days, or ISO weeks for long spans) and one series per type.
    public var timelineLabels: [String]
    public var timelineSeries: [Series]
    public var timelineUnit: String
    public var casualtiesByPlace: [CasualtyTotal]
    public var casualtiesByWeek: [CasualtyTotal]
    public var actors: [ActorActivity]
    public var pairs: [ActorActivity]
    public var rules: [RuleUse]
    /// The articles the rows cite, by id.
    public var sources: [ReportDocument]

    /// The order types are shown in: the taxonomy's, then any other alphabetically.
    public static let typeOrder = ["talks", "ceasefire", "prisoner_exchange", "military_aid", "attack", "accident",
                                   "arrest", "sentence", "settlement", "theft", "evacuation", "protest"]

    static func typeRank(_ t: String) -> (Int, String) { (typeOrder.firstIndex(of: t) ?? typeOrder.count, t) }

    public func rows(ofType types: Set<String>) -> [StoryRow] { rows.filter { types.contains($0.story.type) } }

    /// Builds the model: language filter, story linking, then the story filters.
    public init(documents: [ReportDocument], filter: ReportFilter) {
        self.filter = filter
        let kept = documents.filter { filter.language == nil || $0.result.language == filter.language }
        let byID = Dictionary(kept.map { ($0.result.doc, $0) }, uniquingKeysWith: { first, _ in first })
        func event(_ ref: EventRef) -> Event? {
            guard let events = byID[ref.doc]?.result.events, ref.index < events.count else { return nil }
            return events[ref.index]
        }
        let stories = StoryLinker.link(kept.map(\.result)).filter { story in
            if let type = filter.type, story.type != type { return false }
            if filter.from != nil || filter.to != nil {
                guard let date = story.date else { return false }
                if let from = filter.from, date < from { return false }
                if let to = filter.to, date > to { return false }
            }
            if let actor = filter.actor?.lowercased() {
                let named = story.members.compactMap(event).flatMap(\.args).contains { arg in
                    guard case .actor(let e) = arg.value else { return false }
                    return e.name.lowercased().contains(actor) || arg.text.lowercased().contains(actor)
                }
                if !named { return false }
            }
            return true
        }

        documentsByLanguage = Language.allCases.compactMap { l in
            let n = kept.filter { $0.result.language == l }.count
            return n > 0 ? (l, n) : nil
        }
        rows = stories.map { ReportModel.row($0, event: event, documents: byID) }
        let docIDs = Set(stories.flatMap(\.documents))
        reportingDocuments = docIDs.count
        sources = docIDs.sorted().compactMap { byID[$0] }

        var eventCounts: [String: (Int, Int)] = [:]
        for ref in stories.flatMap(\.members) {
            guard let e = event(ref), let d = byID[ref.doc] else { continue }
            var c = eventCounts[e.type] ?? (0, 0)
            if d.result.language == .zh { c.0 += 1 } else { c.1 += 1 }
            eventCounts[e.type] = c
        }
        eventsByType = eventCounts.keys.sorted { ReportModel.typeRank($0) < ReportModel.typeRank($1) }.map { ($0, eventCounts[$0]!.0, eventCounts[$0]!.1) }
        let types = Set(stories.map(\.type)).sorted { ReportModel.typeRank($0) < ReportModel.typeRank($1) }
        storiesByType = types.map { t in (t, stories.filter { $0.type == t }.count) }

        (timelineLabels, timelineSeries, timelineUnit) = ReportModel.timeline(stories, types: types)
        let casualtyRows = rows.filter { $0.story.type == "attack" || $0.story.type == "accident" }
        casualtiesByPlace = ReportModel.totals(casualtyRows) { $0.places.first?.canonical ?? "(place not given)" }
        casualtiesByWeek = ReportModel.totals(casualtyRows) { $0.story.date.map(ISOWeek.label) ?? "(no date)" }
        (actors, pairs) = ReportModel.activity(rows)
        rules = ReportModel.ruleUse(stories, event: event)
    }

    static func row(_ story: Story, event: (EventRef) -> Event?, documents: [String: ReportDocument]) -> StoryRow {
        var written: [String: Set<String>] = [:]
        var actorOrder: [String] = [], placeOrder: [String] = []
        var roleNames: [String: [String]] = [:]
        var attrs: [String: [String]] = [:]
        var durations: [String] = []
        var evidence: [EvidenceRef] = []
        for ref in story.members {
            guard let e = event(ref) else { continue }
            for arg in e.args {
                switch arg.value {
                case .actor(let v) where StoryLinker.actorRoles.contains(arg.role):
                    written[v.name, default: []].insert(arg.text)
                    if !actorOrder.contains(v.name) { actorOrder.append(v.name) }
                    if !(roleNames[arg.role] ?? []).contains(v.name) { roleNames[arg.role, default: []].append(v.name) }
                case .place(let v), .actor(let v) where arg.role == "place":
                    written[v.name, default: []].insert(arg.text)
                    if !placeOrder.contains(v.name) { placeOrder.append(v.name) }
                case .duration(let d):
                    let s = "\(arg.text) (\(d.iso))"
                    if !durations.contains(s) { durations.append(s) }
                default: break
                }
            }
            for (k, v) in e.attrs.sorted(by: { $0.key < $1.key }) where !(attrs[k] ?? []).contains(v.description) {
                attrs[k, default: []].append(v.description)
            }
            let d = documents[ref.doc]
            let raw = d?.text?.scalarSlice(e.evidence)
            let sentence = raw?.trimmingSpaces
            let lead = raw.map { r in r.unicodeScalars.prefix { $0.properties.isWhitespace }.count }
            evidence.append(EvidenceRef(doc: ref.doc, url: d?.url, title: d?.title, sentence: sentence, span: e.evidence, trigger: e.trigger.text,
                                        triggerSpan: e.trigger.span, rule: e.rule, sentenceLead: lead))
        }
        func refs(_ names: [String]) -> [NameRef] { names.map { NameRef(canonical: $0, written: (written[$0] ?? []).sorted()) } }
        return StoryRow(story: story, actors: refs(actorOrder), places: refs(placeOrder), attrs: attrs, durations: durations,
                        evidence: evidence, roles: roleNames.mapValues(refs))
    }

    static func timeline(_ stories: [Story], types: [String]) -> ([String], [Series], String) {
        let dates = stories.compactMap(\.date)
        guard let first = dates.min(), let last = dates.max() else { return ([], [], "day") }
        let byWeek = last.dayNumber - first.dayNumber > 92
        var keys: [String] = []
        var index: [String: Int] = [:]
        var d = first
        while d <= last {
            let key = byWeek ? ISOWeek.label(d) : d.iso
            if index[key] == nil { index[key] = keys.count; keys.append(key) }
            d = d.adding(days: 1)
        }
        let series = types.map { t -> Series in
            var values = Array(repeating: 0.0, count: keys.count)
            for s in stories where s.type == t {
                if let date = s.date, let i = index[byWeek ? ISOWeek.label(date) : date.iso] { values[i] += 1 }
            }
            return Series(name: t, values: values)
        }
        // Day labels drop the year (the report header says it); week labels keep theirs.
        return (byWeek ? keys : keys.map { String($0.dropFirst(5)) }, series, byWeek ? "week" : "day")
    }

    static func totals(_ rows: [StoryRow], key: (StoryRow) -> String) -> [CasualtyTotal] {
        var totals: [String: CasualtyTotal] = [:]
        for row in rows {
            let k = key(row)
            var t = totals[k] ?? CasualtyTotal(key: k, storyIDs: [], killed: 0, injured: 0, missing: 0)
            t.storyIDs.append(row.story.id)
            t.killed += Tally(row.story, "killed").value
            t.injured += Tally(row.story, "injured").value
            t.missing += Tally(row.story, "missing").value
            totals[k] = t
        }
        return totals.values.sorted { $0.key < $1.key }
    }

    static func activity(_ rows: [StoryRow]) -> ([ActorActivity], [ActorActivity]) {
        var actorTypes: [String: [String: Int]] = [:], actorWritten: [String: Set<String>] = [:]
        var pairTypes: [String: [String: Int]] = [:]
        var storyIDs: [String: [String]] = [:]  // "actor:X" or "pair:X" → stories
        for row in rows {
            for a in row.actors {
                actorTypes[a.canonical, default: [:]][row.story.type, default: 0] += 1
                storyIDs["actor:" + a.canonical, default: []].append(row.story.id)
                actorWritten[a.canonical, default: []].formUnion(a.written)
            }
            var pairs = Set<String>()
            let agents = row.roles["agent"] ?? [], patients = row.roles["patient"] ?? []
            for a in agents { for p in patients where a.canonical != p.canonical { pairs.insert("\(a.canonical) → \(p.canonical)") } }
            let sides = (row.roles["participant"] ?? []).map(\.canonical).sorted()
            for (i, a) in sides.enumerated() { for b in sides[(i + 1)...] { pairs.insert("\(a) — \(b)") } }
            for p in pairs.sorted() {
                pairTypes[p, default: [:]][row.story.type, default: 0] += 1
                storyIDs["pair:" + p, default: []].append(row.story.id)
            }
        }
        func rank(_ table: [String: [String: Int]], labels: [String: String], prefix: String) -> [ActorActivity] {
            table.map { key, types in
                ActorActivity(label: labels[key] ?? key, storyIDs: storyIDs[prefix + key] ?? [],
                              byType: types.sorted { typeRank($0.key) < typeRank($1.key) }.map { ($0.key, $0.value) })
            }
            .sorted { ($1.stories, $0.label) < ($0.stories, $1.label) }
            .prefix(15).map { $0 }
        }
        // Every way any story wrote the actor, not only the last story's.
        let actorLabels = actorWritten.reduce(into: [String: String]()) { $0[$1.key] = NameRef(canonical: $1.key, written: $1.value.sorted()).display }
        return (rank(actorTypes, labels: actorLabels, prefix: "actor:"), rank(pairTypes, labels: [:], prefix: "pair:"))
    }

    static func ruleUse(_ stories: [Story], event: (EventRef) -> Event?) -> [RuleUse] {
        var uses: [String: RuleUse] = [:]
        for story in stories {
            var seen = Set<String>()
            for ref in story.members {
                guard let e = event(ref) else { continue }
                var u = uses[e.rule] ?? RuleUse(rule: e.rule, source: e.source, events: 0, storyIDs: [])
                u.events += 1
                if seen.insert(e.rule).inserted { u.storyIDs.append(story.id) }
                uses[e.rule] = u
            }
        }
        return uses.values.sorted { ($1.events, $0.rule) < ($0.events, $1.rule) }
    }
}

/// ISO 8601 week numbers (weeks start on Monday; week 1 holds the year's first Thursday).
public enum ISOWeek {
    /// `2025-W24`.
    public static func label(_ date: CivilDate) -> String {
        let thursday = date.adding(days: 4 - date.weekday)
        let jan1 = CivilDate(year: thursday.year, month: 1, day: 1)!
        let week = (thursday.dayNumber - jan1.dayNumber) / 7 + 1
        return "\(thursday.year)-W\(week < 10 ? "0" : "")\(week)"
    }
}

extension String {
    /// Without leading and trailing spaces and line breaks.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
