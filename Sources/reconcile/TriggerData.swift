import ArgumentParser
import Foundation

/// `--data`: JSON given inline, or `@FILE`; it must be an object (the fields to merge).
enum TriggerData {
    /// The bytes of the JSON object, nil without `--data`; exits 64 with a message otherwise.
    static func read(_ argument: String?) throws -> [UInt8]? {
        guard let argument else { return nil }
        var bytes = Array(argument.utf8)
        var source = "--data"
        if argument.hasPrefix("@") {
            let path = String(argument.dropFirst())
            source = "--data @\(path)"
            guard let contents = FileManager.default.contents(atPath: path) else {
                Terminal.error("\(source): cannot read the file (missing, or not readable)")
                throw Exit.usage
            }
            bytes = Array(contents)
        }
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) } catch {
            Terminal.error("\(source): not valid JSON (\(reason(error))); e.g. --data '{\"email\": \"a@example.com\"}'")
            throw Exit.usage
        }
        guard parsed is [String: Any] else {
            Terminal.error("\(source): must be a JSON object of fields to merge into the event's object, e.g. '{\"email\": \"a@example.com\"}'")
            throw Exit.usage
        }
        return bytes
    }

    private static func reason(_ error: any Error) -> String {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return description ?? "\(error)"
    }
}
