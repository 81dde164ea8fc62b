import Foundation

/// Form parameters in Stripe's `application/x-www-form-urlencoded` dialect, in order.
///
/// Arrays are indexed (`enabled_events[0]=a`), maps bracketed (`metadata[k]=v`) and
/// booleans `true`/`false`, as Stripe's SDKs send them. Escaping follows stripe-python
/// (`urllib.parse.urlencode`, i.e. `quote_plus`) and Go's `url.QueryEscape`: only
/// `A-Z a-z 0-9 - _ . ~` stay as they are, a space becomes `+`, every other byte of
/// the UTF-8 form becomes `%XX` in upper case, brackets in keys included (`%5B`, `%5D`).
/// Current stripe-go leaves brackets in keys unescaped; Stripe accepts both.
public struct FormEncoder: Sendable, Equatable {
    /// The key-value pairs, in the order they are sent.
    public private(set) var pairs: [FormPair] = []

    /// Creates an empty form.
    public init() {}

    /// Appends `key=value`.
    public mutating func add(_ key: String, _ value: String) {
        pairs.append(FormPair(key: key, value: value))
    }

    /// Appends `key=true` or `key=false`.
    public mutating func add(_ key: String, _ value: Bool) {
        add(key, value ? "true" : "false")
    }

    /// Appends `key[0]=a&key[1]=b...`.
    public mutating func add(_ key: String, array values: [String]) {
        for (index, value) in values.enumerated() {
            add("\(key)[\(index)]", value)
        }
    }

    /// Appends `key[k]=v` for each entry, sorted by key so that the same parameters
    /// always give the same body (an idempotent replay compares parameters).
    /// A `nil` value is sent as `key[k]=`, which unsets that key on Stripe.
    public mutating func add(_ key: String, map values: [String: String?]) {
        for (mapKey, value) in values.sorted(by: { $0.key < $1.key }) {
            add("\(key)[\(mapKey)]", value ?? "")
        }
    }

    /// Whether no pair was added.
    public var isEmpty: Bool { pairs.isEmpty }

    /// The encoded form, `a=1&b%5B0%5D=x+y`.
    public var encoded: String {
        pairs.map { Self.escape($0.key) + "=" + Self.escape($0.value) }.joined(separator: "&")
    }

    /// Escapes one key or value as `quote_plus` does.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                result.append("+")
            default:
                result.append("%")
                result.append(hexDigits[Int(byte >> 4)])
                result.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return result
    }

    private static let hexDigits: [Character] = Array("0123456789ABCDEF")
}

/// One `key=value` pair of a form, unescaped.
public struct FormPair: Sendable, Hashable {
    /// The key, e.g. `metadata[team]`.
    public var key: String
    /// The value; empty to unset a metadata key.
    public var value: String
}
