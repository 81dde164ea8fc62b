import ReconcileCore

// Idempotency keys must be equal across processes, and Swift's dictionaries iterate in
// a per-process order: these forms sort every map.

extension DesiredEndpoint {
    var canonicalForm: String {
        [url, enabledEvents.joined(separator: ","), description, String(enabled), apiVersion ?? "", String(connect), Self.canonical(metadata)]
            .joined(separator: "\n")
    }

    static func canonical(_ map: [String: String]) -> String {
        map.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }
}

extension EndpointUpdate {
    var canonicalForm: String {
        let metadata = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value ?? "<unset>")" }.joined(separator: "&")
        return [url ?? "", enabledEvents?.joined(separator: ",") ?? "", description ?? "", disabled.map(String.init) ?? "", metadata]
            .joined(separator: "\n")
    }
}
