// swift-tools-version: 6.0
import PackageDescription

// Dependencies point down the table in ARCHITECTURE.md only:
// CPCRE2 ← PCRE2 ← Rules ← Extraction ← tidings; Records and Normalizers sit below all.
let package = Package(
    name: "Tidings",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tidings", targets: ["tidings"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .target(name: "PCRE2", dependencies: ["CPCRE2"]),
        // zlib, for gzip-compressed inputs (.gz).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Records"),
        .target(name: "Normalizers", dependencies: ["Records"]),
        .target(name: "Rules", dependencies: ["Records", "PCRE2", "Normalizers", "Yams"]),
        .target(name: "Extraction", dependencies: ["Rules", "PCRE2", "Normalizers", "Records", "CZlib"]),
        .target(name: "RuleTools", dependencies: ["Extraction", "Rules", "Records"]),
        .target(name: "Store", dependencies: ["Records", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Reports", dependencies: ["Records"]),
        .executableTarget(
            name: "tidings",
            dependencies: [
                "RuleTools", "Extraction", "Rules", "Normalizers", "Records", "PCRE2",
                "Store", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "pcre2-bench",
            dependencies: ["PCRE2"],
            path: "Benchmarks/PCRE2Bench"
        ),
        .executableTarget(
            name: "flat-bench",
            dependencies: ["PCRE2"],
            path: "Benchmarks/FlatBench"
        ),
        .executableTarget(
            name: "store-bench",
            dependencies: ["Store", "Reports", "Records"],
            path: "Benchmarks/StoreBench"
        ),
        // Helpers the test targets share (checkout paths, the built binary, temporary folders).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
        .testTarget(name: "RecordsTests", dependencies: ["Records"]),
        .testTarget(name: "NormalizersTests", dependencies: ["Normalizers", "Records"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "Records", "PCRE2", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "RuleTools", "Rules", "Records", "PCRE2", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["tidings", "Records", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Records"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Records"]),
        .testTarget(name: "StoreCLITests", dependencies: ["tidings", "Store", "Records", "TestSupport"]),
    ]
)

// libFuzzer targets (Fuzz/, run by Fuzz/run.sh): only when TIDINGS_FUZZ is set, so the normal
// build and `swift test` never compile them (they need -sanitize=fuzzer to link).
if Context.environment["TIDINGS_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzSupport", path: "Fuzz/Support"),
        .executableTarget(name: "fuzz-jsonl-reader", dependencies: ["FuzzSupport", "Extraction", "Records"], path: "Fuzz/JSONLReader"),
        .executableTarget(name: "fuzz-segmenter", dependencies: ["FuzzSupport", "Extraction", "PCRE2", "Records", "Rules"], path: "Fuzz/Segmenter"),
        .executableTarget(name: "fuzz-normalizers", dependencies: ["FuzzSupport", "Normalizers", "Records"], path: "Fuzz/Normalizers"),
        .executableTarget(name: "fuzz-pack-loader", dependencies: ["FuzzSupport", "Rules"], path: "Fuzz/PackLoader"),
        .executableTarget(name: "fuzz-extraction", dependencies: ["FuzzSupport", "Extraction", "Rules", "Records"], path: "Fuzz/Extraction"),
    ]
}
