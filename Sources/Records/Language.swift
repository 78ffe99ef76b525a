/// The languages Tidings reads.
public enum Language: String, CaseIterable, Hashable, Codable, Sendable {
    case zh, en
}
