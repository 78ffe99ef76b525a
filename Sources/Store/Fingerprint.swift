import Records

/// A 64-bit FNV-1a digest as 16 hex digits: enough to notice a changed article or rule pack
/// (it is a change detector, not a security hash).
public struct Fingerprint: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// Adds bytes.
    public mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for byte in bytes {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01b3
        }
    }

    /// Adds a string and a separator, so ("ab", "c") and ("a", "bc") differ.
    public mutating func add(_ text: String) {
        add(text.utf8)
        add([0])
    }

    /// 16 lower-case hex digits.
    public var hex: String {
        let s = String(state, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// The fingerprint of an input document: every field that can change what is extracted or stored.
    public static func of(_ document: Document) -> String {
        var f = Fingerprint()
        f.add(document.id)
        f.add(document.text)
        f.add(document.date?.iso ?? "")
        f.add(document.language?.rawValue ?? "")
        f.add(JSONValue.object(document.extra).serialized())
        return f.hex
    }
}
