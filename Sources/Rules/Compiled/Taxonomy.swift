import Records

/// The event types a pack may produce, their roles and allowed attribute values, and what each
/// type's mentions share when two are one event (Rules/taxonomy.yaml, mirroring docs/taxonomy.md).
/// The engine knows no other type and no other role: what a role or a type means is read here,
/// never from its name.
public struct Taxonomy: Sendable {
    /// One role an argument may take.
    public struct Role: Sendable, Equatable {
        public var name: String
        /// The kind of mention that fills it (`place` also takes a country, `actor` a capital: `Roles`).
        public var kind: MentionKind
        /// One value per record: a merged record keeps the first (a figure in digits replaces a vague one).
        public var single: Bool
        /// How many mentions `fill: [role]` adds by default (two sides of a call; one of anything else).
        public var fill: Int
        /// A casualty figure: compared when coalescing, but no reason on its own to tell two mentions
        /// apart (an attach rule may have given it to a bare re-mention).
        public var casualty: Bool
        /// The plain head count (people arrested, protesters): two differing ones keep story events apart.
        public var headcount: Bool
        /// Who acts or who undergoes the event: a target word never fills a doer, and a target
        /// striking back is another attack.
        public var side: Side?

        public init(name: String, kind: MentionKind, single: Bool = false, fill: Int = 1, casualty: Bool = false,
                    headcount: Bool = false, side: Side? = nil) {
            self.name = name
            self.kind = kind
            self.single = single
            self.fill = fill
            self.casualty = casualty
            self.headcount = headcount
            self.side = side
        }
    }

    public enum Side: String, Sendable, CaseIterable {
        case doer, target
    }

    /// One event type.
    public struct EventType: Sendable {
        public var name: String
        /// Roles this type's arguments may take.
        public var roles: Set<String>
        /// Attribute name → allowed values (`true`/`false` for flags).
        public var attributes: [String: Set<String>]
        /// When two mentions of this type are one event, and what the merged record keeps.
        public var coalescing: Coalescing

        public init(name: String, roles: Set<String>, attributes: [String: Set<String>], coalescing: Coalescing = Coalescing()) {
            self.name = name
            self.roles = roles
            self.attributes = attributes
            self.coalescing = coalescing
        }
    }

    /// A type's `coalesce:` block.
    public struct Coalescing: Sendable, Equatable {
        /// Attributes whose differing stated values keep two mentions apart (a rule's default does not count…).
        public var conflictingAttributes: [String] = []
        /// …except for these, whose default is still a reading (释放 without 将: happened).
        public var defaultsConflict: Set<String> = []
        /// Attributes that may differ inside one sentence or in a pointed-back re-mention (空袭和炮击: one attack).
        public var loose: Set<String> = []
        /// Roles whose differing first values keep two mentions apart (dates by what they cover, figures by number).
        public var conflictingRoles: [String] = []
        /// Roles counted per side: never a conflict, and the merged record keeps each distinct figure.
        public var eachSide: Set<String> = []
        /// Outside one sentence, one mention's target being the other's doer makes two events.
        public var reversedSidesConflict = false
        /// A mention naming nothing else is still another event when its head count differs.
        public var distinctCounts = false
        /// When a joined mention naming none of the record's sides is only someone's report of it.
        public var reporters: Reporters?
        /// Further reasons two mentions are one event, beyond shared sides (always tried).
        public var joins: [Join] = []

        public init() {}
    }

    public enum Reporters: String, Sendable, CaseIterable {
        /// Whenever the record already names sides (a truce announced by a third party).
        case always
        /// When the joined mention is a bare re-mention (若开军将攻击归咎于军政府).
        case bareReMention = "bare-re-mention"
    }

    /// A reason two compatible mentions are one event. The Coalescer tries them in this order.
    public enum Join: Sendable, Equatable {
        /// One names only some of the other's sides and brings no date or figure of its own.
        case fewerSides
        /// The listed attributes are equal (both absent counts) and no identifying place differs.
        case sameAttributes([String])
        /// The listed attributes are stated (or a default that conflicts) and equal.
        case statedAttributes([String])
        /// One shared side, and the listed attributes stated and equal.
        case oneSideAndAttributes([String])
        /// One identifying place, casualty figure or amount in common.
        case sharedPlaceOrFigure
        /// The same side in the headline and a lead sentence, and no place differs.
        case headlineAndLead
        /// A later mention with no place, figure or other day of its own.
        case bareReMention
        /// One shared side, and head counts that do not differ.
        case oneSide
        /// The story tells one such event: whatever contradicts nothing (no place or count differs) is it.
        case onePerStory

        /// Its place in the order the Coalescer tries joins in.
        public var order: Int {
            switch self {
            case .fewerSides: 0
            case .sameAttributes: 1
            case .statedAttributes: 2
            case .oneSideAndAttributes: 3
            case .sharedPlaceOrFigure: 4
            case .headlineAndLead: 5
            case .bareReMention: 6
            case .oneSide: 7
            case .onePerStory: 8
            }
        }

        /// The names written in taxonomy.yaml, in that order.
        public static let names = ["fewer-sides", "same-attrs", "stated-attrs", "one-side-and-attrs", "shared-place-or-figure",
                                   "headline-and-lead", "bare-re-mention", "one-side", "one-per-story"]
    }

    /// Every role any type may use, by name.
    public var roles: [String: Role]
    /// Types by name.
    public var types: [String: EventType]

    public init(roles: [String: Role], types: [String: EventType]) {
        self.roles = roles
        self.types = types
    }

    /// The kind of mention that fills `role`; nil for a role the taxonomy does not declare
    /// (which the pack's lint reports: it is never read as an actor).
    public func kind(of role: String) -> MentionKind? { roles[role]?.kind }

    /// The roles with a property, for a type (those it may take) or for every type.
    public func roles(of type: String? = nil, where property: (Role) -> Bool) -> [String] {
        let names = type.flatMap { types[$0]?.roles } ?? Set(roles.keys)
        return names.sorted().filter { roles[$0].map(property) ?? false }
    }
}
