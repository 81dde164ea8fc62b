/// The differences between an endpoint on Stripe and what it should be.
public struct EndpointDiff: Sendable, Equatable {
    /// Every differing field, in `EndpointField` order.
    public var changes: [FieldChange]

    public init(observed: ObservedEndpoint, desired: DesiredEndpoint) {
        var changes: [FieldChange] = []
        func compare(_ field: EndpointField, _ from: FieldValue?, _ to: FieldValue?) {
            if from != to { changes.append(FieldChange(field, from: from, to: to)) }
        }
        compare(.url, .string(observed.url), .string(desired.url))
        // A trigger is exactly one event; Stripe keeps the list's order, so compare as sets.
        if Set(observed.enabledEvents) != Set(desired.enabledEvents) {
            changes.append(FieldChange(.enabledEvents, from: .list(observed.enabledEvents), to: .list(desired.enabledEvents)))
        }
        compare(.description, observed.description.map(FieldValue.string), .string(desired.description))
        compare(.enabled, .bool(observed.enabled), .bool(desired.enabled))
        compare(.metadata, .map(observed.metadata), .map(desired.metadata))
        // Where no api_version is declared any version is accepted.
        if let version = desired.apiVersion {
            compare(.apiVersion, observed.apiVersion.map(FieldValue.string), .string(version))
        }
        compare(.connect, .bool(observed.isConnect), .bool(desired.connect))
        self.changes = changes
    }

    public var isEmpty: Bool { changes.isEmpty }

    /// Whether a create-only field differs, so only a new endpoint can match.
    public var needsReplace: Bool { changes.contains { $0.field.isCreateOnly } }
}
