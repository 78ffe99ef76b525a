import Foundation
import Records
import Rules
import Testing
import TestSupport

// The pack-loader fuzz target's seeds (Tests/Fixtures/fuzz/pack-loader, findings included as
// found-*.yaml) run here too, so a fixed finding stays fixed without a fuzz build: each, as a
// rule file, loads without trapping and every diagnostic points at a line of the file.

private let seedFolder = Checkout.root.appendingPathComponent("Tests/Fixtures/fuzz/pack-loader")
private let seeds = ((try? FileManager.default.contentsOfDirectory(atPath: seedFolder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()

@Test func thereAreFuzzSeeds() {
    #expect(seeds.count >= 5 && seeds.contains("found-unclosed-brace.yaml"))
}

@Test(arguments: seeds)
func aFuzzSeedLoadsWithDiagnosticsInsideTheFile(_ seed: String) throws {
    let bytes = try Data(contentsOf: seedFolder.appendingPathComponent(seed))
    let taxonomy = try String(contentsOfFile: Checkout.rules + "/taxonomy.yaml", encoding: .utf8)
    let root = try writePack(["taxonomy.yaml": taxonomy])
    let file = root + "/zh/seed.yaml"
    try FileManager.default.createDirectory(atPath: root + "/zh", withIntermediateDirectories: true)
    try bytes.write(to: URL(fileURLWithPath: file))
    let (_, diagnostics) = PackLoader.load(root: root, languages: [.zh])
    let lines = SourceLines.split(String(decoding: bytes, as: UTF8.self)).count
    for diagnostic in diagnostics where diagnostic.location?.file == file {
        let line = diagnostic.location?.line ?? 1
        #expect(line >= 1 && line <= lines, "\(seed): diagnostic at line \(line) of a \(lines)-line file: \(diagnostic)")
    }
}
