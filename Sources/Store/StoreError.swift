/// Why the event store could not do what was asked; says which file.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No database file at the path (reading commands never create one).
    case missing(path: String)
    /// The file exists but is not a Tidings store (not SQLite, or without our tables).
    case notAStore(path: String, reason: String)
    /// SQLite failed while reading or writing.
    case database(path: String, message: String)
    /// A stored record could not be read back (a column holds JSON that is not a record part).
    case corruptRecord(path: String, doc: String, message: String)

    public var description: String {
        switch self {
        case .missing(let p): "no database at \(p) (create one with 'tidings extract … --db \(p)')"
        case .notAStore(let p, let r): "\(p) is not a Tidings event store: \(r)"
        case .database(let p, let m): "\(p): \(m)"
        case .corruptRecord(let p, let d, let m): "\(p): document \(d): \(m)"
        }
    }
}
