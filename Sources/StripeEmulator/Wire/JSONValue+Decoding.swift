import Foundation

/// Reading JSON from users (`--data`, the admin API's bodies), and merging it over ours.
extension JSONValue: Decodable {
    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var values: [JSONValue] = []
            while !array.isAtEnd { values.append(try array.decode(JSONValue.self)) }
            self = .array(values)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            // JSONDecoder does not keep the document's key order: sorted, so output is stable.
            let keys = object.allKeys.sorted { $0.stringValue < $1.stringValue }
            self = .object(try keys.map { ($0.stringValue, try object.decode(JSONValue.self, forKey: $0)) })
            return
        }
        let value = try decoder.singleValueContainer()
        if value.decodeNil() {
            self = .null
        } else if let bool = try? value.decode(Bool.self) {
            self = .bool(bool)
        } else if let int = try? value.decode(Int.self) {
            self = .int(int)
        } else if let double = try? value.decode(Double.self) {
            self = .double(double)
        } else {
            self = .string(try value.decode(String.self))
        }
    }

    /// Parses a JSON document.
    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    /// `self` with `other`'s members laid over it: objects merge key by key (recursively,
    /// our keys keeping their place, new keys appended); any other value replaces.
    func merging(_ other: JSONValue) -> JSONValue {
        guard case .object(var members) = self, case .object(let overrides) = other else { return other }
        for (key, value) in overrides {
            if let index = members.firstIndex(where: { $0.0 == key }) {
                members[index].1 = members[index].1.merging(value)
            } else {
                members.append((key, value))
            }
        }
        return .object(members)
    }

    /// The member `key` of an object; nil otherwise.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
