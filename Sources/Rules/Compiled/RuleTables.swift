import PCRE2

/// What a rule set compiles to for the engine: every pattern numbered once, the prefilter's
/// literal matcher, and the word lists as matchers or scalars. Built here, from the rule set
/// alone, so Extraction only runs them.
public struct RuleTables: Sendable {
    /// Every pattern, numbered, with each rule's pattern and prefilter keys.
    public let patterns: PatternTable
    /// Every required literal of every event and attach rule, lower-cased, in one matcher.
    public let literals: DictionaryMatcher<Int>
    /// The key each literal has in `literals`.
    public let literalKeys: [String: Int]
    /// The start prefixes of the event rules' `unless` vetoes, with each veto's canonical pattern
    /// index as payload: one pass over a folded sentence finds where each can begin.
    public let vetoStarts: DictionaryMatcher<Int>
    /// The strings an entity pattern's matches begin with (`StartPrefixes`), folded, with the
    /// entity indexes as payloads: one pass over the folded text finds where each can start.
    public let entityStarts: DictionaryMatcher<Int>
    /// The title words (美国 总统 特朗普), as a dictionary.
    public let titles: DictionaryMatcher<Int>
    /// The speech verbs (称, 表示, said), as a dictionary.
    public let speech: DictionaryMatcher<Int>
    /// The anaphora, mediator, target-marker and descriptor words, as scalars.
    public let anaphora: [[Unicode.Scalar]]
    public let mediatorsAfter: [[Unicode.Scalar]]
    public let mediatorsBefore: [[Unicode.Scalar]]
    public let targetMarkers: [[Unicode.Scalar]]
    public let descriptors: [[Unicode.Scalar]]

    /// A start matcher's payload: the pattern (or rule) index, and how far past the key's start
    /// an attempt begins (0 for a prefix; a lookbehind key's length). See `startOffsets`.
    static func startPayload(_ index: Int, shift: Int) -> Int { index << 2 | shift }

    /// Every pattern's attempt starts (scalar offsets, ascending) found by one pass of a start
    /// matcher over `folded` (the text through `StartPrefixes.fold`), keyed by index.
    public static func startOffsets(_ matcher: DictionaryMatcher<Int>, in folded: [Unicode.Scalar], into starts: inout [[Int]?]) {
        // Indexes given a lookbehind key's start, which lies past the key's start: maybe out of order.
        var unordered: [Int] = []
        matcher.forEachMatch(in: folded) { start, payloads in
            for payload in payloads {
                let index = payload >> 2, at = start + (payload & 3)
                if starts[index] == nil { starts[index] = [] }
                guard let last = starts[index]!.last else { starts[index]!.append(at); continue }
                if at > last {
                    starts[index]!.append(at)
                } else if at < last {
                    if unordered.last != index { unordered.append(index) }
                    starts[index]!.append(at)
                }
            }
        }
        for index in Set(unordered) {
            var sorted = starts[index]!.sorted()
            var kept = 0
            for offset in sorted where kept == 0 || sorted[kept - 1] != offset {
                sorted[kept] = offset
                kept += 1
            }
            sorted.removeLast(sorted.count - kept)
            starts[index] = sorted
        }
    }

    /// A pattern's start keys and its `.anchored` compile, when StartPrefixes can tell where its
    /// attempts begin; nil: it is searched everywhere.
    static func anchoredCompile(_ regex: Regex, cache: StartPrefixes.Cache) -> (regex: Regex, keys: [(key: [Unicode.Scalar], shift: Int)])? {
        guard !regex.options.contains(.extended),
              let keys = StartPrefixes.startKeys(regex.pattern, caseless: regex.options.contains(.caseless), cache: cache),
              let compiled = try? Regex(regex.pattern, options: regex.options.union(.anchored), limits: regex.limits) else { return nil }
        return (compiled, keys)
    }

    public init(_ rules: RuleSet) {
        var matcher = DictionaryMatcher<Int>()
        var keys: [String: Int] = [:]
        // An entity pattern's literals gate it per document (MentionFinder), an event or attach
        // rule's per sentence; one matcher finds them all in one pass.
        let entityLiterals = rules.entities.map { LiteralExtractor.requiredLiterals($0.header.expandedPattern) }
        for literal in entityLiterals.joined() + rules.events.flatMap(\.requiredLiterals) + rules.attaches.flatMap(\.requiredLiterals) where keys[literal] == nil {
            let key = keys.count
            keys[literal] = key
            matcher.insert(literal.lowercased(), key)
        }
        literals = matcher
        literalKeys = keys
        // Each entity pattern whose start StartPrefixes can tell is also compiled anchored, to be
        // tried only where one of its prefixes begins.
        var starts = DictionaryMatcher<Int>()
        var anchored: [Regex?] = []
        let prefixCache = StartPrefixes.Cache()
        for (index, rule) in rules.entities.enumerated() {
            guard let (regex, keys) = RuleTables.anchoredCompile(rule.regex, cache: prefixCache) else {
                anchored.append(nil)
                continue
            }
            for (key, shift) in keys { starts.insert(scalars: key, RuleTables.startPayload(index, shift: shift)) }
            anchored.append(regex)
        }
        entityStarts = starts
        var table = PatternTable(rules: rules, entityLiterals: entityLiterals, literalKeys: keys, entityAnchored: anchored)
        // Each distinct veto whose start can be told, likewise: compiled anchored, tried only
        // where one of its prefixes begins in the sentence.
        var vetoStarts = DictionaryMatcher<Int>()
        for veto in Set(table.eventUnless.joined().map { table.canonical[$0] }).sorted() {
            guard let (compiled, keys) = RuleTables.anchoredCompile(table.regexes[veto], cache: prefixCache) else { continue }
            table.addAnchored(compiled, for: veto)
            for (key, shift) in keys { vetoStarts.insert(scalars: key, RuleTables.startPayload(veto, shift: shift)) }
        }
        self.vetoStarts = vetoStarts
        patterns = table
        var titleMatcher = DictionaryMatcher<Int>()
        for (index, title) in rules.titles.enumerated() { titleMatcher.insert(title, index) }
        titles = titleMatcher
        var speechMatcher = DictionaryMatcher<Int>()
        for (index, verb) in rules.speechVerbs.enumerated() { speechMatcher.insert(verb, index) }
        speech = speechMatcher
        anaphora = rules.anaphora.map { Array($0.unicodeScalars) }
        mediatorsAfter = rules.mediatorsAfter.map { Array($0.unicodeScalars) }
        mediatorsBefore = rules.mediatorsBefore.map { Array($0.unicodeScalars) }
        targetMarkers = rules.targetMarkers.map { Array($0.unicodeScalars) }
        descriptors = rules.descriptors.map { Array($0.unicodeScalars) }
    }
}

