import Foundation
import Testing
import Records
import TestSupport

/// What a run of the built `tidings` binary said (the shared TestSupport names, for this target's files).
typealias Run = CommandRun
let binary = tidingsBinary
let checkout = Checkout.root

func tidings(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], executable: URL = binary) throws -> Run {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = runEnvironment(environment)
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
}

func temporaryFolder() throws -> URL { try makeTemporaryFolder(prefix: "tidings-cli") }

@Test func versionAndHelp() throws {
    let version = try tidings(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
    let help = try tidings(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("extract"))
    #expect(help.stdout.contains("Exit status"))
}

@Test func usageErrorsExitWithTwo() throws {
    let none = try tidings(["extract"])
    #expect(none.status == 2)
    #expect(none.stderr.contains("give at least one input file"))
    let badDate = try tidings(["extract", "--date", "20-03-2025", "-"])
    #expect(badDate.status == 2)
    #expect(badDate.stderr.contains("--date must be YYYY-MM-DD, not '20-03-2025'"))
    let unknown = try tidings(["extract", "--frobnicate", "-"])
    #expect(unknown.status == 2)
}

@Test func badInputLinesAreReportedAndTheRestProcessed() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("in.jsonl")
    let lines = [
        #"{"id": "a", "text": "俄罗斯与乌克兰周三交换了战俘。", "date": "2025-03-20", "title": "T"}"#,
        #"{"id": "b", "text": "broken"#,
        #"{"id": "c"}"#,
        #"{"id": "d", "text": "Russia and Ukraine swapped prisoners.", "lang": "en", "extra": {"k": [1, 2]}}"#,
    ]
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    let run = try tidings(["extract", file.path, "--jobs", "2"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("\(file.path):2: not valid JSON"))
    #expect(run.stderr.contains("\(file.path):3: missing required field \"text\""))
    let records = run.stdout.split(separator: "\n").map { try? JSONValue.parse(String($0)) }
    #expect(records.count == 2)
    #expect(records.first??["doc"]?.stringValue == "a")
    #expect(records.first??["title"]?.stringValue == "T")
    #expect(records.last??["doc"]?.stringValue == "d")
    #expect(records.last??["lang"]?.stringValue == "en")
    #expect(records.last??["extra"] == .object([("k", .array([.number(1), .number(2)]))]))

    let failFast = try tidings(["extract", file.path, "--fail-fast"])
    #expect(failFast.status == 1)
    #expect(failFast.stderr.contains(":2: not valid JSON"))
    #expect(!failFast.stderr.contains(":3:"))
}

@Test func missingBinaryAndEmptyFilesAreReported() throws {
    let folder = try temporaryFolder()
    let binaryFile = folder.appendingPathComponent("blob.txt")
    try Data([0x00, 0x01, 0x02, 0xFF]).write(to: binaryFile)
    let empty = folder.appendingPathComponent("empty.txt")
    try "  \n".write(to: empty, atomically: true, encoding: .utf8)
    let latin1 = folder.appendingPathComponent("latin1.txt")
    try Data([0x63, 0x61, 0x66, 0xE9]).write(to: latin1)
    let run = try tidings(["extract", folder.appendingPathComponent("nope.txt").path, binaryFile.path, empty.path, latin1.path])
    #expect(run.status == 1)
    #expect(run.stderr.contains("nope.txt: no such file"))
    #expect(run.stderr.contains("blob.txt: looks like a binary file"))
    #expect(run.stderr.contains("empty.txt: empty document"))
    #expect(run.stderr.contains("latin1.txt: not valid UTF-8 at byte 3"))
    #expect(run.stdout.isEmpty)
}

@Test func plainTextFilesTakeTheirIdAndDateFromTheCommandLine() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("story-1.txt")
    try "（北京20日讯）俄罗斯和乌克兰周三进行了囚犯交换。".write(to: file, atomically: true, encoding: .utf8)
    let run = try tidings(["extract", file.path, "--date", "2025-03-20"])
    #expect(run.status == 0, "\(run.stderr)")
    let record = try JSONValue.parse(run.stdout.trimmingCharacters(in: .newlines))
    #expect(record["doc"]?.stringValue == "story-1")
    #expect(record["reference_date"]?.stringValue == "2025-03-20")
    #expect(record["lang"]?.stringValue == "zh")
    let events = record["events"]?.arrayValue ?? []
    #expect(events.contains { $0["type"]?.stringValue == "prisoner_exchange" })
}

