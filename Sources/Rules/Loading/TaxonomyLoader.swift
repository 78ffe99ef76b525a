import Records
import Yams

/// Reads Rules/taxonomy.yaml: `roles: {name: {kind, single, fill, casualty, headcount, side}}` and
/// `types: {name: {roles: [...], attrs: {name: [values]}, coalesce: {...}}}` (Rules/README.md, "The taxonomy").
enum TaxonomyLoader {
    static let roleKeys: Set<String> = ["kind", "single", "fill", "casualty", "headcount", "side", "description"]
    static let typeKeys: Set<String> = ["description", "roles", "attrs", "coalesce"]
    static let coalesceKeys: Set<String> = ["conflicts", "defaults_conflict", "loose", "each_side", "reversed_sides_conflict",
                                            "distinct_counts", "reporters", "joins"]

    static func load(_ reader: inout YAMLReader) -> Taxonomy? {
        guard let root = reader.root(),
              let top = reader.mapping(root, "the taxonomy", allowed: ["roles", "types"]) else { return nil }
        var roles: [String: Taxonomy.Role] = [:]
        var types: [String: Taxonomy.EventType] = [:]
        for (key, _, value) in top where key == "roles" {
            for (name, nameNode, body) in reader.mapping(value, "roles", allowed: nil) ?? [] {
                if let role = self.role(name, nameNode, body, &reader) { roles[name] = role }
            }
        }
        for (key, _, value) in top where key == "types" {
            guard let entries = reader.mapping(value, "types", allowed: nil) else { continue }
            for (name, _, body) in entries {
                guard let fields = reader.mapping(body, "type '\(name)'", allowed: typeKeys) else { continue }
                var type = Taxonomy.EventType(name: name, roles: [], attributes: [:])
                for (field, _, node) in fields {
                    switch field {
                    case "roles":
                        for (role, roleNode) in reader.strings(node, "roles of '\(name)'") ?? [] {
                            if roles[role] != nil {
                                type.roles.insert(role)
                            } else {
                                reader.report(.error, .unknownRole, "type '\(name)' uses role '\(role)', which the taxonomy's roles do not list", node: roleNode)
                            }
                        }
                    case "attrs":
                        for (attr, _, valuesNode) in reader.mapping(node, "attrs of '\(name)'", allowed: nil) ?? [] {
                            type.attributes[attr] = Set(reader.strings(valuesNode, "values of '\(attr)'")?.map(\.0) ?? [])
                        }
                    default:
                        break
                    }
                }
                // Read after roles and attrs, whatever the order they are written in: it names both.
                if let node = fields.first(where: { $0.key == "coalesce" })?.value {
                    type.coalescing = coalescing(node, of: type, roles: roles, &reader)
                }
                types[name] = type
            }
        }
        if roles.isEmpty { reader.report(.error, .missingKey, "the taxonomy declares no roles", at: SourceLocation(file: reader.path, line: 1, column: 1)) }
        return Taxonomy(roles: roles, types: types)
    }

    /// One role's declaration; its kind is required, so no role is read as an actor by default.
    static func role(_ name: String, _ nameNode: Node, _ body: Node, _ reader: inout YAMLReader) -> Taxonomy.Role? {
        guard let fields = reader.mapping(body, "role '\(name)'", allowed: roleKeys) else { return nil }
        func field(_ key: String) -> Node? { fields.first { $0.key == key }?.value }
        guard let kindNode = field("kind") else {
            reader.report(.error, .missingKey, "role '\(name)' needs a 'kind' (kinds: \(MentionKind.allCases.map(\.rawValue).joined(separator: ", ")))", node: nameNode)
            return nil
        }
        guard let text = reader.string(kindNode, "kind of '\(name)'") else { return nil }
        guard let kind = MentionKind(rawValue: text) else {
            reader.report(.error, .unknownKind, "unknown mention kind '\(text)' (kinds: \(MentionKind.allCases.map(\.rawValue).joined(separator: ", ")))", node: kindNode)
            return nil
        }
        var role = Taxonomy.Role(name: name, kind: kind)
        if let node = field("single"), let value = reader.bool(node, "single of '\(name)'") { role.single = value }
        if let node = field("casualty"), let value = reader.bool(node, "casualty of '\(name)'") { role.casualty = value }
        if let node = field("headcount"), let value = reader.bool(node, "headcount of '\(name)'") { role.headcount = value }
        if let node = field("fill"), let value = reader.int(node, "fill of '\(name)'") {
            if value > 0 { role.fill = value } else { reader.report(.error, .wrongType, "fill of '\(name)' must be a count above 0, not \(value)", node: node) }
        }
        if let node = field("side"), let text = reader.string(node, "side of '\(name)'") {
            role.side = Taxonomy.Side(rawValue: text)
            if role.side == nil {
                reader.report(.error, .badValue, "side of '\(name)' must be \(Taxonomy.Side.allCases.map(\.rawValue).joined(separator: " or ")), not '\(text)'", node: node)
            }
        }
        return role
    }

