import Foundation
import Testing
import Records

// End-to-end tests of the rule author's tools: eval, diff, explain, profile, export (issue 9).

/// ../shared beside the checkout (CI lays a copy there): the reference scorer and the seed corpus.
let shared = checkout.deletingLastPathComponent().appendingPathComponent("shared")

/// Every gold set the agreement test pins: the seed page and each set under Tests/Fixtures.
let goldSets: [String] = {
    var sets = ["../shared/corpus/dev/corpus.jsonl|../shared/corpus/dev/gold.jsonl"]
    for set in ["devset", "holdout", "holdout2"] {
        for lang in ["zh", "en"] { sets.append("Tests/Fixtures/\(set)/\(lang).corpus.jsonl|Tests/Fixtures/\(set)/\(lang).gold.jsonl") }
    }
    return sets
}()

func python(_ arguments: [String]) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

func counts(_ json: JSONValue, _ section: String, _ keys: [String]) -> [Double] {
    keys.map { json[section]?[$0]?.doubleValue ?? -1 }
}

@Test("rules eval gives score.py's numbers", arguments: goldSets)
func evalAgreesWithTheReferenceScorer(_ pair: String) throws {
    let parts = pair.split(separator: "|").map { checkout.appendingPathComponent(String($0)).standardizedFileURL.path }
    let (corpus, gold) = (parts[0], parts[1])
    #expect(FileManager.default.fileExists(atPath: shared.appendingPathComponent("tools/score.py").path), "../shared/tools/score.py must lie beside the checkout")
    let folder = try temporaryFolder()
    let pred = folder.appendingPathComponent("pred.jsonl").path
    #expect(try tidings(["extract", corpus, "-o", pred]).status == 0)
    let reference = try python([shared.appendingPathComponent("tools/score.py").path, "events", "--corpus", corpus, "--gold", gold, "--pred", pred, "--json"])
    #expect(reference.status == 0, "score.py: \(reference.stderr)")
    // score.py's --json is the object before its closing summary line.
    let referenceJSON = try JSONValue.parse(reference.stdout.components(separatedBy: "\nevents F1").first!)
    let eval = try tidings(["rules", "eval", "--corpus", corpus, "--gold", gold, "--json"])
    #expect(eval.status == 0, "\(eval.stderr)")
    let ours = try JSONValue.parse(eval.stdout)
    for section in ["events", "args"] {
        #expect(counts(ours, section, ["tp", "pred", "gold"]) == counts(referenceJSON, section, ["tp", "pred", "gold"]), "\(section) of \(corpus)")
        for key in ["p", "r", "f1"] {
            #expect(abs((ours[section]?[key]?.doubleValue ?? -1) - (referenceJSON[section]?[key]?.doubleValue ?? -2)) < 1e-9)
        }
    }
    #expect(counts(ours, "attrs", ["ok", "all"]) == counts(referenceJSON, "attrs", ["ok", "all"]))
    let types = referenceJSON["by_type"]?.objectValue ?? []
    #expect(!types.isEmpty)
    for (type, tally) in types {
        #expect(counts(ours["by_type"]!, type, ["tp", "pred", "gold"]) == ["tp", "pred", "gold"].map { tally[$0]?.doubleValue ?? -1 }, "\(type) in \(corpus)")
    }
    // The text form ends with score.py's own summary line.
    let text = try tidings(["rules", "eval", "--corpus", corpus, "--gold", gold, "--color", "never"])
    #expect(text.stdout.split(separator: "\n").last.map(String.init) == reference.stdout.split(separator: "\n").last.map(String.init))
}

