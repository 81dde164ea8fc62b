import ArgumentParser
import Foundation
import ReconcileCore

/// `reconcile events [WORD]`: lists the known Stripe event types, filtered by WORD.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List the known Stripe event types, filtered by WORD.",
        discussion: """
            WORD matches part of a type or of its display name, ignoring case: `reconcile events \
            payment failed` lists invoice.payment_failed and more. Exits 1 when nothing matches.
            """)

    @Argument(help: "Words to search for (all of them form one phrase).")
    var words: [String] = []

    func run() async throws {
        let catalog = EventCatalog.bundled
        let word = words.joined(separator: " ")
        let found = word.isEmpty ? catalog.types : catalog.search(word)
        guard !found.isEmpty else {
            var message = "no known event type matches `\(word)`"
            let suggestions = catalog.suggestions(for: word, limit: 5)
            if !suggestions.isEmpty {
                message += "; did you mean:\n" + suggestions.map { "  \($0)" }.joined(separator: "\n")
            } else {
                message += "; `reconcile events` lists all \(catalog.types.count)"
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            throw Exit.failed
        }
        print(found.joined(separator: "\n"))
    }
}
