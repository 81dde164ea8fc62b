import Foundation

/// The `--secrets-out` file: the signing secret of every endpoint created, keyed by
/// `OWNER/TRIGGER`, merged with what the file already holds, written atomically with
/// mode 0600. Secrets go nowhere else.
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
    private var dirty = false

    /// Reads the file's current content and checks its folder is writable, so a bad
    /// file is reported before any endpoint is created whose secret would be lost.
    public init(path: String) throws(SecretsFileError) {
        self.path = path
        try Self.checkWritable(path)
        guard FileManager.default.fileExists(atPath: path) else {
            entries = [:]
            return
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            entries = data.isEmpty ? [:] : try JSONDecoder().decode([String: Entry].self, from: data)
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
        dirty = true
    }

    public func entry(_ key: String) -> Entry? { entries[key] }

    /// Writes the file if anything changed: a temporary file beside it, then a rename.
    public func flush() throws(SecretsFileError) {
        guard dirty else { return }
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(entries)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
            // Created 0600 before any byte is written, so no secret is ever readable by others.
            guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission)
            }
            if rename(temporary.path, url.path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
                throw CocoaError(.fileWriteUnknown)
            }
            dirty = false
        } catch {
            throw SecretsFileError(path: path, reason: "could not write it (\(error.localizedDescription)); fix the path or permissions: the endpoints were created, and their secrets can only be had again by replacing them")
        }
    }
}

/// A secrets file that cannot be read or written.
public struct SecretsFileError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}
