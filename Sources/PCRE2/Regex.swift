internal import CPCRE2
import Synchronization

/// Compile-time options beyond the always-on UTF | UCP.
public struct RegexOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `(?i)`: case-insensitive.
    public static let caseless = RegexOptions(rawValue: PCRE2_CASELESS)
    /// `(?m)`: `^` and `$` match at line breaks.
    public static let multiline = RegexOptions(rawValue: PCRE2_MULTILINE)
    /// `(?s)`: `.` matches a newline.
    public static let dotAll = RegexOptions(rawValue: PCRE2_DOTALL)
    /// `(?x)`: white space and `#` comments in the pattern are ignored.
    public static let extended = RegexOptions(rawValue: PCRE2_EXTENDED)
    /// Several groups may share a name (the branches of a rule's `patterns:`); a match reports
    /// the one that took part.
    public static let duplicateNames = RegexOptions(rawValue: PCRE2_DUPNAMES)
    /// A match must begin at the offset a search starts from. Given at compile time, not per
    /// match: PCRE2's JIT does not take PCRE2_ANCHORED as a match option (the interpreter would run).
    public static let anchored = RegexOptions(rawValue: PCRE2_ANCHORED)
}

/// Resource limits for one pattern's matches. Hitting one is a distinct `PCRE2Error.Kind`,
/// so a catastrophic pattern fails fast instead of hanging.
public struct MatchLimits: Sendable, Equatable {
    /// Calls of PCRE2's internal match function (backtracking budget); JIT honours it too.
    public var matchLimit: UInt32
    /// Backtracking depth (interpreter only; JIT ignores it).
    public var depthLimit: UInt32
    /// Heap memory for backtracking, in KiB (interpreter only).
    public var heapLimitKiB: UInt32
    /// Largest JIT stack, in bytes.
    public var jitStackBytes: Int

    public init(matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 10_000, heapLimitKiB: UInt32 = 20_000, jitStackBytes: Int = 1 << 20) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitKiB = heapLimitKiB
        self.jitStackBytes = jitStackBytes
    }

    /// Limits for rule patterns: sentence-sized subjects never need more.
    public static let standard = MatchLimits()
}

/// A compiled pattern, always UTF | UCP, JIT-compiled (on first use) when the platform allows.
///
/// Concurrency: a `Regex` is immutable after `init` (PCRE2 documents compiled code,
/// JIT code included, as safe to share between threads), so it is `Sendable`. Matching
/// needs per-thread scratch memory: create one `Matcher` per thread or task.
public final class Regex: @unchecked Sendable {
    // Safety: `code` is written once in init and only read (by pcre2_match) afterwards.
    let code: OpaquePointer

    /// The pattern as written.
    public let pattern: String
    /// The options it was compiled with.
    public let options: RegexOptions
    /// The limits every `Matcher` of this pattern applies.
    public let limits: MatchLimits
    /// True when matching runs JIT-compiled machine code, false when it runs the interpreter.
    /// The JIT compiles on first asking — when the first `Matcher` is made — not at load: most
    /// of a pack's patterns never run in a short run, and JIT compiling them all was the larger
    /// part of loading the pack. Thread-safe; the compiled code is immutable once it returns.
    public var isJITCompiled: Bool {
        jit.withLock { state in
            if state == nil { state = wantsJIT && pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE) == 0 }
            return state!
        }
    }
    private let wantsJIT: Bool
    /// nil until the JIT was tried, then whether it succeeded.
    private let jit = Mutex<Bool?>(nil)
    /// Number of capture groups (group 0, the whole match, not counted).
    public let captureCount: Int
    /// Group number of each named group (the first, for a name several groups share).
    public let groupNumbers: [String: Int]
    /// Every group number of each name that several groups share (with `.duplicateNames`).
    public let sharedNames: [String: [Int]]

    /// Compiles `pattern`. A compile error carries PCRE2's code and the offset in the
    /// pattern in Unicode scalars.
    public init(_ pattern: String, options: RegexOptions = [], limits: MatchLimits = .standard, jit: Bool = true) throws(PCRE2Error) {
        self.pattern = pattern
        self.options = options
        self.limits = limits
        let bytes = Array(pattern.utf8)
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let flags = PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK | options.rawValue
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, flags, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            // PCRE2 reports a byte offset into the pattern; count scalars up to it.
            let scalarOffset = ScalarIndex(utf8: bytes).scalarOffset(ofUTF8: min(errorOffset, bytes.count))
            throw PCRE2Error(kind: .compile, code: errorCode, offset: scalarOffset)
        }
        code = compiled
        wantsJIT = jit

        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
        let table = Regex.readNameTable(compiled)
        groupNumbers = table.mapValues { $0[0] }
        sharedNames = table.filter { $0.value.count > 1 }
    }

    deinit { pcre2_code_free_8(code) }

    /// True when the pattern matches the empty subject. Run by the interpreter, so asking (as the
    /// pack loader does of every pattern) never JIT-compiles it.
    public var matchesEmptySubject: Bool {
        guard let data = pcre2_match_data_create_from_pattern_8(code, nil) else { return false }
        defer { pcre2_match_data_free_8(data) }
        var empty: UInt8 = 0
        return pcre2_match_8(code, &empty, 0, 0, PCRE2_NO_JIT, data, nil) >= 0
    }

    /// The group names, ordered by group number.
    public var groupNames: [String] {
        groupNumbers.sorted { $0.value < $1.value }.map(\.key)
    }

    /// A fresh matcher for this pattern, for use on one thread at a time.
    public func makeMatcher() -> Matcher { Matcher(regex: self) }

    /// All non-overlapping matches in `subject` from byte offset `start`, with a temporary matcher.
    public func matches(in subject: Subject, from start: Int = 0) throws(PCRE2Error) -> [Match] {
        try makeMatcher().matches(in: subject, from: start)
    }

    /// The first match at or after byte offset `start`, with a temporary matcher.
    public func firstMatch(in subject: Subject, from start: Int = 0) throws(PCRE2Error) -> Match? {
        try makeMatcher().firstMatch(in: subject, from: start)
    }

    private static func readNameTable(_ code: OpaquePointer) -> [String: [Int]] {
        var nameCount: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>? = nil
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &nameCount)
        guard nameCount > 0 else { return [:] }
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table else { return [:] }
        var names: [String: [Int]] = [:]
        for entry in 0..<Int(nameCount) {
            // Each entry: a big-endian 16-bit group number, then the NUL-terminated name.
            let base = table + entry * Int(entrySize)
            let number = Int(base[0]) << 8 | Int(base[1])
            var end = 2
            while end < Int(entrySize) && base[end] != 0 { end += 1 }
            let name = String(decoding: UnsafeBufferPointer(start: base + 2, count: end - 2), as: UTF8.self)
            names[name, default: []].append(number)
        }
        return names
    }
}
