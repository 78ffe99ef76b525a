import Normalizers
import PCRE2
import Records
import Rules

/// The event builder, `SentenceScope → [FoundEvent]`: every event rule whose required literals the
/// sentence holds proposes events (roles from its groups, then fill, attributes), the modality
/// layer takes some away, and one trigger gives one event of a type.
struct EventBuilder: SentenceStage {
    let reads: StageInputs

    /// The sentence's events, in rule order. `present`: the prefilter keys of the literals found in the sentence.
    func events(in scope: SentenceScope, present: [Bool], failures: inout RuleFailures) -> [FoundEvent] {
        let patterns = extractor.patterns
        var sentenceEvents: [FoundEvent] = []
        var cues: [[Span]]?
        // Whether each veto (by its canonical pattern) matched this sentence: the same word list
        // is copied into many rules, and runs once.
        var vetoes = VetoState()
        for (index, rule) in rules.events.enumerated() where Run.passes(extractor.plainPath ? patterns.eventRequires[index] : patterns.eventLiterals[index], present) {
            for var found in apply(rule, index, scope, &failures, vetoes: &vetoes) {
                let event = found.event
                // The shared modality and sense layer takes the candidate away (未发生袭击, if both sides agree).
                if vetoed(event, scope, cues: &cues, failures: &failures) { continue }
                // One trigger, one event of a type: the first rule (file order) wins.
                if sentenceEvents.contains(where: { $0.event.type == event.type && $0.event.trigger.span.overlaps(event.trigger.span) }) { continue }
                found.segment = scope.segmentIndex
                found.sentence = scope.sentenceIndex
                found.caption = scope.caption
                sentenceEvents.append(found)
            }
        }
        return sentenceEvents
    }
}

/// Turning one rule match in a folded sentence into an event.
extension EventBuilder {
    /// Runs one event rule over a folded sentence.
    func apply(_ rule: EventRule, _ index: Int, _ scope: SentenceScope, _ failures: inout RuleFailures) -> [FoundEvent] {
        var vetoes = VetoState()
        return apply(rule, index, scope, &failures, vetoes: &vetoes)
    }

    /// `vetoes`: what this sentence's rules learnt of their vetoes so far (shared by its rules).
    func apply(_ rule: EventRule, _ index: Int, _ scope: SentenceScope, _ failures: inout RuleFailures,
               vetoes known: inout VetoState) -> [FoundEvent] {
        let patterns = extractor.patterns
        let folded = scope.folded
        guard !failures.failed.contains(rule.header.id) else { return [] }
        do {
            let vetoes = patterns.eventUnless[index]
            if extractor.plainPath {
                for veto in vetoes where try matcher(veto).firstMatch(in: folded.subject) != nil { return [] }
            }
            // The rule's own pattern first: most sentences do not match it, and its vetoes (long
            // word lists) then never run. Vetoing after the match gives the same events.
            let found = try matcher(patterns.event[index]).matches(in: folded.subject)
            guard !found.isEmpty else { return [] }
            if !extractor.plainPath {
                for veto in vetoes where try vetoMatches(veto, folded, &known) { return [] }
            }
            // Clause-local vetoes: a match is dropped when one lies in the match's own clause.
            var vetoSpans: [Span] = []
            for veto in patterns.eventUnlessClause[index] {
                vetoSpans += try matcher(veto).matches(in: folded.subject).map { scope.documentSpan($0.utf8Range) }
            }
            var events: [FoundEvent] = []
            for match in found {
                if !vetoSpans.isEmpty {
                    let clause = clauseSpan(around: scope.documentSpan(match.utf8Range), in: scope.span)
                    if vetoSpans.contains(where: { clause.contains($0) }) { continue }
                }
                guard let event = build(rule, match, scope) else { continue }
                events.append(event)
            }
            return events
        } catch {
            failures.limitHit(rule.header.id, error)
            return []
        }
    }
}

/// Which vetoes matched the sentence (by canonical pattern: the same word list is copied into
/// many rules and runs once), and, once asked, where in the folded sentence each can begin.
struct VetoState {
    var matched: [Int: Bool] = [:]
    var starts: [Int: [Int]]? = nil
}

extension EventBuilder {
    /// Whether veto pattern `veto` matches the folded sentence: tried only where it can begin
    /// when its start prefixes are known, else searched everywhere.
    func vetoMatches(_ veto: Int, _ folded: FoldedSentence, _ state: inout VetoState) throws(PCRE2Error) -> Bool {
        let patterns = extractor.patterns
        let key = patterns.canonical[veto]
        if let seen = state.matched[key] { return seen }
        let hit: Bool
        if let anchored = patterns.anchoredVeto[key] {
            if state.starts == nil { state.starts = vetoStarts(in: folded) }
            let starts = state.starts?[key] ?? []
            if starts.isEmpty {
                hit = false
            } else {
                hit = try matcher(anchored).firstMatch(in: folded.subject, startingAt: starts) != nil
            }
        } else {
            hit = try matcher(veto).firstMatch(in: folded.subject) != nil
        }
        state.matched[key] = hit
        return hit
    }

