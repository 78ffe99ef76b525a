/// The six kinds of mention (schema.md "Mention").
public enum MentionKind: String, CaseIterable, Hashable, Codable, Sendable {
    case actor, place, date, quantity, money, duration
}

/// How an amount relates to the number written (超过 → moreThan, 约 → approx, …).
public enum AmountModifier: String, Hashable, Codable, Sendable {
    case approx, moreThan = "more_than", lessThan = "less_than", atLeast = "at_least", atMost = "at_most"
}

/// Which part of a period, or how a date relates to the one written.
public enum DateModifier: String, Hashable, Codable, Sendable {
    case start, mid, end, approx, before, after
}

/// An actor or a place: canonical name, type, country.
public struct EntityValue: Hashable, Sendable {
    /// Canonical name from the lexicon (English).
    public var name: String
    /// person, country, organization, armed_group, group (actors); city, country, region, sea, facility, other (places).
    public var type: String
    /// ISO 3166 alpha-3 code, when known.
    public var country: String?

    public init(name: String, type: String, country: String? = nil) {
        self.name = name
        self.type = type
        self.country = country
    }
}

/// A date at the precision the text gives: `2025-03-19`, `2025-03`, `2025`, or a range.
public struct DateValue: Hashable, Sendable {
    /// ISO 8601 (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); nil for a range or when the reference date was needed and unknown.
    public var date: String?
    /// Range start, ISO 8601 at any precision.
    public var start: String?
    /// Range end, ISO 8601 at any precision.
    public var end: String?
    /// Part of the period (2月底 → end) or relation (before/after/approx).
    public var mod: DateModifier?
    /// Debug: what the value was resolved against (e.g. `reference 2025-03-20`, `dateline 2025-03-19`); not part of the record.
    public var anchor: String?

    public init(date: String?, mod: DateModifier? = nil, anchor: String? = nil) {
        self.date = date
        self.mod = mod
        self.anchor = anchor
    }

    public init(start: String?, end: String?, mod: DateModifier? = nil, anchor: String? = nil) {
        self.start = start
        self.end = end
        self.mod = mod
        self.anchor = anchor
    }
}

/// A count: 175名 → 175 person.
public struct QuantityValue: Hashable, Sendable {
    public var amount: Double
    /// person, item, aircraft, vessel, vehicle, percent, …; nil when no unit is written.
    public var unit: String?
    public var mod: AmountModifier?

    public init(amount: Double, unit: String? = nil, mod: AmountModifier? = nil) {
        self.amount = amount
        self.unit = unit
        self.mod = mod
    }
}

/// An amount of money in an ISO 4217 currency.
public struct MoneyValue: Hashable, Sendable {
    public var amount: Double
    /// ISO 4217 code; nil when unknown.
    public var currency: String?
    public var mod: AmountModifier?
    /// True when the currency was not written (bare 元 or $) and was taken from the document's country.
    public var currencyAssumed: Bool

    public init(amount: Double, currency: String?, mod: AmountModifier? = nil, currencyAssumed: Bool = false) {
        self.amount = amount
        self.currency = currency
        self.mod = mod
        self.currencyAssumed = currencyAssumed
    }
}

/// A length of time: 30天 → P30D, 30 day.
public struct DurationValue: Hashable, Sendable {
    /// ISO 8601 duration (`P30D`, `PT1H`, `P3Y6M`).
    public var iso: String
    /// The amount in `unit`.
    public var amount: Double
    /// year, month, week, day, hour, minute, second.
    public var unit: String

    public init(iso: String, amount: Double, unit: String) {
        self.iso = iso
        self.amount = amount
        self.unit = unit
    }
}

/// A normalised mention value; its case is the mention kind.
public enum MentionValue: Hashable, Sendable {
    case actor(EntityValue)
    case place(EntityValue)
    case date(DateValue)
    case quantity(QuantityValue)
    case money(MoneyValue)
    case duration(DurationValue)

    /// The kind this value belongs to.
    public var kind: MentionKind {
        switch self {
        case .actor: .actor
        case .place: .place
        case .date: .date
        case .quantity: .quantity
        case .money: .money
        case .duration: .duration
        }
    }

    /// The entity, for actors and places.
    public var entity: EntityValue? {
        switch self {
        case .actor(let e), .place(let e): e
        default: nil
        }
    }
}
