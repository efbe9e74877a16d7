import Foundation

/// Writes output files whole or not at all: the text goes to a temporary file beside the target, is flushed to
/// disk, and is then renamed over the target, so a reader never sees a half-written file and a failure leaves
/// the old file in place. An existing target keeps its permissions; a symbolic link is followed, not replaced;
/// what is not a regular file is written through or refused, never replaced.
public enum AtomicFile {
  /// Why an output file was not written.
  public struct Failure: Error, CustomStringConvertible {
    /// The target path.
    public var path: String
    /// What went wrong.
    public var reason: String

    public var description: String { "cannot write \(path): \(reason)" }

    /// Why `path` was not written.
    public init(path: String, reason: String) {
      self.path = path
      self.reason = reason
    }
  }

  /// Writes `text` to `path` as UTF-8.
  public static func write(_ text: String, to path: String) throws(Failure) {
    try write(to: path) { emit in try emit(text) }
  }

  /// Writes to `path` the UTF-8 texts `produce` hands to its argument, in order; a large output is never
  /// held whole. An error thrown by `produce` leaves the target as it was.
  ///
  /// Only a regular file (or a path where nothing is yet) is replaced. A character device such as `/dev/null`
  /// or a named pipe is written through, never replaced; a folder, a block device or a socket is refused, and
  /// so is any of `inputs` (the files the output is made from), however it is named. A temporary file left by a
  /// process that was killed while writing the same target is removed.
  public static func write(
    to path: String, sparing inputs: [String] = [], _ produce: (_ emit: (String) throws -> Void) throws -> Void
  ) throws(Failure) {
    try write(to: path, sparing: inputs, produce, bytes: { Data($0.utf8) })
  }

  /// Writes `data` to `path`, as ``write(to:sparing:_:)`` writes texts: whole or not at all.
  public static func write(_ data: Data, to path: String, sparing inputs: [String] = []) throws(Failure) {
    try write(to: path, sparing: inputs, { emit in try emit(data) }, bytes: { $0 })
  }

  /// Writes the chunks `produce` hands to its argument, in order, each as `bytes` gives it; see
  /// ``write(to:sparing:_:)``.
  private static func write<Chunk>(
    to path: String, sparing inputs: [String], _ produce: (_ emit: (Chunk) throws -> Void) throws -> Void,
    bytes: @escaping (Chunk) -> Data
  ) throws(Failure) {
    var status = stat()
    let exists = stat(path, &status) == 0
    if exists {
      if inputs.contains(where: { isSameFile($0, status) }) {
        throw Failure(path: path, reason: "it is one of the files the output is made from; choose another file")
      }
      switch status.st_mode & S_IFMT {
      case S_IFREG: break
      case S_IFCHR, S_IFIFO: return try writeThrough(to: path, produce, bytes: bytes)
      case S_IFDIR: throw Failure(path: path, reason: "it is a folder; give a file name")
      case S_IFBLK: throw Failure(path: path, reason: "it is a block device; give a file name")
      default: throw Failure(path: path, reason: "it is not a regular file (a socket?); give a file name")
      }
    }
    let files = FileManager.default
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
    let folder = target.deletingLastPathComponent()
    removeLeftovers(of: target)
    let temporary = folder.appendingPathComponent(
      ".\(target.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp")
    let permissions = (try? files.attributesOfItem(atPath: target.path))?[.posixPermissions] as? NSNumber
    func fail(_ reason: String) -> Failure {
      try? files.removeItem(at: temporary)
      return Failure(path: path, reason: reason)
    }
    do {
      guard files.createFile(atPath: temporary.path, contents: nil) else {
        throw Failure(path: path, reason: "cannot create a file in \(folder.path): \(String(cString: strerror(errno)))")
      }
      let handle = try FileHandle(forWritingTo: temporary)
      do {
        try produce { chunk in try handle.write(contentsOf: bytes(chunk)) }
        try handle.close()
      } catch {
        try? handle.close()
        throw error
      }
      if let permissions { try files.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path) }
    } catch let failure as Failure {
      throw fail(failure.reason)
    } catch {
      throw fail(FileProblem.describe(error))
    }
    guard flush(temporary.path) else { throw fail("cannot flush to disk: \(String(cString: strerror(errno)))") }
    // rename(2) replaces the target in one step; FileManager's replace removes it first on Linux.
    guard rename(temporary.path, target.path) == 0 else { throw fail(String(cString: strerror(errno))) }
    _ = flush(folder.path)  // makes the rename itself durable; not every file system allows it on a folder
  }

  /// Writes the texts straight into a device or named pipe, which is not replaced; a pipe nobody reads from is
  /// an error rather than a wait.
  private static func writeThrough<Chunk>(
    to path: String, _ produce: (_ emit: (Chunk) throws -> Void) throws -> Void, bytes: @escaping (Chunk) -> Data
  ) throws(Failure) {
    let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      let reason = errno == ENXIO ? "no process is reading from the pipe" : String(cString: strerror(errno))
      throw Failure(path: path, reason: reason)
    }
    // Writes wait for a slow reader rather than fail.
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    do {
      try produce { chunk in try handle.write(contentsOf: bytes(chunk)) }
    } catch {
      throw Failure(path: path, reason: "\(error)")
    }
  }

  /// Whether `path` is the file `status` describes (the same device and inode, whatever the names).
  private static func isSameFile(_ path: String, _ status: stat) -> Bool {
    var other = stat()
    return stat(path, &other) == 0 && other.st_dev == status.st_dev && other.st_ino == status.st_ino
  }

  /// Removes `.<name>.<pid>.<uuid>.tmp` files beside `target` left by processes that have ended.
  private static func removeLeftovers(of target: URL) {
    let folder = target.deletingLastPathComponent()
    let prefix = ".\(target.lastPathComponent)."
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
      let middle = name.dropFirst(prefix.count).dropLast(".tmp".count)
      guard let pidText = middle.split(separator: ".").first, let pid = pid_t(pidText), pid != getpid(),
        kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
    }
  }

  private static func flush(_ path: String) -> Bool {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return fsync(descriptor) == 0
  }
}