/// Every pattern of a rule set, numbered once, so a run finds its matcher by index and its
/// prefilter keys as integers — no string hashing on the hot path.
public struct PatternTable: Sendable {
    public internal(set) var regexes: [Regex] = []
    /// Pattern index of each entity, event and attach rule, in rule-set order.
    public internal(set) var entity: [Int] = []
    /// Per entity rule, the pattern index of its `.anchored` compile when `RuleTables.entityStarts`
    /// holds its start prefixes (it is then tried only where they begin); nil: searched everywhere.
    public internal(set) var entityAnchored: [Int?] = []
    public internal(set) var event: [Int] = []
    public internal(set) var attach: [Int] = []
    /// Pattern indexes of each event / attach rule's `unless` vetoes.
    public internal(set) var eventUnless: [[Int]] = []
    /// Pattern indexes of each event rule's clause-local vetoes.
    public internal(set) var eventUnlessClause: [[Int]] = []
    public internal(set) var attachUnless: [[Int]] = []
    /// The pattern index of the `.anchored` compile of a veto (by canonical index), when
    /// `RuleTables.vetoStarts` holds its start prefixes.
    public internal(set) var anchoredVeto: [Int: Int] = [:]
    /// For each pattern, the first pattern of the table with the same text and options: the
    /// same veto copied into many rules is run once per sentence (`EventBuilder`).
    public internal(set) var canonical: [Int] = []
    /// Pattern index of each cue of the shared modality and sense layer.
    public internal(set) var modality: [Int] = []
    /// Prefilter keys (into the literal matcher) of each entity, event and attach rule; empty: always run.
    public internal(set) var entityLiterals: [[Int]] = []
    /// The keys of a rule's written `requires:` (part of what it means, kept on the plain path
    /// too), by event / attach rule; empty when its keys are only the derived prefilter.
    public internal(set) var eventRequires: [[Int]] = []
    public internal(set) var attachRequires: [[Int]] = []
    public internal(set) var eventLiterals: [[Int]] = []
    public internal(set) var attachLiterals: [[Int]] = []

    init(rules: RuleSet, entityLiterals: [[String]], literalKeys: [String: Int], entityAnchored anchored: [Regex?]) {
        func add(_ regex: Regex) -> Int {
            regexes.append(regex)
            return regexes.count - 1
        }
        entity = rules.entities.map { add($0.regex) }
        entityAnchored = anchored.map { $0.map(add) }
        event = rules.events.map { add($0.regex) }
        eventUnless = rules.events.map { $0.unless.map(add) }
        eventUnlessClause = rules.events.map { $0.unlessClause.map(add) }
        attach = rules.attaches.map { add($0.regex) }
        attachUnless = rules.attaches.map { $0.unless.map(add) }
        modality = rules.modality.map { add($0.regex) }
        self.entityLiterals = entityLiterals.map { $0.compactMap { literalKeys[$0] } }
        eventLiterals = rules.events.map { $0.requiredLiterals.compactMap { literalKeys[$0] } }
        attachLiterals = rules.attaches.map { $0.requiredLiterals.compactMap { literalKeys[$0] } }
        eventRequires = rules.events.map { $0.requiresWritten ? $0.requiredLiterals.compactMap { literalKeys[$0] } : [] }
        attachRequires = rules.attaches.map { $0.requiresWritten ? $0.requiredLiterals.compactMap { literalKeys[$0] } : [] }
        canonical = PatternTable.canonicalIndexes(regexes)
    }

    mutating func addAnchored(_ regex: Regex, for veto: Int) {
        regexes.append(regex)
        canonical.append(regexes.count - 1)
        anchoredVeto[veto] = regexes.count - 1
    }

    static func canonicalIndexes(_ regexes: [Regex]) -> [Int] {
        var first: [String: Int] = [:]
        return regexes.enumerated().map { index, regex in
            let key = "\(regex.options.rawValue) \(regex.pattern)"
            if let known = first[key] { return known }
            first[key] = index
            return index
        }
    }
}
