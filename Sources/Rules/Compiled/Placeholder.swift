import Records

/// The Private Use Area scalars that stand for mentions in folded sentences (architecture.md,
/// decision 2). A placeholder encodes the set of kinds its mention can be read as (基辅: place
/// and actor), so `{{ACTOR}}` is the class of every placeholder whose set includes actor.
public enum Placeholder {
    static let base: UInt32 = 0xE000

    static func bit(_ kind: MentionKind) -> UInt32 {
        switch kind {
        case .actor: 1
        case .place: 2
        case .date: 4
        case .quantity: 8
        case .money: 16
        case .duration: 32
        }
    }

    /// The placeholder for a mention readable as every kind in `kinds` (non-empty).
    public static func scalar(for kinds: [MentionKind]) -> Unicode.Scalar {
        let mask = kinds.reduce(UInt32(0)) { $0 | bit($1) }
        return Unicode.Scalar(base + mask)!
    }

    /// True when `scalar` is a placeholder.
    public static func isPlaceholder(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > base && scalar.value < base + 64
    }

    /// The regex class matching one placeholder with a `kind` reading: the `{{ACTOR}}` of rules.
    public static func classPattern(for kind: MentionKind) -> String {
        "[" + classMembers(masks: (1..<64).filter { UInt32($0) & bit(kind) != 0 }) + "]"
    }

    /// The placeholders of `masks` written as the inside of a regex class.
    static func classMembers(masks: [Int]) -> String {
        masks.map { "\\x{" + String(base + UInt32($0), radix: 16, uppercase: true) + "}" }.joined()
    }

    /// What a built-in reference stands for, so no pack spells placeholder code points.
    public enum Reference: Sendable, Equatable {
        /// `{{ACTOR}}`, `{{PLACE}}` …: one mention with that reading.
        case kind(MentionKind)
        /// `{{MENTION}}`: any one mention.
        case anyMention
        /// `{{NAMED}}`: a mention read only as an actor, a place, or both (a name, never a date or a figure).
        case name
        /// `{{NOT_ACTOR}}`: one scalar that is not an actor mention (plain text or another mention).
        case notActor

        /// The placeholder masks it covers (for `notActor`, the ones it excludes).
        var masks: [Int] {
            switch self {
            case .kind(let kind): (1..<64).filter { UInt32($0) & Placeholder.bit(kind) != 0 }
            case .anyMention: Array(1..<64)
            case .name: [1, 2, 3]
            case .notActor: (1..<64).filter { UInt32($0) & Placeholder.bit(.actor) != 0 }
            }
        }

        /// The pattern it expands to: a class of its own, or — written inside `[…]` — the class's
        /// members, so `[^.;!?{{ACTOR}}]` reads "no stop, no actor". nil: it cannot stand inside a class.
        public func pattern(insideClass: Bool) -> String? {
            switch self {
            case .notActor:
                return insideClass ? nil : "[^" + Placeholder.classMembers(masks: masks) + "]"
            case .anyMention:
                // One range: the same set as the list, shorter to read in a pattern dump.
                let range = "\\x{" + String(base + 1, radix: 16, uppercase: true) + "}-\\x{" + String(base + 63, radix: 16, uppercase: true) + "}"
                return insideClass ? range : "[" + range + "]"
            case .kind, .name:
                let members = Placeholder.classMembers(masks: masks)
                return insideClass ? members : "[" + members + "]"
            }
        }

        /// The kind a rule that uses it reads, when there is one.
        public var kind: MentionKind? {
            if case .kind(let kind) = self { return kind }
            return nil
        }
    }

    /// Every built-in reference by the name rules write.
    public static let references: [String: Reference] = {
        var all = Dictionary(uniqueKeysWithValues: referenceNames.map { ($0.key, Reference.kind($0.value)) })
        all["MENTION"] = .anyMention
        all["NAMED"] = .name
        all["NOT_ACTOR"] = .notActor
        return all
    }()

    /// True when `scalar` is one a pack must not spell: a placeholder (its meaning is the engine's).
    public static func isReserved(_ value: UInt32) -> Bool { value > base && value < base + 64 }

    /// The reference names rules use: ACTOR, PLACE, DATE, QUANTITY, MONEY, DURATION.
    public static let referenceNames: [String: MentionKind] = Dictionary(
        uniqueKeysWithValues: MentionKind.allCases.map { ($0.rawValue.uppercased(), $0) })
}
