// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "retrofit",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "retrofit", targets: ["retrofit"]),
        .library(name: "RetrofitCore", targets: ["RetrofitCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // The service (`retrofit serve`): HTTP, bcrypt, lifecycle, logs and metrics.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // Pure domain: workflows, guards, calendars, votes, the engine. No SQLite, no clock, no printing.
        .target(
            name: "RetrofitCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // The shipped workflows and calendars, embedded as Swift source by the plugin so the
        // binary works when copied alone (no Bundle.module, which traps without its folder).
        .target(
            name: "RetrofitBuiltins",
            dependencies: ["RetrofitCore"],
            plugins: ["EmbedBuiltins"]
        ),
        .executableTarget(name: "EmbedFiles", dependencies: ["RetrofitCore"]),
        .plugin(
            name: "EmbedBuiltins",
            capability: .buildTool(),
            dependencies: ["EmbedFiles"]
        ),
        .target(
            name: "RetrofitStore",
            dependencies: [
                "RetrofitCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, for the loops over every event or visit that read bytes directly.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "RetrofitReports",
            dependencies: ["RetrofitCore", "RetrofitStore"]
        ),
        // Every use case as a typed request and result: what the CLI and the server call.
        .target(
            name: "RetrofitApp",
            dependencies: ["RetrofitCore", "RetrofitStore", "RetrofitReports", "RetrofitBuiltins",
                           .product(name: "HummingbirdBcrypt", package: "hummingbird-auth")]
        ),
        // The HTTP service: routes that authenticate, call the application, render JSON, set the status. Nothing else.
        .target(
            name: "RetrofitServer",
            dependencies: [
                "RetrofitCore", "RetrofitApp",
                .product(name: "Hummingbird", package: "hummingbird"),
                // `--tls-cert/--tls-key` (swift-nio-ssl).
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                // SHA-256 of a keyed request's body (its fingerprint).
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // Served from OpenAPIDocument.swift, which a test keeps equal to it (no Bundle.module).
            exclude: ["OpenAPI/openapi.json"]
        ),
        .executableTarget(
            name: "retrofit",
            dependencies: [
                "RetrofitCore", "RetrofitApp", "RetrofitStore", "RetrofitReports", "RetrofitBuiltins", "RetrofitServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks: an executable that measures and prints JSON (see BENCHMARKS.md); not run by `swift test`.
        .executableTarget(
            name: "retrofit-bench",
            dependencies: ["RetrofitCore", "RetrofitStore", "RetrofitReports", "RetrofitApp", "RetrofitBuiltins",
                           .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "RetrofitTestSupport",
            dependencies: ["RetrofitCore", "RetrofitStore", "RetrofitApp", "RetrofitBuiltins"],
            path: "Tests/RetrofitTestSupport"
        ),
        .testTarget(name: "RetrofitCoreTests", dependencies: ["RetrofitCore", "RetrofitTestSupport", "RetrofitBuiltins"]),
        .testTarget(name: "RetrofitStoreTests", dependencies: ["RetrofitCore", "RetrofitStore", "RetrofitApp", "RetrofitTestSupport"]),
        .testTarget(name: "RetrofitReportsTests", dependencies: ["RetrofitCore", "RetrofitStore", "RetrofitReports", "RetrofitApp", "RetrofitTestSupport"]),
        .testTarget(name: "RetrofitAppTests", dependencies: ["RetrofitCore", "RetrofitStore", "RetrofitReports", "RetrofitApp", "RetrofitTestSupport"]),
        .testTarget(name: "RetrofitEndToEndTests", dependencies: ["RetrofitTestSupport"]),
        .testTarget(name: "RetrofitServerTests", dependencies: [
            "RetrofitServer", "RetrofitApp", "RetrofitCore", "RetrofitStore", "RetrofitTestSupport",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "RetrofitCLITests", dependencies: ["retrofit", "RetrofitApp", "RetrofitCore", "RetrofitStore", "RetrofitReports", "RetrofitTestSupport"]),
    ]
)

for target in package.targets where target.type != .plugin {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
