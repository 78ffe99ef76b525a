/// Derives, from a pattern, the short strings a match must begin with: every match starts at a
/// text position where one of them begins (in the text folded by `StartPrefixes.fold`). An entity
/// pattern is then tried, anchored, only at those positions instead of at every position PCRE2's
/// first-byte table lets through — which for Chinese is every Han character, and for caseless
/// English most letters (issue 15).
///
/// Conservative: a construct it does not model makes it return nil (the pattern runs unanchored,
/// as before); zero-width items (lookarounds, \b, ^, $) are read as matching nothing, which only
/// admits more positions; a class too large, `.`, \w, \d (any Unicode digit under UCP) or a back
/// reference ends a prefix where it stands.
public enum StartPrefixes {
    /// The prefixes of up to `depth` scalars (fewer when there would be more than `limit`), folded;
    /// nil when the pattern is not modelled or can begin anywhere (or match the empty string).
    public static func of(_ pattern: String, caseless: Bool, depth: Int = 3, limit: Int = 2000) -> [String]? {
        scalarPrefixes(pattern, caseless: caseless, depth: depth, limit: limit)?.map { scalars in
            var s = ""
            s.unicodeScalars.append(contentsOf: scalars)
            return s
        }.sorted()
    }

    /// `of`, as scalars (what the pack's start matcher is built from).
    /// `cache`: shared by the patterns of one pack, so a fragment expanded into many of them
    /// ({{EN_NUMBER}}, a currency list) is worked out once.
    public static func scalarPrefixes(_ pattern: String, caseless: Bool, depth: Int = 3, limit: Int = 2000,
                                      cache: Cache = Cache()) -> [[Unicode.Scalar]]? {
        precondition((1...3).contains(depth), "a prefix holds at most three scalars")
        var parser = Parser(Array(pattern.unicodeScalars), caseless: caseless)
        guard let node = parser.parse() else { return nil }
        var k = depth
        while k >= 1 {
            if let set = try? prefixes(node, depth: k, limit: limit, cache: cache) {
                // An empty prefix: a match may start anywhere.
                guard !set.contains(where: \.isEmpty) else { return nil }
                return set.map(\.bits).sorted().map { Prefix(bits: $0).scalars }
            }
            k -= 1
        }
        return nil
    }

    /// Where a pattern's match attempts can begin, as keys in the folded text: a key with `shift`
    /// 0 is a prefix (an attempt may begin where it begins); a key with a shift is what a
    /// leading positive lookbehind of its branch must see (an attempt may begin where it ends,
    /// `shift` scalars on). nil: not modelled, or an attempt may begin anywhere.
    public static func startKeys(_ pattern: String, caseless: Bool, depth: Int = 3, limit: Int = 2000,
                                 cache: Cache = Cache()) -> [(key: [Unicode.Scalar], shift: Int)]? {
        precondition((1...3).contains(depth), "a key holds at most three scalars")
        var parser = Parser(Array(pattern.unicodeScalars), caseless: caseless)
        guard let node = parser.parse() else { return nil }
        var keys: [(key: [Unicode.Scalar], shift: Int)] = []
        var others: [Node] = []
        for branch in topBranches(node) {
            guard let behind = leadingLookbehind(branch) else {
                others.append(branch)
                continue
            }
            // What the text before the attempt ends with: prefixes of the lookbehind read backwards
            // (a cache of its own: reversed groups are not the groups as written).
            guard let set = bestSet(reversed(behind), depth: depth, limit: limit, cache: Cache()) else { return nil }
            keys += set.map { prefix in (key: Array(prefix.scalars.reversed()), shift: prefix.count) }
        }
        // The branches without a leading lookbehind, together (a word list is one alternation).
        if !others.isEmpty {
            let rest = others.count == keysBranchCount(node) ? node : .alternation(others)
            guard let set = bestSet(rest, depth: depth, limit: limit, cache: cache) else { return nil }
            keys += set.map { (key: $0.scalars, shift: 0) }
        }
        return keys
    }

