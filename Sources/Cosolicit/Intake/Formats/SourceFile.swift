import Foundation

/// The text of one input file, read as UTF-8 with any byte order mark removed; or a workbook's bytes.
///
/// A workbook (a path ending `.xlsx`, see ``FileFormat``) is a zip archive, not text: ``read(_:)`` keeps its
/// bytes as they are, unchecked, for ``Workbook`` to open.
public struct SourceFile: Sendable {
  /// The path as the user gave it or as found in the workspace.
  public let path: String
  /// The file's UTF-8 bytes, without a byte order mark; a workbook's raw bytes.
  public let bytes: [UInt8]

  /// The largest input file read, far above any real needs file, so a runaway input cannot exhaust memory.
  public static let maximumSize = 64 * 1024 * 1024
  /// The most lines a workspace file may have (a line feed, or a carriage return not followed by one, ends a
  /// line); see ``lineLimitProblem``. Also far above any real file, and needed beside the size limit: 64 MB of
  /// empty CSV rows is 5 million records of a dozen fields, each reported missing, which took 24 GB before it
  /// was killed.
  public static let maximumLines = 200_000

  /// A file held in memory, as if read from `path`: for tests and tools that have the text already.
  public init(path: String, text: String) {
    var bytes = Array(text.utf8)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    self.path = path
    self.bytes = bytes
  }

  /// A workbook (`.xlsx`) held in memory, as if read from `path`: its bytes as they are.
  public init(path: String, workbookBytes bytes: [UInt8]) {
    self.init(path: path, bytes: bytes)
  }

  /// A file's bytes, already checked to be UTF-8 without a byte order mark (or a workbook's, as they are).
  init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  /// The file's text.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Reads `path`; on failure returns the diagnostic saying why (missing, unreadable, not a regular file, too
  /// large, not UTF-8). At most `maximumSize` bytes are ever read, whatever the file claims. A workbook
  /// (`FileFormat(path:) == .xlsx`) is not text: its bytes are kept as they are.
  public static func read(_ path: String) -> Result<SourceFile, Diagnostic> {
    readBytes(path).flatMap { bytes in
      FileFormat(path: path) == .xlsx ? .success(SourceFile(path: path, bytes: bytes)) : decode(bytes, path: path)
    }
  }

  /// Reads the bytes of `path` as they are, not yet checked to be UTF-8; on failure the diagnostic says why.
  static func readBytes(_ path: String) -> Result<[UInt8], Diagnostic> {
    func failure(_ message: String) -> Result<[UInt8], Diagnostic> {
      .failure(Diagnostic(.error, message, at: .start(of: path)))
    }
    // Non-blocking, so that opening a named pipe does not wait for a writer; reads of regular files are unaffected.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return failure("cannot read the file: \(String(cString: strerror(errno)))") }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return failure("cannot read the file") }
    // A device such as /dev/zero or a pipe has no end to read to.
    guard status.st_mode & S_IFMT == S_IFREG else {
      return failure("not a regular file (a device, pipe or socket); input files must be ordinary files")
    }
    if Int(status.st_size) > maximumSize {
      return failure("file is \(status.st_size) bytes; input files are limited to \(maximumSize) bytes")
    }
    let data: Data
    do {
      data = try handle.read(upToCount: maximumSize + 1) ?? Data()
    } catch {
      return failure("cannot read the file")
    }
    // The file grew while it was read.
    guard data.count <= maximumSize else {
      return failure("file is more than \(maximumSize) bytes; input files are limited to \(maximumSize) bytes")
    }
    return .success(Array(data))
  }

  /// Checks `bytes` are UTF-8 and drops a byte order mark; names the first invalid byte's position.
  public static func decode(_ bytes: [UInt8], path: String) -> Result<SourceFile, Diagnostic> {
    var body = bytes
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
    if let offset = firstInvalidUTF8Offset(body) {
      let (line, column) = position(ofByte: offset, in: body)
      return .failure(
        Diagnostic(
          .error,
          "the file is not valid UTF-8 (byte 0x\(String(body[offset], radix: 16, uppercase: true))); "
            + "save it as UTF-8", at: SourceLocation(path: path, line: line, column: column)))
    }
    return .success(SourceFile(path: path, bytes: body))
  }

  /// The error for a workspace file (solicitation, catalog, needs) with more than `maximumLines` lines, if
  /// this is one. Bids and templates, read by libxml2 and swift-mustache, are not held to it.
  public var lineLimitProblem: Diagnostic? {
    guard Self.hasMoreThanMaximumLines(bytes) else { return nil }
    return Diagnostic(
      .error,
      "the file has more than \(Self.maximumLines) lines; input files are limited to \(Self.maximumLines) lines "
        + "(split it into several files)", at: SourceLocation(path: path, line: Self.maximumLines + 1, column: 1))
  }

  /// Whether the text has more than `maximumLines` lines.
  private static func hasMoreThanMaximumLines(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer -> Bool in
      var lines = 1
      var index = 0
      let count = buffer.count
      while index < count {
        let byte = buffer[index]
        index += 1
        guard byte == 0x0A || byte == 0x0D else { continue }
        if byte == 0x0D, index < count, buffer[index] == 0x0A { index += 1 }
        // A line break at the very end of the file does not start another line.
        guard index < count else { return false }
        lines += 1
        if lines > maximumLines { return true }
      }
      return false
    }
  }

  /// The 1-based line and column (in Unicode scalars) of the byte at `offset`.
  public static func position(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    for byte in bytes[..<min(offset, bytes.count)] {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }

  private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      let length: Int
      switch lead {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return index
      }
      guard index + length <= bytes.count else { return index }
      if length > 1 {
        let second = bytes[index + 1]
        let secondRange: ClosedRange<UInt8> =
          switch lead {
          case 0xE0: 0xA0...0xBF
          case 0xED: 0x80...0x9F
          case 0xF0: 0x90...0xBF
          case 0xF4: 0x80...0x8F
          default: 0x80...0xBF
          }
        guard secondRange.contains(second) else { return index }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
      }
      index += length
    }
    return nil
  }
}
