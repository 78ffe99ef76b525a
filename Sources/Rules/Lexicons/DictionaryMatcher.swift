/// A trie over Unicode scalars with a first-scalar filter: finds literal strings in text
/// without regexes (architecture.md, decision 1). Positions whose scalar starts no key are
/// skipped with one bitmap test, so text without candidates costs almost nothing.
public struct DictionaryMatcher<Payload: Sendable>: Sendable {
    /// Children of every node, keyed by (node << 32 | scalar), in an open-addressing table: the
    /// trie is walked once per scalar of the text, and a hashed Dictionary cost most of the walk.
    private var edges = EdgeTable()
    /// For each node, the index of its payload list in `payloads`, or -1 when no key ends there.
    private var terminalOf: [Int32] = [-1]
    private var payloads: [[Payload]] = []
    /// Bit per BMP scalar that starts at least one key; scalars above the BMP go to `astralStarts`.
    private var bmpStarts = [UInt64](repeating: 0, count: 1024)
    private var astralStarts: Set<UInt32> = []
    /// Longest key, in scalars.
    public private(set) var longestKey = 0
    /// Number of keys inserted (duplicates counted once per insert).
    public private(set) var count = 0

    public init() {}

    /// Room for about `keys` keys of a few scalars each, so building a large lexicon does not rehash.
    public mutating func reserveCapacity(keys: Int) {
        edges.reserveCapacity(keys * 3)
        terminalOf.reserveCapacity(keys * 3)
        payloads.reserveCapacity(keys)
    }

    /// Adds `key` (non-empty) with its payload; a key may carry several payloads.
    public mutating func insert(_ key: String, _ payload: Payload) {
        insert(scalars: key.unicodeScalars, payload)
    }

    /// Adds the key these scalars spell (non-empty) with its payload.
    public mutating func insert<Key: Collection<Unicode.Scalar>>(scalars key: Key, _ payload: Payload) {
        guard let first = key.first else { return }
        var node: Int32 = 0
        var length = 0
        for scalar in key {
            length += 1
            let edge = DictionaryMatcher.edge(node, scalar.value)
            if let next = edges.value(for: edge) {
                node = next
            } else {
                let created = Int32(terminalOf.count)
                edges.insert(edge, created)
                terminalOf.append(-1)
                node = created
            }
        }
        if terminalOf[Int(node)] < 0 {
            terminalOf[Int(node)] = Int32(payloads.count)
            payloads.append([payload])
        } else {
            payloads[Int(terminalOf[Int(node)])].append(payload)
        }
        if first.value < 0x10000 {
            bmpStarts[Int(first.value >> 6)] |= 1 << UInt64(first.value & 63)
        } else {
            astralStarts.insert(first.value)
        }
        longestKey = max(longestKey, length)
        count += 1
    }

    @inline(__always)
    static func edge(_ node: Int32, _ scalar: UInt32) -> UInt64 { UInt64(UInt32(bitPattern: node)) << 32 | UInt64(scalar) }

    /// The payloads of the keys ending at `node`, if any.
    @inline(__always)
    private func terminal(_ node: Int32) -> [Payload]? {
        let index = terminalOf[Int(node)]
        return index < 0 ? nil : payloads[Int(index)]
    }

