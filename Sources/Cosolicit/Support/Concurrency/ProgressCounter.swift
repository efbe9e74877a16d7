import Foundation

/// Counts finished units of work from any thread and passes the count on to a progress report.
final class ProgressCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var done = 0
  private let total: Int
  private let report: (@Sendable (Int, Int) -> Void)?

  init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
    self.total = total
    self.report = report
  }

  /// Records one finished unit.
  func step() {
    guard let report else { return }
    let count = lock.withLock {
      done += 1
      return done
    }
    report(count, total)
  }
}