    /// Byte offsets in the folded sentence where each veto (by canonical pattern) can begin.
    func vetoStarts(in folded: FoldedSentence) -> [Int: [Int]] {
        var scalarStarts = [[Int]?](repeating: nil, count: extractor.patterns.regexes.count)
        RuleTables.startOffsets(extractor.tables.vetoStarts, in: folded.scalars.map(StartPrefixes.fold), into: &scalarStarts)
        // The byte offset of every folded scalar, once: many vetoes' starts are read through it.
        var byteOffsets: [Int] = []
        byteOffsets.reserveCapacity(folded.scalars.count + 1)
        var byte = 0
        for scalar in folded.scalars {
            byteOffsets.append(byte)
            byte += UTF8.width(scalar)
        }
        byteOffsets.append(byte)
        var starts: [Int: [Int]] = [:]
        for (veto, offsets) in scalarStarts.enumerated() {
            if let offsets { starts[veto] = offsets.map { byteOffsets[min($0, byteOffsets.count - 1)] } }
        }
        return starts
    }
}

/// Role groups and attributes, read the same way by the event builder and the attacher.
extension SentenceStage {

    /// The argument a role group captured: its mention's value, or plain text read on the spot
    /// against the sentence's segment's reference date.
    func argument(role: String, group: Range<Int>, _ scope: SentenceScope) -> EventArgument? {
        // A role the taxonomy does not declare fills nothing (the pack's lint reports it).
        guard let kind = rules.taxonomy.kind(of: role) else { return nil }
        if let index = scope.folded.mention(utf8Range: group) {
            let mention = scope.mentions[index]
            guard let value = Roles.value(of: mention, as: kind) else { return nil }
            return EventArgument(role: role, text: mention.text, span: mention.span, value: value)
        }
        // Plain text in a role group: read it on the spot.
        var span = scope.documentSpan(group)
        // Words read on the spot never start or end with white space (" Police" is "Police").
        while span.length > 0, scalars[span.start].properties.isWhitespace { span = Span(start: span.start + 1, end: span.end) }
        while span.length > 0, scalars[span.end - 1].properties.isWhitespace { span = Span(start: span.start, end: span.end - 1) }
        guard span.length > 0 else { return nil }
        let surface = text.reading(span)
        let context = NormalizationContext(language: rules.language, referenceDate: scope.segment.referenceDate ?? document.date)
        let value: MentionValue?
        switch kind {
        case .actor: value = .actor(EntityValue(name: surface, type: "group"))
        case .place: value = .place(EntityValue(name: surface, type: "other"))
        case .date: value = Normalization.normalize(surface, as: .date, context: context)
        case .quantity: value = Normalization.normalize(surface, as: .quantity, context: context)
        case .money: value = Normalization.normalize(surface, as: .money, context: context)
        case .duration: value = Normalization.normalize(surface, as: .duration, context: context)
        }
        return value.map { EventArgument(role: role, text: surface, span: span, value: $0) }
    }

    /// Fixed attributes, and mapped ones read from the document text a group covers (so a
    /// placeholder group maps by the mention's own words: 黑海 → maritime).
    func attributes(_ specs: [String: AttributeSpec], _ match: Match, _ scope: SentenceScope) -> [String: AttributeValue] {
        attributesAndDefaults(specs, match, scope).attrs
    }

    /// The attributes, and the names of those that only took a mapped attribute's `default`
    /// (nothing in the text said it): a default never conflicts with a value a re-mention states.
    func attributesAndDefaults(_ specs: [String: AttributeSpec], _ match: Match,
                               _ scope: SentenceScope) -> (attrs: [String: AttributeValue], defaults: Set<String>) {
        var attrs: [String: AttributeValue] = [:]
        var defaults: Set<String> = []
        for (name, spec) in specs {
            switch spec {
            case .fixed(let v): attrs[name] = v
            case .mapped(let from, let map, let fallback):
                if let r = match.utf8Range(named: from) {
                    let word = text.reading(scope.documentSpan(r))
                    if let v = map[word] ?? AttributeSpec.firstContained(in: word, map) {
                        attrs[name] = v
                    } else if let fallback {
                        attrs[name] = fallback
                        defaults.insert(name)
                    }
                } else if let fallback {
                    attrs[name] = fallback
                    defaults.insert(name)
                }
            }
        }
        return (attrs, defaults)
    }

}

