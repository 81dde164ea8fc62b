import Foundation

/// Base64 for basic auth, kept apart so the key parser reads plainly.
enum Base64 {
    static func decode(_ text: String) -> String? {
        guard let data = Data(base64Encoded: text) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
