import Normalizers
import PCRE2
import Records

/// An expected result in a rule's `examples:`.
public struct RuleExample: Sendable {
    /// What the rule should produce on `text`.
    public enum Expectation: Sendable {
        /// Nothing from this rule.
        case none
        /// An event: its roles (role → expected texts or values as written) and attributes.
        case event(type: String?, args: [(role: String, expected: String)], attrs: [String: String])
        /// A mention: expected text and value (value fields as written).
        case mention(text: String?, value: [(String, String)])
    }

    public var text: String
    /// Reference date for relative dates in the example.
    public var date: CivilDate?
    public var expectation: Expectation
    /// Where the example is written.
    public var location: SourceLocation
}

/// How an attribute gets its value: fixed, or mapped from the words a group captured.
public enum AttributeSpec: Sendable {
    case fixed(AttributeValue)
    /// `from` names a group; `map` turns its captured text into a value; `fallback` when unset or unmapped.
    case mapped(from: String, map: [String: AttributeValue], fallback: AttributeValue?)

    /// The value of the map key found in `text`, ignoring case: the longest key wins, then the
    /// alphabetically first, so the answer never depends on dictionary order.
    public static func firstContained(in text: String, _ map: [String: AttributeValue]) -> AttributeValue? {
        let lowered = text.lowercased()
        return map.filter { lowered.contains($0.key.lowercased()) }
            .max { ($0.key.count, $1.key) < ($1.key.count, $0.key) }?.value
    }
}

/// Conditions on the mention a role group captured (or that fills a role).
public struct MentionConstraint: Sendable {
    /// Allowed entity types (person, country, …) or quantity units.
    public var types: Set<String>?
    /// Allowed countries (ISO alpha-3).
    public var countries: Set<String>?
    /// Allowed canonical names.
    public var names: Set<String>?
    /// Allowed quantity units.
    public var units: Set<String>?

    public init(types: Set<String>? = nil, countries: Set<String>? = nil, names: Set<String>? = nil, units: Set<String>? = nil) {
        self.types = types
        self.countries = countries
        self.names = names
        self.units = units
    }

    /// True when `value` meets every condition.
    public func accepts(_ value: MentionValue) -> Bool {
        switch value {
        case .actor(let e), .place(let e):
            if let types, !types.contains(e.type) { return false }
            if let countries, !countries.contains(e.country ?? "") { return false }
            if let names, !names.contains(e.name) { return false }
        case .quantity(let q):
            if let units, !units.contains(q.unit ?? "") { return false }
        default:
            break
        }
        return true
    }
}

/// What every compiled rule shares.
public struct RuleHeader: Sendable {
    /// `<lang>.<type-or-kind>.<slug>`, unique and stable.
    public var id: String
    /// `file:line` of the rule inside the pack, as event records cite it.
    public var source: String
    public var location: SourceLocation
    public var priority: Int
    public var examples: [RuleExample]
    /// The pattern after fragment expansion, for explain and error messages.
    public var expandedPattern: String
}

/// Finds mentions of one kind and hands the match to a normaliser.
public struct EntityRule: Sendable {
    public var header: RuleHeader
    public var kind: MentionKind
    public var regex: Regex
    /// Which normaliser reads the match; nil for actor/place rules with a fixed `value`.
    public var normalizer: NormalizerKind?
    /// A fixed value for every match (actor and place rules).
    public var fixedValue: MentionValue?

    /// The name of an actor or place rule's value that stands for the matched text itself.
    public static let matchedName = "\u{0}matched"

    /// True for a rule that names what it matched: a lexicon name overlapping it wins.
    public var namesItsMatch: Bool { fixedValue?.entity?.name == EntityRule.matchedName }
}

