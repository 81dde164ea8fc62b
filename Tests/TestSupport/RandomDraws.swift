import PropertyBased

/// Random draws from one 64-bit seed, so a property's failing case is replayed from the
/// seed it prints.
public struct RandomDraws {
    private var generator: Xoshiro

    public init(seed: UInt64) {
        generator = Xoshiro(seed: (seed, seed ^ 0x9E37_79B9_7F4A_7C15, seed &* 3 | 1, ~seed))
    }

    public mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &generator) < probability }
    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }
    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    public mutating func shuffled<T>(_ items: [T]) -> [T] { items.shuffled(using: &generator) }
}
