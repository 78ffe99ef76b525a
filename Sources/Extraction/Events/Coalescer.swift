import Foundation
import Records
import Rules

/// Merges repeated mentions of one real event inside a segment into one record.
///
/// Heuristic: two events of the same type in the same segment are one when nothing the type's
/// `coalesce.conflicts` names differs and they share enough: two actors; one actor and the same
/// known date; both sides of one sentence; or one of the type's `joins` (taxonomy.yaml). A
/// mention with nothing that identifies it (no actor, place, figure or date) joins the segment's
/// compatible event. The merged record keeps the first mention's trigger and evidence (a photo
/// caption's never, when the story has another) and takes the union of the arguments
/// (single-valued roles: the first value, except `each_side` ones).
struct Coalescer {
    /// What each type's mentions share when they are one event, and what each role is.
    let taxonomy: Taxonomy
    /// Dateline spans: a place filled from one is the story's default, which tells no incidents apart.
    let datelines: [Span]

    /// True when the datelines, in start order, do not overlap (as a document's do): `inDateline`
    /// may then search them.
    private let datelinesDisjoint: Bool

    init(taxonomy: Taxonomy, datelines: [Span] = []) {
        self.taxonomy = taxonomy
        self.datelines = datelines.sorted { $0.start < $1.start }
        datelinesDisjoint = zip(self.datelines, self.datelines.dropFirst()).allSatisfy { $0.end <= $1.start }
    }

    func policy(_ type: String) -> Taxonomy.Coalescing { taxonomy.types[type]?.coalescing ?? Taxonomy.Coalescing() }

    func role(_ name: String) -> Taxonomy.Role? { taxonomy.roles[name] }

    /// `caption` marks events read from photo captions: a merged record takes its trigger and
    /// evidence from the story text when the story mentions the event too.
    func coalesce(_ events: [FoundEvent]) -> [Event] {
        var merged: [FoundEvent] = []
        // Only records of the same segment and type can merge: each mention is compared with the
        // last `window` records of its segment and type, earliest first, so the pass is linear in
        // a document of any length (a real story holds a handful of events of one type).
        var recent: [SegmentAndType: [Int]] = [:]
        for found in events {
            let key = SegmentAndType(segment: found.segment, type: found.event.type)
            let candidates = recent[key, default: []]
            // A re-mention pointed back at (此次袭击, the attack) is the latest earlier event it does not contradict;
            // any other mention joins the first one it matches.
            let index = found.anaphoric
                ? candidates.last(where: { compatible(merged[$0], found, loose: true) })
                : candidates.first(where: { sameEvent(merged[$0], found) })
            if let index {
                if merged[index].caption && !found.caption {
                    var story = found
                    story.event = union(found, merged[index])
                    story.defaults = mergedDefaults(found, merged[index])
                    merged[index] = story
                } else {
                    let defaults = mergedDefaults(merged[index], found)
                    merged[index].event = union(merged[index], found)
                    merged[index].defaults = defaults
                }
            } else {
                recent[key, default: []].append(merged.count)
                if recent[key]!.count > Coalescer.window { recent[key]!.removeFirst() }
                merged.append(found)
            }
        }
        return merged.map { withoutRedundantPairs($0.event) }
    }

    /// A pair word (美乌, 俄乌: "United States and Ukraine") beside both of its members named one by
    /// one says nothing more: the record keeps the members.
    func withoutRedundantPairs(_ event: Event) -> Event {
        let actors = event.args.filter { $0.kind == .actor }
        let single = Set(actors.compactMap { $0.value.entity?.name }.filter { !$0.contains(" and ") })
        var out = event
        out.args.removeAll { arg in
            guard arg.kind == .actor, let name = arg.value.entity?.name, name.contains(" and ") else { return false }
            let members = name.components(separatedBy: " and ")
            return members.count > 1 && members.allSatisfy(single.contains)
        }
        return out
    }

    /// How many earlier records of its segment and type a mention is compared with.
    static let window = 64

