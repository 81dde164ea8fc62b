/// The JSON Schema (draft 2020-12) of a config file, for editors and CI: generated from
/// the keys the reader accepts (`ConfigField`), the bundled event catalog and API
/// versions, and the name rules, so it changes when they do. `reconcile schema` prints it.
///
/// It is a little stricter than the reader where a schema cannot follow it: string
/// fields take strings only (the reader also reads `name: 2024` as text), integers and
/// booleans take no `${VAR}`, and event display names are listed as written in the
/// catalog's case (the reader also takes `customer updated`).
public enum ConfigSchema {
    public static let draft = "https://json-schema.org/draft/2020-12/schema"

    /// The schema, as `reconcile schema` prints it and `schema/reconcile.schema.json` holds it;
    /// descriptions type the options that accept newer events and versions as `spelling` says.
    public static func render(spelling: OptionSpelling, catalog: EventCatalog = .bundled, versions: APIVersions = .bundled) -> String {
        document(spelling: spelling, catalog: catalog, versions: versions).rendered
    }

    public static func document(spelling: OptionSpelling, catalog: EventCatalog = .bundled, versions: APIVersions = .bundled) -> JSONValue {
        .object([
            ("$schema", .string(draft)),
            ("title", "reconcile config"),
            ("description", "The webhook endpoints of one Stripe account, as `reconcile` reconciles them: one endpoint per trigger, each for exactly one event."),
            ("type", "object"),
            ("additionalProperties", false),
            ("required", required(ConfigField.topLevel)),
            ("properties", properties(ConfigField.topLevel, [
                "version": [("type", "integer"), ("const", 1)],
                "stripe": [("type", .array(["object", "null"])), ("additionalProperties", false),
                           ("properties", properties(ConfigField.stripe, stripeShapes))],
                "workflows": [("type", "array"), ("items", .object([("$ref", "#/$defs/workflow")]))],
            ])),
            ("$defs", .object([
                ("workflow", section(ConfigField.workflow, [
                    "name": [("type", "string"), ("pattern", substitutable(first: "a-z0-9", rest: "a-z0-9_-")), ("maxLength", .int(NameRules.maxWorkflowNameLength))],
                    "description": descriptionShape,
                    "triggers": [("type", "array"), ("items", .object([("$ref", "#/$defs/trigger")]))],
                ])),
                ("trigger", section(ConfigField.trigger, [
                    "event": [("$ref", "#/$defs/event")],
                    "url": [("type", "string"), ("pattern", "^([A-Za-z][A-Za-z0-9+.-]*://|\\$\\{)"), ("minLength", 1)],
                    "description": descriptionShape,
                    "enabled": [("type", .array(["boolean", "null"]))],
                    "api_version": [("$ref", "#/$defs/api_version")],
                    "connect": [("type", .array(["boolean", "null"]))],
                    "metadata": metadataShape,
                ])),
                ("event", event(catalog, spelling: spelling)),
                ("api_version", .object([
                    ("description", .string("A Stripe API version bundled with this build (pass \(spelling(.allowUnknownAPIVersions)) to accept newer ones).")),
                    ("anyOf", .array([.object([("type", "null")]), .object([("enum", .array(versions.versions.reversed().map(JSONValue.string)))])])),
                ])),
            ])),
        ])
    }

    private static let stripeShapes: [String: [(String, JSONValue)]] = [
        "api_key_env": [("type", "string"), ("pattern", substitutable(first: "A-Za-z_", rest: "A-Za-z0-9_"))],
        "owner": [("type", "string"), ("pattern", substitutable(first: "A-Za-z0-9", rest: "A-Za-z0-9._-")), ("maxLength", .int(NameRules.maxOwnerLength))],
        "mode": [("enum", .array(StripeMode.allCases.map { .string($0.rawValue) }))],
        "api_version": [("$ref", "#/$defs/api_version")],
        "max_endpoints": [("type", "integer"), ("minimum", 1)],
    ]

    /// A name pattern (`first` then `rest`, as regex classes) that also takes `${VAR}`
    /// and `${VAR:-default}` anywhere, as the reader substitutes them before checking.
    static func substitutable(first: String, rest: String) -> JSONValue {
        let variable = #"\$\{[^}]*\}"#
        return .string("^([\(first)]|\(variable))([\(rest)]|\(variable))*$")
    }

    private static let descriptionShape: [(String, JSONValue)] = [
        ("type", .array(["string", "null"])), ("maxLength", .int(ConfigReader.maxDescriptionLength)),
    ]

    private static let metadataShape: [(String, JSONValue)] = [
        ("type", .array(["object", "null"])),
        ("propertyNames", .object([
            ("maxLength", .int(ConfigReader.maxMetadataKeyLength)),
            ("not", .object([("enum", .array(ConfigReader.reservedMetadataKeys.map(JSONValue.string)))])),
        ])),
        ("additionalProperties", .object([
            ("type", .array(["string", "number", "boolean"])), ("minLength", 1), ("maxLength", .int(ConfigReader.maxMetadataValueLength)),
        ])),
    ]

    /// Every event id and every display name naming exactly one id, each with a
    /// description, so an editor completes either.
    static func event(_ catalog: EventCatalog, spelling: OptionSpelling) -> JSONValue {
        var choices: [JSONValue] = catalog.types.map { type in
            .object([("const", .string(type)), ("description", .string("Stripe's `\(type)` event (display name \"\(displayName(type))\")."))])
        }
        for type in catalog.types {
            let name = displayName(type)
            guard catalog.types(displayName: name) == [type] else { continue }
            choices.append(.object([("const", .string(name)), ("description", .string("The display name of `\(type)`."))]))
        }
        return .object([
            ("description", .string("Exactly one Stripe event type bundled with this build, or its display name (`\(spelling(.searchEvents))` searches them; pass \(spelling(.allowUnknownEvents)) to accept newer ones).")),
            ("type", "string"),
            ("anyOf", .array(choices)),
        ])
    }

    /// `customer.subscription.updated` → `Customer Subscription Updated`.
    public static func displayName(_ type: String) -> String {
        EventCatalog.displayKey(type).split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// A closed object of `fields`, each with its shape, description and default.
    private static func section(_ fields: [ConfigField], _ shapes: [String: [(String, JSONValue)]]) -> JSONValue {
        .object([
            ("type", "object"),
            ("additionalProperties", false),
            ("required", required(fields)),
            ("properties", properties(fields, shapes)),
        ])
    }

    private static func required(_ fields: [ConfigField]) -> JSONValue {
        .array(fields.filter(\.required).map { .string($0.name) })
    }

    private static func properties(_ fields: [ConfigField], _ shapes: [String: [(String, JSONValue)]]) -> JSONValue {
        .object(fields.map { field in
            var description = field.description
            if let value = field.defaultValue { description += " Default: \(value)." }
            var members: [(String, JSONValue)] = [("description", .string(description))]
            if let value = field.defaultValue, let literal = literal(value) { members.append(("default", literal)) }
            return (field.name, .object(members + (shapes[field.name] ?? [])))
        })
    }

    /// A default that is a plain value (`true`, `16`, `default`), not prose.
    private static func literal(_ text: String) -> JSONValue? {
        if text == "true" || text == "false" { return .bool(text == "true") }
        if let number = Int(text) { return .int(number) }
        if text == "{}" { return .object([]) }
        return text.contains(" ") || text.contains("`") ? nil : .string(text)
    }
}
