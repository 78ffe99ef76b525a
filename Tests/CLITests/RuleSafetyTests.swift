import Foundation
import Testing
import Records

// Issue 14: rule authors' safety nets.

/// A pack folder with the shipped taxonomy and the given zh rule files.
func scratchPack(_ files: [String: String]) throws -> URL {
    let folder = try temporaryFolder()
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("zh"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: checkout.appendingPathComponent("Rules/taxonomy.yaml"), to: folder.appendingPathComponent("taxonomy.yaml"))
    for (name, text) in files { try text.write(to: folder.appendingPathComponent("zh/" + name), atomically: true, encoding: .utf8) }
    return folder
}

@Test func aFilterThatMatchesNoRuleFails() throws {
    let typo = try tidings(["rules", "test", "--filter", "zh.cesefire"])
    #expect(typo.status == 1)
    #expect(typo.stderr.contains("--filter 'zh.cesefire' matches no rule id"))
    #expect(!typo.stdout.contains("0 passed, 0 failed"))
}

@Test func lintAndTestTakeRulesLikeEveryCommand() throws {
    let pack = try scratchPack(["p.yaml": """
    events:
      - id: zh.protest.march
        type: protest
        pattern: '(?<trigger>游行)'
        examples:
          - text: '数千人游行。'
            expect: {attrs: {}}
    """])
    let lint = try tidings(["rules", "lint", "--rules", pack.path])
    #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
    #expect(lint.stdout.contains("\(pack.path): 1 rules"))
    let test = try tidings(["rules", "test", "--rules", pack.path])
    #expect(test.status == 0, "\(test.stdout)")
    #expect(test.stdout.hasSuffix("1 passed, 0 failed\n"))
    let positional = try tidings(["rules", "test", pack.path, "--filter", "march"])
    #expect(positional.stdout.hasSuffix("1 passed, 0 failed\n"))
    let both = try tidings(["rules", "lint", pack.path, "--rules", "/elsewhere"])
    #expect(both.status == 2)
}

@Test func lintWarnsOnNumberedGroupsAndNestedQuantifiers() throws {
    let pack = try scratchPack(["q.yaml": """
    events:
      - id: zh.protest.nested
        type: protest
        pattern: '(?<trigger>抗议)(?:[a-z]+)*(上街)?(?:x++)+[(]\\((?<_v>y)?(?(_v)a|b)'
        examples:
          - text: '抗议'
            expect: {attrs: {}}
    """])
    let lint = try tidings(["rules", "lint", pack.path])
    #expect(lint.status == 0, "warnings alone exit 0: \(lint.stdout)")
    // The numbered group (上街), at its column (CJK counted as one scalar each).
    #expect(lint.stdout.contains("zh/q.yaml:4:40: warning: a numbered group"))
    // (?:[a-z]+)* is nested; (?:x++)+ is possessive inside and is not; the span is shown.
    #expect(lint.stdout.contains("zh/q.yaml:4:29: warning: an unbounded repeat of a group that repeats without bound"))
    #expect(lint.stdout.contains("note: at: (?:[a-z]+)*"))
    #expect(lint.stdout.components(separatedBy: "[nested-quantifier]").count == 2)
    #expect(lint.stdout.components(separatedBy: "[numbered-group]").count == 2)
    #expect(lint.stdout.contains("2 warning(s)"))
}

@Test func aRuleThatHitsALimitIsReportedOnceAndGivesNothingFromTheDocument() throws {
    let pack = try scratchPack(["r.yaml": """
    events:
      - id: zh.protest.catastrophic
        type: protest
        pattern: '(?<trigger>(?:a+)+(?:[0-9]|x))'
        requires: [a]
        examples:
          - text: 'aaax'
            expect: {attrs: {}}
      - id: zh.protest.plain
        type: protest
        pattern: '(?<trigger>抗议)'
        examples:
          - text: '抗议'
            expect: {attrs: {}}
    """])
    // Sentence 1 matches the catastrophic rule; sentences 2 and 3 make it hit its limit.
    let text = "aaax。" + String(repeating: "a", count: 40) + "b。" + String(repeating: "a", count: 40) + "b。抗议。"
    let input = #"{"id": "lim", "text": "\#(text)", "date": "2025-03-20", "lang": "zh"}"# + "\n" + #"{"id": "ok", "text": "aaax。", "date": "2025-03-20", "lang": "zh"}"#
    let run = try tidings(["extract", "-", "--rules", pack.path], stdin: input)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.components(separatedBy: "rule zh.protest.catastrophic:").count == 2, "\(run.stderr)")
    #expect(run.stderr.contains("it gives nothing from this document"))
    let records = run.stdout.split(separator: "\n").compactMap { try? JSONValue.parse(String($0)) }
    #expect(records[0]["events"]?.arrayValue?.compactMap { $0["rule"]?.stringValue } == ["zh.protest.plain"])
    // The next document is not affected.
    #expect(records[1]["events"]?.arrayValue?.compactMap { $0["rule"]?.stringValue } == ["zh.protest.catastrophic"])
}

