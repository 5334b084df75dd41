// swift-tools-version:6.2
import PackageDescription

/// Settings every Swift target shares: Swift 6 mode and `any` spelled out for existentials.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "docwatch",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "docwatch", targets: ["docwatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
    ],
    targets: [
        // C libraries from Debian, each behind one module map and a shim of typed wrappers.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "COpenCC", pkgConfig: "opencc", providers: [.apt(["libopencc-dev"])]),
        .systemLibrary(name: "CUchardet", pkgConfig: "uchardet", providers: [.apt(["libuchardet-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),

        .target(
            name: "DocWatchCore",
            dependencies: ["CCrypto", "CZlib", "CZstd"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "DocWatchConfig",
            dependencies: ["DocWatchCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "DocWatchFetch",
            dependencies: ["DocWatchCore", "CCurl", "CUchardet", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "DocWatchExtract",
            dependencies: ["DocWatchCore", "CLibXML2", "COpenCC", "CLibZip"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "DocWatchStore",
            dependencies: ["DocWatchCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "DocWatchPostgres",
            dependencies: ["DocWatchCore", "DocWatchStore", "CLibPQ"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "DocWatchNotify",
            dependencies: ["DocWatchCore", "DocWatchStore", "DocWatchFetch", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "DocWatchIngest",
            dependencies: [
                "DocWatchCore", "DocWatchFetch", "DocWatchExtract", "DocWatchStore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "DocWatchDaemon",
            dependencies: [
                "DocWatchCore", "DocWatchConfig", "DocWatchStore", "DocWatchPostgres", "DocWatchNotify", "DocWatchIngest",
                "DocWatchFetch",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "docwatch",
            dependencies: [
                "DocWatchCore", "DocWatchConfig", "DocWatchFetch", "DocWatchExtract", "DocWatchStore",
                "DocWatchNotify", "DocWatchIngest", "DocWatchDaemon", "DocWatchPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "docwatch-bench",
            dependencies: ["DocWatchCore", "DocWatchExtract", "DocWatchStore", "DocWatchPostgres"],
            path: "Sources/DocWatchBench",
            swiftSettings: strictSettings
        ),

        .target(
            name: "DocWatchTestSupport",
            dependencies: ["DocWatchCore", "DocWatchStore", "DocWatchPostgres", .product(name: "FlyingFox", package: "FlyingFox")],
            path: "Tests/DocWatchTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(name: "DocWatchCoreTests", dependencies: ["DocWatchCore"], swiftSettings: strictSettings),
        .testTarget(name: "DocWatchConfigTests", dependencies: ["DocWatchConfig"], swiftSettings: strictSettings),
        .testTarget(
            name: "DocWatchFetchTests",
            dependencies: ["DocWatchFetch", "DocWatchTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DocWatchExtractTests", dependencies: ["DocWatchExtract", "DocWatchFetch", "DocWatchTestSupport"],
            exclude: ["Fixtures/Attachments"], swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DocWatchStoreTests", dependencies: ["DocWatchStore", "DocWatchPostgres", "DocWatchTestSupport"], swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DocWatchNotifyTests",
            dependencies: ["DocWatchNotify", "DocWatchStore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DocWatchIngestTests",
            dependencies: [
                "DocWatchIngest", "DocWatchTestSupport", "DocWatchStore", "DocWatchCore", "DocWatchFetch", "DocWatchExtract",
                // Only to make a store write fail (a trigger that raises) under the pipeline.
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DocWatchDaemonTests",
            dependencies: ["DocWatchDaemon", "DocWatchIngest", "DocWatchTestSupport", "DocWatchStore", "DocWatchCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DocWatchEndToEndTests",
            dependencies: ["DocWatchTestSupport", "DocWatchCore", "DocWatchIngest", "DocWatchPostgres", "docwatch"],
            swiftSettings: strictSettings
        ),
    ]
)

// Library products for the libFuzzer harnesses in Fuzz/ only: that is a package of its own, depending
// on this one by path (a package can use another's targets only through products). Nothing here
// uses them, and the normal build and `swift test` build nothing more because of them.
package.products += [
    .library(name: "DocWatchExtract", targets: ["DocWatchExtract"]),
    .library(name: "DocWatchConfig", targets: ["DocWatchConfig"]),
    .library(name: "DocWatchFetch", targets: ["DocWatchFetch"]),  // the listing harness's charset decoder
]