    struct SegmentAndType: Hashable {
        var segment: Int
        var type: String
    }

    /// Canonical names of the actors; a pair such as 泰柬 ("Thailand and Cambodia") counts as both.
    func actorNames(_ e: Event) -> Set<String> {
        Set(e.args.filter { $0.kind == .actor }.compactMap { $0.value.entity?.name }.flatMap { name in
            name.contains(" and ") ? name.components(separatedBy: " and ") : [name]
        })
    }

    /// The event's first date (of any role of kind date).
    func date(_ e: Event) -> MentionValue? { e.args.first { role($0.role)?.kind == .date }?.value }

    /// Dates compared by what they say, never by how they were resolved: a day lies inside a
    /// month or a range it falls in (24 Nov inside 上月下旬 / late November), so the two agree.
    func datesAgree(_ x: MentionValue?, _ y: MentionValue?) -> Bool {
        guard case .date(let a)? = x, case .date(let b)? = y else { return true }
        func bounds(_ d: DateValue) -> (String, String)? {
            if let day = d.date { return (day, day) }
            if let start = d.start ?? d.end, let end = d.end ?? d.start { return (start, end) }
            return nil
        }
        guard let (aStart, aEnd) = bounds(a), let (bStart, bEnd) = bounds(b) else { return true }
        // ISO strings of any precision: 2025-11 covers every 2025-11-DD; compare on the shorter prefix.
        func before(_ p: String, _ q: String) -> Bool {
            let n = min(p.count, q.count)
            return p.prefix(n) < q.prefix(n)
        }
        return !before(aEnd, bStart) && !before(bEnd, aStart)
    }

    /// The same date by value (a day inside a month agrees with it but is not the same date).
    func sameDay(_ x: MentionValue?, _ y: MentionValue?) -> Bool {
        guard case .date(let a)? = x, case .date(let b)? = y else { return false }
        return a.date == b.date && a.start == b.start && a.end == b.end
    }

    /// Nothing in conflict: type, and every fact the type's `conflicts` names — stated attributes (a
    /// rule's default conflicts only when `defaults_conflict` says so), first values of roles.
    /// `loose`: a re-mention pointed back at (its forces had struck …) names the weapon loosely; a `loose` attribute never conflicts.
    func compatible(_ a: FoundEvent, _ b: FoundEvent, sameSentence: Bool = false, loose: Bool = false) -> Bool {
        guard a.event.type == b.event.type else { return false }
        let policy = policy(a.event.type)
        // In one sentence, 空袭和炮击 are one attack told by two weapons: a loose attribute may differ.
        for key in policy.conflictingAttributes where !((sameSentence || loose) && policy.loose.contains(key)) {
            // A default weapon or kind (`other`) says nothing; a default status is still a reading of the
            // tense (释放 without 将 happened), which keeps a deal's terms apart from the swap itself.
            if !policy.defaultsConflict.contains(key), a.defaults.contains(key) || b.defaults.contains(key) { continue }
            if let x = a.event.attrs[key], let y = b.event.attrs[key], x != y { return false }
        }
        for name in policy.conflictingRoles where !policy.eachSide.contains(name) {
            if rolesConflict(name, a.event, b.event) { return false }
        }
        // The target of one attack striking back (巴基斯坦 hit by India's strike, then 巴基斯坦和印度交火) is another attack.
        if policy.reversedSidesConflict, !sameSentence, rolesReversed(a.event, b.event) { return false }
        return true
    }

    /// The first values of role `name` differ: dates by what they cover, figures by number,
    /// durations by length (three years, then six months on appeal), actors and places by name.
    func rolesConflict(_ name: String, _ a: Event, _ b: Event) -> Bool {
        guard let kind = role(name)?.kind else { return false }
        let x = a.args.first { $0.role == name }?.value, y = b.args.first { $0.role == name }?.value
        switch kind {
        case .date:
            return !datesAgree(x, y)
        case .quantity, .money:
            guard let x = x.flatMap(amount), let y = y.flatMap(amount) else { return false }
            return x != y
        case .duration:
            guard case .duration(let p)? = x, case .duration(let q)? = y else { return false }
            return p.iso != q.iso
        case .actor, .place:
            guard let p = x?.entity?.name, let q = y?.entity?.name else { return false }
            return p != q
        }
    }