    /// A type's `coalesce:` block; every name it gives must be a role or an attribute of the type.
    static func coalescing(_ node: Node, of type: Taxonomy.EventType, roles: [String: Taxonomy.Role], _ reader: inout YAMLReader) -> Taxonomy.Coalescing {
        var policy = Taxonomy.Coalescing()
        guard let fields = reader.mapping(node, "coalesce of '\(type.name)'", allowed: coalesceKeys) else { return policy }
        func attributes(_ node: Node, _ what: String, _ reader: inout YAMLReader) -> [String] {
            (reader.strings(node, what) ?? []).compactMap { attr, attrNode in
                if type.attributes[attr] != nil { return attr }
                reader.report(.error, .unknownAttr, "\(what) names '\(attr)', which is not an attribute of '\(type.name)'", node: attrNode)
                return nil
            }
        }
        for (field, _, value) in fields {
            let what = "coalesce.\(field) of '\(type.name)'"
            switch field {
            case "conflicts":
                for (fact, factNode) in reader.strings(value, what) ?? [] {
                    if type.attributes[fact] != nil {
                        policy.conflictingAttributes.append(fact)
                    } else if type.roles.contains(fact) {
                        policy.conflictingRoles.append(fact)
                    } else {
                        reader.report(.error, .unknownRole, "\(what) names '\(fact)', which is neither a role nor an attribute of '\(type.name)'", node: factNode)
                    }
                }
            case "defaults_conflict":
                policy.defaultsConflict = Set(attributes(value, what, &reader))
            case "loose":
                policy.loose = Set(attributes(value, what, &reader))
            case "each_side":
                for (role, roleNode) in reader.strings(value, what) ?? [] {
                    if type.roles.contains(role), roles[role]?.single == true {
                        policy.eachSide.insert(role)
                    } else {
                        reader.report(.error, .unknownRole, "\(what) names '\(role)', which is not a single-valued role of '\(type.name)'", node: roleNode)
                    }
                }
            case "reversed_sides_conflict":
                policy.reversedSidesConflict = reader.bool(value, what) ?? false
            case "distinct_counts":
                policy.distinctCounts = reader.bool(value, what) ?? false
            case "reporters":
                if let text = reader.string(value, what) {
                    policy.reporters = Taxonomy.Reporters(rawValue: text)
                    if policy.reporters == nil {
                        reader.report(.error, .badValue, "\(what) must be \(Taxonomy.Reporters.allCases.map(\.rawValue).joined(separator: " or ")), not '\(text)'", node: value)
                    }
                }
            default:
                policy.joins = joins(value, what, attributes, &reader)
            }
        }
        return policy
    }

    /// `joins: [fewer-sides, {same-attrs: [status]}, …]`, kept in the Coalescer's order.
    static func joins(_ node: Node, _ what: String, _ attributes: (Node, String, inout YAMLReader) -> [String], _ reader: inout YAMLReader) -> [Taxonomy.Join] {
        guard let items = reader.sequence(node, what) else { return [] }
        var joins: [Taxonomy.Join] = []
        for item in items {
            var name: String
            var argument: Node?
            if let scalar = item.scalar {
                name = scalar.string
            } else if let members = reader.mapping(item, "an item of \(what)", allowed: nil), members.count == 1 {
                name = members[0].key
                argument = members[0].value
            } else {
                reader.report(.error, .wrongType, "an item of \(what) is a join name, or one name with its attributes", node: item)
                continue
            }
            let takesAttributes = ["same-attrs", "stated-attrs", "one-side-and-attrs"].contains(name)
            if takesAttributes != (argument != nil), Taxonomy.Join.names.contains(name) {
                reader.report(.error, .wrongType, takesAttributes ? "join '\(name)' needs its attributes: {\(name): [status]}" : "join '\(name)' takes no attributes", node: item)
                continue
            }
            let attrs = argument.map { attributes($0, "join '\(name)' of \(what)", &reader) } ?? []
            switch name {
            case "fewer-sides": joins.append(.fewerSides)
            case "same-attrs": joins.append(.sameAttributes(attrs))
            case "stated-attrs": joins.append(.statedAttributes(attrs))
            case "one-side-and-attrs": joins.append(.oneSideAndAttributes(attrs))
            case "shared-place-or-figure": joins.append(.sharedPlaceOrFigure)
            case "headline-and-lead": joins.append(.headlineAndLead)
            case "bare-re-mention": joins.append(.bareReMention)
            case "one-side": joins.append(.oneSide)
            case "one-per-story": joins.append(.onePerStory)
            default:
                let hint = YAMLReader.closest(name, in: Set(Taxonomy.Join.names)).map { "; did you mean '\($0)'?" } ?? ""
                reader.report(.error, .unknownJoin, "unknown join '\(name)' in \(what)\(hint)", node: item,
                              notes: ["joins: " + Taxonomy.Join.names.joined(separator: ", ")])
            }
        }
        // The Coalescer tries them in one fixed order (one-per-story, which decides either way, last).
        return joins.sorted { $0.order < $1.order }
    }
}