    /// The prefix set at the largest depth within the limit; nil when it holds the empty prefix.
    static func bestSet(_ node: Node, depth: Int, limit: Int, cache: Cache) -> [Prefix]? {
        var k = depth
        while k >= 1 {
            if let set = try? prefixes(node, depth: k, limit: limit, cache: cache) {
                guard !set.contains(where: \.isEmpty) else { return nil }
                return set.map(\.bits).sorted().map { Prefix(bits: $0) }
            }
            k -= 1
        }
        return nil
    }

    /// The branches of the pattern's top-level alternation (a whole-pattern group unwrapped).
    static func topBranches(_ node: Node) -> [Node] {
        switch node {
        case .alternation(let branches): return branches.flatMap(topBranches)
        case .group(_, let inner): return topBranches(inner)
        case .sequence(let items) where items.count == 1: return topBranches(items[0])
        default: return [node]
        }
    }

    static func keysBranchCount(_ node: Node) -> Int { topBranches(node).count }

    /// The positive lookbehind a branch begins with (after other zero-width items), if any.
    static func leadingLookbehind(_ branch: Node) -> Node? {
        guard case .sequence(let items) = branch else {
            if case .lookbehind(let behind) = branch { return behind }
            return nil
        }
        for item in items {
            switch item {
            case .lookbehind(let behind): return behind
            case .empty: continue
            default: return nil
            }
        }
        return nil
    }

    /// The node matching the reversed strings (inner lookarounds read as zero-width).
    static func reversed(_ node: Node) -> Node {
        switch node {
        case .sequence(let items): return .sequence(items.reversed().map(reversed))
        case .alternation(let branches): return .alternation(branches.map(reversed))
        case .repeated(let item, let minimum, let maximum): return .repeated(reversed(item), min: minimum, max: maximum)
        case .group(_, let inner): return reversed(inner)
        case .lookbehind: return .empty
        case .empty, .oneOf, .unknown: return node
        }
    }

