/// Saves the emulator's state to its file when it changed; saves run one at a time and
/// coalesce, so a burst of writes costs few file writes.
actor StateSaver {
    private let emulator: Emulator
    private let file: StateFile
    private let log: @Sendable (String) -> Void
    private var savedChangeCount: Int

    init(emulator: Emulator, file: StateFile, log: @escaping @Sendable (String) -> Void) {
        self.emulator = emulator
        self.file = file
        self.log = log
        savedChangeCount = emulator.changeCount
    }

    /// Writes the state if any write was applied since the last save.
    func save() {
        let count = emulator.changeCount
        guard count != savedChangeCount else { return }
        do {
            try file.save(emulator.snapshot())
            savedChangeCount = count
        } catch {
            log("error: \(error)")
        }
    }
}
