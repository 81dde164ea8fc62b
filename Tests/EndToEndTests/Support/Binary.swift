import Foundation

/// The built `reconcile` executable, beside the test bundle in the build folder.
enum Binary {
    static let url: URL = {
        var folder = Bundle.main.bundleURL
        // `swift test` runs `.build/debug/reconcilePackageTests.xctest`: its folder holds the products.
        if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
        let candidate = folder.appendingPathComponent("reconcile")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/reconcile")
    }()

    /// The repository root, for examples.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// What a finished `reconcile` process left behind.
struct ProcessResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
    var all: String { stdout + stderr }
}

/// Runs `reconcile` with `arguments` and waits for it to exit.
func runReconcile(_ arguments: [String], environment: [String: String] = [:], directory: URL? = nil) async throws -> ProcessResult {
    let process = Process()
    process.executableURL = Binary.url
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for name in ["STRIPE_API_KEY", "STRIPE_API_BASE", "NO_COLOR"] { env[name] = nil }
    env.merge(environment) { _, new in new }
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let (exited, finished) = AsyncStream<Void>.makeStream()
    process.terminationHandler = { _ in finished.finish() }
    try process.run()
    // Read both pipes while the process runs, so a full pipe never blocks it; on threads of
    // their own, since a blocking read on the cooperative pool (two threads on this machine)
    // would stall every other test for as long as the process runs.
    async let stdout = readToEnd(out.fileHandleForReading)
    async let stderr = readToEnd(err.fileHandleForReading)
    let (o, e) = await (stdout, stderr)
    for await _ in exited {}
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

/// Everything `handle` yields until end of file, read on a Dispatch thread.
func readToEnd(_ handle: FileHandle) async -> Data {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: handle.readDataToEndOfFile()) }
    }
}

/// A fresh temporary folder, removed by the caller when done.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
