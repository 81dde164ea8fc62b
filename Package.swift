// swift-tools-version: 6.0
import PackageDescription

// Set by scripts/fuzz.sh for its own build (.build-fuzz): adds the fuzz targets at the end
// and links the Swift runtime dynamically, as libFuzzer's instrumented binaries need.
let fuzzing = Context.environment["RECONCILE_FUZZ"] != nil

// Every target opts into the upcoming features Hummingbird uses, so imports and
// existentials stay explicit.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
] + (fuzzing ? [] : [
    // Compiled for, and linked with, the static Swift runtime and Foundation: see below.
    .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
])

// A Linux release binary carries the Swift runtime and Foundation: it starts without
// loading and binding a dozen shared libraries (a usage error: 18 -> 9 ms), and it
// runs on a CI machine without Swift installed. Debug builds (the tests) link as usual.
let staticStdlib: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "reconcile",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "reconcile", targets: ["reconcile"]),
        .executable(name: "reconcile-bench", targets: ["reconcile-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // HMAC-SHA256 for the emulator's webhook signatures, SHA-256 for saved plans
        // (already in the graph via async-http-client's TLS stack).
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // Already in the graph through Hummingbird: logs and metrics cost the build nothing more.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Already in the graph through Hummingbird: the emulator ends an injected delay on shutdown.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Properties over random configs and accounts (tests only).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // Pure logic, no I/O: config loading and diagnostics, the event catalog,
        // the planner, the plan renderers, saved plans (their digests with swift-crypto).
        .target(
            name: "ReconcileCore",
            dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        // The Stripe client: wire models, form encoding, errors, retry policy and
        // an HTTP transport protocol with an async-http-client implementation (already
        // built for HummingbirdTesting, so it costs the test build nothing).
        .target(
            name: "StripeAPI",
            dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")],
            swiftSettings: swiftSettings
        ),
        // The engine: per account list → plan → apply, across accounts.
        .target(
            name: "Reconciler",
            dependencies: ["ReconcileCore", "StripeAPI", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        // A Stripe of our own. Imports neither the client nor the core, so the two
        // sides cannot share an encoding bug. It signs events with swift-crypto and
        // delivers them to webhook urls with async-http-client (not through StripeAPI).
        .target(
            name: "StripeEmulator",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The emulator behind the client's transport protocol, without a socket: for
        // `reconcile --emulator` and the engine's tests.
        .target(name: "EmbeddedEmulator", dependencies: ["StripeAPI", "StripeEmulator"], swiftSettings: swiftSettings),
        // The command-line tool wiring the targets together.
        .executableTarget(
            name: "reconcile",
            dependencies: [
                "ReconcileCore", "StripeAPI", "Reconciler", "StripeEmulator", "EmbeddedEmulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings,
            linkerSettings: staticStdlib
        ),
        // The benchmark: times the `reconcile` binary beside it over many accounts against
        // an in-process emulator (docs/performance.md). Depends on `reconcile` so that
        // `swift run -c release reconcile-bench` builds both.
        .executableTarget(
            name: "reconcile-bench",
            dependencies: ["reconcile", "StripeAPI", "StripeEmulator", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings,
            linkerSettings: staticStdlib
        ),

        // What more than one test target draws from: random configs for the properties.
        .target(
            name: "TestSupport",
            dependencies: ["ReconcileCore", .product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/TestSupport", swiftSettings: swiftSettings
        ),
        // Invalid/ is a corpus of bad config files the tests read from disk.
        .testTarget(
            name: "ReconcileCoreTests",
            dependencies: ["ReconcileCore", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Invalid"], swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StripeEmulatorTests",
            dependencies: ["StripeEmulator", .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "StripeAPITests", dependencies: ["StripeAPI", "StripeEmulator"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ReconcilerTests",
            dependencies: [
                "Reconciler", "StripeAPI", "StripeEmulator", "EmbeddedEmulator", "TestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Runs the built `reconcile` executable against a live emulator; webhook receivers
        // run in the test on Hummingbird and check signatures with swift-crypto.
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "reconcile",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // Golden/ holds the plans GoldenPlanTests compares output with, read from disk.
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
    ]
)

// Fuzz targets (libFuzzer) exist only for scripts/fuzz.sh, which sets RECONCILE_FUZZ and
// builds them into .build-fuzz with -sanitize=fuzzer: the normal build never sees them.
// (The client's JSON reader and the emulator's core need only Foundation, so fuzz.sh
// compiles their sources with swiftc directly; the config loader needs Yams.)
if fuzzing {
    package.targets.append(.executableTarget(
        name: "fuzz-config", dependencies: ["ReconcileCore"], path: "Fuzz/ConfigLoader", swiftSettings: swiftSettings))
    package.products.append(.executable(name: "fuzz-config", targets: ["fuzz-config"]))
}
