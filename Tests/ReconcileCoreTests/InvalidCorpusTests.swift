import Foundation
import Testing
@testable import ReconcileCore

/// Every file in `Invalid/` is refused with the first error it names: in a leading
/// `# expect: LINE:COLUMN: message` comment, or (for files that cannot hold one, such as
/// an empty or a binary file) in `Invalid/expectations.txt`.
@Suite struct InvalidCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Invalid")

    static func corpus() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0 != "expectations.txt" }.sorted()
    }

    static let sideTable: [String: String] = {
        let text = (try? String(contentsOf: folder.appendingPathComponent("expectations.txt"), encoding: .utf8)) ?? ""
        return Dictionary(uniqueKeysWithValues: text.split(separator: "\n").compactMap { line in
            line.firstRange(of: ": ").map { (String(line[..<$0.lowerBound]), String(line[$0.upperBound...])) }
        })
    }()

    private func expectation(_ name: String, _ data: Data) -> String? {
        if let expected = Self.sideTable[name] { return expected }
        let text = String(decoding: data.prefix(400), as: UTF8.self)
        guard let range = text.range(of: "# expect: ") else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "\n" && $0 != "\r" })
    }

    @Test func corpusIsLarge() {
        #expect(Self.corpus().count >= 25)
    }

    @Test(arguments: corpus())
    func fileIsRefusedWithItsExpectedError(_ name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let expected = try #require(expectation(name, data), "\(name) names no expected error")
        switch ConfigLoader.load(data: data, path: name, environment: [:], options: .test) {
        case .success:
            Issue.record("\(name) was accepted")
        case .failure(let errors):
            #expect(errors.diagnostics.first.map(short) == expected, "\(name)")
            let rendered = errors.rendered()
            #expect(rendered.hasPrefix("\(name):"))
            #expect(SecretPattern.matches(in: rendered).isEmpty, "a secret was printed")
        }
    }

    @Test func multiMegabyteFileIsRefusedUnread() {
        var yaml = "version: 1\nworkflows:\n"
        let item = "  - name: wf\n    triggers: []\n"
        yaml += String(repeating: "# padding to make the file large\n", count: 3 * (1 << 20) / 33) + item
        let result = ConfigLoader.load(data: Data(yaml.utf8), path: "huge.yaml", environment: [:], options: .test)
        guard case .failure(let errors) = result else { Issue.record("a 3 MiB file was accepted"); return }
        #expect(errors.diagnostics.map(\.message) == ["the file is 3.0 MiB (\(yaml.utf8.count) bytes); a config file may be at most 1 MiB"])
        #expect(errors.diagnostics.first?.location == .file("huge.yaml"))
    }
}
