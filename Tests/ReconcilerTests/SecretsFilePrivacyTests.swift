import Foundation
import Testing
@testable import Reconciler

/// No other user can read a secret in the window between creating a file and closing it,
/// nor steer the lock through a symbolic link.
@Suite struct SecretsFilePrivacyTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("secrets-privacy-\(UUID().uuidString)")

    private func mode(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o777 : nil
    }

    @Test func aNewFileIsPrivateBeforeAnyByteIsWritten() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("new.tmp").path
        let handle = try SecretsFile.createPrivately(path)
        defer { try? handle.close() }
        #expect(mode(path) == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber == 0)
    }

    @Test func createPrivatelyRefusesAPlantedSymlink() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("elsewhere").path
        let path = folder.appendingPathComponent("planted.tmp").path
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        #expect(throws: (any Error).self) { try SecretsFile.createPrivately(path) }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    /// Watches the folder while flushing: every file that ever appears in it is 0600.
    @Test func noFileInTheFolderIsEverReadableByOthers() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("secrets.json").path
        let seen = Locked<Set<String>>([])
        let stop = Locked(false)
        let folderPath = folder.path
        let watcher = Thread {
            while !stop.value {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folderPath)) ?? [] {
                    var info = stat()
                    if lstat(folderPath + "/" + name, &info) == 0, info.st_mode & 0o077 != 0 {
                        seen.update { $0.insert("\(name) \(String(info.st_mode & 0o777, radix: 8))") }
                    }
                }
            }
        }
        watcher.start()
        let big = String(repeating: "x", count: 200_000)
        for round in 0..<30 {
            let file = try SecretsFile(path: path)
            await file.record("o/w/e\(round)", .init(endpoint_id: "we_\(round)", secret: "whsec_\(big)", url: "https://a", created: round))
            try await file.flush()
        }
        stop.update { $0 = true }
        #expect(seen.value.isEmpty, "files readable by others: \(seen.value)")
    }

    @Test func aSymlinkedLockIsRefused() async throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appendingPathComponent("victim.txt")
        try Data("keep me".utf8).write(to: victim)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(".secrets.json.lock").path, withDestinationPath: victim.path)
        let file = try SecretsFile(path: folder.appendingPathComponent("secrets.json").path)
        await file.record("o/w/e", .init(endpoint_id: "we_1", secret: "whsec_1", url: "https://a", created: 1))
        let error = await #expect(throws: SecretsFileError.self) { try await file.flush() }
        #expect(error?.description.contains("symbolic link") == true, "\(String(describing: error))")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep me")
    }
}

/// A value shared with a thread of the test's own.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
