import Dispatch

/// Maps items on every core and returns the results in the items' order, so that output stays deterministic.
enum ConcurrentMap {
  static func map<Item: Sendable, Result: Sendable>(
    _ items: [Item], _ transform: @Sendable (Item) -> Result
  ) -> [Result] {
    guard items.count > 1 else { return items.map(transform) }
    var results = [Result?](repeating: nil, count: items.count)
    results.withUnsafeMutableBufferPointer { buffer in
      // Each iteration writes only its own slot, so the writes never overlap.
      nonisolated(unsafe) let slots = buffer
      DispatchQueue.concurrentPerform(iterations: items.count) { index in
        slots[index] = transform(items[index])
      }
    }
    return results.map { $0! }
  }
}
