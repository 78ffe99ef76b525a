internal import CPCRE2

/// One match: byte ranges of the whole match and of every capture group.
public struct Match: Sendable, Equatable {
    /// UTF-8 byte ranges indexed by group number; index 0 is the whole match; nil for an unset group.
    public let groups: [Range<Int>?]
    /// Group number of each named group (shared with the pattern).
    public let groupNumbers: [String: Int]
    /// Names that several groups share (a pattern compiled with `.duplicateNames`), with every
    /// number: the set one answers for the name, as in PCRE2.
    public let sharedNames: [String: [Int]]

    public init(groups: [Range<Int>?], groupNumbers: [String: Int], sharedNames: [String: [Int]] = [:]) {
        self.groups = groups
        self.groupNumbers = groupNumbers
        self.sharedNames = sharedNames
    }

    /// The whole match, in UTF-8 bytes.
    public var utf8Range: Range<Int> { groups[0]! }

    /// The byte range of group `number`, nil when it did not take part in the match.
    public func utf8Range(group number: Int) -> Range<Int>? {
        number < groups.count ? groups[number] : nil
    }

    /// The byte range of the group called `name`, nil when it is unset or there is no such group.
    public func utf8Range(named name: String) -> Range<Int>? {
        if let numbers = sharedNames[name] {
            return numbers.lazy.compactMap { self.utf8Range(group: $0) }.first
        }
        guard let number = groupNumbers[name] else { return nil }
        return utf8Range(group: number)
    }

    /// Names of the named groups that took part in this match.
    public var setGroupNames: [String] {
        groupNumbers.keys.filter { utf8Range(named: $0) != nil }
    }
}

/// Runs one `Regex` over subjects, reusing its match data and JIT stack between calls.
/// Not thread-safe: one matcher per thread or task (they are cheap).
public final class Matcher {
    /// The pattern this matcher runs.
    public let regex: Regex
    // Each pointer below is owned by this object and freed in deinit.
    private let matchData: OpaquePointer
    private let context: OpaquePointer
    private let jitStack: OpaquePointer?
    /// Counts and time of every match call, kept only when set (profiling); nil costs nothing.
    public var statistics: MatchStatistics?

