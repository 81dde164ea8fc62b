import ArgumentParser
import Foundation
import ReconcileCore
import Reconciler

/// `--config` and the flags that widen what a config may name, shared by every command
/// that reads config files.
struct ConfigOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp(
        "A config file, or a folder of *.yaml/*.yml files (repeatable; default: \(ConfigFiles.defaultPath)).",
        valueName: "PATH"))
    var paths: [String] = []

    @Flag(help: "Accept a well-formed event type that the bundled catalog lacks (Stripe adds new ones).")
    var allowUnknownEvents = false

    @Flag(name: .customLong("allow-unknown-api-versions"),
          help: "Accept a well-formed api_version (YYYY-MM-DD.name) that the bundled list lacks.")
    var allowUnknownAPIVersions = false

    /// Every account declared, or exit 3 after printing every error.
    func load() throws -> [AccountConfig] {
        try loadConfigs(paths: paths, allowUnknownEvents: allowUnknownEvents, allowUnknownAPIVersions: allowUnknownAPIVersions)
    }

    /// Every account declared, and the SHA-256 of each file's bytes as loaded (for a
    /// saved plan), or exit 3 after printing every error.
    func loadWithDigests() throws -> (configs: [AccountConfig], digests: [ConfigDigest]) {
        var digests: [ConfigDigest] = []
        let configs = try loadConfigs(paths: paths, allowUnknownEvents: allowUnknownEvents, allowUnknownAPIVersions: allowUnknownAPIVersions) { files in
            digests = files.map { ConfigDigest(path: $0.path, sha256: SHA256.hex($0.data)) }
        }
        return (configs, digests)
    }

    /// Every account declared, or every error, unreported: for a controller's later ticks.
    func reload() -> Result<[AccountConfig], ConfigErrors> {
        ConfigFiles.load(paths: paths, allowUnknownEvents: allowUnknownEvents, allowUnknownAPIVersions: allowUnknownAPIVersions)
    }
}

/// Reads the config files named by `paths` (files, or folders of `*.yaml`/`*.yml` files,
/// not recursive; `stripe-webhooks.yaml` when empty) and loads them with the process
/// environment. On any error, prints every diagnostic of every file to stderr and throws
/// `ExitCode(3)`; nothing else should be done with the configs then.
func loadConfigs(
    paths: [String], allowUnknownEvents: Bool, allowUnknownAPIVersions: Bool = false,
    seeing: ([(path: String, data: Data)]) -> Void = { _ in }
) throws -> [AccountConfig] {
    switch ConfigFiles.load(paths: paths, allowUnknownEvents: allowUnknownEvents, allowUnknownAPIVersions: allowUnknownAPIVersions, seeing: seeing) {
    case .success(let configs):
        return configs
    case .failure(let errors):
        ConfigFiles.report(errors)
        throw Exit.invalidConfig
    }
}

extension ConfigFiles {
    /// Every account `paths` declare, or every error of every file (unreported), in the
    /// order the paths were given, each file's errors in its own order. `seeing` gets the
    /// bytes of every file read (a saved plan records their digests).
    static func load(
        paths: [String], allowUnknownEvents: Bool, allowUnknownAPIVersions: Bool = false,
        seeing: ([(path: String, data: Data)]) -> Void = { _ in }
    ) -> Result<[AccountConfig], ConfigErrors> {
        let options = ConfigLoadOptions(spelling: .commandLine, allowUnknownEvents: allowUnknownEvents, allowUnknownAPIVersions: allowUnknownAPIVersions)
        let (files, readErrors, order) = read(paths: paths.isEmpty ? [defaultPath] : paths)
        seeing(files)
        let result = ConfigLoader.load(files: files, environment: ProcessInfo.processInfo.environment, options: options)
        var diagnostics = readErrors
        var unshown = 0
        switch result {
        case .success(let configs) where readErrors.isEmpty:
            return .success(configs)
        case .success:
            break
        case .failure(let errors):
            diagnostics += errors.diagnostics
            unshown = errors.unshown
        }
        let rank = { (d: Diagnostic) in order.firstIndex(of: d.location.file) ?? order.count }
        let sorted = diagnostics.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        return .failure(ConfigErrors(sorted, unshown: unshown))
    }
}

/// Finding and reading config files: the I/O the pure loader leaves to its caller.
enum ConfigFiles {
    static let defaultPath = "stripe-webhooks.yaml"

    /// The bytes of every file `paths` names, an error for each path that cannot be read,
    /// and every path met, in order. Sizes are checked before reading.
    static func read(paths: [String]) -> (files: [(path: String, data: Data)], errors: [Diagnostic], order: [String]) {
        var files: [(path: String, data: Data)] = []
        var errors: [Diagnostic] = []
        var order: [String] = []
        var seen: Set<String> = []
        for path in paths {
            switch expand(path) {
            case .failure(let error):
                errors.append(error)
                order.append(path)
            case .success(let filePaths):
                for file in filePaths where seen.insert(URL(fileURLWithPath: file).standardizedFileURL.path).inserted {
                    order.append(file)
                    switch readFile(file) {
                    case .success(let data): files.append((file, data))
                    case .failure(let error): errors.append(error)
                    }
                }
            }
        }
        return (files, errors, order)
    }

    /// A file as itself; a folder as its `*.yaml`/`*.yml` files, sorted, not recursive.
    static func expand(_ path: String) -> Result<[String], Diagnostic> {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            let hint = path == defaultPath
                ? "create \(defaultPath) here, or pass --config PATH (a file or a folder of .yaml files)"
                : "check the path; --config takes a file or a folder of .yaml files"
            return .failure(Diagnostic(location: .file(path), message: "no such file or folder", hint: hint))
        }
        guard isFolder.boolValue else { return .success([path]) }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            return .failure(Diagnostic(location: .file(path), message: "cannot list the folder: \(reason(error))"))
        }
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        let files = names
            .filter { name in
                let lower = name.lowercased()
                guard !name.hasPrefix("."), lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") else { return false }
                var isSubfolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: "\(folder)/\(name)", isDirectory: &isSubfolder) && !isSubfolder.boolValue
            }
            .sorted()
            .map { "\(folder)/\($0)" }
        guard !files.isEmpty else {
            return .failure(Diagnostic(location: .file(path), message: "the folder has no *.yaml or *.yml file",
                                       hint: "a folder holds one config file per account; subfolders are not read"))
        }
        return .success(files)
    }

    private static func readFile(_ path: String) -> Result<Data, Diagnostic> {
        switch RegularFile.read(path, limit: ConfigBytes.maxSize) {
        case .success(let data):
            return .success(data)
        case .failure(.tooLarge(let size)):
            return .failure(ConfigBytes.sizeError(byteCount: size, path: path)
                ?? Diagnostic(location: .file(path), message: "the file is too large"))
        case .failure(.notRegular(let kind)):
            return .failure(Diagnostic(location: .file(path), message: "not a regular file (\(kind)); only regular files are read",
                                       hint: "point --config at a config file, or a folder of them"))
        case .failure(.unreadable(let reason)):
            return .failure(Diagnostic(location: .file(path), message: "cannot read the file: \(reason)"))
        }
    }

    private static func reason(_ error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }

    /// Prints every diagnostic to stderr, in colour when ``Terminal/stderrStyle`` says so.
    static func report(_ errors: ConfigErrors) {
        FileHandle.standardError.write(Data((errors.rendered(style: Terminal.stderrStyle) + "\n").utf8))
        GitHubActions.current?.annotate(errors)
    }
}
