import Synchronization

/// What a controller has already said: a warning that holds for every tick (a signing
/// secret that cannot be fetched) is logged at the first, not at each.
final class SaidOnce: Sendable {
    private let said = Mutex<Set<String>>([])

    /// Whether `text` is said for the first time (and from now on, said).
    func isNew(_ text: String) -> Bool {
        said.withLock { $0.insert(text).inserted }
    }
}
