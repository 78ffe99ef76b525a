import Foundation
import Records

/// Why a pack could not be used at all.
public struct PackLoadError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// Loads a rule pack folder: `taxonomy.yaml`, `<lang>/*.yaml`, `lexicons/<lang>/*.tsv`.
/// Never stops at the first problem: every diagnostic is returned, with the rules that compiled.
public enum PackLoader {
    /// Loads the pack at `root` for `languages` (all present when nil).
    public static func load(root: String, languages: [Language]? = nil) -> (pack: RulePack, diagnostics: [Diagnostic]) {
        let root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        var diagnostics: [Diagnostic] = []
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(Diagnostic(.error, code: .missingPack, "no rule pack folder at \(root)"))
            return (RulePack(root: root, sets: [:]), diagnostics)
        }
        let taxonomyPath = root + "/taxonomy.yaml"
        guard let taxonomyText = readText(taxonomyPath, &diagnostics) else {
            return (RulePack(root: root, sets: [:]), diagnostics)
        }
        var taxonomyReader = YAMLReader(path: taxonomyPath, text: taxonomyText)
        let taxonomy = TaxonomyLoader.load(&taxonomyReader) ?? Taxonomy(roles: [:], types: [:])
        diagnostics += taxonomyReader.diagnostics

        var present: [Language] = []
        for language in languages ?? Language.allCases {
            let folder = root + "/" + language.rawValue
            guard fm.fileExists(atPath: folder) else {
                if languages != nil {
                    diagnostics.append(Diagnostic(.error, code: .missingPack, "no rules for language '\(language.rawValue)' at \(folder)"))
                }
                continue
            }
            present.append(language)
        }
        // Languages share nothing but the taxonomy, so they load side by side; their diagnostics
        // are joined in language order, as a one-by-one load would give them.
        let loaded = LoadSlots(count: present.count)
        let wanted = present
        DispatchQueue.concurrentPerform(iterations: wanted.count) { i in
            var own: [Diagnostic] = []
            let set = loadLanguage(wanted[i], root: root, taxonomy: taxonomy, diagnostics: &own)
            loaded.set(i, set, own)
        }
        var sets: [Language: RuleSet] = [:]
        for (i, language) in present.enumerated() {
            let (set, own) = loaded.get(i)
            sets[language] = set
            diagnostics += own
        }
        return (RulePack(root: root, sets: sets), diagnostics)
    }

    static func loadLanguage(_ language: Language, root: String, taxonomy: Taxonomy, diagnostics: inout [Diagnostic]) -> RuleSet {
        let folder = root + "/" + language.rawValue
        // Lexicons.
        var entries: [LexiconEntry] = []
        for path in files(in: root + "/lexicons/" + language.rawValue, ending: ".tsv") {
            if let text = readText(path, &diagnostics) {
                entries += LexiconLoader.parse(text, path: path, diagnostics: &diagnostics)
            }
        }
        diagnostics += LexiconLoader.conflicts(in: entries)

        // Pack-wide fragments come first, from fragments.yaml.
        var shared: [String: String] = [:]
        let sharedPath = folder + "/fragments.yaml"
        if let text = try? String(contentsOfFile: sharedPath, encoding: .utf8) {
            var reader = YAMLReader(path: sharedPath, text: text)
            if let root = reader.root(), let members = reader.mapping(root, "fragments.yaml", allowed: ["fragments"]) {
                shared = RuleCompiler.fragments(of: members, &reader)
            }
            diagnostics += reader.diagnostics
        }
        var compiler = RuleCompiler(language: language, taxonomy: taxonomy, sharedFragments: shared, root: root)
        // segmentation.yaml and context.yaml have their own sections, read by their own compilers.
        let segmentationPath = folder + "/" + RuleCompiler.segmentationFile
        let contextPath = folder + "/" + RuleCompiler.contextFile
        for path in [segmentationPath, contextPath] where FileManager.default.fileExists(atPath: path) {
            guard let text = readText(path, &diagnostics) else { continue }
            var reader = YAMLReader(path: path, text: text)
            if path == segmentationPath { compiler.compileSegmentation(&reader) } else { compiler.compileContext(&reader) }
            diagnostics += reader.diagnostics
        }
        for path in files(in: folder, ending: ".yaml") where ![sharedPath, segmentationPath, contextPath].contains(path) {
            guard let text = readText(path, &diagnostics) else { continue }
            var reader = YAMLReader(path: path, text: text)
            compiler.compileFile(&reader)
            diagnostics += reader.diagnostics
        }
        // Problems inside a pack-wide fragment (unknown names, cycles) are reported where a rule uses it.
        var set = RuleSet(language: language, taxonomy: taxonomy, lexicon: Lexicon(entries: entries, language: language),
                          titles: compiler.titles, entities: compiler.entities.sorted { $0.header.id < $1.header.id },
                          events: compiler.events, attaches: compiler.attaches)
        set.speechVerbs = compiler.speechVerbs
        set.anaphora = compiler.anaphora
        set.mediatorsAfter = compiler.mediatorsAfter
        set.mediatorsBefore = compiler.mediatorsBefore
        set.notSides = Set(compiler.notSides)
        set.targetMarkers = compiler.targetMarkers
        set.descriptors = compiler.descriptors
        set.outlets = compiler.outlets
        set.modality = compiler.modality
        set.segmentation = compiler.segmentation
        set.context = compiler.context
        return set
    }

    /// Files with `ending` directly in `folder`, sorted so loading is deterministic.
    static func files(in folder: String, ending: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(ending) && !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
    }

    static func readText(_ path: String, _ diagnostics: inout [Diagnostic]) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(Diagnostic(.error, code: .unreadable, "cannot read the file", at: SourceLocation(file: path, line: 1)))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(Diagnostic(.error, code: .unreadable, "the file is not UTF-8 text; save it as UTF-8", at: SourceLocation(file: path, line: 1)))
            return nil
        }
        return text
    }
}

/// One rule set and its diagnostics per language loaded in parallel.
private final class LoadSlots: @unchecked Sendable {
    // Safety: `slots` is only touched under `lock`; each worker writes its own index.
    private let lock = NSLock()
    private var slots: [(RuleSet?, [Diagnostic])]

    init(count: Int) { slots = Array(repeating: (nil, []), count: count) }

    func set(_ i: Int, _ set: RuleSet, _ diagnostics: [Diagnostic]) {
        lock.lock()
        slots[i] = (set, diagnostics)
        lock.unlock()
    }

    func get(_ i: Int) -> (RuleSet?, [Diagnostic]) {
        lock.lock()
        defer { lock.unlock() }
        return slots[i]
    }
}
