import Foundation
import Testing

/// The core names a way out (`ToolOption`) and the tool spells it (`reconcile`'s
/// `OptionSpelling.commandLine`): a flag typed in a string of the core again would be a
/// second spelling, which the tool's would not change.
@Suite struct CoreSpellsNoFlagsTests {
    static let core = repositoryRoot.appendingPathComponent("Sources/ReconcileCore")

    @Test func noStringOfTheCoreTypesAFlag() throws {
        let files = try #require(FileManager.default.enumerator(at: Self.core, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 50)
        for file in files {
            let flags = Self.flags(in: try String(contentsOf: file, encoding: .utf8))
            #expect(flags.isEmpty, "\(file.path.dropFirst(repositoryRoot.path.count + 1)): \(flags.joined(separator: ", ")): name a ToolOption instead")
        }
    }

    @Test func flagsAreFoundInStringsOnly() {
        let text = """
            /// Pass --allow-deletes: a doc comment may name it.
            // So may --a-comment.
            let a = "pass \\(n == 1 ? "it" : "them") to --allow-replace" // or --this-comment
            let b = "https://example.com/a--b", c = "--max-deletes 7"
            let d = \"""
              run --dry-run
              \"""
            """
        #expect(Self.flags(in: text) == ["3: --allow-replace", "4: --max-deletes", "6: --dry-run"])
    }

    /// `LINE: --flag` for each `--word` inside a string literal: in a `"""` block, or after
    /// an odd number of unescaped quotes on its line (an interpolation's quotes pair up).
    /// Comment lines are skipped; a comment after code is outside the quotes.
    static func flags(in text: String) -> [String] {
        var found: [String] = []
        var inBlock = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.contains("\"\"\"") {
                inBlock.toggle()
                continue
            }
            if !inBlock, line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
            for match in line.matches(of: #/--[a-z][a-z-]+/#) {
                let before = line[..<match.range.lowerBound]
                if let last = before.last, last.isLetter || last.isNumber || last == "-" { continue }
                if inBlock || quotes(in: before) % 2 == 1 { found.append("\(index + 1): \(match.output)") }
            }
        }
        return found
    }

    /// The quotes in `text` that are not escaped.
    static func quotes(in text: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in text {
            if character == "\"", !escaped { count += 1 }
            escaped = character == "\\" && !escaped
        }
        return count
    }
}
