import Foundation
import Testing
@testable import Extraction
import Records
@testable import Rules
import RuleTools

// Issue 11, item 1: what an event type means lives in the taxonomy. Tests/Fixtures/new-type-pack
// declares a type (`rescue`) and roles (`rescuer`, `rescued`, `shore`, `day`) that no Swift names.

private let newTypePack = URL(fileURLWithPath: shippedRules).deletingLastPathComponent()
    .appendingPathComponent("Tests/Fixtures/new-type-pack").path

private func loadNewTypePack() throws -> RuleSet {
    let (pack, diagnostics) = PackLoader.load(root: newTypePack, languages: [.en])
    #expect(diagnostics.isEmpty, "\(DiagnosticRenderer.render(diagnostics))")
    return try #require(pack.ruleSet(for: .en))
}

@Test func aNewTypesRolesTakeTheirKindsFromTheTaxonomy() throws {
    let set = try loadNewTypePack()
    #expect(set.taxonomy.kind(of: "rescuer") == .actor)
    #expect(set.taxonomy.kind(of: "rescued") == .quantity)
    #expect(set.taxonomy.kind(of: "shore") == .place)
    #expect(set.taxonomy.kind(of: "day") == .date)
    #expect(set.taxonomy.kind(of: "agent") == nil, "a role the pack does not declare has no kind, never .actor")
    // `fill: [rescuer]` takes the role's own default count (2), not the engine's 1.
    let saved = try #require(set.events.first { $0.header.id == "en.rescue.saved" })
    #expect(saved.fill.map(\.role) == ["rescuer", "shore", "day"])
    #expect(saved.fill.map(\.limit) == [2, 1, 1])
    let policy = try #require(set.taxonomy.types["rescue"]).coalescing
    #expect(policy.conflictingRoles == ["day", "rescued"])
    #expect(policy.conflictingAttributes == ["craft"])
    #expect(policy.joins == [.sharedPlaceOrFigure])
}

@Test func aNewTypeExtractsFillsAndCoalesces() throws {
    let set = try loadNewTypePack()
    let text = "Italian and Maltese coast guards rescued 40 migrants near Lampedusa on Monday. "
        + "The 40 migrants were brought ashore in Lampedusa. "
        + "Another 12 people were brought ashore on Tuesday."
    let doc = Document(id: "rescue", text: text, date: CivilDate(iso: "2025-06-18"), language: .en)
    let events = Extractor(rules: set).extract(doc).result.events
    func args(_ e: Event, _ role: String) -> [String] { e.args.filter { $0.role == role }.map(\.text) }
    // The second sentence re-mentions the first rescue (the same 40, the same shore): one record.
    // The third rescued 12 on another day: a figure and a day that conflict, so a second record.
    try #require(events.count == 2, "\(events.map { "\($0.rule): \($0.args.map { "\($0.role)=\($0.text)" })" })")
    let first = events[0], second = events[1]
    #expect(first.type == "rescue")
    #expect(args(first, "rescuer") == ["Italian", "Maltese"], "two rescuers: the role's fill default")
    #expect(first.args.filter { $0.role == "rescuer" }.compactMap { $0.value.entity?.name } == ["Italy", "Malta"])
    #expect(args(first, "rescued") == ["40 migrants"])
    #expect(args(first, "shore") == ["Lampedusa"], "one shore: the re-mention's is the same place")
    #expect(args(first, "day") == ["Monday"])
    guard case .date(let day)? = first.args.first(where: { $0.role == "day" })?.value else { Issue.record("day is no date"); return }
    #expect(day.date == "2025-06-16", "Monday before Wednesday 18 June")
    #expect(first.attrs["craft"] == .string("boat"))
    #expect(first.rule == "en.rescue.saved")
    #expect(second.rule == "en.rescue.ashore")
    #expect(args(second, "rescued") == ["12 people"])
    #expect(args(second, "day") == ["Tuesday"])
    #expect(args(second, "rescuer").isEmpty)
}

