import Extraction
import Foundation
import Records
import RuleTools
import Rules
import Testing

// The speed must not cost a single event (issue 15): the fast path (entity patterns gated by the
// document's literals, event and attach rules by their sentence's, a rule's vetoes only after its
// pattern matched) gives every gold corpus the records of the plain path (every rule everywhere,
// vetoes first).

let checkoutFolder = URL(fileURLWithPath: shippedRules).deletingLastPathComponent()

let goldCorpora: [String] = {
    var paths: [String] = []
    for set in ["devset", "holdout", "holdout2"] {
        for lang in ["zh", "en"] { paths.append("Tests/Fixtures/\(set)/\(lang).corpus.jsonl") }
    }
    for set in ["dev", "real", "real2"] { paths.append("../shared/corpus/\(set)/corpus.jsonl") }
    return paths
}()

@Test("the fast path gives the plain path's records", arguments: goldCorpora)
func fastAndPlainPathsAgree(_ path: String) throws {
    let file = checkoutFolder.appendingPathComponent(path).standardizedFileURL.path
    #expect(FileManager.default.fileExists(atPath: file), "\(path) must be there (../shared lies beside the checkout)")
    guard FileManager.default.fileExists(atPath: file) else { return }
    let corpus = try Corpus.load(file)
    let fast = CorpusRun(corpus: corpus, extractor: Pipeline(pack: shippedPack), jobs: 2)
    let plain = CorpusRun(corpus: corpus, extractor: Pipeline(pack: shippedPack, plainPath: true), jobs: 2)
    #expect(fast.records.count == corpus.documents.count)
    #expect(fast.results.flatMap(\.events).count > 0)
    for (a, b) in zip(fast.records, plain.records) {
        #expect(a.serialized() == b.serialized(), "\(a["doc"]?.stringValue ?? "")")
    }
}
