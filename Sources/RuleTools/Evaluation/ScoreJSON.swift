import Records

extension Tally {
    /// `{"tp", "pred", "gold", "p", "r", "f1"}` — the keys of score.py's `--json`.
    public var json: JSONValue {
        .object([("tp", .number(Double(tp))), ("pred", .number(Double(pred))), ("gold", .number(Double(gold))),
                 ("p", .number(precision)), ("r", .number(recall)), ("f1", .number(f1))])
    }
}

extension AttributeTally {
    public var json: JSONValue {
        .object([("ok", .number(Double(ok))), ("all", .number(Double(all))), ("accuracy", .number(accuracy))])
    }
}

extension RuleTally {
    public var json: JSONValue {
        .object([("right", .number(Double(right))), ("wrong", .number(Double(wrong))), ("optional", .number(Double(optional))),
                 ("args_right", .number(Double(argsRight))), ("args_wrong", .number(Double(argsWrong)))])
    }
}

extension HighlightedText {
    public var json: JSONValue {
        .object([("text", .string(text)),
                 ("highlights", .array(highlights.map { .array([.number(Double($0.start)), .number(Double($0.end))]) }))])
    }
}

extension Score {
    /// The score as JSON: score.py's `events`, `args`, `attrs`, `by_type`, then this tool's tables.
    public func json(lists: Bool = true) -> JSONValue {
        func table<V>(_ values: [String: V], _ render: (V) -> JSONValue) -> JSONValue {
            .object(values.sorted { $0.key < $1.key }.map { ($0.key, render($0.value)) })
        }
        var members: [(String, JSONValue)] = [
            ("events", events.json), ("args", args.json), ("attrs", attrs.json),
            ("by_type", table(byType) { $0.json }), ("by_role", table(byRole) { $0.json }),
            ("by_attr", table(byAttribute) { $0.json }), ("by_rule", table(byRule) { $0.json }),
        ]
        if lists {
            members.append(("misses", .array(misses.map {
                .object([("doc", .string($0.doc)), ("type", .string($0.type)), ("evidence", $0.evidence.json)])
            })))
            members.append(("false_alarms", .array(falseAlarms.map {
                .object([("doc", .string($0.doc)), ("type", .string($0.type)), ("trigger", .string($0.trigger)),
                         ("rule", .string($0.rule)), ("sentence", $0.sentence.json)])
            })))
            members.append(("arg_errors", .array(argumentErrors.map {
                .object([("doc", .string($0.doc)), ("type", .string($0.type)), ("error", .string($0.kind.rawValue)),
                         ("role", .string($0.role)), ("text", $0.text.map(JSONValue.string) ?? .null), ("value", $0.value ?? .null)])
            })))
        }
        return .object(members)
    }
}

extension EventChange {
    public var json: JSONValue {
        .object([("change", .string(kind.rawValue)), ("doc", .string(doc)), ("type", .string(type)), ("trigger", .string(trigger)),
                 ("start", .number(Double(triggerSpan.start))), ("end", .number(Double(triggerSpan.end))), ("rule", .string(rule)),
                 ("sentence", sentence.json), ("added", .array(added.map(JSONValue.string))), ("removed", .array(removed.map(JSONValue.string)))])
    }
}
