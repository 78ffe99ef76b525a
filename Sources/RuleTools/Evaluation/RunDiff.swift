import Records

/// How one event differs between two packs' runs over the same corpus.
public struct EventChange: Sendable, Equatable {
    public enum Kind: String, Sendable { case gained, lost, changed }
    public var kind: Kind
    public var doc: String
    public var type: String
    public var trigger: String
    public var triggerSpan: Span
    /// The rule that made the event (in the new run; for a lost event, the old one).
    public var rule: String
    /// The evidence sentence, trigger highlighted.
    public var sentence: HighlightedText
    /// For a changed event: arguments and attributes only the new run has, and only the old one has
    /// (`role=text (value)`, `attr:value`).
    public var added: [String]
    public var removed: [String]
}

/// Compares two runs of the same corpus event by event: an event is the same when its document,
/// type and trigger span are; the same event with other arguments or attributes has changed.
public enum RunComparer {
    public static func diff(old: CorpusRun, new: CorpusRun) -> [EventChange] {
        let oldByDoc = Dictionary(old.results.map { ($0.doc, $0) }, uniquingKeysWith: { first, _ in first })
        var texts: [String: [Unicode.Scalar]] = [:]
        for document in new.corpus.documents { texts[document.id] = Array(document.text.unicodeScalars) }
        var changes: [EventChange] = []
        var seen: Set<String> = []
        for result in new.results where seen.insert(result.doc).inserted {
            let before = oldByDoc[result.doc]?.events ?? []
            changes += diff(doc: result.doc, old: before, new: result.events, text: texts[result.doc] ?? [])
        }
        for result in old.results where seen.insert(result.doc).inserted {
            changes += diff(doc: result.doc, old: result.events, new: [], text: texts[result.doc] ?? [])
        }
        return changes
    }

    static func diff(doc: String, old: [Event], new: [Event], text: [Unicode.Scalar]) -> [EventChange] {
        var unmatchedOld = Array(old.indices)
        var changes: [EventChange] = []
        for event in new {
            guard let k = unmatchedOld.firstIndex(where: { old[$0].type == event.type && old[$0].trigger.span == event.trigger.span }) else {
                changes.append(change(.gained, doc, event, text))
                continue
            }
            let before = old[unmatchedOld.remove(at: k)]
            let now = facts(event), then = facts(before)
            let added = now.filter { !then.contains($0) }, removed = then.filter { !now.contains($0) }
            if !added.isEmpty || !removed.isEmpty {
                var c = change(.changed, doc, event, text)
                c.added = added
                c.removed = removed
                changes.append(c)
            }
        }
        changes += unmatchedOld.map { change(.lost, doc, old[$0], text) }
        return changes.sorted { $0.triggerSpan < $1.triggerSpan }
    }

    /// An event's arguments and attributes as comparable lines.
    static func facts(_ event: Event) -> [String] {
        event.args.map { "\($0.role)=\($0.text) (\($0.value.json().serialized()))" }
            + event.attrs.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }
    }

    static func change(_ kind: EventChange.Kind, _ doc: String, _ event: Event, _ text: [Unicode.Scalar]) -> EventChange {
        let es = min(event.evidence.start, text.count), ee = min(max(es, event.evidence.end), text.count)
        let local = Span(start: min(max(0, event.trigger.span.start - es), ee - es), end: min(max(0, event.trigger.span.end - es), ee - es))
        return EventChange(kind: kind, doc: doc, type: event.type, trigger: event.trigger.text, triggerSpan: event.trigger.span,
                           rule: event.rule, sentence: HighlightedText(text: String(String.UnicodeScalarView(text[es..<ee])), highlights: [local]),
                           added: [], removed: [])
    }
}