    func sameEvent(_ first: FoundEvent, _ second: FoundEvent) -> Bool {
        let sameSentence = first.sentence == second.sentence
        guard compatible(first, second, sameSentence: sameSentence) else { return false }
        let a = first.event, b = second.event
        let policy = policy(a.type)
        let dateA = date(a), dateB = date(b)
        // In one sentence, two triggers of one type (连环车祸 … 失控撞; 空袭和炮击) tell one event when one
        // names no side the other lacks (特朗普与普京通话… 与泽连斯基通话 are two calls).
        if sameSentence {
            let sidesA = actorNames(a), sidesB = actorNames(b)
            if sidesA.isSubset(of: sidesB) || sidesB.isSubset(of: sidesA) { return true }
        }
        let namesA = actorNames(a), namesB = actorNames(b)
        let shared = namesA.intersection(namesB).count
        if shared >= 2 || (shared == 1 && dateA != nil && sameDay(dateA, dateB)) { return true }
        // A mention with nothing to tell it apart (双方通话持续两小时, 战俘交换持续进行) is the story's event.
        // With `distinct_counts`, different numbers of people (17 held yesterday, 2 earlier this month) are two,
        // even when one mention names nothing else; crowd and evacuation figures vary between re-mentions of one event.
        if !hasIdentifyingKeys(a) || !hasIdentifyingKeys(b) { return !(policy.distinctCounts && countsDiffer(a, b)) }
        // The type's own joins, in the taxonomy's fixed order.
        for join in policy.joins {
            switch join {
            case .fewerSides:
                // One mention names only some of the other's sides (中国总理 … 再次访问 after 李强 … 访问印尼);
                // it must bring nothing else of its own (a date, a count) that could set it apart.
                // (Not for attacks: one side often strikes several times in one story.)
                guard shared >= 1 else { continue }
                func addsNothing(_ e: Event) -> Bool { date(e) == nil && !e.args.contains { amount($0.value) != nil } }
                if namesA.isSubset(of: namesB), addsNothing(a) { return true }
                if namesB.isSubset(of: namesA), addsNothing(b) { return true }
            case .sameAttributes(let keys):
                // A story's swap told from each side (24 hostages freed …; 39 prisoners released in return) is one
                // exchange when the status agrees and no date or place tells them apart.
                if keys.allSatisfy({ a.attrs[$0] == b.attrs[$0] }), !placesDiffer(a, b) { return true }
            case .statedAttributes(let keys):
                // A truce of one stated scope with one status (agreed to stop striking energy sites) is one event in a
                // story, whoever the sentence names; dates that differ have already kept two apart.
                if keys.allSatisfy({ stated($0, first, second, policy) }) { return true }
            case .oneSideAndAttributes(let keys):
                // The same side proposing (agreeing to, rejecting) a truce twice in one story is one event.
                if shared == 1, keys.allSatisfy({ stated($0, first, second, policy) }) { return true }
            case .sharedPlaceOrFigure:
                if !incidentKeys(a).intersection(incidentKeys(b)).isEmpty { return true }
            case .headlineAndLead:
                // The same attacker in a headline and its lead (泰军轰炸… / 泰军26日对…发动攻击): one attack,
                // unless the two name different places. Later in a story one side often strikes again.
                if shared >= 1, first.sentence == 0, second.sentence <= 2, !placesDiffer(a, b) { return true }
            case .bareReMention:
                // A later mention that names no place, casualties or count of its own and no other day
                // (将攻击归咎于…, 死于…攻击的罹难者) refers back to the event told before.
                if bareReMention(b, of: a) { return true }
            case .oneSide:
                // Arrests, evacuations, protests … by the same actor in one story: one event.
                if shared >= 1 && !countsDiffer(a, b) { return true }
            case .onePerStory:
                // A story tells one arrest, protest, theft … and names its actors differently each
                // time (the police / a special team; 国盟 / 集会民众): what does not contradict it is it.
                return !placesDiffer(a, b) && !countsDiffer(a, b)
            }
        }
        return false
    }

