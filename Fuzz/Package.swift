// swift-tools-version:6.2
// libFuzzer harnesses for docwatch: extraction, feed/sitemap/list-page discovery, listings (every
// kind through ListingReader.read), config parsing.
// Built by bench/fuzz.sh with `-sanitize=fuzzer,address` (libFuzzer and ASan linked in; each
// harness's main.swift runs LLVMFuzzerRunDriver), so `swift build` here without that flag does not
// link. The main package is a path dependency, named by its directory.
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
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "FuzzExtract", dependencies: ["CFuzzerDriver", .product(name: "DocWatchExtract", package: docwatch)]),
        .executableTarget(name: "FuzzDiscovery", dependencies: ["CFuzzerDriver", .product(name: "DocWatchExtract", package: docwatch)]),
        .executableTarget(name: "FuzzListing", dependencies: [
            "CFuzzerDriver", .product(name: "DocWatchExtract", package: docwatch), .product(name: "DocWatchFetch", package: docwatch),
        ]),
        .executableTarget(name: "FuzzConfig", dependencies: ["CFuzzerDriver", .product(name: "DocWatchConfig", package: docwatch)]),
    ]
)