@Test func theShippedPackIsFoundFromTheBinaryNeverTheWorkingDirectory() throws {
    // A copied binary, run by a bare name from PATH inside a folder that holds a broken Rules/.
    let install = try temporaryFolder()
    try FileManager.default.createDirectory(at: install.appendingPathComponent("bin"), withIntermediateDirectories: true)
    let copy = install.appendingPathComponent("bin/tidings")
    try FileManager.default.copyItem(at: binary, to: copy)
    try FileManager.default.copyItem(at: checkout.appendingPathComponent("Rules"), to: install.appendingPathComponent("share/tidings/Rules"))
    let unrelated = try temporaryFolder()
    try FileManager.default.createDirectory(at: unrelated.appendingPathComponent("Rules/zh"), withIntermediateDirectories: true)
    try "types: [".write(to: unrelated.appendingPathComponent("Rules/taxonomy.yaml"), atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "tidings rules lint --quiet"]
    process.currentDirectoryURL = unrelated
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "TIDINGS_RULES")
    env["PATH"] = install.appendingPathComponent("bin").path + ":/usr/bin:/bin"
    process.environment = env
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(said)")
    #expect(said.contains(install.appendingPathComponent("share/tidings/Rules").path), "\(said)")
    #expect(!said.contains(unrelated.path))
}

@Test func yamlErrorsAreAtTheirRealLineAndCaretsFollowDisplayWidth() throws {
    let pack = try scratchPack(["y.yaml": """
    events:
      - id: zh.protest.a
        type: protest
        pattern: '(?<trigger>游行)'
      - {id: zh.protest.b, type: protest, pattern: "示威

    # the file ends long after the quote that never closes


    """])
    let lint = try tidings(["rules", "lint", pack.path])
    #expect(lint.status == 1)
    #expect(lint.stdout.contains("zh/y.yaml:5:48: error: YAML syntax: a quoted scalar opened here never ends"), "\(lint.stdout)")

    let wide = try scratchPack(["w.yaml": """
    events:
      - id: zh.protest.w
        type: protest
        pattern: '抗议（示威(?<trigger>游行'
    """])
    let out = try tidings(["rules", "lint", wide.path]).stdout.split(separator: "\n").map(String.init)
    let index = try #require(out.firstIndex { $0.contains("pcre2-compile") })
    let source = out[index + 1], caret = out[index + 2]
    // The caret sits under the closing quote: count terminal cells, two for each CJK character.
    let quote = try #require(source.lastIndex(of: "'"))
    let cells = source[..<quote].unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
    #expect(caret == String(repeating: " ", count: cells) + "^")
}

@Test(arguments: ["\r\n", "\r"])
func yamlErrorLinesAndExcerptsAgreeWhateverTheLineEndings(_ newline: String) throws {
    // Found by fuzz-pack-loader: libyaml counts a lone \r as a line break; excerpts split on \n only
    // (and never split \r\n, one Character in Swift), so the caret pointed at nothing.
    let text = ["events:", "  - id: zh.protest.a", "    type: protest", "    pattern: '(?<trigger>游行'", ""].joined(separator: newline)
    let pack = try scratchPack(["e.yaml": text])
    let lint = try tidings(["rules", "lint", pack.path])
    #expect(lint.status == 1)
    let lines = lint.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let index = try #require(lines.firstIndex { $0.contains("zh/e.yaml:4:") }, "\(lint.stdout)")
    #expect(lines[index + 1] == "        pattern: '(?<trigger>游行'")
    #expect(lines[index + 2].hasSuffix("^"))
}

@Test func aKeyWithoutItsColonAtTheEndOfTheFileIsReportedAtTheKey() throws {
    // Found by fuzz-pack-loader: libyaml gave up on line 4 of a 3-line file.
    let pack = try scratchPack(["k.yaml": "events:\n  - id: zh.protest.k\n    type"])
    let lint = try tidings(["rules", "lint", pack.path])
    #expect(lint.status == 1)
    #expect(lint.stdout.contains("zh/k.yaml:3:5: error: YAML syntax: could not find expected ':' after the key that starts here"), "\(lint.stdout)")
    #expect(lint.stdout.contains("        type\n        ^"))
}

@Test func anUnclosedFlowMappingAtTheEndOfTheFileIsReportedInsideTheFile() throws {
    // Found by fuzz-pack-loader: even the error's context lay on line 3 of a 2-line file.
    let pack = try scratchPack(["f.yaml": "entities:\n  -  fill: {dates:"])
    let lint = try tidings(["rules", "lint", pack.path])
    #expect(lint.status == 1)
    #expect(lint.stdout.contains("zh/f.yaml:2:19: error: YAML syntax:"), "\(lint.stdout)")
    #expect(lint.stdout.contains("      -  fill: {dates:\n" + String(repeating: " ", count: 22) + "^"))
}
