import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `/bin/sh -c COMMAND` in a process group of its own, feeding `input` to its stdin
/// and collecting what it prints, with a time limit that ends the whole group.
///
/// Not Foundation's `Process`: on Linux it learns of the exit through a descriptor the
/// child inherits, so a background child the command leaves running (or a `sleep` the
/// shell forked) holds the run until it exits, and a time limit could end only the shell.
struct ShellCommand {
    var command: String
    var timeout: Duration

    enum Outcome: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
        case couldNotStart(String)
    }

    /// Runs the command; returns how it ended and the last 4 KiB it printed.
    func run(input: Data) async -> (outcome: Outcome, output: Data) {
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0 else { return (.couldNotStart(String(cString: strerror(errno))), Data()) }
        guard pipe(&fromChild) == 0 else {
            close(toChild[0]); close(toChild[1])
            return (.couldNotStart(String(cString: strerror(errno))), Data())
        }
        // Our ends must not leak into the child (or into any other child of the run).
        for fd in [toChild[0], toChild[1], fromChild[0], fromChild[1]] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A group of its own, so the time limit ends every process the command started;
        // default signal handling and mask, whatever reconcile set for itself.
        var defaults = sigset_t(), empty = sigset_t()
        sigemptyset(&empty)
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let arguments: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", command].map { (text: String) in strdup(text) }
        defer { arguments.forEach { free($0) } }
        var spawnedPID: pid_t = 0
        let spawned = posix_spawn(&spawnedPID, "/bin/sh", &actions, &attributes, arguments + [nil], environ)
        let pid = spawnedPID
        close(toChild[0])
        close(fromChild[1])
        guard spawned == 0 else {
            close(toChild[1]); close(fromChild[0])
            return (.couldNotStart(String(cString: strerror(spawned))), Data())
        }

        let reader = fromChild[0]
        async let output = Self.blocking { Self.readAll(reader) }
        // Small enough for the pipe's buffer; a command that does not read it is no error,
        // and one that exits first must not end reconcile with SIGPIPE (the write fails).
        signal(SIGPIPE, SIG_IGN)
        input.withUnsafeBytes { bytes in _ = write(toChild[1], bytes.baseAddress, bytes.count) }
        close(toChild[1])

        let fired = Flag()
        let limit = Task {
            try await Task.sleep(for: timeout)
            fired.set()
            kill(-pid, SIGTERM)
            try await Task.sleep(for: .seconds(2))
            kill(-pid, SIGKILL)
        }
        await Self.blocking { Self.awaitExit(of: pid) }
        limit.cancel()
        _ = await limit.result
        // Anything of the group still running would hold the pipe open: end it. The shell
        // is not reaped yet, so its pid (the group's id) cannot have been reused.
        kill(-pid, SIGKILL)
        let raw = Self.reap(pid)
        let printed = await output
        if fired.isSet { return (.timedOut, printed) }
        // The wait status: low 7 bits the signal, else the exit code in the next byte.
        return (raw & 0x7f == 0 ? .exited((raw >> 8) & 0xff) : .signalled(raw & 0x7f), printed)
    }

    /// Runs blocking work (a read, a wait) on a thread of its own, not one of the few
    /// the concurrency runtime shares among every task of the run.
    private static func blocking<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }

    /// Waits for the shell to exit, leaving it to be reaped (`WNOWAIT`).
    private static func awaitExit(of pid: pid_t) {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) == -1 && errno == EINTR {}
    }

    /// Reaps the exited shell; its wait status.
    private static func reap(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status
    }

    /// Reads to end of file, keeping the last 4 KiB.
    private static func readAll(_ fd: Int32) -> Data {
        defer { close(fd) }
        var kept = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count > 0 {
                kept.append(contentsOf: buffer[0..<count])
                if kept.count > 4096 { kept = kept.suffix(4096) }
            } else if count == 0 || errno != EINTR {
                return kept
            }
        }
    }
}

/// Set once the time limit signalled the command.
private final class Flag: Sendable {
    private let value = Mutex(false)

    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
