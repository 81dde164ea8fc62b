import Foundation
import Testing
@testable import ReconcileCore

/// The config schema: it is JSON Schema 2020-12, and it offers exactly the keys and event
/// names the reader accepts. (That the committed copy is what `reconcile schema` prints,
/// with the tool's spelling of its options, is checked end to end.)
@Suite struct ConfigSchemaTests {
    static let schema = ConfigSchema.render(spelling: .test)

    static func object() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(schema.utf8)) as? [String: Any])
    }

    @Test func isDraft2020_12AndClosed() throws {
        let top = try Self.object()
        #expect(top["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(top["additionalProperties"] as? Bool == false)
        #expect(top["required"] as? [String] == ["version", "workflows"])
    }

    /// Each section's properties are exactly the keys the reader allows, each described,
    /// with its default where it has one.
    @Test func everyKeyIsDescribedWithItsDefault() throws {
        let top = try Self.object()
        let defs = try #require(top["$defs"] as? [String: Any])
        let stripe = try #require((top["properties"] as? [String: Any])?["stripe"] as? [String: Any])
        let sections: [(String, Any?, [String])] = [
            ("top", top["properties"], ConfigReader.topLevelKeys),
            ("stripe", stripe["properties"], ConfigReader.stripeKeys),
            ("workflow", (defs["workflow"] as? [String: Any])?["properties"], ConfigReader.workflowKeys),
            ("trigger", (defs["trigger"] as? [String: Any])?["properties"], ConfigReader.triggerKeys),
        ]
        for (name, properties, keys) in sections {
            let properties = try #require(properties as? [String: [String: Any]], "\(name)")
            #expect(Set(properties.keys) == Set(keys), "\(name)")
            for (key, property) in properties {
                let description = property["description"] as? String ?? ""
                #expect(description.count > 10, "\(name).\(key) has no description")
                let field = (ConfigField.topLevel + ConfigField.stripe + ConfigField.workflow + ConfigField.trigger).first { $0.name == key }
                if let value = field?.defaultValue { #expect(description.contains("Default: \(value)."), "\(name).\(key)") }
            }
        }
        let triggerProperties = try #require((defs["trigger"] as? [String: Any])?["properties"] as? [String: [String: Any]])
        #expect(triggerProperties["enabled"]?["default"] as? Bool == true)
        #expect((stripe["properties"] as? [String: [String: Any]])?["max_endpoints"]?["default"] as? Int == 16)
    }

    static func eventChoices() throws -> [(value: String, description: String)] {
        let defs = try #require(try object()["$defs"] as? [String: Any])
        let choices = try #require((defs["event"] as? [String: Any])?["anyOf"] as? [[String: String]])
        return choices.compactMap { choice in choice["const"].map { ($0, choice["description"] ?? "") } }
    }

    /// Every id and display name offered is accepted by the reader, every bundled id is
    /// offered with a description, and so is the display name of each.
    @Test func eventOffersWhatTheReaderAccepts() throws {
        let choices = try Self.eventChoices()
        let values = Set(choices.map(\.value))
        for type in EventCatalog.bundled.types {
            #expect(values.contains(type), "\(type) missing")
        }
        #expect(values.contains("Customer Updated"))
        #expect(values.contains("Customer Subscription Updated"))
        #expect(choices.allSatisfy { !$0.description.isEmpty })
        for (value, _) in choices {
            let yaml = "version: 1\nworkflows:\n  - name: w\n    triggers:\n      - event: \"\(value)\"\n        url: https://hooks.example.com/x\n"
            if case .failure(let errors) = ConfigLoader.load(text: yaml, path: "t.yaml", environment: [:], options: .test) {
                Issue.record("the schema offers `\(value)`, which the reader refuses: \(errors.rendered())")
            }
        }
        // What the reader refuses is not offered.
        for refused in ["*", "customer.updatd", "customer", ""] { #expect(!values.contains(refused)) }
    }

    @Test func apiVersionsAreTheBundledOnes() throws {
        let defs = try #require(try Self.object()["$defs"] as? [String: Any])
        let anyOf = try #require((defs["api_version"] as? [String: Any])?["anyOf"] as? [[String: Any]])
        let versions = anyOf.compactMap { $0["enum"] as? [String] }.flatMap { $0 }
        #expect(Set(versions) == Set(APIVersions.bundled.versions))
    }

    @Test func descriptionsNameTheWaysToAcceptNewerOnes() throws {
        let defs = try #require(try Self.object()["$defs"] as? [String: Any])
        let event = try #require((defs["event"] as? [String: Any])?["description"] as? String)
        #expect(event.hasSuffix("(`«searchEvents»` searches them; pass «allowUnknownEvents» to accept newer ones)."))
        let version = try #require((defs["api_version"] as? [String: Any])?["description"] as? String)
        #expect(version.hasSuffix("(pass «allowUnknownAPIVersions» to accept newer ones)."))
    }

    @Test func namePatternsTakeSubstitutions() {
        #expect(ConfigSchema.substitutable(first: "a-z", rest: "a-z-") == .string(#"^([a-z]|\$\{[^}]*\})([a-z-]|\$\{[^}]*\})*$"#))
    }
}
