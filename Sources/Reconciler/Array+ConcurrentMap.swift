extension Array where Element: Sendable {
    /// Maps with at most `limit` transforms in flight, keeping the input's order.
    func concurrentMap<T: Sendable>(limit: Int, _ transform: @escaping @Sendable (Element) async -> T) async -> [T] {
        await withTaskGroup(of: (Int, T).self) { group in
            var results = [T?](repeating: nil, count: count)
            var next = 0
            func startNext() {
                guard next < count else { return }
                let index = next
                let element = self[index]
                group.addTask { (index, await transform(element)) }
                next += 1
            }
            for _ in 0..<Swift.min(limit, count) { startNext() }
            while let (index, value) = await group.next() {
                results[index] = value
                startNext()
            }
            return results.map { $0! }
        }
    }
}
