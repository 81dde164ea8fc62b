/// A key a config file may hold, with what it means and its default. The reader accepts
/// exactly these keys (see `ConfigReader`), and `reconcile schema` describes them, so the
/// two cannot disagree about a file's shape.
public struct ConfigField: Sendable, Equatable {
    public var name: String
    public var description: String
    /// The default, as a user would write it; `nil` for a required key or one without.
    public var defaultValue: String?
    public var required: Bool

    init(_ name: String, _ description: String, default defaultValue: String? = nil, required: Bool = false) {
        self.name = name
        self.description = description
        self.defaultValue = defaultValue
        self.required = required
    }

    /// The keys of the file's top level.
    public static let topLevel: [ConfigField] = [
        ConfigField("version", "The config format's version; only 1 exists.", required: true),
        ConfigField("stripe", "The Stripe account: which key to use, the ownership namespace and safety settings."),
        ConfigField("workflows", "The workflows and the Stripe events that trigger them; `[]` declares no endpoint.", required: true),
    ]

    /// The keys of `stripe:`.
    public static let stripe: [ConfigField] = [
        ConfigField("api_key_env", "The environment variable holding the account's secret or restricted key (never the key itself).",
                    default: StripeSettings.defaultAPIKeyEnv),
        ConfigField("owner", "The ownership namespace written to each endpoint's `reconcile_owner`; endpoints of other owners are never touched.",
                    default: StripeSettings.defaultOwner),
        ConfigField("mode", "A guard: a key of the other mode (`sk_test_`/`rk_test_` or `sk_live_`/`rk_live_`) is refused. Omitted: either mode."),
        ConfigField("api_version", "The Stripe API version of new endpoints, unless a trigger sets its own. Omitted: any version is accepted."),
        ConfigField("max_endpoints", "The account's endpoint cap; a file declaring more triggers is invalid, and a plan leaving more endpoints is refused.",
                    default: String(StripeSettings.defaultMaxEndpoints)),
    ]

    /// The keys of one workflow.
    public static let workflow: [ConfigField] = [
        ConfigField("name", "Unique in the file: lower-case letters, digits, `-` and `_`, at most \(NameRules.maxWorkflowNameLength) characters; part of each trigger's key (WORKFLOW/EVENT).", required: true),
        ConfigField("description", "What the workflow does; the default description of its triggers' endpoints."),
        ConfigField("triggers", "One webhook endpoint per trigger, each for exactly one Stripe event.", required: true),
    ]

    /// The keys of one trigger.
    public static let trigger: [ConfigField] = [
        ConfigField("event", "Exactly one Stripe event type (`customer.updated`), or its display name (`Customer Updated`).", required: true),
        ConfigField("url", "Where Stripe delivers the event: an absolute https:// url (http:// only for loopback hosts, for the emulator).", required: true),
        ConfigField("description", "The endpoint's description.", default: "the workflow's description, else `Managed by reconcile: KEY`"),
        ConfigField("enabled", "`false` keeps the endpoint but disables it.", default: "true"),
        ConfigField("api_version", "The endpoint's Stripe API version; create-only on Stripe, so a change means a replace.", default: "`stripe.api_version`"),
        ConfigField("connect", "Receive events of connected accounts; create-only on Stripe, so a change means a replace.", default: "false"),
        ConfigField("metadata", "Text keys and values set on the endpoint, exactly (keys added elsewhere are removed); the reserved keys \(OwnershipMarks.reservedKeys.sorted().map { "`\($0)`" }.joined(separator: ", ")) are refused.",
                    default: "{}"),
    ]
}