extension EventBuilder {
    /// One match of an event rule made an event: roles from its groups, then fill, attributes.
    func build(_ rule: EventRule, _ match: Match, _ scope: SentenceScope) -> FoundEvent? {
        let folded = scope.folded, mentions = scope.mentions, range = scope.range
        // The trigger group that took part (`trigger`, `trigger2` … name the branches of an alternation).
        let triggerRange = rule.triggerGroups.lazy.compactMap { match.utf8Range(named: $0) }.first ?? match.utf8Range
        let triggerSpan = scope.documentSpan(triggerRange)
        var args: [EventArgument] = []
        var used: Set<Span> = []
        for (group, role) in rule.roleGroups.sorted(by: { $0.key < $1.key }) {
            guard let r = match.utf8Range(named: group) else { continue }
            // A group that cannot fill its role (a person captured as a place) leaves the role empty.
            guard var arg = argument(role: role, group: r, scope) else { continue }
            arg.origin = "group \(group)"
            if let constraint = rule.constraints[group] ?? rule.constraints[role], !constraint.accepts(arg.value) { return nil }
            // A mediator or a news outlet a pattern captured is still no side: the role stays empty.
            if rules.taxonomy.kind(of: role) == .actor, let index = folded.mention(utf8Range: r),
               isMediator(mentions[index]) || (arg.value.entity.map { rules.notSides.contains($0.name) } ?? false) { continue }
            args.append(arg)
            used.insert(arg.span)
        }
        // Fill roles the pattern left empty from the sentence's mentions, nearest to the trigger first.
        // Dates, durations and numbers come from the clause the match is in; actors and places
        // from anywhere in the sentence.
        let matchSpan = scope.documentSpan(match.utf8Range)
        let clause = clauseSpan(around: matchSpan, in: folded.span)
        for (role, rawLimit) in rule.fill {
            // `first` adds one more: the sentence's first suitable mention (its subject).
            let first = rawLimit == EventRule.firstMention
            var have = args.filter { $0.role == role }.count
            let limit = first ? have + 1 : rawLimit
            guard have < limit, let declared = rules.taxonomy.roles[role] else { continue }
            let kind = declared.kind
            let reach = kind == .actor || kind == .place ? folded.span : clause
            let opening = kind == .date ? openingDateClause(scope) : nil
            // Each candidate's sort key is computed once: speakers last, then nearest (or first).
            let candidates = range.compactMap { index -> (key: (Int, Int, Int), mention: Int, value: MentionValue)? in
                let m = mentions[index]
                guard !used.contains(where: { $0.overlaps(m.span) }), !m.span.overlaps(triggerSpan),
                      reach.contains(m.span) || m.span == opening else { return nil }
                if kind == .date, inRelativeClause(m.span, trigger: triggerSpan, in: folded.span) { return nil }
                let actorRole = kind == .actor
                if actorRole && (isLocative(m) || isMediator(m) || isVenueCountry(m)) { return nil }
                // A city written right before a place inside it (吉隆坡独立广场) says where, never who.
                if actorRole, m.reading(.place) != nil, isPlaceModifier(m, next: index + 1 < mentions.count ? mentions[index + 1] : nil) { return nil }
                // A name that only says what kind of building follows (印度清真寺, 美国学校) is no side.
                if actorRole, namesABuilding(m) { return nil }
                if actorRole, let name = m.value.entity?.name, rules.notSides.contains(name) { return nil }
                if declared.side == .doer, isTarget(m) { return nil }
                if actorRole, isDescriptor(m) { return nil }
                guard let value = Roles.value(of: m, as: kind, explicit: false),
                      rule.constraints[role]?.accepts(value) ?? true else { return nil }
                let speaker = actorRole && isSpeaker(m) ? 1 : 0
                return ((speaker, first ? m.span.start : distance(m.span, triggerSpan), index), index, value)
            }.sorted { $0.key < $1.key }.map { (mentions[$0.mention], $0.value) }
            for (mention, value) in candidates where have < limit {
                // 美方 twice in a sentence is one side.
                if let name = value.entity?.name, args.contains(where: { $0.role == role && $0.value.entity?.name == name }) { continue }
                args.append(EventArgument(role: role, text: mention.text, span: mention.span, value: value, origin: first ? "fill (first)" : "fill"))
                used.insert(mention.span)
                have += 1
            }
        }
        // A trigger clause that names no day takes the day of the clause its subject opens
        // (泰军同日上午7时开始，以炮弹进行轰击): the side the event names, never a speaker, stands there.
        if rule.fill.contains(where: { $0.role == "date" }), !args.contains(where: { $0.role == "date" }),
           let fallback = subjectClauseDate(before: clause, scope, args: args, trigger: triggerSpan) {
            args.append(EventArgument(role: "date", text: fallback.mention.text, span: fallback.mention.span, value: fallback.value, origin: "fill (subject clause)"))
        }
        for role in rule.fillFromDateline.sorted() where !args.contains(where: { $0.role == role }) {
            let kind = rules.taxonomy.kind(of: role)
            if kind == .date, let date = scope.segment.referenceDate, let dateline = scope.segment.dateline {
                args.append(EventArgument(role: role, text: text.reading(dateline), span: dateline,
                                     value: .date(DateValue(date: date.iso, anchor: "dateline \(date.iso)")), origin: "dateline"))
            } else if kind == .place, let (mention, value) = scope.datelineMentions.lazy.compactMap({ m in Roles.value(of: m, as: .place).map { (m, $0) } }).first {
                args.append(EventArgument(role: role, text: mention.text, span: mention.span, value: value, origin: "dateline"))
            }
        }
        args.sort { ($0.span.start, $0.role) < ($1.span.start, $1.role) }
        let (attrs, defaults) = attributesAndDefaults(rule.attributes, match, scope)
        let event = Event(type: rule.type, trigger: Trigger(text: text.reading(triggerSpan), span: triggerSpan),
                          evidence: folded.span, args: args, attrs: attrs,
                          rule: rule.header.id, source: rule.header.source, confidence: rule.confidence)
        return FoundEvent(event: event, segment: 0, sentence: 0, caption: false, defaults: defaults, anaphoric: isAnaphoric(triggerSpan))
    }
}

