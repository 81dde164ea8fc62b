import Foundation

/// The validated parameters of a create or update request.
struct EndpointChanges: Sendable {
    var url: String?
    var enabledEvents: [String]?
    /// `.some(nil)` clears the description (`description=`).
    var description: String??
    var metadata: FormValue?
    var apiVersion: String?
    var connect: Bool?
    var disabled: Bool?

    static let createParameters: Set<String> = ["url", "enabled_events", "description", "metadata", "api_version", "connect", "expand"]
    // `api_version` and `connect` are create-only and `disabled` is update-only, so Stripe
    // answers each on the other operation with parameter_unknown.
    static let updateParameters: Set<String> = ["url", "enabled_events", "description", "metadata", "disabled", "expand"]

    /// Refuses the first parameter not in `allowed`, as Stripe does, before any value is checked.
    static func checkKnown(_ parameters: FormDecoder.Parameters, allowed: Set<String>) throws(StripeError) {
        if let unknown = parameters.names.first(where: { !allowed.contains($0) }) {
            throw .unknownParameter(unknown)
        }
        if case .list(let fields)? = parameters["expand"], let field = fields.first(where: { !$0.isEmpty }) {
            throw .invalid("expand", "This property cannot be expanded (\(field)).")
        }
    }

    /// Validates values; `creating` makes `url` and `enabled_events` required.
    init(_ parameters: FormDecoder.Parameters, catalog: StripeCatalog, livemode: Bool, creating: Bool) throws(StripeError) {
        if creating {
            for required in ["url", "enabled_events"] where parameters[required] == nil {
                throw .missingParameter(required)
            }
        }
        if let value = parameters["url"] {
            url = try Self.validURL(Self.string(value, "url", allowEmpty: false), livemode: livemode)
        }
        if let value = parameters["enabled_events"] {
            enabledEvents = try Self.events(value, catalog: catalog)
        }
        if let value = parameters["description"] {
            let text = try Self.string(value, "description", allowEmpty: true)
            guard text.count <= 5000 else {
                throw .invalid("description", "Invalid string: \(text.prefix(20))...; must be at most 5000 characters")
            }
            description = .some(text.isEmpty ? nil : text)
        }
        metadata = parameters["metadata"]
        if let value = parameters["api_version"] {
            let version = try Self.string(value, "api_version", allowEmpty: false)
            guard catalog.apiVersions.contains(version) else {
                throw .invalid("api_version", "Invalid api_version: \(version) is not a known Stripe API version")
            }
            apiVersion = version
        }
        if let value = parameters["connect"] { connect = try Self.boolean(value, "connect") }
        if let value = parameters["disabled"] { disabled = try Self.boolean(value, "disabled") }
    }

    private static func string(_ value: FormValue, _ name: String, allowEmpty: Bool) throws(StripeError) -> String {
        guard case .scalar(let text) = value else { throw .invalid(name, "Invalid \(name): must be a string") }
        if text.isEmpty && !allowEmpty { throw .emptyParameter(name) }
        return text
    }

    private static func boolean(_ value: FormValue, _ name: String) throws(StripeError) -> Bool {
        switch try string(value, name, allowEmpty: false) {
        case "true": return true
        case "false": return false
        case let other: throw .invalid(name, "Invalid boolean: \(other)")
        }
    }

    private static func validURL(_ text: String, livemode: Bool) throws(StripeError) -> String {
        guard text.count <= 5000 else { throw .invalid("url", "Invalid url: must be at most 5000 characters", code: "url_invalid") }
        let scheme = text.split(separator: ":", maxSplits: 1).first?.lowercased()
        // Stripe's live-mode refusal carries no code, unlike other URL errors.
        if livemode && scheme != "https" {
            throw .invalid("url", "Invalid URL: \(text). URLs in livemode must begin with \"https://\"")
        }
        let components = URLComponents(string: text)
        guard let components, scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else {
            throw .invalid("url", "Invalid URL: \(text). URLs must begin with \"http://\" or \"https://\" and name a host.", code: "url_invalid")
        }
        return text
    }

    private static func events(_ value: FormValue, catalog: StripeCatalog) throws(StripeError) -> [String] {
        let events: [String]
        switch value {
        case .list(let list): events = list
        case .scalar(let text) where text.isEmpty: throw .emptyParameter("enabled_events")
        case .scalar, .map: throw .invalid("enabled_events", "Invalid array")
        }
        guard !events.isEmpty else { throw .emptyParameter("enabled_events") }
        guard events.count <= EmulatorLimits.maxEnabledEvents else {
            throw .invalid("enabled_events", "Invalid enabled_events: at most \(EmulatorLimits.maxEnabledEvents) event types per endpoint (this emulator's limit; Stripe documents none), got \(events.count); use \"*\" for every event.")
        }
        for (index, event) in events.enumerated() where event != "*" && !catalog.eventTypes.contains(event) {
            throw .invalid("enabled_events", "Invalid enabled_events[\(index)]: '\(event)' is not a known event type; use one of Stripe's event types or \"*\".")
        }
        return events
    }

    /// Applies a `metadata` parameter: `metadata[k]=v` sets, `metadata[k]=` unsets k, `metadata=` unsets all.
    static func apply(metadata value: FormValue, to metadata: inout [String: String]) throws(StripeError) {
        switch value {
        case .scalar(let text) where text.isEmpty:
            metadata = [:]
        case .scalar, .list:
            throw .invalid("metadata", "Invalid hash: metadata must be a hash of string keys and values, or \"\" to unset all keys")
        case .map(let pairs):
            for (key, text) in pairs {
                guard key.count <= 40 else {
                    throw .invalid("metadata", "Metadata keys can have up to 40 characters, but you passed in a key that is \(key.count) characters. Invalid key: \(key)")
                }
                guard !key.contains("[") && !key.contains("]") else {
                    throw .invalid("metadata", "Invalid metadata key: \(key). Metadata keys cannot contain '[' or ']'.")
                }
                guard text.count <= 500 else {
                    throw .invalid("metadata", "Metadata values can have up to 500 characters, but you passed in a value that is \(text.count) characters. Invalid value: \(text.prefix(40))...")
                }
                metadata[key] = text.isEmpty ? nil : text
            }
            guard metadata.count <= 50 else {
                throw .invalid("metadata", "Invalid metadata: metadata can have up to 50 keys, but this request would leave \(metadata.count).")
            }
        }
    }
}
