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
        let members = (1..<64).filter { UInt32($0) & bit(kind) != 0 }
            .map { "\\x{" + String(base + UInt32($0), radix: 16, uppercase: true) + "}" }
        return "[" + members.joined() + "]"
    }

    /// The reference names rules use: ACTOR, PLACE, DATE, QUANTITY, MONEY, DURATION.
    public static let referenceNames: [String: MentionKind] = Dictionary(
        uniqueKeysWithValues: MentionKind.allCases.map { ($0.rawValue.uppercased(), $0) })
}
