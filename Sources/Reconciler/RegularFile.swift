import Foundation

/// Reading a file a user named without being held or flooded by it: only a regular file
/// is read (opening a FIFO would wait for a writer forever, `/dev/zero` never ends), and
/// never more than a limit. Used for config files and the secrets file.
public enum RegularFile {
    /// Why a file was not read.
    public enum Problem: Error, Sendable, Equatable {
        /// The path is a FIFO, a device, a socket or a folder: what it is, for the message.
        case notRegular(String)
        /// The file holds more bytes than the limit: its size.
        case tooLarge(Int)
        /// `open(2)`, `fstat(2)` or `read(2)` failed: why.
        case unreadable(String)

        /// The problem as a phrase: `not a regular file (a FIFO)`, `cannot be read: ...`.
        public var description: String {
            switch self {
            case .notRegular(let kind): "not a regular file (\(kind)); only regular files are read"
            case .tooLarge(let size): "\(size) bytes, too large"
            case .unreadable(let reason): "cannot be read: \(reason)"
            }
        }
    }

    /// The bytes of the regular file at `path`, at most `limit` of them: a file that
    /// grows after the size check is cut at `limit + 1` bytes, for the caller to refuse.
    public static func read(_ path: String, limit: Int) -> Result<Data, Problem> {
        // Opened without blocking and checked through the descriptor, so a path swapped
        // after a check by name cannot be a FIFO either.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        // fstat(2), not FileManager's attributes, which look the owner and group up in
        // /etc/passwd and /etc/group for every file (a third of loading 200 files).
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular(kind(of: info.st_mode))) }
        guard Int(info.st_size) <= limit else { return .failure(.tooLarge(Int(info.st_size))) }
        do {
            return .success(try handle.read(upToCount: limit + 1) ?? Data())
        } catch {
            return .failure(.unreadable((error as NSError).localizedDescription))
        }
    }

    /// What a path that is not a regular file is, for the message.
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a folder"
        default: "not a regular file"
        }
    }
}
