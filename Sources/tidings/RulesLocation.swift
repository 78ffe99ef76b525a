import ArgumentParser
import Foundation
import Records
import Rules

/// `--rules PATH`, shared by every command that loads a pack.
struct RulesOption: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("The rule pack folder (holds taxonomy.yaml).", discussion: "Default: $TIDINGS_RULES, else the shipped pack.", valueName: "path"))
    var path: String?

    func resolve() throws -> String { try RulePackLocator.resolve(path) }

    /// A pack given both as the positional path and as --rules must be one pack.
    static func checkOne(_ positional: String?, _ option: String?) throws {
        if let positional, let option, positional != option {
            throw ValidationError("give the pack once: '\(positional)' and --rules '\(option)' differ")
        }
    }

    func load(languages: [Language]? = nil) throws -> RulePack { try RulePackLocator.load(path, languages: languages) }
}

/// Finds and loads the rule pack.
enum RulePackLocator {
    /// The pack folder: the flag, $TIDINGS_RULES, next to the binary (a checkout build or an
    /// install with share/tidings/Rules), or the checkout this binary was built from.
    static func resolve(_ path: String?) throws -> String {
        if let path { return path }
        if let env = ProcessInfo.processInfo.environment["TIDINGS_RULES"], !env.isEmpty { return env }
        let fm = FileManager.default
        let executable = executableURL()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in [folder.appendingPathComponent("Rules"), folder.appendingPathComponent("share/tidings/Rules")]
            where fm.fileExists(atPath: candidate.appendingPathComponent("taxonomy.yaml").path) {
                return candidate.path
            }
            folder = folder.deletingLastPathComponent()
        }
        // Built from a checkout: the pack sits beside Sources/.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shipped = checkout.appendingPathComponent("Rules")
        if fm.fileExists(atPath: shipped.appendingPathComponent("taxonomy.yaml").path) { return shipped.path }
        throw CommandFailure.fatal("cannot find the rule pack: pass --rules PATH or set TIDINGS_RULES (looked beside \(executable.path) and in \(shipped.path))")
    }

    /// The running binary's real path: /proc/self/exe on Linux (argv[0] may be a bare name found
    /// on PATH, or relative to a directory the process has since left), links resolved.
    static func executableURL() -> URL {
        if let real = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: real).resolvingSymlinksInPath()
        }
        if let path = Bundle.main.executablePath { return URL(fileURLWithPath: path).resolvingSymlinksInPath() }
        // argv[0] only when it names a path; a bare name would be looked up in the working directory.
        let argument = CommandLine.arguments[0]
        return URL(fileURLWithPath: argument.contains("/") ? argument : "/nonexistent/" + argument).resolvingSymlinksInPath()
    }

    /// Loads the pack; errors in it are fatal (the diagnostics are printed).
    static func load(_ path: String?, languages: [Language]? = nil) throws -> RulePack {
        let root = try resolve(path)
        let (pack, diagnostics) = PackLoader.load(root: root, languages: languages)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            Console.error(DiagnosticRenderer.render(errors))
            throw CommandFailure.fatal("the rule pack at \(root) has \(errors.count) error(s); run 'tidings rules lint \(root)'")
        }
        return pack
    }
}
