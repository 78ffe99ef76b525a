/// Converts UTF-8 byte offsets of one text to Unicode-scalar offsets and back.
///
/// Stores the scalar count at the start of every 64-byte block (memory: 1/16 of the
/// text), so a lookup counts at most 63 bytes: O(1) per byte→scalar conversion, and
/// O(log n) for scalar→byte. Offsets must lie on scalar boundaries (as every PCRE2
/// match boundary in UTF mode does); the end offset (`byteCount`) is allowed.
public struct ScalarIndex: Sendable {
    static let blockShift = 6
    static let blockSize = 1 << blockShift

    /// Scalars that start before each block.
    private let blockStarts: [Int32]
    /// The text's bytes (shared copy-on-write storage with the owning `Subject`).
    private let bytes: [UInt8]
    /// Total number of Unicode scalars.
    public let scalarCount: Int
    /// True when every byte is ASCII, so both conversions are the identity.
    public let isASCII: Bool

    /// Builds the index in one pass over `bytes`, which must be valid UTF-8.
    public init(utf8 bytes: [UInt8]) {
        self.bytes = bytes
        var starts: [Int32] = []
        starts.reserveCapacity(bytes.count / ScalarIndex.blockSize + 1)
        var scalars: Int32 = 0
        var ascii = true
        for (offset, byte) in bytes.enumerated() {
            if offset & (ScalarIndex.blockSize - 1) == 0 { starts.append(scalars) }
            // Continuation bytes are 10xxxxxx; every other byte starts a scalar.
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte >= 0x80 { ascii = false }
        }
        self.blockStarts = starts
        self.scalarCount = Int(scalars)
        self.isASCII = ascii
    }

    /// The scalar offset of the scalar that starts at UTF-8 offset `utf8Offset`.
    @inline(__always)
    public func scalarOffset(ofUTF8 utf8Offset: Int) -> Int {
        if isASCII || utf8Offset == 0 { return utf8Offset }
        if utf8Offset >= bytes.count { return scalarCount }
        let block = utf8Offset >> ScalarIndex.blockShift
        var count = Int(blockStarts[block])
        var i = block << ScalarIndex.blockShift
        while i < utf8Offset {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// The UTF-8 offset at which scalar number `scalarOffset` starts (`byteCount` at the end).
    public func utf8Offset(ofScalar scalarOffset: Int) -> Int {
        if isASCII { return min(scalarOffset, bytes.count) }
        if scalarOffset >= scalarCount { return bytes.count }
        if scalarOffset <= 0 { return 0 }
        // Last block whose start count is <= scalarOffset.
        var low = 0
        var high = blockStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(blockStarts[mid]) <= scalarOffset { low = mid } else { high = mid - 1 }
        }
        var count = Int(blockStarts[low])
        var i = low << ScalarIndex.blockShift
        // Skip continuation bytes left over from a scalar that began in the previous block.
        while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
        while i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 {
                if count == scalarOffset { return i }
                count += 1
            }
            i += 1
        }
        return bytes.count
    }

    /// `utf8Offset(ofScalar:)` of each of `scalarOffsets` (ascending), in one walk forward over the
    /// bytes instead of one search each.
    public func utf8Offsets(ofAscending scalarOffsets: [Int]) -> [Int] {
        if isASCII { return scalarOffsets.map { min($0, bytes.count) } }
        var result: [Int] = []
        result.reserveCapacity(scalarOffsets.count)
        var byte = 0
        var scalar = 0
        for target in scalarOffsets {
            precondition(target >= scalar, "scalar offsets must ascend")
            if target >= scalarCount { result.append(bytes.count); continue }
            if target - scalar > ScalarIndex.blockSize {
                // Far ahead: jump as utf8Offset(ofScalar:) does.
                byte = utf8Offset(ofScalar: target)
                scalar = target
            }
            while scalar < target {
                byte += 1
                while byte < bytes.count && bytes[byte] & 0xC0 == 0x80 { byte += 1 }
                scalar += 1
            }
            result.append(byte)
        }
        return result
    }
}
