import Foundation
import Synchronization

/// Loads config files: text in, an `AccountConfig` or every error found out. Pure: the
/// caller reads the files and passes the environment in.
public enum ConfigLoader {
    /// The account one file declares, or every error in it, sorted by position.
    public static func load(
        text: String, path: String, environment: [String: String], options: ConfigLoadOptions
    ) -> Result<AccountConfig, ConfigErrors> {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        if let error = ConfigBytes.sizeError(byteCount: text.utf8.count, path: path) { return .failure(ConfigErrors([error])) }
        var log = DiagnosticLog(file: path, text: text)
        // The scans go line by line, so they run only when the bytes they look for are there.
        if SecretPattern.mayMatch(text) { TextScan.secrets(in: &log) }
        // A tab in the indentation makes libyaml fail with an unhelpful message at the
        // first one; the scan has already said what is wrong at every one.
        if text.utf8.contains(UInt8(ascii: "\t")), TextScan.tabs(in: &log) { return .failure(log.errors) }
        guard let root = YAMLComposer.compose(text, log: &log) else {
            if log.diagnostics.isEmpty {
                log.error("the file is empty", line: 1, column: 1,
                          hint: "a config starts with `version: 1`, then `stripe:` and `workflows:`")
            }
            return .failure(log.errors)
        }
        var reader = ConfigReader(log: log, environment: environment, options: options,
                                  mayHoldAliases: text.utf8.contains(UInt8(ascii: "&")))
        let config = reader.read(root, path: path)
        guard let config, reader.log.diagnostics.isEmpty else { return .failure(reader.log.errors) }
        return .success(config)
    }

    /// The account one file's bytes declare; bytes that are too many, not UTF-8 or binary
    /// are refused before parsing.
    public static func load(
        data: Data, path: String, environment: [String: String], options: ConfigLoadOptions
    ) -> Result<AccountConfig, ConfigErrors> {
        switch ConfigBytes.text(of: data, path: path) {
        case .success(let text): load(text: text, path: path, environment: environment, options: options)
        case .failure(let diagnostic): .failure(ConfigErrors([diagnostic]))
        }
    }

    /// The accounts of several files, or every error of every file. Two files with the
    /// same key variable and owner are refused: each would delete the other's endpoints.
    public static func load(
        files: [(path: String, data: Data)], environment: [String: String], options: ConfigLoadOptions
    ) -> Result<[AccountConfig], ConfigErrors> {
        // Loading is pure and a folder may hold a thousand accounts: one file per core at a
        // time, results kept in the files' order.
        let results = Slots<Result<AccountConfig, ConfigErrors>>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results[index] = load(data: files[index].data, path: files[index].path, environment: environment, options: options)
        }
        var configs: [AccountConfig] = []
        var diagnostics: [Diagnostic] = []
        var unshown = 0
        for result in results.values {
            switch result {
            case .success(let config): configs.append(config)
            case .failure(let errors):
                diagnostics += errors.diagnostics
                unshown += errors.unshown
            }
        }
        var owners: [String: String] = [:]
        for config in configs {
            let account = "\(config.stripe.apiKeyEnv) \(config.stripe.owner)"
            if let first = owners[account] {
                diagnostics.append(Diagnostic(
                    location: .file(config.path),
                    message: "this file and \(first) both manage owner `\(config.stripe.owner)` with the key in \(config.stripe.apiKeyEnv)",
                    hint: "each would delete the other's endpoints; give one of them another `stripe.owner`"))
            } else {
                owners[account] = config.path
            }
        }
        return diagnostics.isEmpty ? .success(configs) : .failure(ConfigErrors(diagnostics, unshown: unshown))
    }
}

/// Results filled in from several threads, each slot once; read after they are all done.
private final class Slots<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>

    init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: count))
    }

    subscript(index: Int) -> Value? {
        get { slots.withLock { $0[index] } }
        set { slots.withLock { $0[index] = newValue } }
    }

    var values: [Value] { slots.withLock { $0.compactMap { $0 } } }
}