@Test func gb18030InputIsDecodedOnRequest() throws {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("legacy.txt")
    let text = "俄罗斯和乌克兰周三进行了囚犯交换。"
    let data = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)))
    try data.write(to: file)
    let plain = try tidings(["extract", file.path])
    #expect(plain.status == 1)
    #expect(plain.stderr.contains("not valid UTF-8"))
    let decoded = try tidings(["extract", file.path, "--encoding", "gb18030", "--format", "events"])
    #expect(decoded.status == 0, "\(decoded.stderr)")
    #expect(decoded.stdout.contains("\"prisoner_exchange\""))

    let big5File = folder.appendingPathComponent("taiwan.txt")
    let traditional = "俄羅斯和烏克蘭周三進行了囚犯交換。"
    try #require(traditional.data(using: String.Encoding(rawValue: 0x8000_0A03))).write(to: big5File)
    let big5 = try tidings(["extract", big5File.path, "--encoding", "big5", "--format", "events"])
    #expect(big5.status == 0, "\(big5.stderr)")
    #expect(big5.stdout.contains("\"prisoner_exchange\""))

    // A byte that no GB18030 sequence starts with: reported with its offset.
    let broken = folder.appendingPathComponent("broken.txt")
    try (data.prefix(6) + Data([0xFF, 0xFF]) + data.dropFirst(6)).write(to: broken)
    let bad = try tidings(["extract", broken.path, "--encoding", "gb18030"])
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("broken.txt: not valid gb18030 text at byte 6"))
}

@Test func eventsAndCSVFormats() throws {
    let input = #"{"id": "x", "text": "俄罗斯和乌克兰周三进行了囚犯交换。", "date": "2025-03-20"}"#
    let events = try tidings(["extract", "-", "--format", "events"], stdin: input)
    #expect(events.status == 0)
    let first = try JSONValue.parse(String(events.stdout.split(separator: "\n")[0]))
    #expect(first["doc"]?.stringValue == "x")
    #expect(first["type"]?.stringValue == "prisoner_exchange")
    let csv = try tidings(["extract", "-", "--format", "csv"], stdin: input)
    let rows = csv.stdout.split(separator: "\n")
    #expect(rows.first == "doc,type,trigger,trigger_start,trigger_end,evidence_start,evidence_end,args,attrs,rule,source,confidence")
    #expect(rows.count == 2)
    #expect(rows[1].hasPrefix("x,prisoner_exchange,"))
}

@Test func outputOrderFollowsInputOrderWithManyJobs() throws {
    let input = (0..<60).map { #"{"id": "d\#($0)", "text": "俄罗斯和乌克兰周三进行了囚犯交换。", "date": "2025-03-20"}"# }.joined(separator: "\n")
    let run = try tidings(["extract", "-", "--jobs", "4"], stdin: input)
    #expect(run.status == 0)
    let ids = run.stdout.split(separator: "\n").compactMap { try? JSONValue.parse(String($0))["doc"]?.stringValue }
    #expect(ids == (0..<60).map { "d\($0)" })
}

@Test func aMissingRulePackIsAFatalErrorNamingThePath() throws {
    let run = try tidings(["extract", "-"], stdin: "", environment: ["TIDINGS_RULES": "/nonexistent/rules"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("/nonexistent/rules"))
}

@Test func lintReportsABrokenPackWithExitOne() throws {
    let folder = try temporaryFolder()
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("zh"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: checkout.appendingPathComponent("Rules/taxonomy.yaml"), to: folder.appendingPathComponent("taxonomy.yaml"))
    try """
    events:
      - id: zh.ceasefire.broken
        type: ceasefire
        pattern: '拒绝(停火'
        atrs: {status: rejected}
    """.write(to: folder.appendingPathComponent("zh/bad.yaml"), atomically: true, encoding: .utf8)
    let run = try tidings(["rules", "lint", folder.path])
    #expect(run.status == 1)
    #expect(run.stdout.contains("zh/bad.yaml:5:5: error: unknown key 'atrs' in an event rule; did you mean 'attrs'? [unknown-key]"))
    #expect(run.stdout.contains("zh/bad.yaml:4:20: error: pattern does not compile: missing closing parenthesis [pcre2-compile]"))
    #expect(run.stdout.contains("2 error(s)"))
}

@Test func ruleTestsEndWithTheCountLine() throws {
    let run = try tidings(["rules", "test", "--filter", "zh.talks.call-pair"])
    let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
    #expect(last.range(of: #"^\d+ passed, \d+ failed$"#, options: .regularExpression) != nil)
    #expect(run.status == (last.hasSuffix(" 0 failed") ? 0 : 1))
}

@Test func aCopiedBinaryStillFindsTheShippedRules() throws {
    let folder = try temporaryFolder()
    let copy = folder.appendingPathComponent("tidings")
    try FileManager.default.copyItem(at: binary, to: copy)
    let run = try tidings(["rules", "lint", "--quiet"], executable: copy)
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.contains("0 error(s)"))
}

@Test func normalizeShowsMentionsWithAnchors() throws {
    let run = try tidings(["normalize", "--lang", "zh", "--date", "2025-03-20", "普京周三说"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("\"Vladimir Putin\""))
}
