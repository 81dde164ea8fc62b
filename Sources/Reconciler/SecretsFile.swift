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
    /// The largest secrets file read: 64 MiB, a hundred thousand secrets.
    static let maxSize = 64 << 20
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
        let data: Data
        switch RegularFile.read(path, limit: maxSize) {
        case .success(let read): data = read
        case .failure(let problem):
            throw SecretsFileError(path: path, reason: "it is \(problem.description); name a regular file for --secrets-out")
        }
        do {
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
            try createPrivately(probe.path).close()
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
            try Self.writePrivately(data, to: temporary.path)
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

    /// Creates a new file at `path` readable by its owner only, from the moment it exists,
    /// and writes `data` into it. FileManager's `createFile(atPath:contents:attributes:)`
    /// creates the file with the umask's mode (0644) and sets 0600 only after writing,
    /// so another user could open it in between and read the secrets later.
    static func writePrivately(_ data: Data, to path: String) throws {
        let handle = try createPrivately(path)
        defer { try? handle.close() }
        try handle.write(contentsOf: data)
        try handle.synchronize()
    }

    /// A new, empty file at `path` with mode 0600, open for writing. Refuses a path that
    /// exists already (a symlink planted there included).
    static func createPrivately(_ path: String) throws -> FileHandle {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        // The umask can only take bits away; this makes it 0600 even under an odd one.
        _ = fchmod(descriptor, 0o600)
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// An open descriptor holding an exclusive lock on `lockPath`; closing it unlocks.
    /// A symbolic link is refused: another user could point it at a file of ours.
    private static func lock(_ lockPath: String) throws(SecretsFileError) -> Int32 {
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == ELOOP {
                throw SecretsFileError(path: lockPath, reason: "the lock of the secrets file is a symbolic link; remove it (reconcile creates its own)")
            }
            throw SecretsFileError(path: lockPath, reason: "cannot open the lock of the secrets file (\(String(cString: strerror(errno)))); fix the folder's permissions")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw SecretsFileError(path: lockPath, reason: "the lock of the secrets file is not a regular file; remove it (reconcile creates its own)")
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
