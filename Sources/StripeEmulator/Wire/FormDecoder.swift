/// Decodes `application/x-www-form-urlencoded` text the way Stripe's API reads it.
///
/// Stripe's SDKs send arrays indexed (`enabled_events[0]=a`), curl users send
/// `enabled_events[]=a`, and brackets may arrive escaped (`%5B`): all mean the same.
enum FormDecoder {
    /// The parameters by name, in order of first appearance.
    struct Parameters: Sendable {
        var names: [String] = []
        var values: [String: FormValue] = [:]

        subscript(name: String) -> FormValue? { values[name] }

        /// A stable text form of all parameters, used to compare idempotent requests.
        var canonical: String {
            values.keys.sorted().map { $0 + values[$0]!.canonical }.joined(separator: "&")
        }
    }

    private enum Piece {
        case scalar(String)
        case appended(String)
        case indexed(Int, String)
        case keyed(String, String)
    }

    /// Decodes one or more form strings (query, then body); a malformed shape is a Stripe 400.
    static func decode(_ sources: [String]) throws(StripeError) -> Parameters {
        var order: [String] = []
        var pieces: [String: [Piece]] = [:]
        for source in sources where !source.isEmpty {
            for pair in source.split(separator: "&", omittingEmptySubsequences: true) {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let rawName = percentDecode(parts[0])
                let value = parts.count > 1 ? percentDecode(parts[1]) : ""
                let (name, piece) = try split(rawName, value: value)
                if pieces[name] == nil { order.append(name) }
                pieces[name, default: []].append(piece)
            }
        }
        var parameters = Parameters(names: order)
        for name in order {
            parameters.values[name] = try combine(name, pieces[name]!)
        }
        return parameters
    }

    private static func split(_ rawName: String, value: String) throws(StripeError) -> (String, Piece) {
        guard let open = rawName.firstIndex(of: "[") else { return (rawName, .scalar(value)) }
        let name = String(rawName[..<open])
        let rest = rawName[rawName.index(after: open)...]
        guard let close = rest.firstIndex(of: "]"), rest.index(after: close) == rest.endIndex else {
            // Deeper nesting (`metadata[a][b]`) has no meaning on these endpoints.
            throw .invalid(name, "Invalid \(name): nested parameters like \(rawName) are not supported here")
        }
        let inner = String(rest[..<close])
        if inner.isEmpty { return (name, .appended(value)) }
        if let index = Int(inner), index >= 0, inner.allSatisfy(\.isASCII) { return (name, .indexed(index, value)) }
        return (name, .keyed(inner, value))
    }

    private static func combine(_ name: String, _ pieces: [Piece]) throws(StripeError) -> FormValue {
        if pieces.allSatisfy({ if case .scalar = $0 { true } else { false } }), case .scalar(let last)? = pieces.last {
            return .scalar(last)
        }
        var appended: [String] = []
        var indexed: [(Int, String)] = []
        var keyed: [(key: String, value: String)] = []
        for piece in pieces {
            switch piece {
            case .scalar: throw .invalid(name, "Invalid \(name): cannot mix a plain value with bracketed values")
            case .appended(let value): appended.append(value)
            case .indexed(let index, let value): indexed.append((index, value))
            case .keyed(let key, let value): keyed.append((key, value))
            }
        }
        // A key given again counts where it was last given. Kept linear: removing earlier
        // copies one by one was quadratic, and 60,000 keys in a 1 MiB body took a minute.
        var last: [String: Int] = [:]
        for (index, pair) in keyed.enumerated() { last[pair.key] = index }
        keyed = keyed.enumerated().filter { last[$0.element.key] == $0.offset }.map(\.element)
        if !keyed.isEmpty {
            guard appended.isEmpty else { throw .invalid(name, "Invalid \(name): cannot mix an array with a hash") }
            // A numeric key on a map (`metadata[0]=x`) is a map key, not an index.
            return .map(indexed.map { (String($0.0), $0.1) } + keyed)
        }
        let ordered = indexed.sorted { $0.0 < $1.0 }.map(\.1)
        return .list(ordered + appended)
    }

    /// Percent-decodes, with `+` as a space; invalid escapes are kept literally.
    static func percentDecode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                      let high = hexValue(iterator[iterator.startIndex]),
                      let low = hexValue(iterator[iterator.startIndex + 1]) {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
