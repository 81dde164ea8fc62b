import Foundation

/// A parsed JSON document, as the client reads Stripe's responses.
///
/// The client reads every response through this rather than `JSONDecoder`: a list page of
/// 16 endpoints took 165 µs with `JSONDecoder` (its generic containers, casts and key
/// lookups), most of the client's time per account in a run that changes nothing. An
/// object keeps its members in order, looked up by a linear scan: Stripe's objects have a
/// dozen keys.
public enum JSON: Sendable, Equatable {
    case object([(key: String, value: JSON)])
    case array([JSON])
    case string(String)
    /// A number, as its text, so an `Int64` id or timestamp loses nothing.
    case number(String)
    case bool(Bool)
    case null

    /// Parses a whole document.
    ///
    /// - Throws: ``JSONError`` at the first byte that is not JSON.
    public static func parse(_ data: Data) throws -> JSON {
        try data.withUnsafeBytes { buffer in
            var parser = JSONParser(bytes: buffer.bindMemory(to: UInt8.self))
            return try parser.document()
        }
    }

    /// The member `key` of an object; nil when absent, or when this is not an object.
    public subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public static func == (lhs: JSON, rhs: JSON) -> Bool {
        switch (lhs, rhs) {
        case (.object(let l), .object(let r)): l.count == r.count && zip(l, r).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.array(let l), .array(let r)): l == r
        case (.string(let l), .string(let r)): l == r
        case (.number(let l), .number(let r)): l == r
        case (.bool(let l), .bool(let r)): l == r
        case (.null, .null): true
        default: false
        }
    }
}

/// Why a response body is not what the client expected: not JSON at all, or JSON of
/// another shape.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// A type the client reads from a response's JSON.
public protocol JSONDecodable: Sendable {
    /// Reads the value, ignoring members it does not know.
    init(json: JSON) throws
}

extension JSONDecodable {
    /// Parses `data` and reads the value from it.
    public init(jsonData data: Data) throws {
        try self.init(json: JSON.parse(data))
    }
}

/// Typed access to an object's members, each failing with the member's name.
extension JSON {
    /// A string member, required.
    func string(_ key: String) throws -> String {
        guard let value = try optionalString(key) else { throw JSONError("`\(key)` is missing") }
        return value
    }

    /// A string member; nil when absent or null.
    func optionalString(_ key: String) throws -> String? {
        switch self[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default: throw JSONError("`\(key)` is not a string")
        }
    }

    /// A boolean member; nil when absent or null.
    func optionalBool(_ key: String) throws -> Bool? {
        switch self[key] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        default: throw JSONError("`\(key)` is not a boolean")
        }
    }

    /// An integer member, required.
    func int64(_ key: String) throws -> Int64 {
        guard case .number(let text)? = self[key], let value = Int64(text) else {
            throw JSONError("`\(key)` is missing or not an integer")
        }
        return value
    }

    /// An array-of-strings member, required.
    func strings(_ key: String) throws -> [String] {
        guard case .array(let items)? = self[key] else { throw JSONError("`\(key)` is missing or not an array") }
        return try items.map { item in
            guard case .string(let value) = item else { throw JSONError("`\(key)` holds a value that is not a string") }
            return value
        }
    }

    /// A string-to-string object member; empty when absent or null.
    func stringMap(_ key: String) throws -> [String: String] {
        switch self[key] {
        case nil, .null?: return [:]
        case .object(let members)?:
            var map: [String: String] = [:]
            map.reserveCapacity(members.count)
            for member in members {
                guard case .string(let value) = member.value else { throw JSONError("`\(key).\(member.key)` is not a string") }
                map[member.key] = value
            }
            return map
        default: throw JSONError("`\(key)` is not an object")
        }
    }
}
