import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `reconcile emulator` process on a free loopback port, with the admin calls tests
/// use to look at its state and request log. Stopped with SIGTERM by `stop()`.
final class LiveEmulator: @unchecked Sendable {
    let process: Process
    let base: URL
    let folder: URL

    init(_ arguments: [String] = []) async throws {
        folder = try temporaryFolder()
        process = Process()
        process.executableURL = Binary.url
        process.arguments = ["emulator", "--port", "0", "--state", folder.appendingPathComponent("state.json").path] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line on stdout names the address: `... listening on http://127.0.0.1:PORT`.
        // Read on a Dispatch thread: a blocking read on the cooperative pool (two threads on
        // this machine) would stall every other test until the emulator has started.
        let line = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<String, any Error>) in
            DispatchQueue.global().async {
                var data = Data()
                while !data.contains(UInt8(ascii: "\n")) {
                    let chunk = out.fileHandleForReading.availableData
                    if chunk.isEmpty { return continuation.resume(throwing: EmulatorStartError()) }
                    data.append(chunk)
                }
                continuation.resume(returning: String(decoding: data, as: UTF8.self))
            }
        }
        guard let range = line.range(of: "http://"),
              let url = URL(string: String(line[range.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw EmulatorStartError() }
        base = url
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// The account's endpoints, newest first, as raw JSON objects (secrets included).
    func endpoints(key: String) async throws -> [[String: Any]] {
        let json = try await request("GET", "/_emulator/endpoints", key: key)
        return (json as? [String: Any])?["data"] as? [[String: Any]] ?? []
    }

    /// The request log, oldest first.
    func requests() async throws -> [[String: Any]] {
        let json = try await request("GET", "/_emulator/requests")
        return (json as? [String: Any])?["data"] as? [[String: Any]] ?? json as? [[String: Any]] ?? []
    }

    /// The webhook delivery attempts, oldest first.
    func deliveries() async throws -> [[String: Any]] {
        try await request("GET", "/_emulator/deliveries") as? [[String: Any]] ?? []
    }

    func clearRequests() async throws {
        _ = try await request("DELETE", "/_emulator/requests")
    }

    /// Writes (POST/DELETE to /v1) in the log.
    func writes() async throws -> [[String: Any]] {
        try await requests().filter { ($0["isWrite"] as? Bool) == true && (($0["path"] as? String) ?? "").hasPrefix("/v1/") }
    }

    /// Creates an endpoint directly, as a person in the Dashboard would.
    @discardableResult
    func seed(key: String, url: String, events: [String], metadata: [String: String] = [:], apiVersion: String? = nil) async throws -> String {
        var form = ["url=\(escape(url))"] + events.enumerated().map { "enabled_events[\($0.offset)]=\(escape($0.element))" }
        form += metadata.map { "metadata[\(escape($0.key))]=\(escape($0.value))" }
        if let apiVersion { form.append("api_version=\(apiVersion)") }
        let json = try await request("POST", "/v1/webhook_endpoints", key: key, body: form.joined(separator: "&"))
        return (json as? [String: Any])?["id"] as? String ?? ""
    }

    /// Changes an endpoint directly (drift made by hand).
    func modify(key: String, id: String, form: String) async throws {
        _ = try await request("POST", "/v1/webhook_endpoints/\(id)", key: key, body: form)
    }

    func delete(key: String, id: String) async throws {
        _ = try await request("DELETE", "/v1/webhook_endpoints/\(id)", key: key)
    }

    func setFaults(_ json: String) async throws {
        _ = try await request("POST", "/_emulator/faults", body: json, contentType: "application/json")
    }

    private func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }

    private func request(_ method: String, _ path: String, key: String? = nil, body: String? = nil, contentType: String = "application/x-www-form-urlencoded") async throws -> Any {
        var request = URLRequest(url: base.appendingPathComponent(path))
        request.httpMethod = method
        if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        let (data, _) = try await URLSession.shared.data(for: request)
        return (try? JSONSerialization.jsonObject(with: data)) ?? [:]
    }
}

struct EmulatorStartError: Error {}
