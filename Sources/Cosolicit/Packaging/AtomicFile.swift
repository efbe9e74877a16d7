import Foundation

/// Writes output files whole or not at all: the text goes to a temporary file beside the target, which is then
/// renamed over it, so a reader never sees a half-written file and a failure leaves the old file in place.
public enum AtomicFile {
  /// Why an output file was not written.
  public struct Failure: Error, CustomStringConvertible {
    /// The target path.
    public var path: String
    /// What went wrong.
    public var reason: String

    public var description: String { "cannot write \(path): \(reason)" }
  }

  /// Writes `text` to `path` as UTF-8.
  public static func write(_ text: String, to path: String) throws(Failure) {
    let target = URL(fileURLWithPath: path)
    let temporary = target.deletingLastPathComponent()
      .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
    do {
      try Data(text.utf8).write(to: temporary)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw Failure(path: path, reason: error.localizedDescription)
    }
    // rename(2) replaces the target in one step; FileManager's replace removes it first on Linux.
    guard rename(temporary.path, target.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw Failure(path: path, reason: reason)
    }
  }
}
