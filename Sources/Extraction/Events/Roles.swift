import Records

/// How a mention's reading becomes the kind a role takes (the taxonomy says which kind that is).
enum Roles {
    /// The reading of `mention` that can fill a role of `kind`: its own reading of that kind, or
    /// a country or city read across (乌克兰 as a place, 基辅 as an actor).
    /// `explicit` is true when a rule's group captured the mention for this role (or a dateline
    /// supplies it): a city read as an actor, or a country read as a place, is accepted then —
    /// never when the role is filled from the sentence, where 乌克兰 is far more often a side than a place.
    static func value(of mention: Mention, as kind: MentionKind, explicit: Bool = true) -> MentionValue? {
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
