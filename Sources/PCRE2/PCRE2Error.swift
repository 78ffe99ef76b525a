internal import CPCRE2

/// An error from compiling or running a pattern. Keeps PCRE2's own code and the
/// place it happened; the message is rendered on demand, as rust-pcre2 does.
public struct PCRE2Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, coarse enough for callers to react to.
    public enum Kind: String, Sendable {
        /// The pattern did not compile.
        case compile
        /// The match limit was hit (too much backtracking).
        case matchLimit
        /// The depth (recursion) limit was hit.
        case depthLimit
        /// The heap limit was hit.
        case heapLimit
        /// The JIT stack ran out.
        case jitStackLimit
        /// The subject is not valid UTF-8.
        case invalidUTF8
        /// Any other failure reported by PCRE2.
        case matchFailed
    }

    /// The coarse category.
    public let kind: Kind
    /// PCRE2's numeric error code (negative for match errors, positive for compile errors); 0 when not from PCRE2.
    public let code: Int32
    /// For `.compile`: offset in the pattern, in Unicode scalars. For `.invalidUTF8`: byte offset in the subject.
    public let offset: Int?

    public init(kind: Kind, code: Int32, offset: Int? = nil) {
        self.kind = kind
        self.code = code
        self.offset = offset
    }

    /// PCRE2's message for `code`, or our own for errors PCRE2 did not raise.
    public var message: String {
        if code == 0 { return kind == .invalidUTF8 ? "invalid UTF-8" : kind.rawValue }
        return PCRE2Error.pcre2Message(for: code)
    }

    public var description: String {
        switch kind {
        case .compile:
            return "\(message) at pattern offset \(offset ?? 0)"
        case .invalidUTF8:
            return "invalid UTF-8 at byte \(offset ?? 0)"
        default:
            return message
        }
    }

    static func pcre2Message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { pointer in
            pcre2_get_error_message_8(code, pointer.baseAddress, pointer.count)
        }
        guard length > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }

    /// Classifies a negative return of pcre2_match.
    static func fromMatch(code: Int32) -> PCRE2Error {
        let kind: Kind
        switch code {
        case PCRE2_ERROR_MATCHLIMIT: kind = .matchLimit
        case PCRE2_ERROR_DEPTHLIMIT: kind = .depthLimit
        case PCRE2_ERROR_HEAPLIMIT: kind = .heapLimit
        case PCRE2_ERROR_JIT_STACKLIMIT: kind = .jitStackLimit
        case PCRE2_ERROR_UTF8_ERR21...PCRE2_ERROR_UTF8_ERR1: kind = .invalidUTF8
        default: kind = .matchFailed
        }
        return PCRE2Error(kind: kind, code: code)
    }
}
