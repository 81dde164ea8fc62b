import Synchronization

/// A value guarded by the standard library's `Mutex`, shareable by reference (a `Mutex`
/// itself cannot be copied), so types holding state can be `Sendable`.
final class Locked<Value: Sendable>: Sendable {
    private let value: Mutex<Value>

    init(_ value: Value) {
        self.value = Mutex(value)
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try value.withLock { try body(&$0) }
    }
}
