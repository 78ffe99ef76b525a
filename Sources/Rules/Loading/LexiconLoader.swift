import Records

/// Reads lexicon TSV files: `surface, name, type, country[, valid_from, valid_to]`.
enum LexiconLoader {
    static let actorTypes: Set<String> = ["person", "country", "organization", "armed_group", "group"]
    static let placeTypes: Set<String> = ["city", "region", "sea", "facility", "other"]

    /// Parses one file's text; malformed rows become diagnostics and are skipped.
    static func parse(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> [LexiconEntry] {
        var entries: [LexiconEntry] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let lineNumber = index + 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let rawColumns = line.split(separator: "\t", omittingEmptySubsequences: false)
            let columns = rawColumns.map { $0.trimmingSpaces }
            // 1-based scalar column where column `k`'s trimmed text starts.
            func start(_ k: Int) -> Int {
                rawColumns[..<k].reduce(1) { $0 + $1.unicodeScalars.count + 1 } + rawColumns[k].prefix { $0 == " " }.unicodeScalars.count
            }
            func problem(_ message: String, column: Int = 1) {
                diagnostics.append(Diagnostic(.error, code: "lexicon-format", message,
                                              at: SourceLocation(file: path, line: lineNumber, column: column)))
            }
            guard columns.count == 4 || columns.count == 6 else {
                problem("a lexicon row has 4 or 6 tab-separated columns (surface, name, type, country[, valid_from, valid_to]), not \(columns.count)")
                continue
            }
            let (surface, name, type, country) = (columns[0], columns[1], columns[2], columns[3])
            guard !surface.isEmpty, !name.isEmpty else { problem("surface and name must not be empty"); continue }
            let value: MentionValue
            let entity = EntityValue(name: name, type: type, country: country.isEmpty ? nil : country)
            if actorTypes.contains(type) {
                value = .actor(entity)
            } else if placeTypes.contains(type) {
                value = .place(entity)
            } else {
                problem("unknown type '\(type)': actors are \(actorTypes.sorted().joined(separator: ", ")); places are \(placeTypes.sorted().joined(separator: ", "))", column: start(2))
                continue
            }
            if !country.isEmpty, !(country.count == 3 && country.allSatisfy { $0.isASCII && $0.isUppercase }) {
                problem("country must be an ISO 3166 alpha-3 code such as UKR, not '\(country)'", column: start(3))
                continue
            }
            var dates: [CivilDate?] = [nil, nil]
            var bad = false
            if columns.count == 6 {
                for k in 0..<2 where !columns[4 + k].isEmpty {
                    guard let date = CivilDate(iso: columns[4 + k]) else {
                        problem("'\(columns[4 + k])' is not a valid YYYY-MM-DD date", column: start(4 + k))
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
            entries.append(LexiconEntry(surface: surface, value: value, validFrom: dates[0], validTo: dates[1],
                                        location: SourceLocation(file: path, line: lineNumber, column: 1)))
        }
        return entries
    }

    /// A surface mapped to two canonical names of the same kind at overlapping times is an error.
    static func conflicts(in entries: [LexiconEntry]) -> [Diagnostic] {
        var bySurface: [String: [LexiconEntry]] = [:]
        for entry in entries { bySurface[entry.surface + "\u{0}" + entry.value.kind.rawValue, default: []].append(entry) }
        var diagnostics: [Diagnostic] = []
        for (_, group) in bySurface where group.count > 1 {
            for (i, a) in group.enumerated() {
                for b in group[(i + 1)...] where a.value.entity?.name != b.value.entity?.name && overlap(a, b) {
                    diagnostics.append(Diagnostic(.error, code: "lexicon-conflict",
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

extension Substring {
    var trimmingSpaces: String {
        var s = self[...]
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
