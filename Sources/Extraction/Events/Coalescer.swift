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
            if let index = recent[key, default: []].first(where: {
                sameEvent(merged[$0].event, found.event, sameSentence: merged[$0].sentence == found.sentence)
            }) {
                if merged[index].caption && !found.caption {
                    merged[index] = FoundEvent(event: union(found.event, merged[index].event), segment: found.segment,
                                               sentence: found.sentence, caption: false)
                } else {
                    merged[index].event = union(merged[index].event, found.event)
                }
            } else {
                recent[key, default: []].append(merged.count)
                if recent[key]!.count > Coalescer.window { recent[key]!.removeFirst() }
                merged.append(found)
            }
        }
        return merged.map(\.event)
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

    func sameEvent(_ a: Event, _ b: Event, sameSentence: Bool = false) -> Bool {
        guard a.type == b.type else { return false }
        let dateA = date(a), dateB = date(b)
        if let dateA, let dateB, dateA != dateB { return false }
        // In one sentence, 空袭和炮击 are one attack told by two weapons: the means may differ.
        for key in ["status", "medium", "scope", "means", "kind"] where !(sameSentence && key == "means") {
            if let x = a.attrs[key], let y = b.attrs[key], x != y { return false }
        }
        // In one sentence, two triggers of one type (连环车祸 … 失控撞; 空袭和炮击) tell one event when one
        // names no side the other lacks (特朗普与普京通话… 与泽连斯基通话 are two calls).
        if sameSentence {
            let sidesA = actorNames(a), sidesB = actorNames(b)
            if sidesA.isSubset(of: sidesB) || sidesB.isSubset(of: sidesA) { return true }
        }
        for role in ["killed", "injured", "missing", "released", "amount"] {
            if let x = a.args.first(where: { $0.role == role }).flatMap({ amount($0.value) }),
               let y = b.args.first(where: { $0.role == role }).flatMap({ amount($0.value) }), x != y { return false }
        }
        let namesA = actorNames(a), namesB = actorNames(b)
        let shared = namesA.intersection(namesB).count
        if shared >= 2 || (shared == 1 && dateA != nil && dateA == dateB) { return true }
        // One mention names only some of the other's sides (中国总理 … 再次访问 after 李强 … 访问印尼).
        // Not for attacks: one side often strikes several times in one story. The mention naming
        // fewer sides must bring nothing else of its own (a date, a count) that could set it apart.
        if shared >= 1, a.type != "attack" {
            func addsNothing(_ e: Event) -> Bool { date(e) == nil && !e.args.contains { amount($0.value) != nil } }
            if namesA.isSubset(of: namesB), addsNothing(a) { return true }
            if namesB.isSubset(of: namesA), addsNothing(b) { return true }
        }
        // A mention with nothing to tell it apart (双方通话持续两小时, 战俘交换持续进行) is the story's event.
        if identifyingKeys(a).isEmpty || identifyingKeys(b).isEmpty { return true }
        // The same side proposing (agreeing to, rejecting) a truce twice in one story is one event.
        if shared == 1, a.type == "ceasefire", let status = a.attrs["status"], status == b.attrs["status"] { return true }
        if incidentTypes.contains(a.type) {
            if !incidentKeys(a).intersection(incidentKeys(b)).isEmpty { return true }
            // Arrests, evacuations, protests … by the same actor in one story: one event. Attacks and
            // accidents are not merged on actors alone (one side often attacks several times).
            return shared >= 1 && a.type != "attack" && a.type != "accident"
        }
        return false
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

    func union(_ a: Event, _ b: Event) -> Event {
        var out = a
        for arg in b.args {
            if singleValued.contains(arg.role), out.args.contains(where: { $0.role == arg.role }) { continue }
            if out.args.contains(where: { $0.role == arg.role && ($0.span == arg.span || ($0.value.entity != nil && $0.value.entity?.name == arg.value.entity?.name)) }) { continue }
            out.args.append(arg)
        }
        for (key, value) in b.attrs where out.attrs[key] == nil { out.attrs[key] = value }
        out.confidence = max(a.confidence, b.confidence)
        return out
    }
}
