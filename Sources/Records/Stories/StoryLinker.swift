/// Links event records from several documents that report the same real-world event into
/// stories (ARCHITECTURE.md "Stories"). Pure and deterministic: the same documents, in any
/// order, give the same stories with the same ids.
public enum StoryLinker {
    /// Roles whose numbers must agree for two records to be one story.
    public static let countRoles = ["killed", "injured", "missing", "released"]
    /// Roles whose actor arguments say who took part.
    public static let actorRoles: Set<String> = ["agent", "patient", "participant"]
    /// Attributes that make two records of a type different events when both give them and they differ.
    static let distinguishing: [String: [String]] = [
        "ceasefire": ["status"], "talks": ["medium"], "accident": ["kind"], "prisoner_exchange": ["status"],
        "military_aid": ["status"],
    ]

    /// What the rule looks at in one record.
    struct Candidate {
        var ref: EventRef
        var type: String
        var date: CivilDate?
        var actors: Set<String>
        var places: Set<String>
        var figures: [StoryFigure]
        var attrs: [String: AttributeValue]

        /// Everything `sameEvent` reads: members with equal keys match the same records, so a
        /// story reported 500 times in the same words is checked once, not 500 times.
        var key: MatchKey {
            MatchKey(type: type, date: date, actors: actors, places: places,
                     attrs: (StoryLinker.distinguishing[type] ?? []).map { attrs[$0]?.description },
                     figures: figures.map { "\($0.role)=\($0.total)" }.sorted())
        }
    }

    struct MatchKey: Hashable {
        var type: String
        var date: CivilDate?
        var actors: Set<String>
        var places: Set<String>
        var attrs: [String?]
        var figures: [String]
    }

    /// Stories for every event of `documents`, ordered by (date, type, first member); undated last.
    public static func link(_ documents: [DocumentResult]) -> [Story] {
        var candidates: [Candidate] = []
        for document in documents {
            for (index, event) in document.events.enumerated() {
                candidates.append(candidate(event, ref: EventRef(doc: document.doc, index: index), documentDate: document.referenceDate))
            }
        }
        // Date order makes the greedy pass deterministic and lets old stories leave the window.
        candidates.sort { a, b in
            switch (a.date, b.date) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.ref < b.ref
            }
        }
        var groups: [[Candidate]] = []
        // Per group, one member for each distinct match key: the ones a newcomer is checked against.
        var distinct: [[Candidate]] = [], keys: [Set<MatchKey>] = []
        var open: [String: [Int]] = [:]  // type → indices of groups still inside the date window
        for c in candidates {
            guard let date = c.date else {
                groups.append([c])
                distinct.append([c])
                keys.append([c.key])
                continue
            }
            // A group whose earliest member is more than a day before this date can take nothing more.
            // Members join in date order, so a group's first member is its earliest.
            let window = (open[c.type] ?? []).filter { (groups[$0][0].date?.dayNumber ?? .min) >= date.dayNumber - 1 }
            open[c.type] = window
            if let g = window.first(where: { distinct[$0].allSatisfy { sameEvent($0, c) } }) {
                groups[g].append(c)
                if keys[g].insert(c.key).inserted { distinct[g].append(c) }
            } else {
                groups.append([c])
                distinct.append([c])
                keys.append([c.key])
                open[c.type, default: []].append(groups.count - 1)
            }
        }
        let stories = groups.map { members -> Story in
            Story(id: "", type: members[0].type, date: members.compactMap(\.date).min(), members: members.map(\.ref),
                  actors: Set(members.flatMap(\.actors)).sorted(), places: Set(members.flatMap(\.places)).sorted(),
                  figures: members.flatMap(\.figures))
        }
        .sorted { a, b in
            switch (a.date, b.date) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return (a.type, a.members[0]) < (b.type, b.members[0])
            }
        }
        return stories.enumerated().map { i, story in
            var s = story
            s.id = "S\(i + 1)"
            return s
        }
    }

    /// The rule: same type; dates within one day; when both name actors they share two (or all
    /// of the shorter list when it has one); when both name places they share one; at least one
    /// of actors or places is shared; distinguishing attributes agree; every count role both
    /// give is compatible.
    static func sameEvent(_ a: Candidate, _ b: Candidate) -> Bool {
        guard a.type == b.type, let da = a.date, let db = b.date, abs(da.dayNumber - db.dayNumber) <= 1 else { return false }
        var sharedSomething = false
        if !a.actors.isEmpty, !b.actors.isEmpty {
            let shared = a.actors.intersection(b.actors).count
            guard shared >= min(2, a.actors.count, b.actors.count) else { return false }
            sharedSomething = true
        }
        if !a.places.isEmpty, !b.places.isEmpty {
            guard !a.places.isDisjoint(with: b.places) else { return false }
            sharedSomething = true
        }
        guard sharedSomething else { return false }
        for key in distinguishing[a.type] ?? [] {
            if let x = a.attrs[key], let y = b.attrs[key], x != y { return false }
        }
        for role in countRoles {
            for x in a.figures where x.role == role {
                for y in b.figures where y.role == role && !compatible(x.total, y.total) { return false }
            }
        }
        return true
    }

    /// Two reports of one count agree when the larger is at most twice the smaller plus 3 (early
    /// tolls rise; 1 and 4 dead can be one event, 12 and 40 cannot).
    public static func compatible(_ x: Double, _ y: Double) -> Bool {
        max(x, y) <= 2 * min(x, y) + 3
    }

    static func candidate(_ event: Event, ref: EventRef, documentDate: CivilDate?) -> Candidate {
        var actors = Set<String>(), places = Set<String>()
        var figures: [StoryFigure] = []
        var date: CivilDate?
        let perSide = event.attrs["per_side"] == .bool(true) || event.attrs["per_side"] == .string("true")
        for arg in event.args {
            switch arg.value {
            case .actor(let e) where actorRoles.contains(arg.role): actors.insert(e.name)
            case .actor(let e) where arg.role == "place": places.insert(e.name)
            case .place(let e): places.insert(e.name)
            case .date(let d) where date == nil && arg.role == "date":
                date = (d.date ?? d.start).flatMap { CivilDate(iso: $0) }
            case .quantity(let q) where countRoles.contains(arg.role):
                figures.append(StoryFigure(role: arg.role, amount: q.amount, perSide: arg.role == "released" && perSide,
                                           mod: q.mod, text: arg.text, source: ref))
            default: break
            }
        }
        return Candidate(ref: ref, type: event.type, date: date ?? documentDate, actors: actors, places: places,
                         figures: figures, attrs: event.attrs)
    }
}
