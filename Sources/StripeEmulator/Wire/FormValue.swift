/// One top-level parameter of a form-encoded Stripe request, after bracket decoding.
enum FormValue: Sendable, Equatable {
    /// `name=value`.
    case scalar(String)
    /// `name[]=a&name[]=b` or `name[0]=a&name[1]=b`, in index order.
    case list([String])
    /// `name[key]=value`, in order of appearance; a later duplicate key wins.
    case map([(key: String, value: String)])

    static func == (lhs: FormValue, rhs: FormValue) -> Bool {
        lhs.canonical == rhs.canonical
    }

    /// A stable text form, used to compare idempotent requests.
    var canonical: String {
        switch self {
        case .scalar(let value): "=" + value
        case .list(let values): "[" + values.joined(separator: "\u{1F}") + "]"
        case .map(let pairs): "{" + pairs.map { $0.key + "\u{1E}" + $0.value }.sorted().joined(separator: "\u{1F}") + "}"
        }
    }
}
