/// A trie over Unicode scalars with a first-scalar filter: finds literal strings in text
/// without regexes (architecture.md, decision 1). Positions whose scalar starts no key are
/// skipped with one bitmap test, so text without candidates costs almost nothing.
public struct DictionaryMatcher<Payload: Sendable>: Sendable {
    /// Children of every node, keyed by (node << 32 | scalar).
    private var edges: [UInt64: Int32] = [:]
    /// Payloads of the keys ending at each node.
    private var terminals: [Int32: [Payload]] = [:]
    private var nodeCount: Int32 = 1
    /// Bit per BMP scalar that starts at least one key; scalars above the BMP go to `astralStarts`.
    private var bmpStarts = [UInt64](repeating: 0, count: 1024)
    private var astralStarts: Set<UInt32> = []
    /// Longest key, in scalars.
    public private(set) var longestKey = 0
    /// Number of keys inserted (duplicates counted once per insert).
    public private(set) var count = 0

    public init() {}

    /// Adds `key` (non-empty) with its payload; a key may carry several payloads.
    /// Room for about `keys` keys of a few scalars each, so building a large lexicon does not rehash.
    public mutating func reserveCapacity(keys: Int) {
        edges.reserveCapacity(keys * 3)
        terminals.reserveCapacity(keys)
    }

    public mutating func insert(_ key: String, _ payload: Payload) {
        guard let first = key.unicodeScalars.first else { return }
        var node: Int32 = 0
        var length = 0
        for scalar in key.unicodeScalars {
            length += 1
            let edge = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(scalar.value)
            if let next = edges[edge] {
                node = next
            } else {
                edges[edge] = nodeCount
                node = nodeCount
                nodeCount += 1
            }
        }
        terminals[node, default: []].append(payload)
        if first.value < 0x10000 {
            bmpStarts[Int(first.value >> 6)] |= 1 << UInt64(first.value & 63)
        } else {
            astralStarts.insert(first.value)
        }
        longestKey = max(longestKey, length)
        count += 1
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
            let edge = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(scalars[i].value)
            guard let next = edges[edge] else { break }
            node = next
            i += 1
            if let payloads = terminals[node] { found.append((i, payloads)) }
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
