import Foundation

/// The `--secrets-out` file: the signing secret of every endpoint created, keyed by
/// `OWNER/TRIGGER`, merged with what the file already holds, written atomically with
/// mode 0600. Secrets go nowhere else.
///
/// Several runs may share one file (a CI matrix, one job per account folder): each write
/// takes an exclusive lock (`flock` on a hidden `.NAME.lock` beside it), reads the file
/// again and merges this run's secrets into what is there, so no run drops another's.
public actor SecretsFile {
    public struct Entry: Codable, Sendable, Equatable {
        public var endpoint_id: String
        public var secret: String
        public var url: String
        public var created: Int

        public init(endpoint_id: String, secret: String, url: String, created: Int) {
            self.endpoint_id = endpoint_id
            self.secret = secret
            self.url = url
            self.created = created
        }
    }

    public let path: String
    private var entries: [String: Entry]
    /// What this run recorded and has not written yet.
    private var unwritten: [String: Entry] = [:]

    /// Reads the file's current content and checks its folder is writable, so a bad
    /// file is reported before any endpoint is created whose secret would be lost.
    public init(path: String) throws(SecretsFileError) {
        self.path = path
        try Self.checkWritable(path)
        entries = try Self.read(path)
    }

    /// The entries the file holds now; none when it does not exist.
    private static func read(_ path: String) throws(SecretsFileError) -> [String: Entry] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return data.isEmpty ? [:] : try JSONDecoder().decode([String: Entry].self, from: data)
        } catch {
            throw SecretsFileError(path: path, reason: "it is not a secrets file written by reconcile (\(type(of: error))); move it away or name another file")
        }
    }

    private static func checkWritable(_ path: String) throws(SecretsFileError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let probe = folder.appendingPathComponent(".reconcile-write-check-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: probe.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission)
            }
            try FileManager.default.removeItem(at: probe)
        } catch {
            throw SecretsFileError(path: path, reason: "its folder is not writable (\(error.localizedDescription)); name a file in a folder you can write to")
        }
    }

    public func record(_ key: String, _ entry: Entry) {
        entries[key] = entry
        unwritten[key] = entry
    }

    public func entry(_ key: String) -> Entry? { entries[key] }

    /// Writes this run's new secrets, if any, into the file as it is now: under the lock,
    /// read it, merge, write a temporary file beside it, rename it over.
    public func flush() throws(SecretsFileError) {
        guard !unwritten.isEmpty else { return }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw writeError(error)
        }
        let lock = try Self.lock(folder.appendingPathComponent(".\(url.lastPathComponent).lock").path)
        defer { close(lock) }
        // Another run may have written since this one read: keep what it wrote.
        var merged = try Self.read(path)
        merged.merge(unwritten) { _, ours in ours }
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(merged)
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
            // Created 0600 before any byte is written, so no secret is ever readable by others.
            guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission)
            }
            if rename(temporary.path, url.path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            throw writeError(error)
        }
        entries = merged
        unwritten = [:]
    }

    /// An open descriptor holding an exclusive lock on `lockPath`; closing it unlocks.
    private static func lock(_ lockPath: String) throws(SecretsFileError) -> Int32 {
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw SecretsFileError(path: lockPath, reason: "cannot open the lock of the secrets file (\(String(cString: strerror(errno)))); fix the folder's permissions")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw SecretsFileError(path: lockPath, reason: "cannot lock the secrets file (\(reason))")
            }
        }
        return descriptor
    }

    private func writeError(_ error: any Error) -> SecretsFileError {
        SecretsFileError(path: path, reason: "could not write it (\(error.localizedDescription)); fix the path or permissions: the endpoints were created, and their secrets can only be had again by replacing them")
    }
}

/// A secrets file that cannot be read or written.
public struct SecretsFileError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}
