/// Decoding where every field is optional, so `{"drop": 0.1}` is a whole faults value.
extension EmulatorFaults {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            latencyMs: try container.decodeIfPresent(Int.self, forKey: .latencyMs) ?? 0,
            jitterMs: try container.decodeIfPresent(Int.self, forKey: .jitterMs) ?? 0,
            rateLimit: try container.decodeIfPresent(Double.self, forKey: .rateLimit) ?? 0,
            serverError: try container.decodeIfPresent(Double.self, forKey: .serverError) ?? 0,
            unavailable: try container.decodeIfPresent(Double.self, forKey: .unavailable) ?? 0,
            drop: try container.decodeIfPresent(Double.self, forKey: .drop) ?? 0,
            lost: try container.decodeIfPresent(Double.self, forKey: .lost) ?? 0,
            writesOnly: try container.decodeIfPresent(Bool.self, forKey: .writesOnly) ?? false,
            methods: try container.decodeIfPresent([String].self, forKey: .methods)
        )
        if let problem {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: problem))
        }
    }
}
