import Normalizers
import Records

/// Reads lexicon TSV files: `surface, name, type, country[, valid_from, valid_to]`.
enum LexiconLoader {
    static let actorTypes: Set<String> = ["person", "country", "organization", "armed_group", "group"]
    static let placeTypes: Set<String> = ["city", "region", "sea", "facility", "other"]

    /// Parses one file's text; malformed rows become diagnostics and are skipped.
    static func parse(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> [LexiconEntry] {
        // Rows are split on UTF-8 bytes: tabs, spaces and line ends are ASCII, and a String split
        // by Characters (grapheme by grapheme) made this the slowest part of loading a pack.
        let bytes = Array(text.utf8)
        var entries: [LexiconEntry] = []
        entries.reserveCapacity(bytes.count / 24)
        var types: [ArraySlice<UInt8>: String] = [:]
        var lineNumber = 0
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            lineNumber += 1
            defer { lineStart = lineEnd + 1 }
            var last = lineEnd
            if last > lineStart, bytes[last - 1] == 0x0D { last -= 1 }
            let line = bytes[lineStart..<last]
            if line.first == UInt8(ascii: "#") || line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let rawColumns = line.split(separator: 0x09, omittingEmptySubsequences: false)
            let columns = rawColumns.map(trimSpaces)
            // 1-based scalar column where column `k`'s trimmed text starts (only for messages).
            func start(_ k: Int) -> Int {
                rawColumns[..<k].reduce(1) { $0 + scalarCount($1) + 1 } + rawColumns[k].prefix { $0 == 0x20 }.count
            }
            func problem(_ message: String, column: Int = 1) {
                diagnostics.append(Diagnostic(.error, code: .lexiconFormat, message,
                                              at: SourceLocation(file: path, line: lineNumber, column: column)))
            }
            guard columns.count == 4 || columns.count == 6 else {
                problem("a lexicon row has 4 or 6 tab-separated columns (surface, name, type, country[, valid_from, valid_to]), not \(columns.count)")
                continue
            }
            guard !columns[0].isEmpty, !columns[1].isEmpty else { problem("surface and name must not be empty"); continue }
            let type: String
            if let known = types[columns[2]] {
                type = known
            } else {
                type = String(decoding: columns[2], as: UTF8.self)
                types[columns[2]] = type
            }
            let countryBytes = columns[3]
            let country = String(decoding: countryBytes, as: UTF8.self)
            let entity = EntityValue(name: String(decoding: columns[1], as: UTF8.self), type: type, country: country.isEmpty ? nil : country)
            let value: MentionValue
            if actorTypes.contains(type) {
                value = .actor(entity)
            } else if placeTypes.contains(type) {
                value = .place(entity)
            } else {
                problem("unknown type '\(type)': actors are \(actorTypes.sorted().joined(separator: ", ")); places are \(placeTypes.sorted().joined(separator: ", "))", column: start(2))
                continue
            }
            if !countryBytes.isEmpty, !(countryBytes.count == 3 && countryBytes.allSatisfy { (0x41...0x5A).contains($0) }) {
                problem("country must be an ISO 3166 alpha-3 code such as UKR, not '\(country)'", column: start(3))
                continue
            }
            var dates: [CivilDate?] = [nil, nil]
            var bad = false
            if columns.count == 6 {
                for k in 0..<2 where !columns[4 + k].isEmpty {
                    let written = String(decoding: columns[4 + k], as: UTF8.self)
                    guard let date = CivilDate(iso: written) else {
                        problem("'\(written)' is not a valid YYYY-MM-DD date", column: start(4 + k))
                        bad = true
                        continue
                    }
                    dates[k] = date
                }
            }
            if bad { continue }
            if let from = dates[0], let to = dates[1], to <= from {
                problem("valid_to \(to) is not after valid_from \(from)", column: start(5))
                continue
            }
            entries.append(LexiconEntry(surface: String(decoding: columns[0], as: UTF8.self), value: value, validFrom: dates[0], validTo: dates[1],
                                        location: SourceLocation(file: path, line: lineNumber, column: 1)))
        }
        return entries
    }

    private static func trimSpaces(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = bytes
        while s.first == 0x20 { s = s.dropFirst() }
        while s.last == 0x20 { s = s.dropLast() }
        return s
    }

    /// Unicode scalars in UTF-8 bytes: every byte that does not continue a sequence starts one.
    private static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// A surface mapped to two canonical names of the same kind at overlapping times is an error.
    static func conflicts(in entries: [LexiconEntry]) -> [Diagnostic] {
        struct Key: Hashable {
            var surface: String
            var kind: MentionKind
        }
        var bySurface: [Key: [LexiconEntry]] = [:]
        bySurface.reserveCapacity(entries.count)
        // Surfaces are matched folded to simplified characters, so 臺灣 and 台湾 are one surface.
        for entry in entries { bySurface[Key(surface: HanFold.fold(entry.surface), kind: entry.value.kind), default: []].append(entry) }
        var diagnostics: [Diagnostic] = []
        for (_, group) in bySurface where group.count > 1 {
            // A row that says what an earlier one says, in the other script, can never add a match.
            for (i, b) in group.enumerated() {
                if let a = group[..<i].first(where: { $0.surface != b.surface && $0.value == b.value && $0.validFrom == b.validFrom && $0.validTo == b.validTo }) {
                    diagnostics.append(Diagnostic(.warning, code: .scriptTwin,
                        "'\(b.surface)' is the row '\(a.surface)' (\(a.location.file == b.location.file ? "line \(a.location.line)" : "\(a.location)")), since pages and lexicons are read folded to simplified characters: drop it",
                        at: b.location))
                }
            }
            for (i, a) in group.enumerated() {
                for b in group[(i + 1)...] where a.value.entity?.name != b.value.entity?.name && overlap(a, b) {
                    diagnostics.append(Diagnostic(.error, code: .lexiconConflict,
                        "'\(b.surface)' names both '\(a.value.entity?.name ?? "")' (\(a.location)) and '\(b.value.entity?.name ?? "")' at overlapping dates",
                        at: b.location))
                }
            }
        }
        return diagnostics.sorted { ($0.location?.file ?? "", $0.location?.line ?? 0) < ($1.location?.file ?? "", $1.location?.line ?? 0) }
    }

    private static func overlap(_ a: LexiconEntry, _ b: LexiconEntry) -> Bool {
        let aStart = a.validFrom?.dayNumber ?? Int.min, aEnd = a.validTo?.dayNumber ?? Int.max
        let bStart = b.validFrom?.dayNumber ?? Int.min, bEnd = b.validTo?.dayNumber ?? Int.max
        return aStart < bEnd && bStart < aEnd
    }
}
