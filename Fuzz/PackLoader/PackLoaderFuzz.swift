import FuzzSupport
import Foundation
import Rules

/// A scratch pack: the shipped taxonomy and one zh rule file that each input replaces.
let scratch: String = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tidings-fuzz-pack-\(getpid())")
    try? FileManager.default.createDirectory(at: folder.appendingPathComponent("zh"), withIntermediateDirectories: true)
    let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Rules/taxonomy.yaml")
    try? FileManager.default.removeItem(at: folder.appendingPathComponent("taxonomy.yaml"))
    try? FileManager.default.copyItem(at: shipped, to: folder.appendingPathComponent("taxonomy.yaml"))
    return folder.path
}()

/// libFuzzer entry: any bytes as a rule file. The loader must return diagnostics (with lines
/// inside the file), never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPackLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = fuzzBytes(data, size)
    let file = scratch + "/zh/fuzz.yaml"
    guard FileManager.default.createFile(atPath: file, contents: Data(input)) else { return 0 }
    let (_, diagnostics) = PackLoader.load(root: scratch, languages: [.zh])
    // Lines as YAML counts them: \r\n once, a lone \r, \n, NEL, LS, PS.
    let lines = SourceLines.split(String(decoding: input, as: UTF8.self)).count
    for diagnostic in diagnostics where diagnostic.location?.file == file {
        let line = diagnostic.location?.line ?? 1
        fuzzCheck(line >= 1 && line <= lines, "diagnostic at line \(line) of a \(lines)-line file: \(diagnostic)")
    }
    _ = DiagnosticRenderer.render(diagnostics)
    return 0
}

/// Entry point: libFuzzer's driver with this target's callback.
@main
enum FuzzMain {
    static func main() { runFuzzer(fuzzPackLoader) }
}
