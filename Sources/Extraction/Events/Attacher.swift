import PCRE2
import Records
import Rules

/// The attacher, `SentenceScope × [FoundEvent] → [FoundEvent]`: attach rules add a sentence's later
/// facts (a toll, a day, a side) to the event they belong to.
struct Attacher: SentenceStage {
    let reads: StageInputs

    /// Runs every attach rule whose required literals the sentence holds (`present`, as for the event builder).
    func attach(in scope: SentenceScope, present: [Bool], to events: inout [FoundEvent], failures: inout RuleFailures) {
        let patterns = extractor.patterns
        for (index, rule) in rules.attaches.enumerated() where Run.passes(extractor.plainPath ? patterns.attachRequires[index] : patterns.attachLiterals[index], present) {
            attach(rule, index, scope, &events, &failures)
        }
    }
}

extension Attacher {
    /// Adds what an attach rule found to the nearest preceding event of its type in the segment.
    /// Its role groups read dates against the sentence's own segment (a dateline's day, not the document's).
    func attach(_ rule: AttachRule, _ index: Int, _ scope: SentenceScope, _ events: inout [FoundEvent], _ failures: inout RuleFailures) {
        let patterns = extractor.patterns
        let folded = scope.folded, mentions = scope.mentions
        let segmentIndex = scope.segmentIndex, sentenceIndex = scope.sentenceIndex
        guard !failures.failed.contains(rule.header.id) else { return }
        let found: [Match]
        do {
            let vetoes = patterns.attachUnless[index]
            if extractor.plainPath {
                for veto in vetoes where try matcher(veto).firstMatch(in: folded.subject) != nil { return }
            }
            // Pattern first, vetoes only on a match (as for event rules).
            found = try matcher(patterns.attach[index]).matches(in: folded.subject)
            guard !found.isEmpty else { return }
            if !extractor.plainPath {
                for veto in vetoes where try matcher(veto).firstMatch(in: folded.subject) != nil { return }
            }
        } catch {
            failures.limitHit(rule.header.id, error)
            return
        }
        for match in found {
            // The nearest event before the fact: in this sentence, the one whose trigger comes last
            // before the match; otherwise the latest in the sentences before.
            let at = scope.documentSpan(match.utf8Range).start
            // Events are in text order: walk back from the newest while still within reach.
            var target: Int?
            var fallback: Int?
            var i = events.count - 1
            while i >= 0, events[i].segment == segmentIndex, sentenceIndex - events[i].sentence <= rule.within {
                if events[i].event.type == rule.type {
                    if events[i].sentence < sentenceIndex || events[i].event.trigger.span.start < at {
                        if target.map({ events[i].event.trigger.span.start > events[$0].event.trigger.span.start }) ?? true { target = i }
                        if events[i].sentence < sentenceIndex { break }
                    } else if fallback == nil {
                        fallback = i
                    }
                }
                i -= 1
            }
            guard let target = target ?? fallback else { continue }
            for (group, role) in rule.roleGroups.sorted(by: { $0.key < $1.key }) {
                guard let r = match.utf8Range(named: group),
                      var arg = argument(role: role, group: r, scope) else { continue }
                arg.origin = "attach \(rule.header.id)"
                if let constraint = rule.constraints[group] ?? rule.constraints[role], !constraint.accepts(arg.value) { continue }
                // Mediators and news outlets are never sides, whichever rule finds them.
                if rules.taxonomy.kind(of: role) == .actor, let index = folded.mention(utf8Range: r),
                   isMediator(mentions[index]) || (arg.value.entity.map { rules.notSides.contains($0.name) } ?? false) { continue }
                // A later sentence's count never adds a second value to a filled casualty role: 一人死亡 after
                // 酿3死 is a part of the toll (or another incident), not the event's own count.
                if events[target].sentence < sentenceIndex, rules.taxonomy.roles[role]?.casualty == true,
                   events[target].event.args.contains(where: { $0.role == role }) { continue }
                // A side the event already has (by place in the text or by name) is not added twice.
                let name = arg.value.entity?.name
                if !events[target].event.args.contains(where: { $0.role == role && ($0.span == arg.span || (name != nil && $0.value.entity?.name == name)) }) {
                    events[target].event.args.append(arg)
                    failures.attachments.append(Attachment(event: target, rule: rule.header.id, role: role, span: arg.span, attribute: nil))
                }
            }
            for (name, value) in attributes(rule.attributes, match, scope) where events[target].event.attrs[name] == nil {
                events[target].event.attrs[name] = value
                failures.attachments.append(Attachment(event: target, rule: rule.header.id, role: nil, span: nil, attribute: name))
            }
        }
    }
}
