import Records

/// A gold line as read: the JSON object and where it was written.
public struct GoldEvent: Sendable {
    public var json: JSONValue
    public var location: SourceLocation

    public init(json: JSONValue, location: SourceLocation) {
        self.json = json
        self.location = location
    }

    var doc: String { json["doc"]?.stringValue ?? "" }
    var type: JSONValue? { json["type"] }
    var optional: Bool { json["optional"]?.pyTruthy ?? false }
}

/// A gold file that cannot be scored.
public struct ScoringError: Error, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    public var description: String { "\(location): \(message)" }
}

/// Scores `--format docs` records against gold events exactly as ../shared/tools/score.py does
/// (schema.md "Scoring"): the same greedy matching, the same counts. Only the extra tables —
/// per role, per attribute, per rule, sentences — are this tool's own.
public struct Scorer {
    /// Document texts by id, as Unicode scalars (the scorer's offsets are scalars).
    let texts: [String: [Unicode.Scalar]]

    /// `documents`: the corpus; a repeated id keeps the last text, as score.py's dict does.
    public init(documents: [Document]) {
        var texts: [String: [Unicode.Scalar]] = [:]
        for document in documents { texts[document.id] = Array(document.text.unicodeScalars) }
        self.texts = texts
    }

    /// `predictions`: `--format docs` records (each with `doc` and `events`), in output order.
    public func score(predictions: [JSONValue], gold: [GoldEvent]) throws(ScoringError) -> Score {
        var preds: [String: [JSONValue]] = [:]
        for record in predictions {
            let doc = record["doc"]?.stringValue ?? ""
            preds[doc, default: []] += record["events"]?.arrayValue ?? []
        }
        var goldByDoc: [String: [GoldEvent]] = [:]
        for g in gold { goldByDoc[g.doc, default: []].append(g) }
        let ids = Set(goldByDoc.keys).union(preds.keys).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        var score = Score()
        for id in ids {
            guard let text = texts[id] else { continue }
            try scoreDocument(id, text, goldByDoc[id] ?? [], preds[id] ?? [], into: &score)
        }
        return score
    }

    func scoreDocument(_ doc: String, _ text: [Unicode.Scalar], _ golds: [GoldEvent], _ preds: [JSONValue], into score: inout Score) throws(ScoringError) {
        var gspans: [[(Int, Int)]] = []
        for g in golds { gspans.append(try evidenceSpans(text, g)) }
        var used = Array(repeating: false, count: golds.count)
        for p in preds {
            let trigger = p["trigger"] ?? .object([])
            let ts = trigger["start"]?.pyFloat ?? -1, te = trigger["end"]?.pyFloat ?? -1
            let type = p["type"]
            let typeName = type?.stringValue ?? "None"
            let rule = p["rule"]?.stringValue ?? ""
            var hit: Int?
            // A required gold event first, then an optional one.
            search: for wantOptional in [false, true] {
                for (i, g) in golds.enumerated() where !used[i] && pyEqual(g.type, type) && g.optional == wantOptional {
                    if gspans[i].contains(where: { Double($0.0) <= ts && te <= Double($0.1) }) {
                        hit = i
                        break search
                    }
                }
            }
            guard let hit else {
                score.events.pred += 1
                score.byType[typeName, default: Tally()].pred += 1
                score.byRule[rule, default: RuleTally()].wrong += 1
                score.falseAlarms.append(FalseAlarm(doc: doc, type: typeName, trigger: trigger["text"]?.stringValue ?? "", rule: rule,
                                                    sentence: sentence(of: p, in: text)))
                continue
            }
            used[hit] = true
            let g = golds[hit]
            let goldType = g.type?.stringValue ?? "None"
            if g.optional {
                score.byRule[rule, default: RuleTally()].optional += 1
            } else {
                score.events.tp += 1
                score.events.pred += 1
                score.byType[goldType, default: Tally()].tp += 1
                score.byType[goldType, default: Tally()].pred += 1
                score.byRule[rule, default: RuleTally()].right += 1
            }
            scoreArguments(doc, text, p, g, gspans[hit], rule, into: &score)
        }
        for (i, g) in golds.enumerated() where !g.optional {
            let goldType = g.type?.stringValue ?? "None"
            score.events.gold += 1
            score.byType[goldType, default: Tally()].gold += 1
            if !used[i] { score.misses.append(Miss(doc: doc, type: goldType, evidence: missEvidence(text, g, gspans[i]))) }
        }
    }

