/// How the tool running the core types each ``ToolOption`` in a message (`--max-deletes 7`).
/// The core has none of its own: whoever asks for a message supplies it, as `reconcile`
/// does from the one place its spellings live.
public struct OptionSpelling: Sendable {
    private let spell: @Sendable (ToolOption) -> String

    public init(_ spell: @escaping @Sendable (ToolOption) -> String) {
        self.spell = spell
    }

    /// `option` as it is typed.
    public func callAsFunction(_ option: ToolOption) -> String {
        spell(option)
    }
}