/// A two-document corpus of our own: one swap the pack finds, one event it cannot.
func writeSmallGoldSet(_ folder: URL) throws -> (corpus: String, gold: String) {
    let corpus = folder.appendingPathComponent("c.jsonl"), gold = folder.appendingPathComponent("g.jsonl")
    try [
        #"{"id": "s1", "lang": "zh", "date": "2025-03-20", "text": "俄乌双方周三在伊斯坦布尔交换了175名战俘。"}"#,
        #"{"id": "s2", "lang": "zh", "date": "2025-03-20", "text": "一名男子昨天在公园里散步时摔倒了。"}"#,
    ].joined(separator: "\n").write(to: corpus, atomically: true, encoding: .utf8)
    try [
        #"{"doc": "s1", "type": "prisoner_exchange", "evidence": "俄乌双方周三在伊斯坦布尔交换了175名战俘。", "args": [{"role": "released", "kind": "quantity", "value": {"amount": 175}}, {"role": "date", "kind": "date", "value": {"date": "2025-03-19"}}, {"role": "place", "kind": "place", "text": "伊斯坦布尔"}], "attrs": {"status": "happened"}}"#,
        #"{"doc": "s2", "type": "accident", "evidence": "一名男子昨天在公园里散步时摔倒了。", "args": [{"role": "place", "kind": "place", "text": "公园"}]}"#,
    ].joined(separator: "\n").write(to: gold, atomically: true, encoding: .utf8)
    return (corpus.path, gold.path)
}

