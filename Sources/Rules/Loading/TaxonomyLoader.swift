import Records
import Yams

/// Reads Rules/taxonomy.yaml: `roles: [...]` and `types: {name: {roles: [...], attrs: {name: [values]}}}`.
enum TaxonomyLoader {
    static func load(_ reader: inout YAMLReader) -> Taxonomy? {
        guard let root = reader.root(),
              let top = reader.mapping(root, "the taxonomy", allowed: ["roles", "types"]) else { return nil }
        var roles: Set<String> = []
        var types: [String: Taxonomy.EventType] = [:]
        for (key, _, value) in top where key == "roles" {
            roles = Set(reader.strings(value, "roles")?.map(\.0) ?? [])
        }
        for (key, _, value) in top where key == "types" {
            guard let entries = reader.mapping(value, "types", allowed: nil) else { continue }
            for (name, _, body) in entries {
                guard let fields = reader.mapping(body, "type '\(name)'", allowed: ["description", "roles", "attrs"]) else { continue }
                var type = Taxonomy.EventType(name: name, roles: [], attributes: [:])
                for (field, _, node) in fields {
                    switch field {
                    case "roles":
                        for (role, roleNode) in reader.strings(node, "roles of '\(name)'") ?? [] {
                            if roles.contains(role) {
                                type.roles.insert(role)
                            } else {
                                reader.report(.error, "unknown-role", "type '\(name)' uses role '\(role)', which the taxonomy's roles do not list", node: roleNode)
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
                types[name] = type
            }
        }
        if roles.isEmpty { reader.report(.error, "missing-key", "the taxonomy declares no roles", at: SourceLocation(file: reader.path, line: 1, column: 1)) }
        return Taxonomy(roles: roles, types: types)
    }
}
