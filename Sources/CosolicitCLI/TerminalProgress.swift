import Foundation

/// A progress bar on standard error for long runs: it appears only after a second, only on a terminal, and never
/// with `--quiet`, so piped and scripted output stays clean.
final class TerminalProgress: @unchecked Sendable {
  private let lock = NSLock()
  private let started = Date()
  private let enabled: Bool
  private let label: String
  private var lastDrawn = Date.distantPast
  private var drawn = false

  init(label: String, quiet: Bool) {
    self.label = label
    self.enabled = !quiet && Terminal.errorIsTerminal
  }

  /// Reports `done` of `total`; draws at most ten times a second.
  func update(_ done: Int, _ total: Int) {
    guard enabled else { return }
    lock.withLock {
      let now = Date()
      guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastDrawn) > 0.1 || done == total else { return }
      lastDrawn = now
      drawn = true
      let width = 30
      let filled = total > 0 ? width * done / total : width
      let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
      Terminal.writeError("\r\(label) [\(bar)] \(done)/\(total)")
    }
  }

  /// Clears the bar, if one was drawn.
  func finish() {
    lock.withLock {
      guard drawn else { return }
      Terminal.writeError("\r\u{1B}[K")
      drawn = false
    }
  }
}
