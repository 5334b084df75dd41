// swift-tools-version:6.2
// libFuzzer harnesses for docwatch: extraction, feed/sitemap/list-page discovery, config parsing.
// Built by bench/fuzz.sh with `-sanitize=fuzzer,address -parse-as-library` (each harness defines
// only LLVMFuzzerTestOneInput; libFuzzer supplies main), so `swift build` here without those flags
// does not link. The main package is a path dependency, named by its directory.
import Foundation
import PackageDescription

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let docwatch = root.lastPathComponent

let package = Package(
    name: "docwatch-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: root.path),
    ],
    targets: [
        .executableTarget(name: "FuzzExtract", dependencies: [.product(name: "DocWatchExtract", package: docwatch)]),
        .executableTarget(name: "FuzzDiscovery", dependencies: [.product(name: "DocWatchExtract", package: docwatch)]),
        .executableTarget(name: "FuzzConfig", dependencies: [.product(name: "DocWatchConfig", package: docwatch)]),
    ]
)