    func scoreArguments(_ doc: String, _ text: [Unicode.Scalar], _ p: JSONValue, _ g: GoldEvent, _ gspans: [(Int, Int)],
                        _ rule: String, into score: inout Score) {
        let goldType = g.type?.stringValue ?? "None"
        let gargs = g.json["args"]?.arrayValue ?? []
        let gas = gargs.map { goldTextSpans(text, $0, gspans) }
        var gused = Array(repeating: false, count: gargs.count)
        for pa in p["args"]?.arrayValue ?? [] {
            let role = pa["role"]?.stringValue ?? "None"
            guard let j = gargs.indices.first(where: { !gused[$0] && argumentMatches(pa, gargs[$0], gas[$0]) }) else {
                if !g.optional {
                    score.args.pred += 1
                    score.byRole[role, default: Tally()].pred += 1
                    score.byRule[rule, default: RuleTally()].argsWrong += 1
                    score.argumentErrors.append(ArgumentError(doc: doc, type: goldType, kind: .extra, role: role,
                                                              text: pa["text"]?.stringValue, value: pa["value"]))
                }
                continue
            }
            gused[j] = true
            if !g.optional {
                score.args.pred += 1
                score.args.tp += 1
                score.byRole[role, default: Tally()].pred += 1
                score.byRole[role, default: Tally()].tp += 1
                score.byRule[rule, default: RuleTally()].argsRight += 1
                if gargs[j]["optional"]?.pyTruthy ?? false {
                    score.args.gold += 1
                    score.byRole[role, default: Tally()].gold += 1
                }
            }
        }
        guard !g.optional else { return }
        for (j, ga) in gargs.enumerated() where !(ga["optional"]?.pyTruthy ?? false) {
            let role = ga["role"]?.stringValue ?? "None"
            score.args.gold += 1
            score.byRole[role, default: Tally()].gold += 1
            if !gused[j] {
                score.argumentErrors.append(ArgumentError(doc: doc, type: goldType, kind: .missed, role: role,
                                                          text: ga["text"]?.stringValue, value: ga["value"]))
            }
        }
        for (key, value) in g.json["attrs"]?.objectValue ?? [] {
            let ok = pyEqual(p["attrs"]?[key], value)
            score.attrs.all += 1
            score.byAttribute[key, default: AttributeTally()].all += 1
            if ok {
                score.attrs.ok += 1
                score.byAttribute[key, default: AttributeTally()].ok += 1
            }
        }
    }

    // MARK: - score.py's helpers

    /// `spans_of`: where each evidence string occurs (its `occurrence`-th time, default the first).
    func evidenceSpans(_ text: [Unicode.Scalar], _ g: GoldEvent) throws(ScoringError) -> [(Int, Int)] {
        let evidence = g.json["evidence"]
        let strings = evidence?.arrayValue ?? [evidence ?? .null]
        let occurrence = Int(g.json["occurrence"]?.pyFloat ?? 1)
        var spans: [(Int, Int)] = []
        for s in strings {
            let needle = Array((s.stringValue ?? "").unicodeScalars)
            var i = -1, k = 0
            while k < occurrence {
                i = pyFind(needle, in: text, from: i + 1)
                if i < 0 { break }
                k += 1
            }
            guard i >= 0 else {
                throw ScoringError(location: g.location, message: "evidence not found in document \(g.doc): \"\(String(String.UnicodeScalarView(needle.prefix(40))))\"")
            }
            spans.append((i, i + needle.count))
        }
        return spans
    }

    /// `gold_text_spans`: a gold argument's words inside the evidence first, else anywhere.
    func goldTextSpans(_ text: [Unicode.Scalar], _ ga: JSONValue, _ evidence: [(Int, Int)]) -> [(Int, Int)] {
        guard let s = ga["text"]?.stringValue, !s.isEmpty else { return [] }
        let needle = Array(s.unicodeScalars)
        var found: [(Int, Int)] = []
        for (a, b) in evidence {
            var i = pyFind(needle, in: text, from: a)
            while i >= 0 && i + needle.count <= b {
                found.append((i, i + needle.count))
                i = pyFind(needle, in: text, from: i + 1)
            }
        }
        if found.isEmpty {
            var i = pyFind(needle, in: text, from: 0)
            while i >= 0 {
                found.append((i, i + needle.count))
                i = pyFind(needle, in: text, from: i + 1)
            }
        }
        return found
    }

