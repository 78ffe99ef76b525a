import Records

/// True positives, predictions and gold items of one class, with precision, recall and F1.
public struct Tally: Sendable, Equatable {
    public var tp = 0
    public var pred = 0
    public var gold = 0

    public init(tp: Int = 0, pred: Int = 0, gold: Int = 0) {
        self.tp = tp
        self.pred = pred
        self.gold = gold
    }

    public var precision: Double { pred > 0 ? Double(tp) / Double(pred) : 0 }
    public var recall: Double { gold > 0 ? Double(tp) / Double(gold) : 0 }
    public var f1: Double {
        let p = precision, r = recall
        return p + r > 0 ? 2 * p * r / (p + r) : 0
    }

    static func + (a: Tally, b: Tally) -> Tally { Tally(tp: a.tp + b.tp, pred: a.pred + b.pred, gold: a.gold + b.gold) }
}

/// Attribute checks on matched events: how many gold attribute values the prediction had right.
public struct AttributeTally: Sendable, Equatable {
    public var ok = 0
    public var all = 0
    public var accuracy: Double { all > 0 ? Double(ok) / Double(all) : 0 }

    static func + (a: AttributeTally, b: AttributeTally) -> AttributeTally { AttributeTally(ok: a.ok + b.ok, all: a.all + b.all) }
}

/// What one rule's events did against the gold.
public struct RuleTally: Sendable, Equatable {
    /// Events that matched a required gold event.
    public var right = 0
    /// Events that matched no gold event (false alarms).
    public var wrong = 0
    /// Events that matched an optional gold event (neither right nor wrong).
    public var optional = 0
    /// Arguments of its matched required events that matched, and that did not.
    public var argsRight = 0
    public var argsWrong = 0

    public init(right: Int = 0, wrong: Int = 0, optional: Int = 0, argsRight: Int = 0, argsWrong: Int = 0) {
        self.right = right
        self.wrong = wrong
        self.optional = optional
        self.argsRight = argsRight
        self.argsWrong = argsWrong
    }

    static func + (a: RuleTally, b: RuleTally) -> RuleTally {
        RuleTally(right: a.right + b.right, wrong: a.wrong + b.wrong, optional: a.optional + b.optional,
                  argsRight: a.argsRight + b.argsRight, argsWrong: a.argsWrong + b.argsWrong)
    }
}

/// A sentence with spans to highlight, offsets in its own Unicode scalars.
public struct HighlightedText: Sendable, Equatable {
    public var text: String
    public var highlights: [Span]

    public init(text: String, highlights: [Span]) {
        self.text = text
        self.highlights = highlights
    }
}

/// A required gold event no prediction matched.
public struct Miss: Sendable, Equatable {
    public var doc: String
    public var type: String
    /// The gold evidence (its first string), with the gold arguments' words highlighted.
    public var evidence: HighlightedText
}

/// A prediction that matched no gold event.
public struct FalseAlarm: Sendable, Equatable {
    public var doc: String
    public var type: String
    public var trigger: String
    public var rule: String
    /// The predicted event's evidence sentence, trigger highlighted.
    public var sentence: HighlightedText
}

/// An argument of a matched required event that was extra (predicted, not in gold) or missed.
public struct ArgumentError: Sendable, Equatable {
    public enum Kind: String, Sendable { case extra, missed }
    public var doc: String
    public var type: String
    public var kind: Kind
    public var role: String
    public var text: String?
    public var value: JSONValue?
}

/// The score of predictions against gold: the numbers of score.py and the tables a rule author needs.
public struct Score: Sendable, Equatable {
    public var events = Tally()
    public var args = Tally()
    public var attrs = AttributeTally()
    public var byType: [String: Tally] = [:]
    public var byRole: [String: Tally] = [:]
    public var byAttribute: [String: AttributeTally] = [:]
    public var byRule: [String: RuleTally] = [:]
    public var misses: [Miss] = []
    public var falseAlarms: [FalseAlarm] = []
    public var argumentErrors: [ArgumentError] = []

    public init() {}

    /// The sum of two scores (several corpora in one run).
    public static func + (a: Score, b: Score) -> Score {
        var s = a
        s.events = a.events + b.events
        s.args = a.args + b.args
        s.attrs = a.attrs + b.attrs
        s.byType.merge(b.byType, uniquingKeysWith: +)
        s.byRole.merge(b.byRole, uniquingKeysWith: +)
        s.byAttribute.merge(b.byAttribute, uniquingKeysWith: +)
        s.byRule.merge(b.byRule, uniquingKeysWith: +)
        s.misses += b.misses
        s.falseAlarms += b.falseAlarms
        s.argumentErrors += b.argumentErrors
        return s
    }
}
