/// A JSON value that keeps object keys in their written order, so unknown input fields
/// pass through untouched and output is deterministic.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let v): hasher.combine(v)
        case .number(let v): hasher.combine(v)
        case .string(let v): hasher.combine(v)
        case .array(let v): hasher.combine(v)
        case .object(let v):
            for (key, value) in v { hasher.combine(key); hasher.combine(value) }
        }
    }

    /// The member called `key`, for objects.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var doubleValue: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectValue: [(String, JSONValue)]? {
        if case .object(let o) = self { return o }
        return nil
    }
}

// MARK: - Writing

extension JSONValue {
    /// Compact JSON on one line; non-ASCII text is written as is (UTF-8), integers without a fraction.
    public func serialized() -> String {
        var out = ""
        write(to: &out)
        return out
    }

    public func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += JSONValue.format(n)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += ", " }
                JSONValue.writeString(key, to: &out)
                out += ": "
                value.write(to: &out)
            }
            out += "}"
        }
    }

    /// Integers (up to 2^53) print without a fraction: 175, not 175.0.
    static func format(_ n: Double) -> String {
        guard n.isFinite else { return "null" }
        if n == n.rounded(), abs(n) < 9_007_199_254_740_992 { return String(Int64(n)) }
        return String(n)
    }

    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        // Most strings need no escape: append them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

// MARK: - Reading

/// A JSON syntax error with the column (1-based, in Unicode scalars) where it was noticed.
public struct JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var column: Int
    public var description: String { "\(message) at column \(column)" }
}

extension JSONValue {
    /// Parses one JSON text (RFC 8259). Duplicate keys are kept in order; the first wins on lookup.
    /// Reads the text's UTF-8 where it lies: a 50 MB line is never copied into a scalar array,
    /// and a string without escapes is made in one piece, at its size.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        let result: Result<JSONValue, JSONParseError> = text.withUTF8 { bytes in
            var parser = JSONParser(bytes: bytes)
            do throws(JSONParseError) {
                let value = try parser.parseValue(depth: 0)
                parser.skipSpace()
                guard parser.position == bytes.count else { throw parser.error("unexpected text after the JSON value") }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

private struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The error at the current place; its column counts scalars, as the text is read.
    func error(_ message: String) -> JSONParseError {
        let scalarsBefore = bytes[..<min(position, bytes.count)].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return JSONParseError(message: message, column: scalarsBefore + 1)
    }

    static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    @inline(__always) func byte(_ at: Int) -> UInt8? { at < bytes.count ? bytes[at] : nil }

    mutating func skipSpace() {
        while let b = byte(position), b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { position += 1 }
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth < 512 else { throw error("nesting too deep") }
        skipSpace()
        guard let b = byte(position) else { throw error("unexpected end of input") }
        switch b {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case JSONParser.quote: return .string(try parseString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character '\(currentScalar())'")
        }
    }

    /// The scalar starting at `position` (the text is valid UTF-8), for messages.
    func currentScalar() -> String {
        var end = position + 1
        while let b = byte(end), b & 0xC0 == 0x80 { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
    }

    mutating func literal(_ word: String, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
        for expected in word.utf8 {
            guard byte(position) == expected else { throw error("invalid literal") }
            position += 1
        }
        return value
    }

    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = position
        if byte(position) == UInt8(ascii: "-") { position += 1 }
        let bytes = self.bytes
        func digits(_ p: inout Int) -> Int {
            let s = p
            while p < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[p]) { p += 1 }
            return p - s
        }
        guard digits(&position) > 0 else { throw error("invalid number") }
        if byte(position) == UInt8(ascii: ".") {
            position += 1
            guard digits(&position) > 0 else { throw error("invalid number") }
        }
        if let b = byte(position), b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
            position += 1
            if let sign = byte(position), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
            guard digits(&position) > 0 else { throw error("invalid number") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text) else { throw error("invalid number") }
        return .number(value)
    }

    mutating func parseString() throws(JSONParseError) -> String {
        position += 1  // opening quote
        // Most strings hold no escape: found whole, they are copied once.
        var end = position
        while let b = byte(end), b != JSONParser.quote, b != JSONParser.backslash, b >= 0x20 { end += 1 }
        if byte(end) == JSONParser.quote {
            defer { position = end + 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
        }
        var result: [UInt8] = []
        result.reserveCapacity(end - position + 16)
        while true {
            guard let c = byte(position) else { throw error("unterminated string") }
            switch c {
            case JSONParser.quote:
                position += 1
                return String(decoding: result, as: UTF8.self)
            case JSONParser.backslash:
                position += 1
                guard let e = byte(position) else { throw error("unterminated string") }
                position += 1
                switch e {
                case JSONParser.quote: result.append(JSONParser.quote)
                case JSONParser.backslash: result.append(JSONParser.backslash)
                case UInt8(ascii: "/"): result.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): result.append(0x08)
                case UInt8(ascii: "f"): result.append(0x0C)
                case UInt8(ascii: "n"): result.append(0x0A)
                case UInt8(ascii: "r"): result.append(0x0D)
                case UInt8(ascii: "t"): result.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        // A surrogate pair spelled as two escapes.
                        guard byte(position) == JSONParser.backslash, byte(position + 1) == UInt8(ascii: "u") else {
                            throw error("unpaired surrogate")
                        }
                        position += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate") }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                    result.append(contentsOf: String(scalar).utf8)
                default:
                    position -= 1
                    let escaped = currentScalar()
                    position += 1
                    throw error("invalid escape '\\\(escaped)'")
                }
            default:
                guard c >= 0x20 else { throw error("control character in string") }
                // A run without escapes, copied at once.
                var run = position + 1
                while let b = byte(run), b != JSONParser.quote, b != JSONParser.backslash, b >= 0x20 { run += 1 }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<run]))
                position = run
            }
        }
    }

    mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[position]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw error("invalid \\u escape")
            }
            value = value * 16 + UInt32(digit)
            position += 1
        }
        return value
    }

    mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        position += 1
        var items: [JSONValue] = []
        skipSpace()
        if byte(position) == UInt8(ascii: "]") { position += 1; return .array(items) }
        while true {
            items.append(try parseValue(depth: depth + 1))
            skipSpace()
            guard let b = byte(position) else { throw error("unterminated array") }
            if b == UInt8(ascii: ",") { position += 1; continue }
            if b == UInt8(ascii: "]") { position += 1; return .array(items) }
            throw error("expected ',' or ']'")
        }
    }

    mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        position += 1
        var members: [(String, JSONValue)] = []
        skipSpace()
        if byte(position) == UInt8(ascii: "}") { position += 1; return .object(members) }
        while true {
            skipSpace()
            guard byte(position) == JSONParser.quote else { throw error("expected a string key") }
            let key = try parseString()
            skipSpace()
            guard byte(position) == UInt8(ascii: ":") else { throw error("expected ':'") }
            position += 1
            members.append((key, try parseValue(depth: depth + 1)))
            skipSpace()
            guard let b = byte(position) else { throw error("unterminated object") }
            if b == UInt8(ascii: ",") { position += 1; continue }
            if b == UInt8(ascii: "}") { position += 1; return .object(members) }
            throw error("expected ',' or '}'")
        }
    }
}
