import Foundation
import Records

/// Merges repeated mentions of one real event inside a segment into one record.
///
/// Heuristic: two events of the same type in the same segment are one when nothing conflicts
/// (dates, statuses and other attributes, counts of the same role) and they share enough:
/// two actors; one actor and the same known date; one actor when one side's actors are all
/// among the other's; for a ceasefire one actor and the same status; for incidents (accidents,
/// attacks, arrests, …) one place, count or amount, or one actor except attacks and accidents.
/// A mention with nothing that identifies it (no actor, place, count or amount) joins the
/// segment's compatible event. The merged record keeps the first mention's trigger and
/// evidence (a photo caption's never, when the story has another) and takes the union of the
/// arguments (dates, counts and amounts: the first value).
struct Coalescer {
    /// Dateline spans: a place filled from one is the story's default, which tells no incidents apart.
    var datelines: [Span] = []

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

    func date(_ e: Event) -> MentionValue? { e.args.first { $0.role == "date" }?.value }

    let incidentTypes: Set<String> = ["accident", "attack", "arrest", "sentence", "settlement", "theft", "evacuation", "protest"]

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

    /// Nothing in conflict: type, dates, stated attributes (a rule's default never conflicts), casualty counts and sums.
    /// `loose`: a re-mention pointed back at (its forces had struck …) names the weapon loosely; its means never conflicts.
    func compatible(_ a: FoundEvent, _ b: FoundEvent, sameSentence: Bool = false, loose: Bool = false) -> Bool {
        guard a.event.type == b.event.type, datesAgree(date(a.event), date(b.event)) else { return false }
        // In one sentence, 空袭和炮击 are one attack told by two weapons: the means may differ.
        for key in ["status", "medium", "scope", "means", "kind"] where !((sameSentence || loose) && key == "means") {
            // A default weapon or kind (`other`) says nothing; a default status is still a reading of the
            // tense (释放 without 将 happened), which keeps a deal's terms apart from the swap itself.
            if key != "status", a.defaults.contains(key) || b.defaults.contains(key) { continue }
            if let x = a.event.attrs[key], let y = b.event.attrs[key], x != y { return false }
        }
        // An exchange frees people on both sides (24 hostages, 39 prisoners): its released counts never conflict.
        for role in ["killed", "injured", "missing", "released", "amount"] where !(role == "released" && a.event.type == "prisoner_exchange") {
            if let x = a.event.args.first(where: { $0.role == role }).flatMap({ amount($0.value) }),
               let y = b.event.args.first(where: { $0.role == role }).flatMap({ amount($0.value) }), x != y { return false }
        }
        // The target of one attack striking back (巴基斯坦 hit by India's strike, then 巴基斯坦和印度交火) is another attack.
        if a.event.type == "attack", !sameSentence, rolesReversed(a.event, b.event) { return false }
        // Two jail terms in a story (three years, then six months on appeal) are two sentences.
        if a.event.type == "sentence", let x = term(a.event), let y = term(b.event), x != y { return false }
        return true
    }

    func sameEvent(_ first: FoundEvent, _ second: FoundEvent) -> Bool {
        let sameSentence = first.sentence == second.sentence
        guard compatible(first, second, sameSentence: sameSentence) else { return false }
        let a = first.event, b = second.event
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
        // One mention names only some of the other's sides (中国总理 … 再次访问 after 李强 … 访问印尼).
        // Not for attacks: one side often strikes several times in one story. The mention naming
        // fewer sides must bring nothing else of its own (a date, a count) that could set it apart.
        if shared >= 1, a.type != "attack" {
            func addsNothing(_ e: Event) -> Bool { date(e) == nil && !e.args.contains { amount($0.value) != nil } }
            if namesA.isSubset(of: namesB), addsNothing(a) { return true }
            if namesB.isSubset(of: namesA), addsNothing(b) { return true }
        }
        // A mention with nothing to tell it apart (双方通话持续两小时, 战俘交换持续进行) is the story's event.
        // Arrests of different numbers of people (17 held yesterday, 2 earlier this month) are two, even when one
        // mention names nothing else; crowd and evacuation figures vary between re-mentions of one event.
        if identifyingKeys(a).isEmpty || identifyingKeys(b).isEmpty { return !(a.type == "arrest" && countsDiffer(a, b)) }
        // A story's swap told from each side (24 hostages freed …; 39 prisoners released in return) is one
        // exchange when the status agrees and no date or place tells them apart.
        if a.type == "prisoner_exchange", a.attrs["status"] == b.attrs["status"], !placesDiffer(a, b) { return true }
        // A truce of one stated scope with one status (agreed to stop striking energy sites) is one event in a
        // story, whoever the sentence names; dates that differ have already kept two apart.
        if a.type == "ceasefire", let status = a.attrs["status"], status == b.attrs["status"],
           let scope = a.attrs["scope"], scope == b.attrs["scope"], !first.defaults.contains("scope"), !second.defaults.contains("scope") {
            return true
        }
        // The same side proposing (agreeing to, rejecting) a truce twice in one story is one event.
        if shared == 1, a.type == "ceasefire", let status = a.attrs["status"], status == b.attrs["status"] { return true }
        if incidentTypes.contains(a.type) {
            if !incidentKeys(a).intersection(incidentKeys(b)).isEmpty { return true }
            // The same attacker in a headline and its lead (泰军轰炸… / 泰军26日对…发动攻击): one attack,
            // unless the two name different places. Later in a story one side often strikes again.
            if shared >= 1, a.type == "attack", first.sentence == 0, second.sentence <= 2, !placesDiffer(a, b) { return true }
            // A later mention of an attack that names no place, casualties or count of its own
            // and no other day (将攻击归咎于…, 死于…攻击的罹难者) refers back to the attack told before.
            if a.type == "attack", bareReMention(b, of: a) { return true }
            // Arrests, evacuations, protests … by the same actor in one story: one event. Accidents
            // are not merged on actors alone.
            if shared >= 1 && a.type != "accident" && a.type != "attack" && !countsDiffer(a, b) { return true }
            // A story tells one arrest, protest, sentencing … and names its actors differently each
            // time (the police / a special team; 国盟 / 集会民众): what does not contradict it is it.
            if storyTypes.contains(a.type) { return !placesDiffer(a, b) && !countsDiffer(a, b) }
            return false
        }
        return false
    }