@Test func aNewTypesExamplesPassThroughTheEngine() throws {
    let set = try loadNewTypePack()
    let results = RuleTester(rules: set).run()
    #expect(results.count == 4)
    for failure in results where !failure.passed {
        Issue.record("\(failure.location): \(failure.text)\n  expected: \(failure.expected)\n  got: \(failure.got)")
    }
}

@Test func withoutAJoinTheSameFigureIsTwoEvents() throws {
    // The same pack with no joins: a re-mention of the 40 is no longer merged on its figure.
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("no-join-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: newTypePack, toPath: root)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let taxonomy = try String(contentsOfFile: root + "/taxonomy.yaml", encoding: .utf8)
        .replacingOccurrences(of: "joins: [shared-place-or-figure]", with: "joins: []")
    try taxonomy.write(toFile: root + "/taxonomy.yaml", atomically: true, encoding: .utf8)
    let (pack, diagnostics) = PackLoader.load(root: root, languages: [.en])
    #expect(diagnostics.isEmpty)
    let set = try #require(pack.ruleSet(for: .en))
    let doc = Document(id: "r", text: "Coast guards rescued 40 migrants near Lampedusa. The 40 migrants were brought ashore in Lampedusa.",
                       date: CivilDate(iso: "2025-06-18"), language: .en)
    #expect(Extractor(rules: set).extract(doc).result.events.count == 2)
}

@Test func aRuleOfBranchesFillsTheSameRolesFromWhicheverBranchMatched() throws {
    // Issue 11, item 2 (b): `patterns:` lists branches, each with its own named groups (no
    // trigger2 / rescued2): the branch that matched fills the role.
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("branches-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: newTypePack, toPath: root)
    defer { try? FileManager.default.removeItem(atPath: root) }
    var rules = try String(contentsOfFile: root + "/en/rescue.yaml", encoding: .utf8)
    rules = rules.replacingOccurrences(of: "events:\n", with: """
    events:
      - id: en.rescue.branches
        type: rescue
        patterns:
          - '(?<trigger>\\bsaved\\b)\\s+(?<rescued>{{QUANTITY}})'
          - |
            (?x)
            (?<rescued>{{QUANTITY}})   # who was brought to safety
            \\s+were\\s+
            (?<trigger>pulled\\s+from\\s+the\\s+sea)
        examples:
          - text: 'The crew saved 40 migrants.'
            expect: {type: rescue, args: {rescued: 40}}
          - text: 'Another 12 people were pulled from the sea.'
            expect: {type: rescue, args: {rescued: 12}}

    """)
    try rules.write(toFile: root + "/en/rescue.yaml", atomically: true, encoding: .utf8)
    let (pack, diagnostics) = PackLoader.load(root: root, languages: [.en])
    #expect(diagnostics.isEmpty, "\(DiagnosticRenderer.render(diagnostics))")
    let set = try #require(pack.ruleSet(for: .en))
    let rule = try #require(set.events.first { $0.header.id == "en.rescue.branches" })
    #expect(rule.triggerGroups == ["trigger"], "one trigger name across the branches")
    #expect(rule.roleGroups == ["rescued": "rescued"])
    for (text, figure, trigger) in [("The crew saved 40 migrants.", "40 migrants", "saved"),
                                    ("Another 12 people were pulled from the sea.", "12 people", "pulled from the sea")] {
        let doc = Document(id: "b", text: text, date: CivilDate(iso: "2025-06-18"), language: .en)
        let events = Extractor(rules: set).extract(doc).result.events.filter { $0.rule == "en.rescue.branches" }
        try #require(events.count == 1, "\(text)")
        #expect(events[0].trigger.text == trigger)
        #expect(events[0].args.first { $0.role == "rescued" }?.text == figure)
    }
    let failures = RuleTester(rules: set).run().filter { !$0.passed }
    #expect(failures.isEmpty, "\(failures.map(\.text))")
}
