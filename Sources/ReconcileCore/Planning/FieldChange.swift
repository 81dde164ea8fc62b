/// An endpoint field the planner compares.
public enum EndpointField: String, Sendable, Equatable, CaseIterable, Codable {
    case url
    case enabledEvents = "enabled_events"
    case description
    case enabled
    case metadata
    case apiVersion = "api_version"
    case connect

    /// Fields Stripe only takes on create: a change means a new endpoint.
    public var isCreateOnly: Bool { self == .apiVersion || self == .connect }
}

/// A field's value, as shown in a plan.
public enum FieldValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case list([String])
    case map([String: String])
}

/// One field going from one value to another; `nil` means absent.
public struct FieldChange: Sendable, Equatable, Codable {
    public var field: EndpointField
    public var from: FieldValue?
    public var to: FieldValue?

    public init(_ field: EndpointField, from: FieldValue?, to: FieldValue?) {
        self.field = field
        self.from = from
        self.to = to
    }
}
