import Records

/// Merges repeated mentions of one real event inside a segment into one record.
///
/// Heuristic: two events of the same type in the same segment are one when their dates do
/// not conflict, their statuses do not conflict, and they share two actors — or share one
/// actor and the same known date. The merged record keeps the first mention's trigger and
/// evidence and takes the union of the arguments (one value per role for dates, counts and
/// amounts: the first).
enum Coalescer {
    static func coalesce(_ events: [(event: Event, segment: Int, rules: [String])]) -> [Event] {
        var merged: [(event: Event, segment: Int)] = []
        for (event, segment, _) in events {
            if let index = merged.firstIndex(where: { $0.segment == segment && sameEvent($0.event, event) }) {
                merged[index].event = union(merged[index].event, event)
            } else {
                merged.append((event, segment))
            }
        }
        return merged.map(\.event)
    }

    static func actorNames(_ e: Event) -> Set<String> {
        Set(e.args.filter { $0.kind == .actor }.compactMap { $0.value.entity?.name })
    }

    static func date(_ e: Event) -> MentionValue? { e.args.first { $0.role == "date" }?.value }

    static func sameEvent(_ a: Event, _ b: Event) -> Bool {
        guard a.type == b.type else { return false }
        let dateA = date(a), dateB = date(b)
        if let dateA, let dateB, dateA != dateB { return false }
        for key in ["status", "medium", "scope", "means", "kind"] {
            if let x = a.attrs[key], let y = b.attrs[key], x != y { return false }
        }
        let shared = actorNames(a).intersection(actorNames(b)).count
        return shared >= 2 || (shared == 1 && dateA != nil && dateA == dateB)
    }

    static let singleValued: Set<String> = ["date", "duration", "killed", "injured", "missing", "released", "amount", "count"]

    static func union(_ a: Event, _ b: Event) -> Event {
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
