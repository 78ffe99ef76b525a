import Records

/// Which mention kind fills a role, and how a mention's reading becomes that kind.
enum Roles {
    static func kind(of role: String) -> MentionKind {
        switch role {
        case "place": .place
        case "date": .date
        case "killed", "injured", "missing", "released", "count": .quantity
        case "amount": .money
        case "duration": .duration
        default: .actor
        }
    }

    /// The reading of `mention` that can fill `role`: its own reading of the role's kind, or
    /// a country or city read across (乌克兰 as a place, 基辅 as an actor).
    /// `explicit` is true when a rule's group captured the mention for this role (or a dateline
    /// supplies it): a city read as an actor, or a country read as a place, is accepted then —
    /// never when the role is filled from the sentence, where 乌克兰 is far more often a side than a place.
    static func value(of mention: Mention, for role: String, explicit: Bool = true) -> MentionValue? {
        let kind = kind(of: role)
        if let reading = mention.reading(kind) {
            // A head count is whole: "a third of the teachers" is a share, never a count of people.
            if case .quantity(let q) = reading, q.unit == nil || q.unit == "person", q.amount < 1 || q.amount != q.amount.rounded() {
                return nil
            }
            return reading
        }
        switch (kind, mention.value) {
        case (.place, .actor(let e)) where explicit && e.type == "country": return .place(e)
        case (.actor, .place(let e)) where explicit && (e.type == "country" || e.type == "city"): return .actor(e)
        default: return nil
        }
    }
}
