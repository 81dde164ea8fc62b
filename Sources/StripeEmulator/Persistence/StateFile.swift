import Foundation

/// The emulator's state in a JSON file, written atomically: a crash leaves the old file or the new one.
public struct StateFile: Sendable {
    /// The file's path.
    public let path: String

    /// Names the file; nothing is read yet.
    public init(path: String) {
        self.path = path
    }

    /// Reads the state; nil when the file does not exist yet.
    public func load() throws(StateFileError) -> EmulatorSnapshot? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data = try readRegularFile()
        do {
            let snapshot = try JSONDecoder().decode(EmulatorSnapshot.self, from: data)
            guard snapshot.version == 1 else {
                throw StateFileError(path: path, reason: "has format version \(snapshot.version); this emulator reads version 1")
            }
            return snapshot
        } catch let error as StateFileError {
            throw error
        } catch {
            throw StateFileError(path: path, reason: "is not an emulator state file (\(error)); move it away or delete it to start empty")
        }
    }

    /// The largest state file read: 1 GiB, past what the emulator's limits let it hold.
    static let maxSize = 1 << 30

    /// The file's bytes, when it is a regular file of at most ``maxSize`` bytes: a FIFO
    /// given as `--state` would block the read forever, and `/dev/zero` never end.
    /// (The emulator shares no code with the client, hence its own check.)
    private func readRegularFile() throws(StateFileError) -> Data {
        // Opened without blocking first: even a FIFO swapped in after the check below
        // then reads as empty instead of waiting for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw StateFileError(path: path, reason: "cannot be read: \(String(cString: strerror(errno)))") }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw StateFileError(path: path, reason: "is not a regular file; name a file for the state")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= Self.maxSize else {
            throw StateFileError(path: path, reason: "holds \(size) bytes, more than \(Self.maxSize); move it away to start empty")
        }
        do {
            return try handle.read(upToCount: Self.maxSize) ?? Data()
        } catch {
            throw StateFileError(path: path, reason: "cannot be read: \(error.localizedDescription)")
        }
    }

    /// Writes the state: a temporary file in the same folder, flushed to disk, then renamed over the old one.
    public func save(_ snapshot: EmulatorSnapshot) throws(StateFileError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(snapshot)
            guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw StateFileError(path: path, reason: "cannot be written in \(folder.path)")
            }
            // Flush before the rename, so the rename never exposes an empty or partial file.
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.synchronize()
            try handle.close()
            if rename(temporary.path, url.path) != 0 {
                throw StateFileError(path: path, reason: "cannot be replaced: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? StateFileError { throw error }
            throw StateFileError(path: path, reason: "cannot be written: \(error.localizedDescription)")
        }
    }
}

/// A state file that cannot be read or written; the message names the file.
public struct StateFileError: Error, Sendable, CustomStringConvertible {
    /// The file concerned.
    public var path: String
    /// What went wrong, and what to do.
    public var reason: String

    public var description: String {
        "emulator state file \(path) \(reason)"
    }
}
