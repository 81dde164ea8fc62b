import Foundation
import Testing
@testable import ReconcileCore

@Suite struct ConfigBytesTests {
    private func loadBytes(_ bytes: [UInt8]) -> [String] {
        switch ConfigLoader.load(data: Data(bytes), path: "b.yaml", environment: [:], options: .test) {
        case .success: return []
        case .failure(let errors): return errors.diagnostics.map { "\($0.location): \($0.message)" }
        }
    }

    @Test func invalidUTF8IsLocated() {
        #expect(loadBytes(Array("version: 1\nab".utf8) + [0xFF, 0x00]) == [
            "b.yaml:2:3: the file is not UTF-8 text: an invalid UTF-8 byte (0xFF) at line 2, column 3",
        ])
    }

    @Test func nulByteMeansBinary() {
        #expect(loadBytes([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]) == [
            "b.yaml:1:5: the file is not UTF-8 text: a NUL byte at line 1, column 5",
        ])
    }

    @Test func oversizedDataIsRefusedBeforeParsing() {
        let big = [UInt8](repeating: UInt8(ascii: "#"), count: ConfigBytes.maxSize + 1)
        #expect(loadBytes(big) == ["b.yaml: the file is 1.0 MiB (1048577 bytes); a config file may be at most 1 MiB"])
        #expect(ConfigBytes.sizeError(byteCount: ConfigBytes.maxSize, path: "x") == nil)
    }

    @Test func byteOrderMarkIsDropped() {
        #expect(loadBytes([0xEF, 0xBB, 0xBF] + Array("version: 1\nworkflows: []\n".utf8)) == [])
    }

    @Test func controlCharactersAreAReaderError() {
        #expect(loadBytes(Array("version: 1\nstripe:\n  owner: a\u{07}b\n".utf8)) == [
            "b.yaml:3:11: the file cannot be read as YAML: control characters are not allowed",
        ])
    }

    @Test func severalFilesReportTogetherAndOwnersMustDiffer() {
        let good = Data("version: 1\nworkflows: []\n".utf8)
        let result = ConfigLoader.load(files: [("a.yaml", good), ("b.yaml", Data("version: 2\n".utf8)), ("c.yaml", good)], environment: [:], options: .test)
        guard case .failure(let errors) = result else { Issue.record("expected errors"); return }
        #expect(errors.diagnostics.map { "\($0.location): \($0.message)" } == [
            "b.yaml:1:1: missing `workflows`",
            "b.yaml:1:10: unsupported config version 2; only version 1 exists",
            "c.yaml: this file and a.yaml both manage owner `default` with the key in STRIPE_API_KEY",
        ])
    }
}
