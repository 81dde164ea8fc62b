/// The webhook endpoint operation a method and path name, if any.
enum Route: Sendable, Equatable {
    case create
    case list
    case retrieve(String)
    case update(String)
    case delete(String)

    private static let collection = "/v1/webhook_endpoints"

    init?(method: String, path: String) {
        if path == Self.collection {
            switch method {
            case "POST": self = .create
            case "GET": self = .list
            default: return nil
            }
            return
        }
        guard path.hasPrefix(Self.collection + "/") else { return nil }
        let id = String(path.dropFirst(Self.collection.count + 1))
        guard !id.isEmpty, !id.contains("/") else { return nil }
        switch method {
        case "GET": self = .retrieve(id)
        case "POST": self = .update(id)
        case "DELETE": self = .delete(id)
        default: return nil
        }
    }

    /// Whether the operation changes state (and so needs write permission).
    var isWrite: Bool {
        switch self {
        case .create, .update, .delete: true
        case .list, .retrieve: false
        }
    }

    /// Runs the operation on an account.
    func perform(on account: inout AccountState, _ parameters: FormDecoder.Parameters,
                 _ context: inout AccountState.Context) throws(StripeError) -> JSONValue {
        switch self {
        case .create: try account.create(parameters, &context)
        case .list: try account.list(parameters)
        case .retrieve(let id): try account.retrieve(id, parameters)
        case .update(let id): try account.update(id, parameters, context)
        case .delete(let id): try account.delete(id, parameters)
        }
    }
}
