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
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw StateFileError(path: path, reason: "cannot be read: \(error.localizedDescription)")
        }
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