    /// Both mentions state attribute `key` (a default counts only when it conflicts) with one value.
    func stated(_ key: String, _ first: FoundEvent, _ second: FoundEvent, _ policy: Taxonomy.Coalescing) -> Bool {
        guard let value = first.event.attrs[key], value == second.event.attrs[key] else { return false }
        return policy.defaultsConflict.contains(key) || (!first.defaults.contains(key) && !second.defaults.contains(key))
    }

    /// `later` adds nothing that could make it another incident than `earlier`.
    func bareReMention(_ later: Event, of earlier: Event) -> Bool {
        guard incidentKeys(later).isEmpty, !later.args.contains(where: { amount($0.value) != nil }) else { return false }
        // The target striking back (哈马斯先向以军开火 after 以军空袭) is another attack.
        if rolesReversed(earlier, later) { return false }
        guard let day = date(later) else { return true }
        return sameDay(day, date(earlier))
    }

    /// One event's target is the other's doer.
    func rolesReversed(_ a: Event, _ b: Event) -> Bool {
        func names(_ e: Event, _ side: Taxonomy.Side) -> Set<String> {
            Set(e.args.filter { role($0.role)?.side == side }.compactMap { $0.value.entity?.name })
        }
        return !names(b, .target).isDisjoint(with: names(a, .doer)) || !names(b, .doer).isDisjoint(with: names(a, .target))
    }

    /// Both give a plain head count (people arrested, protesters) and the numbers differ.
    func countsDiffer(_ a: Event, _ b: Event) -> Bool {
        let x = a.args.first { role($0.role)?.headcount == true }.flatMap { amount($0.value) }
        let y = b.args.first { role($0.role)?.headcount == true }.flatMap { amount($0.value) }
        if let x, let y { return x != y }
        return false
    }

    /// Both name identifying places and none of them is shared.
    func placesDiffer(_ a: Event, _ b: Event) -> Bool {
        let placesA = incidentKeys(a).filter { $0.hasPrefix("place:") }, placesB = incidentKeys(b).filter { $0.hasPrefix("place:") }
        return !placesA.isEmpty && !placesB.isEmpty && placesA.isDisjoint(with: placesB)
    }

    /// A count written without digits and read as approximate (hundreds, 数千人).
    func vague(_ arg: EventArgument) -> Bool {
        guard case .quantity(let q) = arg.value, q.mod == .approx else { return false }
        return !arg.text.unicodeScalars.contains(where: { ("0"..."9").contains($0) })
    }

    /// The number in a count or amount (6 and 6人 are the same count; 近6000 and 6000 the same sum).
    func amount(_ value: MentionValue) -> Double? {
        switch value {
        case .quantity(let q): q.amount
        case .money(let m): m.amount
        default: nil
        }
    }

    /// True when something tells the event from another: an actor, a place, a count, an amount or
    /// a date. Casualty counts are left out: an attach rule may have given them to a bare re-mention
    /// (这是今年最大的一次交换, 15 of the freed soldiers were wounded); a differing count still conflicts.
    /// Asked of every pair compared, so it builds no sets.
    func hasIdentifyingKeys(_ e: Event) -> Bool {
        if e.args.contains(where: { $0.kind == .actor && $0.value.entity?.name != nil }) { return true }
        if date(e) != nil { return true }
        return e.args.contains { arg in role(arg.role)?.casualty != true && incidentKey(arg) != nil }
    }

