/// Whether Stripe sends events to an endpoint.
public enum WebhookEndpointStatus: Sendable, Hashable, CustomStringConvertible {
    /// Events are sent.
    case enabled
    /// Events are not sent; set with `disabled=true` on update.
    case disabled
    /// A status this client does not know yet, kept verbatim.
    case other(String)

    /// Maps Stripe's string onto a case.
    public init(rawValue: String) {
        switch rawValue {
        case "enabled": self = .enabled
        case "disabled": self = .disabled
        default: self = .other(rawValue)
        }
    }

    /// Stripe's string for the status.
    public var rawValue: String {
        switch self {
        case .enabled: "enabled"
        case .disabled: "disabled"
        case .other(let raw): raw
        }
    }

    /// Stripe's string for the status.
    public var description: String { rawValue }
}
