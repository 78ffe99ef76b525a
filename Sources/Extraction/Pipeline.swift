import Dispatch
import Foundation
import Records
import Rules

/// The extraction pipeline, `Pipeline(pack) × Document → DocumentResult`: picks the document's
/// language (given, else detected) and runs that language's stages (see `Extractor`). The one
/// entry point of every caller — extract, normalize, eval, diff, profile, explain and `rules test`
/// — so each sees exactly what `tidings extract` writes.
public struct Pipeline: Sendable {
    /// Each language's stages.
    let extractors: [Language: Extractor]

    public init(pack: RulePack, profiling: Bool = false, plainPath: Bool = false) {
        // One language's tables (start prefixes, literal matchers) take a while to build: both at once.
        let sets = Array(pack.sets.values)
        let built = OrderedBatch.map(sets.count, jobs: 2) { Extractor(rules: sets[$0], profiling: profiling, plainPath: plainPath) }
        extractors = Dictionary(uniqueKeysWithValues: built.map { ($0.rules.language, $0) })
    }

    /// A pipeline of one language's rules (`rules test` runs one rule set's examples).
    public init(rules: RuleSet) {
        extractors = [rules.language: Extractor(rules: rules)]
    }

    /// The language a document is read as: the one it gives, else the one its text is detected as.
    public static func language(of document: Document) -> Language {
        document.language ?? TextPreparation.detectLanguage(document.text)
    }

    /// The extractor for a language, if the pack has rules for it.
    public func extractor(for language: Language) -> Extractor? { extractors[language] }

    /// Extracts one document; a language the pack has no rules for gives no events and a warning.
    /// `progress` hears the share of a long document done so far (see `Extractor.extract`).
    public func extract(_ document: Document, windowScalars: Int = Extractor.windowScalars,
                        progress: ((Double) -> Void)? = nil) -> (result: DocumentResult, warnings: [ExtractionWarning]) {
        var document = document
        let language = Pipeline.language(of: document)
        document.language = language
        guard let extractor = extractors[language] else {
            let empty = DocumentResult(doc: document.id, language: language, referenceDate: document.date, events: [], mentions: [], extra: document.extra)
            return (empty, [Pipeline.noRules(language)])
        }
        return extractor.extract(document, windowScalars: windowScalars, progress: progress)
    }

    /// Extracts one document a window at a time (see `Extractor.extract(_:windowScalars:progress:part:)`),
    /// so that a caller can write a long document's record without holding it. Returns the language
    /// the document was read as, with the warnings.
    public func extract(_ document: Document, windowScalars: Int = Extractor.windowScalars, progress: ((Double) -> Void)? = nil,
                        part: (DocumentPart) -> Void) -> (language: Language, warnings: [ExtractionWarning]) {
        let language = Pipeline.language(of: document)
        guard let extractor = extractors[language] else { return (language, [Pipeline.noRules(language)]) }
        var document = document
        document.language = language
        return (language, extractor.extract(document, windowScalars: windowScalars, progress: progress, part: part))
    }

    static func noRules(_ language: Language) -> ExtractionWarning {
        ExtractionWarning(rule: nil, message: "the pack has no rules for language '\(language.rawValue)'; no events extracted")
    }

    /// Extracts every document, `jobs` at a time, results in input order.
    public func extractAll(_ documents: [Document], jobs: Int = ProcessInfo.processInfo.activeProcessorCount) -> [(result: DocumentResult, warnings: [ExtractionWarning])] {
        OrderedBatch.map(documents.count, jobs: jobs) { i in extract(documents[i]) }
    }
}