extension EventBuilder {
    /// The date of an earlier clause of the sentence that holds one of the event's sides, when the
    /// trigger's own clause names none: 泰军同日上午7时开始，以炮弹进行轰击 is dated by 同日.
    func subjectClauseDate(before clause: Span, _ scope: SentenceScope,
                           args: [EventArgument], trigger: Span) -> (mention: Mention, value: MentionValue)? {
        let sentence = scope.span, range = scope.range, mentions = scope.mentions
        let sides = args.filter { rules.taxonomy.kind(of: $0.role) == .actor && $0.span.end <= clause.start }
        guard !sides.isEmpty else { return nil }
        // Only a clause that goes on without a subject of its own continues the earlier one.
        guard !range.contains(where: { mentions[$0].kind == .actor && clause.contains(mentions[$0].span) }) else { return nil }
        // … and only the clause right before it: 泰柬上月爆发冲突，在马来西亚斡旋下，双方达成停火 keeps 上月 to the clash.
        let previous = clauseSpan(around: Span(start: max(clause.start - 1, sentence.start), end: max(clause.start - 1, sentence.start)), in: sentence)
        for index in range.reversed() {
            let m = mentions[index]
            guard m.kind == .date, sentence.contains(m.span), m.span.end <= clause.start, !m.span.overlaps(trigger),
                  !args.contains(where: { $0.span.overlaps(m.span) }) else { continue }
            let dateClause = clauseSpan(around: m.span, in: sentence)
            guard dateClause == previous else { return nil }
            guard sides.contains(where: { dateClause.contains($0.span) && !isSpeakerSpan($0.span) }),
                  let value = Roles.value(of: m, as: .date, explicit: false) else { continue }
            return (m, value)
        }
        return nil
    }

    /// An actor span right before a speech verb.
    func isSpeakerSpan(_ span: Span) -> Bool {
        var at = max(span.end, 0)
        while at < scalars.count, scalars[at] == " " { at += 1 }
        return at < scalars.count && !extractor.speech.matches(in: scalars, at: at).isEmpty
    }
}

extension SentenceStage {
    /// A city right before a place inside it — a place mention, or a few characters ending in a venue noun.
    func isPlaceModifier(_ mention: Mention, next: Mention?) -> Bool {
        if let next, next.span.start == mention.span.end, next.kind == .place { return true }
        let end = mention.span.end
        for length in 2...8 where end + length <= scalars.count {
            let window = scalars[end..<(end + length)]
            guard window.allSatisfy({ $0.properties.isIdeographic }) else { return false }
            if rules.context.venues.contains(where: { noun in window.count >= noun.count && Array(window.suffix(noun.count)) == noun }) { return true }
        }
        return false
    }
}

extension SentenceStage {
    func namesABuilding(_ mention: Mention) -> Bool {
        let end = mention.span.end
        return rules.context.buildings.contains { noun in
            end + noun.count <= scalars.count && Array(scalars[end..<(end + noun.count)]) == noun
        }
    }
}
