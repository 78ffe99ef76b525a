/// A place in a source file (a rule pack, a lexicon, an input file).
public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
    /// File path as given to the loader.
    public var file: String
    /// Line number starting from 1.
    public var line: Int
    /// Column number starting from 1, counted in Unicode scalars; nil when only the line is known.
    public var column: Int?

    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column` (or `file:line`).
    public var description: String {
        if let column { return "\(file):\(line):\(column)" }
        return "\(file):\(line)"
    }
}

/// A problem found while loading rules or reading input: a value, never printed by libraries.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// Error or warning.
    public var severity: Severity
    /// A stable code such as `unknown-key` or `pcre2-compile`.
    public var code: DiagnosticCode
    /// One line saying what is wrong.
    public var message: String
    /// Where it is; nil when the problem has no place (e.g. a missing directory).
    public var location: SourceLocation?
    /// The rule it concerns, when any.
    public var ruleID: String?
    /// Further lines shown under the caret (e.g. an expanded pattern).
    public var notes: [String]

    public init(_ severity: Severity, code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil, rule ruleID: String? = nil, notes: [String] = []) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.ruleID = ruleID
        self.notes = notes
    }

    /// `file:line:col: error: message [code]`.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue): \(message) [\(code.rawValue)]"
    }
}