    /// True when a dateline holds `span`. Datelines come in text order and do not overlap: a binary
    /// search, since a long document has one per story it joins and this runs for every comparison.
    func inDateline(_ span: Span) -> Bool {
        guard datelinesDisjoint else { return datelines.contains { $0.contains(span) } }
        var low = 0
        var high = datelines.count
        while low < high {
            let mid = (low + high) / 2
            if datelines[mid].start <= span.start { low = mid + 1 } else { high = mid }
        }
        return low > 0 && datelines[low - 1].contains(span)
    }

    /// Places, counts and amounts that identify an incident.
    func incidentKeys(_ e: Event) -> Set<String> {
        Set(e.args.compactMap(incidentKey))
    }

    /// The place, count or amount one argument contributes to `incidentKeys`, if any.
    func incidentKey(_ arg: EventArgument) -> String? {
        switch arg.value {
        // A place a rule only guessed from the text (type other), or a dateline's, tells no incidents apart.
        case .place(let p) where p.type != "other" && !inDateline(arg.span): return "place:" + p.name
        case .quantity(let q) where role(arg.role)?.headcount != true: return "count:" + String(q.amount)
        case .money(let m): return "money:" + String(m.amount)
        default: return nil
        }
    }

    func union(_ first: FoundEvent, _ second: FoundEvent) -> Event {
        let a = first.event, b = second.event
        var out = a
        let policy = policy(a.type)
        // A mention naming none of the record's sides (若开军将攻击归咎于军政府) is someone's report of it: its actors are no sides.
        let reporting: Bool
        switch policy.reporters {
        case .always?: reporting = !actorNames(a).isEmpty
        case .bareReMention?: reporting = bareReMention(b, of: a)
        case nil: reporting = false
        }
        let report = reporting && actorNames(a).isDisjoint(with: actorNames(b))
        for arg in b.args where !(report && arg.kind == .actor) {
            guard adds(arg, to: out.args, policy: policy) else { continue }
            if replacesVague(arg.role, policy) { out.args.removeAll { $0.role == arg.role && vague($0) } }
            out.args.append(arg)
        }
        for (key, value) in b.attrs {
            // A value the text states replaces a rule's default.
            if out.attrs[key] == nil || (first.defaults.contains(key) && !second.defaults.contains(key)) { out.attrs[key] = value }
        }
        out.confidence = max(a.confidence, b.confidence)
        return out
    }

    /// A single-valued figure (not one counted per side): a value in digits replaces a vague one in words.
    func replacesVague(_ name: String, _ policy: Taxonomy.Coalescing) -> Bool {
        guard let role = role(name) else { return false }
        return role.single && role.kind == .quantity && !policy.eachSide.contains(name)
    }

    /// Whether a merged record under `policy` holding `args` gains `arg`.
    func adds(_ arg: EventArgument, to args: [EventArgument], policy: Taxonomy.Coalescing) -> Bool {
        let sameRole = args.filter { $0.role == arg.role }
        if role(arg.role)?.single == true, !sameRole.isEmpty {
            // A figure in digits replaces a vague one in words for the same role (Hundreds → More than 200 people).
            if replacesVague(arg.role, policy), sameRole.count == 1, vague(sameRole[0]),
               arg.text.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) { return true }
            // Each side's figure (an exchange's released) is kept; other single-valued roles keep the first value.
            guard policy.eachSide.contains(arg.role) else { return false }
            let n = amount(arg.value)
            return !sameRole.contains { amount($0.value) == n }
        }
        let name = arg.value.entity?.name
        for other in sameRole {
            if other.span == arg.span { return false }
            if let name, other.value.entity?.name == name { return false }
            // A side named in plain words once short and once long (当地 / 当地政府) is one side.
            if arg.kind == .actor, other.kind == .actor, arg.value.entity?.type == "group",
               other.text.contains(arg.text) || arg.text.contains(other.text) { return false }
        }
        return true
    }

    /// The merged record's attributes that are still only defaults.
    func mergedDefaults(_ a: FoundEvent, _ b: FoundEvent) -> Set<String> {
        a.defaults.filter { b.defaults.contains($0) || b.event.attrs[$0] == nil }
            .union(b.defaults.filter { a.event.attrs[$0] == nil })
    }
}
