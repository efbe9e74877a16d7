import Foundation

/// Writes output files whole or not at all: the text goes to a temporary file beside the target, is flushed to
/// disk, and is then renamed over the target, so a reader never sees a half-written file and a failure leaves
/// the old file in place. An existing target keeps its permissions; a symbolic link is followed, not replaced.
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
    try write(to: path) { emit in try emit(text) }
  }

  /// Writes to `path` the UTF-8 texts `produce` hands to its argument, in order; a large output is never
  /// held whole. An error thrown by `produce` leaves the target as it was.
  public static func write(
    to path: String, _ produce: (_ emit: (String) throws -> Void) throws -> Void
  ) throws(Failure) {
    let files = FileManager.default
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
    let folder = target.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
    let permissions = (try? files.attributesOfItem(atPath: target.path))?[.posixPermissions] as? NSNumber
    func fail(_ reason: String) -> Failure {
      try? files.removeItem(at: temporary)
      return Failure(path: path, reason: reason)
    }
    do {
      guard files.createFile(atPath: temporary.path, contents: nil) else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
      }
      let handle = try FileHandle(forWritingTo: temporary)
      do {
        try produce { text in try handle.write(contentsOf: Data(text.utf8)) }
        try handle.close()
      } catch {
        try? handle.close()
        throw error
      }
      if let permissions { try files.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path) }
    } catch {
      throw fail(error.localizedDescription)
    }
    guard flush(temporary.path) else { throw fail("cannot flush to disk: \(String(cString: strerror(errno)))") }
    // rename(2) replaces the target in one step; FileManager's replace removes it first on Linux.
    guard rename(temporary.path, target.path) == 0 else { throw fail(String(cString: strerror(errno))) }
    _ = flush(folder.path)  // makes the rename itself durable; not every file system allows it on a folder
  }

  private static func flush(_ path: String) -> Bool {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return fsync(descriptor) == 0
  }
}
