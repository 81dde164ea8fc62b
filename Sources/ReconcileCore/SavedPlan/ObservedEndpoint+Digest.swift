extension ObservedEndpoint {
    /// The SHA-256 of every field listed, in a fixed order with maps and event lists
    /// sorted: equal exactly when nothing about the endpoint changed.
    public var digest: String {
        let fields: [String] = [
            id, url, enabledEvents.sorted().joined(separator: ","), description ?? "\u{0}", String(enabled),
            apiVersion ?? "\u{0}", application ?? "\u{0}",
            metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1}"),
            String(created), String(livemode),
        ]
        return SHA256.hex(fields.joined(separator: "\u{2}"))
    }
}

extension Array where Element == ObservedEndpoint {
    /// `id → digest` of every endpoint, as a saved plan records them.
    public var digests: [String: String] {
        Dictionary(map { ($0.id, $0.digest) }) { first, _ in first }
    }
}