@Test func evalTablesListsAndMinimumF1() throws {
    let (corpus, gold) = try writeSmallGoldSet(try temporaryFolder())
    let run = try tidings(["rules", "eval", "--corpus", corpus, "--gold", gold, "--list", "--color", "never"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("prisoner_exchange     1     1     1  1.000  1.000  1.000"))
    #expect(run.stdout.contains("accident              0     0     1  0.000  0.000  0.000"))
    #expect(run.stdout.contains("MISS   s2  accident  一名男子昨天在⟦公园⟧里散步时摔倒了。"))
    #expect(run.stdout.contains("released              1     1     1  1.000  1.000  1.000"))
    #expect(run.stdout.contains("zh.prisoner_exchange.swap-noun"))
    #expect(run.stdout.hasSuffix("events F1 0.667 (P 1.000 R 0.500) args F1 0.857 attrs 1.000\n"))
    #expect(run.stdout.contains("ARG    s1  prisoner_exchange  extra participant=俄乌双方"), "the side the gold leaves out is an extra argument")
    let json = try JSONValue.parse(try tidings(["rules", "eval", "--corpus", corpus, "--gold", gold, "--json", "--list"]).stdout)
    #expect(json["events"]?["f1"]?.doubleValue.map { abs($0 - 2.0 / 3.0) < 1e-9 } == true)
    #expect(json["by_rule"]?["zh.prisoner_exchange.swap-noun"]?["right"]?.doubleValue == 1)
    #expect(json["by_role"]?["date"]?["tp"]?.doubleValue == 1)
    #expect(json["by_attr"]?["status"]?["ok"]?.doubleValue == 1)
    #expect(json["sets"]?.arrayValue?.first?["misses"]?.arrayValue?.count == 1)
    let strict = try tidings(["rules", "eval", "--corpus", corpus, "--gold", gold, "--min-f1", "0.9"])
    #expect(strict.status == 1)
    #expect(strict.stderr.contains("events F1 0.667 is below --min-f1 0.900"))
    // Two sets in one run: a table each and the total.
    let both = try tidings(["rules", "eval", "--corpus", corpus, "--gold", gold, "--corpus", corpus, "--gold", gold, "--color", "never"])
    #expect(both.stdout.contains("== total of 2 sets"))
    #expect(both.stdout.contains("prisoner_exchange     2     2     2"))
}

@Test func evalRejectsBadInputWithItsPlace() throws {
    let folder = try temporaryFolder()
    let (corpus, gold) = try writeSmallGoldSet(folder)
    let unpaired = try tidings(["rules", "eval", "--corpus", corpus])
    #expect(unpaired.status == 2)
    #expect(unpaired.stderr.contains("each --corpus needs its --gold"))
    let badGold = folder.appendingPathComponent("bad.jsonl")
    try (#"{"doc": "s1", "type": "attack", "evidence": "这句话不在文中。"}"# + "\n{broken\n").write(to: badGold, atomically: true, encoding: .utf8)
    let broken = try tidings(["rules", "eval", "--corpus", corpus, "--gold", badGold.path])
    #expect(broken.status == 2)
    #expect(broken.stderr.contains("bad.jsonl:2: not JSON"))
    try (#"{"doc": "s1", "type": "attack", "evidence": "这句话不在文中。"}"# + "\n").write(to: badGold, atomically: true, encoding: .utf8)
    let missing = try tidings(["rules", "eval", "--corpus", corpus, "--gold", badGold.path])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("bad.jsonl:1: evidence not found in document s1"))
    _ = gold
}

/// The shipped pack copied, without the Chinese prisoner-exchange rules.
func packWithoutZhSwaps(_ folder: URL) throws -> URL {
    let pack = folder.appendingPathComponent("Rules")
    try FileManager.default.copyItem(at: checkout.appendingPathComponent("Rules"), to: pack)
    try FileManager.default.removeItem(at: pack.appendingPathComponent("zh/prisoner_exchange.yaml"))
    return pack
}

@Test func evalBaselineFromAFolderAndFromAGitRevision() throws {
    let folder = try temporaryFolder()
    let (corpus, gold) = try writeSmallGoldSet(folder)
    let smaller = try packWithoutZhSwaps(folder)
    let run = try tidings(["rules", "eval", "--corpus", corpus, "--gold", gold, "--rules", smaller.path,
                           "--baseline", checkout.appendingPathComponent("Rules").path, "--color", "never"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("- lost    s1  prisoner_exchange  [zh.prisoner_exchange.swap-noun]  俄乌双方周三在伊斯坦布尔⟦交换了175名战俘⟧。"))
    #expect(run.stdout.contains("prisoner_exchange     0     0     1  0.000  0.000  0.000  -1.000"))
    #expect(run.stdout.contains("change: events F1 -0.667"))

    // The same comparison against a revision: commit the full pack, then remove the file.
    let repo = folder.appendingPathComponent("repo")
    try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: checkout.appendingPathComponent("Rules"), to: repo.appendingPathComponent("Rules"))
    for args in [["init", "-q"], ["add", "Rules"], ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "pack"]] {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", repo.path] + args
        try git.run()
        git.waitUntilExit()
        #expect(git.terminationStatus == 0)
    }
    try FileManager.default.removeItem(at: repo.appendingPathComponent("Rules/zh/prisoner_exchange.yaml"))
    let revision = try tidings(["rules", "eval", "--corpus", corpus, "--gold", gold, "--rules", repo.appendingPathComponent("Rules").path,
                                "--baseline", "HEAD", "--json"])
    #expect(revision.status == 0, "\(revision.stderr)")
    let json = try JSONValue.parse(revision.stdout)
    #expect(json["baseline"]?["events"]?["tp"]?.doubleValue == 1)
    #expect(json["events"]?["tp"]?.doubleValue == 0)
    #expect(json["sets"]?.arrayValue?.first?["changes"]?.arrayValue?.first?["change"]?.stringValue == "lost")
    let unknown = try tidings(["rules", "eval", "--corpus", corpus, "--gold", gold, "--rules", repo.appendingPathComponent("Rules").path, "--baseline", "no-such-rev"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("not a folder nor a git revision"))
}

@Test func diffListsWhatChangedBetweenPacks() throws {
    let folder = try temporaryFolder()
    let (corpus, _) = try writeSmallGoldSet(folder)
    let smaller = try packWithoutZhSwaps(folder)
    let shipped = checkout.appendingPathComponent("Rules").path
    let run = try tidings(["rules", "diff", shipped, smaller.path, "--corpus", corpus, "--color", "never"])
    #expect(run.status == 1)
    #expect(run.stdout.contains("- lost    s1  prisoner_exchange  [zh.prisoner_exchange.swap-noun]"))
    #expect(run.stdout.hasSuffix("0 gained, 1 lost, 0 changed\n"))
    let reverse = try tidings(["rules", "diff", smaller.path, shipped, "--corpus", corpus, "--json"])
    #expect(reverse.status == 1)
    let change = try JSONValue.parse(String(reverse.stdout.split(separator: "\n")[0]))
    #expect(change["change"]?.stringValue == "gained")
    #expect(change["start"]?.doubleValue == 12)
    let same = try tidings(["rules", "diff", shipped, shipped, "--corpus", corpus])
    #expect(same.status == 0)
    #expect(same.stdout == "0 gained, 0 lost, 0 changed\n")
}

@Test func explainShowsStagesAndWhyARuleDidNotFire() throws {
    let fired = try tidings(["rules", "explain", "俄乌双方周三在伊斯坦布尔交换了175名战俘。俄罗斯拒绝了停火。", "--date", "2025-03-20",
                             "--color", "never", "--rule", "zh.prisoner_exchange.swap-noun"])
    #expect(fired.status == 0, "\(fired.stderr)")
    #expect(fired.stdout.contains("segment 1 [0–31], reference date 2025-03-20"))
    #expect(fired.stdout.contains("date      「周三」 4–6  {\"date\": \"2025-03-19\"}  ← zh.date.weekday (zh/entities.yaml:"))
    #expect(fired.stdout.contains("folded: ⟨ACTOR⟩⟨DATE⟩在⟨PLACE⟩交换了⟨QUANTITY⟩。"))
    #expect(fired.stdout.contains("released     「175名战俘」 {\"amount\": 175, \"unit\": \"person\"}  ← group released"))
    #expect(fired.stdout.contains("date         「周三」 {\"date\": \"2025-03-19\"}  ← fill"))
    #expect(fired.stdout.contains("sentence 1: fired, trigger 「交换了175名战俘」"))
    #expect(fired.stdout.contains("sentence 2: did not run: none of its prefilter literals is in the sentence (囚犯, 战俘"))

    let partial = try tidings(["rules", "explain", "俄罗斯总统普京周三表示拒绝，双方仍在谈判。", "--date", "2025-03-20", "--color", "never", "--rule", "zh.ceasefire.reject"])
    #expect(partial.stdout.contains("sentence 1: no match: the longest partial match covered 「俄罗斯总统普京周三表示拒绝」 and stopped at 13, before 「，双方仍在谈判。」"))

    let vetoed = try tidings(["rules", "explain", "Russia said it had stepped up attacks on Kharkiv in recent months.", "--lang", "en",
                              "--color", "never", "--rule", "en.attack.noun-on"])
    #expect(vetoed.stdout.contains("sentence 1: vetoed by unless #1"))
    #expect(vetoed.stdout.contains("the pattern had matched 「attacks on Kharkiv」"))

    let refused = try tidings(["rules", "explain", "Hamas will provide Ukraine with drones.", "--lang", "en", "--color", "never",
                               "--rule", "en.military_aid.promised-give"])
    #expect(refused.stdout.contains("sentence 1: matched 「Hamas will provide Ukraine with drones」, but the where constraint on agent (role agent) refused 「Hamas」"))

    let merged = try tidings(["rules", "explain", "俄罗斯和乌克兰周三交换战俘。俄乌双方周三在伊斯坦布尔交换了175名战俘。", "--date", "2025-03-20",
                              "--color", "never", "--rule", "zh.prisoner_exchange.swap-noun"])
    #expect(merged.stdout.contains("sentence 2: matched 「交换了175名战俘」; coalescing merged the event into zh.prisoner_exchange.swap-noun's record with trigger 「交换战俘」 at 9"))

    let hypothetical = try tidings(["rules", "explain", "若美国恢复对乌克兰的军事援助,俄方将予以回应。", "--color", "never", "--rule", "zh.military_aid.resume"])
    #expect(hypothetical.stdout.contains("sentence 1: vetoed by the modality layer's zh.modality.hypothetical, which matched 「若」"))

    let colored = try tidings(["rules", "explain", "俄乌双方周三交换了战俘。", "--color", "always"])
    #expect(colored.stdout.contains("\u{1B}[1;7m"))
    let plain = try tidings(["rules", "explain", "俄乌双方周三交换了战俘。"])
    #expect(!plain.stdout.contains("\u{1B}["), "no colour when standard output is not a terminal")

    let unknown = try tidings(["rules", "explain", "文字", "--rule", "zh.no-such-rule"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("no rule 'zh.no-such-rule' in the pack"))
    let neither = try tidings(["rules", "explain"])
    #expect(neither.status == 2)
    #expect(neither.stderr.contains("give the text to explain, or --file F"))
}

@Test func profileCountsStagesAndRules() throws {
    let (corpus, _) = try writeSmallGoldSet(try temporaryFolder())
    let run = try tidings(["rules", "profile", "--corpus", corpus, "--json", "--top", "500"])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try JSONValue.parse(run.stdout)
    #expect(json["documents"]?.doubleValue == 2)
    let stages = json["stages"]?.objectValue?.map(\.0) ?? []
    #expect(stages == ["ingest", "segmentation", "mentions", "prefilter", "events", "attach", "coalesce", "records", "output"])
    let rules = json["rules"]?.arrayValue ?? []
    #expect(!rules.isEmpty)
    let times = rules.compactMap { $0["ms"]?.doubleValue }
    #expect(times == times.sorted(by: >), "slowest first")
    for rule in rules {
        #expect((rule["matches"]?.doubleValue ?? 0) <= (rule["attempts"]?.doubleValue ?? 0))
    }
    let swap = rules.first { $0["rule"]?.stringValue == "zh.prisoner_exchange.swap-noun" }
    #expect(swap?["matches"]?.doubleValue == 1, "the swap pattern matched its one sentence")
    let text = try tidings(["rules", "profile", "--corpus", corpus])
    #expect(text.stdout.contains("2 documents"))
    #expect(text.stdout.contains("no rule hit a PCRE2 limit"))
}

@Test func exportFlatWritesPlainPatternsAndNamesTheOnesPCRE2Refuses() throws {
    let run = try tidings(["rules", "export", "--flat", "--lang", "en"])
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.count > 100)
    for line in lines {
        let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
        #expect(fields.count == 3)
        #expect(fields[0].hasPrefix("en."))
        #expect(["entity", "event", "unless", "unless_clause", "attach", "attach_unless"].contains(String(fields[1])))
        #expect(!fields[2].unicodeScalars.contains { (0xE000...0xE03F).contains($0.value) }, "no placeholder left in \(fields[0])")
        #expect(!fields[2].contains("{{"), "no reference left in \(fields[0])")
    }
    let refused = run.stderr.split(separator: "\n").filter { $0.contains("PCRE2 cannot compile it") }
    #expect(run.stderr.contains("\(lines.count) patterns, \(refused.count) that this PCRE2 cannot compile"))
    #expect(try tidings(["rules", "export"]).status == 2)
}

/// Every gold set whose score CI guards: the agreement sets plus the real-news sets in ../shared.
let guardedSets = goldSets + ["../shared/corpus/real/corpus.jsonl|../shared/corpus/real/gold.jsonl",
                              "../shared/corpus/real2/corpus.jsonl|../shared/corpus/real2/gold.jsonl"]

/// The score each gold set must keep (events and args F1), recorded in Tests/Fixtures/eval-floors.json.
/// A pack change that lowers one fails here; `TIDINGS_RECORD=1` re-records the file (and fails the run,
/// so a recording is never mistaken for a pass).
@Test func noGoldSetScoresBelowItsRecordedFloor() throws {
    let floorsURL = checkout.appendingPathComponent("Tests/Fixtures/eval-floors.json")
    var arguments = ["rules", "eval", "--json"]
    for pair in guardedSets {
        let parts = pair.split(separator: "|").map { checkout.appendingPathComponent(String($0)).standardizedFileURL.path }
        arguments += ["--corpus", parts[0], "--gold", parts[1]]
    }
    let run = try tidings(arguments)
    #expect(run.status == 0, "\(run.stderr)")
    let sets = try JSONValue.parse(run.stdout)["sets"]?.arrayValue ?? []
    #expect(sets.count == guardedSets.count)
    let scores: [(String, JSONValue)] = zip(guardedSets, sets).map { pair, set in
        (pair, .object([("events_f1", .number(((set["events"]?["f1"]?.doubleValue ?? 0) * 1000).rounded() / 1000)),
                        ("args_f1", .number(((set["args"]?["f1"]?.doubleValue ?? 0) * 1000).rounded() / 1000))]))
    }
    if ProcessInfo.processInfo.environment["TIDINGS_RECORD"] == "1" {
        let lines = scores.map { "  \"\($0.0)\": \($0.1.serialized())" }.joined(separator: ",\n")
        try ("{\n" + lines + "\n}\n").write(to: floorsURL, atomically: true, encoding: .utf8)
        Issue.record("recorded \(floorsURL.path); run again without TIDINGS_RECORD")
        return
    }
    let floors = try JSONValue.parse(String(decoding: try Data(contentsOf: floorsURL), as: UTF8.self))
    for (pair, score) in scores {
        for key in ["events_f1", "args_f1"] {
            let floor = floors[pair]?[key]?.doubleValue
            #expect(floor != nil, "no floor recorded for \(pair)")
            let now = score[key]?.doubleValue ?? 0
            #expect(now >= (floor ?? 1) - 0.0005, "\(key) of \(pair) fell from \(floor ?? 0) to \(now)")
        }
    }
}
