/// Where an event record lives: its document and its position in that document's `events`.
public struct EventRef: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var doc: String
    public var index: Int

    public init(doc: String, index: Int) {
        self.doc = doc
        self.index = index
    }

    public static func < (a: EventRef, b: EventRef) -> Bool { (a.doc, a.index) < (b.doc, b.index) }

    /// `doc#index`.
    public var description: String { "\(doc)#\(index)" }
}

/// One source's number for a story: "205 soldiers each side" in one article, "390 prisoners" in another.
public struct StoryFigure: Hashable, Sendable {
    /// killed, injured, missing or released.
    public var role: String
    /// The number as written.
    public var amount: Double
    /// True when the source gives the number per side (prisoner exchanges).
    public var perSide: Bool
    /// The number for the whole event: `amount`, doubled when per side.
    public var total: Double
    /// approx, more_than, … as the quantity says.
    public var mod: AmountModifier?
    /// The argument's text as written.
    public var text: String
    /// The event that gave it.
    public var source: EventRef

    public init(role: String, amount: Double, perSide: Bool, mod: AmountModifier?, text: String, source: EventRef) {
        self.role = role
        self.amount = amount
        self.perSide = perSide
        self.total = perSide ? amount * 2 : amount
        self.mod = mod
        self.text = text
        self.source = source
    }

    /// An upper bound only ("fewer than 10") is not a credible smallest figure.
    public var isUpperBound: Bool { mod == .lessThan || mod == .atMost }
}

/// One real-world event, reported by one or more event records (usually from several articles).
public struct Story: Hashable, Sendable {
    /// `S1`, `S2`, … in story order (date, type, first member).
    public var id: String
    public var type: String
    /// The earliest date its members give; nil when none gives one (such a story has one member).
    public var date: CivilDate?
    /// Its event records, in (date, doc, index) order.
    public var members: [EventRef]
    /// Canonical actor names of its members, sorted.
    public var actors: [String]
    /// Canonical place names of its members, sorted.
    public var places: [String]
    /// Every source's figure, by role, in member order.
    public var figures: [StoryFigure]

    public init(id: String, type: String, date: CivilDate?, members: [EventRef], actors: [String], places: [String], figures: [StoryFigure]) {
        self.id = id
        self.type = type
        self.date = date
        self.members = members
        self.actors = actors
        self.places = places
        self.figures = figures
    }

    /// Distinct documents reporting it, sorted.
    public var documents: [String] { Array(Set(members.map(\.doc))).sorted() }

    /// The conservative figure for a role: the smallest credible total among the sources (as
    /// ACLED does); upper bounds count only when no source gives anything else. nil when no source has one.
    public func conservative(_ role: String) -> StoryFigure? {
        let all = figures.filter { $0.role == role }
        let credible = all.filter { !$0.isUpperBound }
        let pool = credible.isEmpty ? all : credible
        return pool.min { ($0.total, $0.source) < ($1.total, $1.source) }
    }
}
