import Foundation
import Records

// The scorer must give the numbers of ../shared/tools/score.py, which compares JSON values as
// Python does. These helpers are Python's semantics on `JSONValue`, and nothing more.
extension JSONValue {
    /// `d.get(key)`: the member, or nil (Python's None) when absent or not an object.
    func pyGet(_ key: String) -> JSONValue? { self[key] }

    /// `key in d`.
    func pyHas(_ key: String) -> Bool { self[key] != nil }

    /// `bool(x)`: None, False, 0, "", [] and {} are false.
    var pyTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .number(let n): n != 0
        case .string(let s): !s.isEmpty
        case .array(let a): !a.isEmpty
        case .object(let o): !o.isEmpty
        }
    }

    /// `float(x)`: numbers, booleans and numeric strings; nil where Python raises.
    var pyFloat: Double? {
        switch self {
        case .number(let n): n
        case .bool(let b): b ? 1 : 0
        case .string(let s): Double(s.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    var isObject: Bool { objectValue != nil }
}

/// Python's `a == b` on decoded JSON, where a missing value is None: numbers compare by value
/// (True == 1), objects ignore key order.
func pyEqual(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
    switch (a ?? .null, b ?? .null) {
    case (.null, .null): return true
    case let (.string(x), .string(y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
    case let (.array(x), .array(y)): return x.count == y.count && zip(x, y).allSatisfy { pyEqual($0, $1) }
    case let (.object(x), .object(y)):
        // A Python dict keeps the last of duplicate keys.
        let dx = Dictionary(x, uniquingKeysWith: { _, last in last })
        let dy = Dictionary(y, uniquingKeysWith: { _, last in last })
        return dx.count == dy.count && dx.allSatisfy { key, value in dy[key].map { pyEqual(value, $0) } ?? false }
    case let (x, y):
        guard let nx = x.pyNumber, let ny = y.pyNumber else { return false }
        return nx == ny
    }
}

extension JSONValue {
    /// Numbers and booleans as Python's numeric tower sees them.
    fileprivate var pyNumber: Double? {
        switch self {
        case .number(let n): n
        case .bool(let b): b ? 1 : 0
        default: nil
        }
    }
}

/// Python's `str.find(needle, start)` over Unicode scalars: the first offset ≥ start, or -1.
func pyFind(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int) -> Int {
    let from = max(0, start)
    if needle.isEmpty { return from <= haystack.count ? from : -1 }
    guard needle.count <= haystack.count else { return -1 }
    let first = needle[0]
    var i = from
    let last = haystack.count - needle.count
    while i <= last {
        if haystack[i] == first {
            var k = 1
            while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
            if k == needle.count { return i }
        }
        i += 1
    }
    return -1
}

/// Python's `needle in haystack` for strings.
func pyContains(_ haystack: String, _ needle: String) -> Bool {
    pyFind(Array(needle.unicodeScalars), in: Array(haystack.unicodeScalars), from: 0) >= 0
}