    /// `arg_matches`: same role and kind; actors and places by overlap, contained words or
    /// canonical name; every other kind by normalised value.
    func argumentMatches(_ pa: JSONValue, _ ga: JSONValue, _ gspans: [(Int, Int)]) -> Bool {
        guard pyEqual(pa["role"], ga["role"]) else { return false }
        let kind = ga["kind"]
        guard pyEqual(pa["kind"], kind) else { return false }
        let kindName = kind?.stringValue
        if kindName == "actor" || kindName == "place" {
            let ps = pa["start"]?.pyFloat ?? -1, pe = pa["end"]?.pyFloat ?? -1
            if gspans.contains(where: { ps < Double($0.1) && Double($0.0) < pe }) { return true }
            if let pt = pa["text"]?.stringValue, !pt.isEmpty, let gt = ga["text"]?.stringValue, !gt.isEmpty,
               pyContains(gt, pt) || pyContains(pt, gt) {
                return true
            }
            return ga.pyHas("value") && Scorer.valueAgrees(kindName, pa["value"], ga["value"])
        }
        return Scorer.valueAgrees(kindName, pa["value"], ga["value"])
    }

    /// `value_agrees`: the gold value's keys decide what must agree.
    static func valueAgrees(_ kind: String?, _ pred: JSONValue?, _ gold: JSONValue?) -> Bool {
        guard let pred, let gold, pred.isObject, gold.isObject else { return false }
        func numEqual(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
            guard let x = a?.pyFloat, let y = b?.pyFloat else { return false }
            return abs(x - y) <= 1e-6 * max(1.0, abs(y))
        }
        switch kind {
        case "date":
            return ["date", "start", "end", "mod"].allSatisfy { !gold.pyHas($0) || pyEqual(pred[$0], gold[$0]) }
        case "quantity", "money":
            guard numEqual(pred["amount"], gold["amount"]) else { return false }
            guard ["currency", "mod"].allSatisfy({ !gold.pyHas($0) || pyEqual(pred[$0], gold[$0]) }) else { return false }
            if let unit = gold["unit"], kind == "quantity", !pyEqual(unit, .string("person")) { return pyEqual(pred["unit"], unit) }
            return true
        case "duration":
            if gold.pyHas("iso"), pyEqual(pred["iso"], gold["iso"]) { return true }
            return numEqual(pred["amount"], gold["amount"]) && pyEqual(pred["unit"], gold["unit"])
        case "actor", "place":
            return gold.pyHas("name") && pyEqual(pred["name"], gold["name"])
        default:
            return pyEqual(pred, gold)
        }
    }

    // MARK: - Sentences for the lists

    func sentence(of prediction: JSONValue, in text: [Unicode.Scalar]) -> HighlightedText {
        let trigger = prediction["trigger"]
        let ts = Int(trigger?["start"]?.pyFloat ?? 0), te = Int(trigger?["end"]?.pyFloat ?? 0)
        let evidence = prediction["evidence"]
        var es = Int(evidence?["start"]?.pyFloat ?? Double(ts)), ee = Int(evidence?["end"]?.pyFloat ?? Double(te))
        es = min(max(0, es), text.count)
        ee = min(max(es, ee), text.count)
        let lo = min(max(0, ts - es), ee - es), hi = min(max(0, te - es), ee - es)
        let highlights = lo <= hi ? [Span(start: lo, end: hi)] : []
        return HighlightedText(text: String(String.UnicodeScalarView(text[es..<ee])), highlights: highlights)
    }

    func missEvidence(_ text: [Unicode.Scalar], _ g: GoldEvent, _ spans: [(Int, Int)]) -> HighlightedText {
        guard let (a, b) = spans.first else { return HighlightedText(text: "", highlights: []) }
        let local = Array(text[a..<b])
        var highlights: [Span] = []
        for ga in g.json["args"]?.arrayValue ?? [] {
            guard let s = ga["text"]?.stringValue, !s.isEmpty else { continue }
            let needle = Array(s.unicodeScalars)
            let i = pyFind(needle, in: local, from: 0)
            if i >= 0 { highlights.append(Span(start: i, end: i + needle.count)) }
        }
        return HighlightedText(text: String(String.UnicodeScalarView(local)), highlights: highlights.sorted())
    }
}
