import Foundation
import Testing

/// `reconcile schema` prints the committed schema.
@Suite struct SchemaAndHelpCommandTests {
    @Test func schemaPrintsTheCommittedFile() async throws {
        let result = try await runReconcile(["schema"])
        #expect(result.status == 0, "\(result.all)")
        let committed = try String(contentsOf: Binary.repository.appendingPathComponent("schema/reconcile.schema.json"), encoding: .utf8)
        #expect(result.stdout == committed, "run `swift run reconcile schema > schema/reconcile.schema.json`")
    }

}
