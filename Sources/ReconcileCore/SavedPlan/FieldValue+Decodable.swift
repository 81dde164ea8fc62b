/// Reads back the JSON `FieldValue` writes (see `JSONRenderer`): a string, a boolean, a
/// list of strings or a map of strings; the four JSON kinds cannot be confused.
extension FieldValue: Decodable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let flag = try? c.decode(Bool.self) {
            self = .bool(flag)
        } else if let text = try? c.decode(String.self) {
            self = .string(text)
        } else if let items = try? c.decode([String].self) {
            self = .list(items)
        } else {
            self = .map(try c.decode([String: String].self))
        }
    }
}