    /// The text as the prefixes are written, one scalar for one: ASCII lower-cased, with the two
    /// non-ASCII letters that match an ASCII one caselessly (KELVIN SIGN, LONG S) as that letter;
    /// every digit 0-9 and ０-９ as 0 and every white space (\s) as a space, so a pattern's digit
    /// and space classes are one scalar each and its prefixes stay few.
    @inline(__always)
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return Unicode.Scalar(UInt8(v + 0x20)) }
            if v >= 0x30 && v <= 0x39 { return "0" }
            if v == 0x20 || (v >= 0x09 && v <= 0x0D) { return " " }
            return scalar
        }
        switch v {
        case 0xFF10...0xFF19: return "0"
        case 0x212A: return "k"
        case 0x017F: return "s"
        case 0x85, 0xA0, 0x1680, 0x180E, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return " "
        default: return scalar
        }
    }

    /// PCRE2's \h and \v (and so \s under UCP: \p{Z}, \h, \v).
    static let horizontalSpace: [Unicode.Scalar] = [0x09, 0x20, 0xA0, 0x1680, 0x180E, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
                                                     0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x202F, 0x205F, 0x3000]
        .map { Unicode.Scalar($0)! }
    static let verticalSpace: [Unicode.Scalar] = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].map { Unicode.Scalar($0)! }
    static var space: [Unicode.Scalar] { horizontalSpace + verticalSpace }

    /// A class with more members than this ends a prefix instead.
    static let largestClass = 96

    indirect enum Node {
        /// Zero-width: an assertion, a lookaround, an anchor.
        case empty
        /// One scalar, any of these (folded).
        case oneOf([Unicode.Scalar])
        /// Something not modelled (`.`, \w, a large class, a back reference): a prefix ends here.
        case unknown
        case sequence([Node])
        case alternation([Node])
        case repeated(Node, min: Int, max: Int?)
        /// A group's node with its source text and options (the first element): the cache's key.
        case group([UInt32], Node)
        /// A positive lookbehind: zero-width, but what the text before a match must end with.
        case lookbehind(Node)
    }

    /// Up to three scalars (21 bits each, stored plus one so an unused place reads 0) and a flag.
    struct Prefix: Hashable {
        var bits: UInt64

        static let openBit: UInt64 = 1 << 63
        static let empty = Prefix(bits: openBit)
        static let closedEmpty = Prefix(bits: 0)

        init(bits: UInt64) { self.bits = bits }

        init(_ scalar: Unicode.Scalar, open: Bool) {
            bits = UInt64(scalar.value + 1) | (open ? Prefix.openBit : 0)
        }

        /// True while what follows may still add to it.
        var open: Bool { bits & Prefix.openBit != 0 }
        var count: Int {
            var n = 0
            while n < 3, (bits >> UInt64(21 * n)) & 0x1F_FFFF != 0 { n += 1 }
            return n
        }
        var isEmpty: Bool { bits & 0x1F_FFFF == 0 }
        var scalars: [Unicode.Scalar] {
            (0..<count).map { Unicode.Scalar(UInt32((bits >> UInt64(21 * $0)) & 0x1F_FFFF) - 1)! }
        }

        /// This prefix followed by `next`, cut at `depth` scalars (then closed).
        func followed(by next: Prefix, depth: Int) -> Prefix {
            let have = count
            let add = min(next.count, depth - have)
            var combined = bits & ~Prefix.openBit
            combined |= (next.bits & ((1 << UInt64(21 * add)) - 1)) << UInt64(21 * have)
            let full = have + add >= depth || add < next.count
            return Prefix(bits: combined | (!full && next.open ? Prefix.openBit : 0))
        }
    }

    struct TooMany: Error {}

    /// The prefix sets of groups already worked out, by their source text, options and depth
    /// (nil: over the limit). Not thread-safe: one per thread.
    public final class Cache {
        var sets: [[UInt32]: Set<Prefix>?] = [:]
        public init() {}
    }

    /// Groups shorter than this are cheaper to work out again than to look up.
    static let cachedGroupLength = 48

    static func prefixes(_ node: Node, depth: Int, limit: Int, cache: Cache) throws(TooMany) -> Set<Prefix> {
        switch node {
        case .group(let source, let inner):
            var key = source
            key[0] |= UInt32(depth) << 1
            if let known = cache.sets[key] {
                guard let known else { throw TooMany() }
                return known
            }
            do {
                let set = try prefixes(inner, depth: depth, limit: limit, cache: cache)
                cache.sets[key] = set
                return set
            } catch {
                cache.sets[key] = .some(nil)
                throw error
            }
        case .empty, .lookbehind:
            return [Prefix.empty]
        case .unknown:
            return [Prefix.closedEmpty]
        case .oneOf(let scalars):
            return Set(scalars.map { Prefix($0, open: depth > 1) })
        case .sequence(let items):
            var set: Set<Prefix> = [Prefix.empty]
            for item in items {
                guard set.contains(where: \.open) else { break }
                set = try concatenate(set, try prefixes(item, depth: depth, limit: limit, cache: cache), depth: depth, limit: limit)
            }
            return set
        case .alternation(let branches):
            var set: Set<Prefix> = []
            for branch in branches {
                set.formUnion(try prefixes(branch, depth: depth, limit: limit, cache: cache))
                if set.count > limit { throw TooMany() }
            }
            return set
        case .repeated(let item, let minimum, let maximum):
            let one = try prefixes(item, depth: depth, limit: limit, cache: cache)
            var set: Set<Prefix> = [Prefix.empty]
            // Past `depth` repetitions every prefix is full: more add nothing.
            for _ in 0..<min(minimum, depth) {
                set = try concatenate(set, one, depth: depth, limit: limit)
            }
            var all = set
            let optional = maximum.map { $0 - minimum } ?? depth
            for _ in 0..<min(optional, depth) {
                guard set.contains(where: \.open) else { break }
                set = try concatenate(set, one, depth: depth, limit: limit)
                all.formUnion(set)
                if all.count > limit { throw TooMany() }
            }
            return all
        }
    }

    static func concatenate(_ left: Set<Prefix>, _ right: Set<Prefix>, depth: Int, limit: Int) throws(TooMany) -> Set<Prefix> {
        var result: Set<Prefix> = []
        result.reserveCapacity(min(left.count * right.count, limit + 1))
        for a in left {
            guard a.open else { result.insert(a); continue }
            for b in right { result.insert(a.followed(by: b, depth: depth)) }
            if result.count > limit { throw TooMany() }
        }
        return result
    }

    /// A reader of the PCRE2 syntax the packs use, into `Node`s; nil for anything else.
    struct Parser {
        let p: [Unicode.Scalar]
        var i = 0
        /// The options in force: (?i) and (?-i) change it for the rest of the group.
        var caseless: Bool

        init(_ pattern: [Unicode.Scalar], caseless: Bool) {
            p = pattern
            self.caseless = caseless
        }

        mutating func parse() -> Node? {
            guard let node = alternation() , i == p.count else { return nil }
            return node
        }

        /// Branches up to a `)` or the end; (?i) inside lasts to the group's end.
        mutating func alternation() -> Node? {
            let outer = caseless
            defer { caseless = outer }
            var branches: [Node] = []
            var items: [Node] = []
            while i < p.count, p[i] != ")" {
                if p[i] == "|" {
                    branches.append(.sequence(items))
                    items = []
                    i += 1
                    continue
                }
                guard let atom = atom() else { return nil }
                guard let quantified = quantifier(atom) else { return nil }
                items.append(quantified)
            }
            branches.append(.sequence(items))
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        mutating func atom() -> Node? {
            let c = p[i]
            i += 1
            switch c {
            case "(": return group()
            case "[": return characterClass()
            case "\\": return escape()
            case ".": return .unknown
            case "^", "$": return .empty
            case "*", "+", "?", "{":
                // A quantifier with nothing to repeat (or a literal brace): not modelled.
                if c == "{", !startsQuantifier(at: i - 1) { return literal(c) }
                return nil
            default: return literal(c)
            }
        }

        func literal(_ c: Unicode.Scalar) -> Node {
            // A cased letter beyond ASCII matches its other cases caselessly: not modelled.
            if caseless, !c.isASCII, c.properties.changesWhenCaseMapped || c.properties.isCased { return .unknown }
            return .oneOf([StartPrefixes.fold(c)])
        }

        mutating func group() -> Node? {
            guard i < p.count else { return nil }
            var zeroWidth = false
            var positiveLookbehind = false
            if p[i] == "?" {
                i += 1
                guard i < p.count else { return nil }
                switch p[i] {
                case ":", ">", "|":
                    i += 1
                case "=", "!":
                    i += 1
                    zeroWidth = true
                case "<" where i + 1 < p.count && (p[i + 1] == "=" || p[i + 1] == "!"):
                    positiveLookbehind = p[i + 1] == "="
                    i += 2
                    zeroWidth = true
                case "<", "P", "'":
                    // A named group: (?<name> (?'name' (?P<name>
                    if p[i] == "P" { i += 1; guard i < p.count, p[i] == "<" else { return nil } }
                    let close: Unicode.Scalar = p[i] == "'" ? "'" : ">"
                    while i < p.count, p[i] != close { i += 1 }
                    guard i < p.count else { return nil }
                    i += 1
                default:
                    // Option letters: (?i) (?-i) (?i: … ); x, a comment, a callout, a condition: not modelled.
                    var on = true
                    var setting = caseless
                    while i < p.count, "imsnUJ-".unicodeScalars.contains(p[i]) {
                        if p[i] == "-" { on = false } else if p[i] == "i" { setting = on }
                        i += 1
                    }
                    guard i < p.count else { return nil }
                    if p[i] == ")" {
                        i += 1
                        caseless = setting
                        return .empty
                    }
                    guard p[i] == ":" else { return nil }
                    i += 1
                    let outer = caseless
                    caseless = setting
                    defer { caseless = outer }
                    let from = i
                    guard let body = alternation(), i < p.count, p[i] == ")" else { return nil }
                    i += 1
                    return shared(body, from: from)
                }
            } else if p[i] == "*" {
                return nil   // (*VERB) and (*LIMIT…): not modelled
            }
            let from = i
            guard let body = alternation(), i < p.count, p[i] == ")" else { return nil }
            i += 1
            if positiveLookbehind { return .lookbehind(body) }
            return zeroWidth ? .empty : shared(body, from: from)
        }

        /// A long group's node, keyed by its text (up to the `)` just read) and the options it was read under.
        func shared(_ body: Node, from: Int) -> Node {
            guard i - from > StartPrefixes.cachedGroupLength else { return body }
            var key: [UInt32] = [caseless ? 1 : 0]
            key.reserveCapacity(i - from)
            for scalar in p[from..<(i - 1)] { key.append(scalar.value) }
            return .group(key, body)
        }

        /// After a `\`.
        mutating func escape() -> Node? {
            guard i < p.count else { return nil }
            let e = p[i]
            i += 1
            switch e {
            // \K moves where the reported match begins, not where the attempt does.
            case "b", "B", "A", "z", "Z", "E", "K": return .empty
            case "G", "Q", "C", "X", "R": return nil
            case "s", "h", "v": return .oneOf([" "])
            case "d", "D", "w", "W", "S", "H", "V", "N": return .unknown
            case "p", "P":
                skipBraced()
                return .unknown
            case "k", "g":
                skipBraced()
                while i < p.count, ("0"..."9").contains(p[i]) { i += 1 }
                return .unknown
            case "1"..."9":
                while i < p.count, ("0"..."9").contains(p[i]) { i += 1 }
                return .unknown
            default:
                guard let scalar = escapedScalar(e) else { return nil }
                return literal(scalar)
            }
        }

        /// The scalar an escape like \t \x41 \x{4E00} \. stands for (inside a class too); nil when not modelled.
        mutating func escapedScalar(_ e: Unicode.Scalar) -> Unicode.Scalar? {
            switch e {
            case "t": return "\t"
            case "n": return "\n"
            case "r": return "\r"
            case "f": return Unicode.Scalar(0x0C)
            case "e": return Unicode.Scalar(0x1B)
            case "a": return Unicode.Scalar(0x07)
            case "x":
                var digits = ""
                if i < p.count, p[i] == "{" {
                    i += 1
                    while i < p.count, p[i] != "}" { digits.unicodeScalars.append(p[i]); i += 1 }
                    guard i < p.count else { return nil }
                    i += 1
                } else {
                    while i < p.count, digits.count < 2, p[i].properties.isASCIIHexDigit { digits.unicodeScalars.append(p[i]); i += 1 }
                }
                return UInt32(digits.isEmpty ? "0" : digits, radix: 16).flatMap(Unicode.Scalar.init)
            default:
                // Escaped punctuation is itself; an unknown letter or digit escape is not modelled.
                if e.isASCII, e.properties.isAlphabetic || ("0"..."9").contains(e) { return nil }
                return e
            }
        }

        mutating func skipBraced() {
            guard i < p.count else { return }
            let closers: [Unicode.Scalar: Unicode.Scalar] = ["{": "}", "<": ">", "'": "'"]
            if let close = closers[p[i]] {
                while i < p.count, p[i] != close { i += 1 }
                i = min(i + 1, p.count)
            } else {
                i += 1   // \pL
            }
        }

        /// After a `[`: the class's members, folded; `.unknown` when negated, with a property, or too large.
        mutating func characterClass() -> Node? {
            var members: [Unicode.Scalar] = []
            var tooLarge = false
            var negated = false
            if i < p.count, p[i] == "^" { negated = true; i += 1 }
            var first = true
            while i < p.count {
                var c = p[i]
                if c == "]", !first { i += 1; break }
                first = false
                i += 1
                if c == "[", i < p.count, p[i] == ":" {
                    // [:alpha:]
                    while i + 1 < p.count, !(p[i] == ":" && p[i + 1] == "]") { i += 1 }
                    i += 2
                    tooLarge = true
                    continue
                }
                if c == "\\" {
                    guard i < p.count else { return nil }
                    let e = p[i]
                    i += 1
                    switch e {
                    case "s": members += StartPrefixes.space; continue
                    case "h": members += StartPrefixes.horizontalSpace; continue
                    case "v": members += StartPrefixes.verticalSpace; continue
                    case "d", "D", "w", "W", "S", "H", "V", "N", "R", "X":
                        tooLarge = true
                        continue
                    case "p", "P":
                        skipBraced()
                        tooLarge = true
                        continue
                    case "b": c = Unicode.Scalar(0x08)
                    default:
                        guard let scalar = escapedScalar(e) else { return nil }
                        c = scalar
                    }
                }
                // A range a-z (a `-` before `]` is itself).
                if i + 1 < p.count, p[i] == "-", p[i + 1] != "]" {
                    i += 1
                    var high = p[i]
                    i += 1
                    if high == "\\" {
                        guard i < p.count else { return nil }
                        let e = p[i]
                        i += 1
                        guard let scalar = escapedScalar(e) else { return nil }
                        high = scalar
                    } else if high == "[" {
                        return nil
                    }
                    guard c.value <= high.value else { return nil }
                    if high.value - c.value >= UInt32(StartPrefixes.largestClass) { tooLarge = true; continue }
                    for v in c.value...high.value { if let s = Unicode.Scalar(v) { members.append(s) } }
                    continue
                }
                members.append(c)
            }
            if negated || tooLarge { return .unknown }
            var folded: Set<Unicode.Scalar> = []
            for member in members {
                switch literal(member) {
                case .oneOf(let s): folded.formUnion(s)
                default: return .unknown
                }
            }
            guard folded.count <= StartPrefixes.largestClass else { return .unknown }
            return .oneOf(folded.sorted { $0.value < $1.value })
        }

        func startsQuantifier(at start: Int) -> Bool {
            // {n} {n,} {n,m}; PCRE2 10.42 reads {,m} as text (the caller then refuses the pattern).
            var k = start + 1
            var digits = 0
            while k < p.count, ("0"..."9").contains(p[k]) { k += 1; digits += 1 }
            guard digits > 0, k < p.count else { return false }
            if p[k] == "," {
                k += 1
                while k < p.count, ("0"..."9").contains(p[k]) { k += 1 }
            }
            return k < p.count && p[k] == "}"
        }

        mutating func quantifier(_ atom: Node) -> Node? {
            guard i < p.count else { return atom }
            var minimum = 1
            var maximum: Int? = 1
            switch p[i] {
            case "?": minimum = 0; i += 1
            case "*": minimum = 0; maximum = nil; i += 1
            case "+": maximum = nil; i += 1
            case "{":
                if i + 1 < p.count, p[i + 1] == "," { return nil }
                guard startsQuantifier(at: i) else { return atom }
                i += 1
                var low = 0
                while ("0"..."9").contains(p[i]) { low = min(low * 10 + Int(p[i].value - 48), 100_000); i += 1 }
                minimum = low
                maximum = low
                if p[i] == "," {
                    i += 1
                    if ("0"..."9").contains(p[i]) {
                        var high = 0
                        while ("0"..."9").contains(p[i]) { high = min(high * 10 + Int(p[i].value - 48), 100_000); i += 1 }
                        maximum = high
                    } else {
                        maximum = nil
                    }
                }
                i += 1   // }
            default:
                return atom
            }
            // Lazy or possessive: the same strings.
            if i < p.count, p[i] == "?" || p[i] == "+" { i += 1 }
            // A quantifier on a quantifier is an error PCRE2 reports; not modelled.
            if i < p.count, "*+?".unicodeScalars.contains(p[i]) { return nil }
            return .repeated(atom, min: minimum, max: maximum)
        }
    }
}