/// Finds events in sentences whose mentions are folded to placeholders.
public struct EventRule: Sendable {
    public var header: RuleHeader
    public var type: String
    public var regex: Regex
    /// Named role groups → role (`participant2` → participant).
    public var roleGroups: [String: String]
    /// `trigger`, `trigger2` …: the groups that mark the trigger, in order.
    public var triggerGroups: [String]
    public var constraints: [String: MentionConstraint]
    public var attributes: [String: AttributeSpec]
    /// Roles filled from the sentence's mentions when the pattern did not capture them, with how many at most
    /// (`firstMention`: the sentence's first suitable mention instead of the nearest).
    public var fill: [(role: String, limit: Int)]
    /// The `fill` limit that means "the sentence's first mention".
    public static let firstMention = -1
    /// Roles filled from the segment's dateline when still empty (date, place).
    public var fillFromDateline: Set<String>
    /// Patterns that veto a match anywhere in the same sentence.
    public var unless: [Regex]
    /// Patterns that veto a match only in the clause the match is in (否认曾率先开火，并称印军炮击…).
    public var unlessClause: [Regex]
    /// Literal alternatives, one of which must occur in the sentence (empty: no prefilter).
    public var requiredLiterals: [String]
    /// True when `requiredLiterals` is a written `requires:` (part of what the rule means, kept on
    /// the plain path), false when it is the pattern's own literals (only a shortcut).
    public var requiresWritten: Bool
    public var confidence: Double
}

/// Adds arguments and attributes to the nearest preceding event of a type.
public struct AttachRule: Sendable {
    public var header: RuleHeader
    public var type: String
    public var regex: Regex
    public var roleGroups: [String: String]
    public var constraints: [String: MentionConstraint]
    public var attributes: [String: AttributeSpec]
    /// How many sentences back the event may be (0: the same sentence).
    public var within: Int
    public var unless: [Regex]
    public var requiredLiterals: [String]
    /// As for event rules: a written `requires:`, or the pattern's own literals.
    public var requiresWritten: Bool
}

/// Everything the engine needs for one language, compiled and immutable (shareable across threads).
public struct RuleSet: Sendable {
    public var language: Language
    public var taxonomy: Taxonomy
    public var lexicon: Lexicon
    /// Title words that join a country and a person into one mention (美国 总统 特朗普).
    public var titles: [String]
    /// Speech verbs (称, 表示, said): an actor right before one is a speaker, never filled as a side.
    public var speechVerbs: [String] = []
    /// Words that point back at an event told before (此次, 这次, this, the): a trigger right after
    /// one is a re-mention, merged with the segment's earlier event of its type when nothing conflicts.
    public var anaphora: [String] = []
    /// Words right after an actor (斡旋, acting as an intermediary) that make it a mediator, never a side.
    public var mediatorsAfter: [String] = []
    /// Words right before an actor (mediated by, with the help of) that make it a mediator, never a side.
    public var mediatorsBefore: [String] = []
    /// Canonical names that report or carry news (Reuters, 法新社, Telegram) and are never filled as sides.
    public var notSides: Set<String> = []
    /// Words right before an actor that make it a target (对, 向, 朝): it never fills `agent`.
    public var targetMarkers: [String] = []
    /// People nouns right after an actor (巴勒斯坦囚犯, 以色列人质): the actor only describes them, it is no side.
    public var descriptors: [String] = []
    /// Web hosts (or host endings such as `.sg`) of outlets → ISO country: a bare $ or 元 in their
    /// articles is that country's currency when no dateline says otherwise.
    public var outlets: [String: String] = [:]
    /// The shared modality and sense layer: cues that veto event candidates of every rule.
    public var modality: [ModalityRule] = []
    /// Datelines, separators, caption marks and abbreviations the segmenter cuts pages by (`segmentation.yaml`).
    public var segmentation = SegmentationRules()
    /// Locative words, future markers and same-day words (`context.yaml`).
    public var context = ContextWords()
    public var entities: [EntityRule]
    public var events: [EventRule]
    public var attaches: [AttachRule]

    /// Ids of every rule, for filters.
    public var ruleIDs: [String] {
        entities.map(\.header.id) + events.map(\.header.id) + attaches.map(\.header.id) + modality.map(\.header.id)
            + segmentation.rules.map(\.header.id) + context.rules.map(\.header.id)
    }
}

/// The shipped or user-given packs, one rule set per language present.
public struct RulePack: Sendable {
    /// The folder the pack was read from.
    public var root: String
    public var sets: [Language: RuleSet]

    /// The rule set for `language`, if the pack has one.
    public func ruleSet(for language: Language) -> RuleSet? { sets[language] }
}