    @inline(__always)
    private func mayStart(_ value: UInt32) -> Bool {
        if value < 0x10000 { return bmpStarts[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 }
        return astralStarts.contains(value)
    }

    /// Every key occurrence starting at scalar `start`: (end offset, payloads), shortest first.
    public func matches(in scalars: [Unicode.Scalar], at start: Int) -> [(end: Int, payloads: [Payload])] {
        guard start < scalars.count, mayStart(scalars[start].value) else { return [] }
        var found: [(Int, [Payload])] = []
        var node: Int32 = 0
        var i = start
        while i < scalars.count {
            guard let next = edges.value(for: DictionaryMatcher.edge(node, scalars[i].value)) else { break }
            node = next
            i += 1
            if let payloads = terminal(node) { found.append((i, payloads)) }
        }
        return found
    }

    /// Every occurrence of every key, overlapping ones included, as (span, payloads).
    public func allMatches(in scalars: [Unicode.Scalar]) -> [(start: Int, end: Int, payloads: [Payload])] {
        var found: [(Int, Int, [Payload])] = []
        for start in scalars.indices where mayStart(scalars[start].value) {
            for (end, payloads) in matches(in: scalars, at: start) { found.append((start, end, payloads)) }
        }
        return found
    }

    /// Leftmost-longest, non-overlapping occurrences accepted by `accept` (e.g. a word-boundary
    /// check): at each position the longest acceptable key wins, then the scan resumes after it.
    public func longestMatches(in scalars: [Unicode.Scalar], accept: (Int, Int, [Payload]) -> Bool = { _, _, _ in true }) -> [(start: Int, end: Int, payloads: [Payload])] {
        var found: [(Int, Int, [Payload])] = []
        var start = 0
        while start < scalars.count {
            if mayStart(scalars[start].value),
               let best = matches(in: scalars, at: start).last(where: { accept(start, $0.end, $0.payloads) }) {
                found.append((start, best.end, best.payloads))
                start = best.end
            } else {
                start += 1
            }
        }
        return found
    }
}

/// A hash table from trie edges to nodes: open addressing with linear probing over a
/// power-of-two array, Fibonacci hashing, at most half full. No entry is ever removed.
struct EdgeTable: Sendable {
    /// `EdgeTable.empty` marks a free slot (no edge has it: nodes and scalars both fit in 32 bits
    /// with the top bit of the node clear).
    private var keys: [UInt64]
    private var values: [Int32]
    private var shift: UInt64
    private(set) var count = 0
    static let empty = UInt64.max

    init() {
        keys = [UInt64](repeating: EdgeTable.empty, count: 16)
        values = [Int32](repeating: 0, count: 16)
        shift = 64 - 4
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    @inline(__always)
    func value(for key: UInt64) -> Int32? {
        let mask = keys.count - 1
        var i = slot(key)
        while true {
            let found = keys[i]
            if found == key { return values[i] }
            if found == EdgeTable.empty { return nil }
            i = (i + 1) & mask
        }
    }

    /// Adds an edge that is not in the table yet.
    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow(to: keys.count * 2) }
        place(key, value)
        count += 1
    }

    mutating func reserveCapacity(_ entries: Int) {
        var size = keys.count
        while entries * 2 > size { size *= 2 }
        if size > keys.count { grow(to: size) }
    }

    private mutating func place(_ key: UInt64, _ value: Int32) {
        let mask = keys.count - 1
        var i = slot(key)
        while keys[i] != EdgeTable.empty { i = (i + 1) & mask }
        keys[i] = key
        values[i] = value
    }

    private mutating func grow(to size: Int) {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: EdgeTable.empty, count: size)
        values = [Int32](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
        for (key, value) in zip(oldKeys, oldValues) where key != EdgeTable.empty { place(key, value) }
    }
}

extension DictionaryMatcher where Payload == Int {
    /// Calls `body(start, payloads)` for every occurrence of every key, overlapping ones included,
    /// in text order (by start, then shortest key first) — `allMatches` without building its
    /// array. Compiled for Int payloads here, so the engine's per-scalar walk is not generic.
    public func forEachMatch(in scalars: [Unicode.Scalar], _ body: (_ start: Int, _ payloads: [Int]) -> Void) {
        let count = scalars.count
        scalars.withUnsafeBufferPointer { text in
            for start in 0..<count where mayStart(text[start].value) {
                var node: Int32 = 0
                var i = start
                while i < count, let next = edges.value(for: DictionaryMatcher.edge(node, text[i].value)) {
                    node = next
                    i += 1
                    let index = terminalOf[Int(node)]
                    if index >= 0 { body(start, payloads[Int(index)]) }
                }
            }
        }
    }
}
