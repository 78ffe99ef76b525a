/// The event types a pack may produce, their roles and allowed attribute values
/// (Rules/taxonomy.yaml, mirroring docs/taxonomy.md). The engine knows no other type.
public struct Taxonomy: Sendable {
    /// One event type.
    public struct EventType: Sendable {
        public var name: String
        /// Roles this type's arguments may take.
        public var roles: Set<String>
        /// Attribute name → allowed values (`true`/`false` for flags).
        public var attributes: [String: Set<String>]
    }

    /// Every role any type may use.
    public var roles: Set<String>
    /// Types by name.
    public var types: [String: EventType]

    public init(roles: Set<String>, types: [String: EventType]) {
        self.roles = roles
        self.types = types
    }
}