    /// `later` adds nothing that could make it another incident than `earlier`.
    func bareReMention(_ later: Event, of earlier: Event) -> Bool {
        guard incidentKeys(later).isEmpty, !later.args.contains(where: { amount($0.value) != nil }) else { return false }
        // The target striking back (哈马斯先向以军开火 after 以军空袭) is another attack.
        if rolesReversed(earlier, later) { return false }
        guard let day = date(later) else { return true }
        return sameDay(day, date(earlier))
    }

    /// One event's target is the other's attacker.
    func rolesReversed(_ a: Event, _ b: Event) -> Bool {
        func names(_ e: Event, _ role: String) -> Set<String> { Set(e.args.filter { $0.role == role }.compactMap { $0.value.entity?.name }) }
        return !names(b, "patient").isDisjoint(with: names(a, "agent")) || !names(b, "agent").isDisjoint(with: names(a, "patient"))
    }

    /// Types a story usually tells once: a mention that contradicts nothing is the same event.
    let storyTypes: Set<String> = ["arrest", "protest", "evacuation", "theft", "settlement"]

    /// Both give a plain count (people arrested, protesters) and the numbers differ.
    func countsDiffer(_ a: Event, _ b: Event) -> Bool {
        let x = a.args.first { $0.role == "count" }.flatMap { amount($0.value) }
        let y = b.args.first { $0.role == "count" }.flatMap { amount($0.value) }
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

    /// A sentence's jail term.
    func term(_ e: Event) -> String? {
        for arg in e.args where arg.role == "duration" {
            if case .duration(let d) = arg.value { return d.iso }
        }
        return nil
    }

    /// The number in a count or amount (6 and 6人 are the same count; 近6000 and 6000 the same sum).
    func amount(_ value: MentionValue) -> Double? {
        switch value {
        case .quantity(let q): q.amount
        case .money(let m): m.amount
        default: nil
        }
    }

    /// Everything that tells one event from another: actors, places, counts, amounts, a date.
    /// Casualty counts are left out: an attach rule may have given them to a bare re-mention
    /// (这是今年最大的一次交换, 15 of the freed soldiers were wounded); a differing count still conflicts.
    func identifyingKeys(_ e: Event) -> Set<String> {
        var keys = actorNames(e)
        var casualtyFree = e
        casualtyFree.args.removeAll { ["killed", "injured", "missing"].contains($0.role) }
        keys.formUnion(incidentKeys(casualtyFree))
        if date(e) != nil { keys.insert("date") }
        return keys
    }

    /// Places, counts and amounts that identify an incident.
    func incidentKeys(_ e: Event) -> Set<String> {
        Set(e.args.compactMap { arg -> String? in
            switch arg.value {
            // A place a rule only guessed from the text (type other), or a dateline's, tells no incidents apart.
            case .place(let p) where p.type != "other" && !datelines.contains(where: { $0.contains(arg.span) }): return "place:" + p.name
            case .quantity(let q) where arg.role != "count": return "count:" + String(q.amount)
            case .money(let m): return "money:" + String(m.amount)
            default: return nil
            }
        })
    }

    let singleValued: Set<String> = ["date", "duration", "killed", "injured", "missing", "released", "amount", "count"]

    func union(_ first: FoundEvent, _ second: FoundEvent) -> Event {
        let a = first.event, b = second.event
        var out = a
        // A bare re-mention naming other actors (若开军将攻击归咎于军政府) is someone's report of the attack: its actors are no sides.
        let report = (a.type == "attack" && bareReMention(b, of: a) || a.type == "ceasefire" && !actorNames(a).isEmpty)
            && actorNames(a).isDisjoint(with: actorNames(b))
        for arg in b.args where !(report && arg.kind == .actor) {
            guard adds(arg, to: out.args, type: a.type) else { continue }
            if singleValued.contains(arg.role), arg.role != "released" { out.args.removeAll { $0.role == arg.role && vague($0) } }
            out.args.append(arg)
        }
        for (key, value) in b.attrs {
            // A value the text states replaces a rule's default.
            if out.attrs[key] == nil || (first.defaults.contains(key) && !second.defaults.contains(key)) { out.attrs[key] = value }
        }
        out.confidence = max(a.confidence, b.confidence)
        return out
    }

    /// Whether a merged record of `type` holding `args` gains `arg`.
    func adds(_ arg: EventArgument, to args: [EventArgument], type: String) -> Bool {
        let sameRole = args.filter { $0.role == arg.role }
        if singleValued.contains(arg.role), !sameRole.isEmpty {
            // A figure in digits replaces a vague one in words for the same role (Hundreds → More than 200 people).
            if ["killed", "injured", "missing", "count"].contains(arg.role), sameRole.count == 1, vague(sameRole[0]),
               arg.text.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) { return true }
            // Each side's released count of an exchange is kept; other single-valued roles keep the first value.
            guard arg.role == "released", type == "prisoner_exchange" else { return false }
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