    init(regex: Regex) {
        self.regex = regex
        matchData = pcre2_match_data_create_from_pattern_8(regex.code, nil)
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, regex.limits.matchLimit)
        pcre2_set_depth_limit_8(context, regex.limits.depthLimit)
        pcre2_set_heap_limit_8(context, regex.limits.heapLimitKiB)
        if regex.isJITCompiled {
            jitStack = pcre2_jit_stack_create_8(32 * 1024, max(32 * 1024, regex.limits.jitStackBytes), nil)
            pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack))
        } else {
            jitStack = nil
        }
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }

    /// The first match at or after byte offset `start` (which must lie on a scalar boundary).
    public func firstMatch(in subject: Subject, from start: Int = 0) throws(PCRE2Error) -> Match? {
        try match(in: subject, at: start, options: 0)
    }

    /// Every non-overlapping match from byte offset `start`. Adjacent matches are all
    /// found; after an empty match the search retries at the same place for a non-empty
    /// one, then moves on by one whole scalar, so it never loops and never splits a character.
    public func matches(in subject: Subject, from start: Int = 0) throws(PCRE2Error) -> [Match] {
        var found: [Match] = []
        try forEachMatch(in: subject, from: start) { found.append($0); return true }
        return found
    }

    /// Calls `body` with each non-overlapping match until it returns false.
    public func forEachMatch(in subject: Subject, from start: Int = 0, _ body: (Match) -> Bool) throws(PCRE2Error) {
        try matchLoop(in: subject, from: start, retryOptions: PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED, body) { offset throws(PCRE2Error) in
            try self.match(in: subject, at: offset, options: 0)
        }
    }

    /// The matches `matches(in:)` of the same pattern compiled without `.anchored` finds, when
    /// its matches can only begin at `starts` (byte offsets on scalar boundaries, ascending;
    /// `StartPrefixes` derives them): this matcher's regex, compiled `.anchored`, is tried at each
    /// start instead of the search trying every offset. After a match the next begins at its end,
    /// after an empty one at a non-empty match there or later, as in `forEachMatch`.
    public func matches(in subject: Subject, startingAt starts: [Int]) throws(PCRE2Error) -> [Match] {
        precondition(regex.options.contains(.anchored), "matches(in:startingAt:) needs a regex compiled .anchored")
        var found: [Match] = []
        var next = 0
        // The search from `offset`: the first start at or after it where an anchored attempt matches.
        try matchLoop(in: subject, from: 0, retryOptions: PCRE2_NOTEMPTY_ATSTART, { found.append($0); return true }) { offset throws(PCRE2Error) in
            while next < starts.count, starts[next] < offset { next += 1 }
            while next < starts.count {
                if let match = try self.match(in: subject, at: starts[next], options: 0) { return match }
                next += 1
            }
            return nil
        }
        return found
    }

    /// Non-overlapping matches: `search(offset)` finds the first match at or after an offset;
    /// after an empty match (or a \K that moved backwards) a non-empty one is tried at the same
    /// place (`retryOptions`), then the search moves on by one whole scalar, so it never loops
    /// and never splits a character.
    private func matchLoop(in subject: Subject, from start: Int, retryOptions: UInt32, _ body: (Match) -> Bool,
                           search: (Int) throws(PCRE2Error) -> Match?) throws(PCRE2Error) {
        var offset = start
        var retryNonEmpty = false
        let end = subject.byteCount
        while offset <= end {
            let next = retryNonEmpty ? try match(in: subject, at: offset, options: retryOptions) : try search(offset)
            guard let found = next else {
                guard retryNonEmpty, offset < end else { return }
                offset = subject.utf8OffsetAfterScalar(at: offset)
                retryNonEmpty = false
                continue
            }
            guard body(found) else { return }
            let range = found.utf8Range
            if range.isEmpty || range.upperBound < offset {
                retryNonEmpty = true
                offset = max(range.upperBound, offset)
            } else {
                retryNonEmpty = false
                offset = range.upperBound
            }
        }
    }

    /// Whether the pattern matches anywhere, for a pattern whose matches can only begin at
    /// `starts` (as `matches(in:startingAt:)`): this matcher's `.anchored` regex is tried at each
    /// start; the first match found (the leftmost) is returned.
    public func firstMatch(in subject: Subject, startingAt starts: [Int]) throws(PCRE2Error) -> Match? {
        precondition(regex.options.contains(.anchored), "firstMatch(in:startingAt:) needs a regex compiled .anchored")
        for start in starts {
            if let found = try match(in: subject, at: start, options: 0) { return found }
        }
        return nil
    }

    /// Matches the first `prefixBytes` of the subject (a scalar boundary) with partial matching
    /// (PCRE2_PARTIAL_HARD): `.partial` when a match started and ran into the end of that prefix,
    /// so the pattern got at least that far. Runs the interpreter; meant for explaining, not speed.
    public func partialMatch(in subject: Subject, prefixBytes: Int, from start: Int = 0) throws(PCRE2Error) -> PartialMatch {
        let length = min(max(0, prefixBytes), subject.byteCount)
        let rc = subject.utf8.withUnsafeBufferPointer { buffer in
            pcre2_match_8(regex.code, buffer.baseAddress, length, min(start, length),
                          PCRE2_PARTIAL_HARD | PCRE2_NO_JIT | PCRE2_NO_UTF_CHECK, matchData, context)
        }
        if rc == PCRE2_ERROR_NOMATCH { return .none }
        let vector = pcre2_get_ovector_pointer_8(matchData)!
        if rc == PCRE2_ERROR_PARTIAL { return .partial(startByte: Int(vector[0])) }
        if rc < 0 { throw PCRE2Error.fromMatch(code: rc) }
        return .complete(Int(vector[0])..<Int(vector[1]))
    }

    private func match(in subject: Subject, at offset: Int, options: UInt32) throws(PCRE2Error) -> Match? {
        guard statistics != nil else { return try matchOnce(in: subject, at: offset, options: options) }
        let clock = ContinuousClock()
        let started = clock.now
        defer { statistics!.record(clock.now - started) }
        let found = try matchOnce(in: subject, at: offset, options: options)
        if found != nil { statistics!.matches += 1 }
        return found
    }

    private func matchOnce(in subject: Subject, at offset: Int, options: UInt32) throws(PCRE2Error) -> Match? {
        // The subject was validated when it was built, so PCRE2 need not re-check it on each call.
        let rc = subject.utf8.withUnsafeBufferPointer { buffer in
            pcre2_match_8(regex.code, buffer.baseAddress, buffer.count, offset,
                          options | PCRE2_NO_UTF_CHECK, matchData, context)
        }
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        if rc < 0 { throw PCRE2Error.fromMatch(code: rc) }
        let pairs = Int(pcre2_get_ovector_count_8(matchData))
        let vector = pcre2_get_ovector_pointer_8(matchData)!
        let unset = tidings_pcre2_unset()
        var groups: [Range<Int>?] = []
        let count = min(pairs, regex.captureCount + 1)
        groups.reserveCapacity(regex.captureCount + 1)
        for group in 0..<count {
            let lower = vector[2 * group]
            let upper = vector[2 * group + 1]
            groups.append(lower == unset || upper < lower ? nil : Int(lower)..<Int(upper))
        }
        while groups.count < regex.captureCount + 1 { groups.append(nil) }
        if groups[0] == nil { groups[0] = offset..<offset }
        return Match(groups: groups, groupNumbers: regex.groupNumbers, sharedNames: regex.sharedNames)
    }
}

/// The outcome of a partial match (`Matcher.partialMatch`).
public enum PartialMatch: Sendable, Equatable {
    /// No match could start anywhere in the prefix.
    case none
    /// A match starting at this byte was still going when the prefix ended.
    case partial(startByte: Int)
    /// A whole match inside the prefix (these UTF-8 bytes).
    case complete(Range<Int>)
}

/// What a matcher did while profiled: calls to PCRE2, matches found, time spent matching.
public struct MatchStatistics: Sendable, Equatable {
    /// pcre2_match calls (each start position a search was begun from).
    public var attempts = 0
    public var matches = 0
    public var nanoseconds: Int64 = 0

    public init() {}

    mutating func record(_ elapsed: Duration) {
        attempts += 1
        let (seconds, attoseconds) = elapsed.components
        nanoseconds += seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
