import Foundation

/// The text of one input file, read as UTF-8 with any byte order mark removed.
public struct SourceFile: Sendable {
  /// The path as the user gave it or as found in the workspace.
  public let path: String
  /// The file's UTF-8 bytes, without a byte order mark.
  public let bytes: [UInt8]

  /// The largest input file read, far above any real needs file, so a runaway input cannot exhaust memory.
  public static let maximumSize = 64 * 1024 * 1024

  /// The file's text.
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Reads `path`; on failure returns the diagnostic saying why (missing, unreadable, too large, not UTF-8).
  public static func read(_ path: String) -> Result<SourceFile, Diagnostic> {
    let url = URL(fileURLWithPath: path)
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    if let size = attributes?[.size] as? NSNumber, size.intValue > maximumSize {
      return .failure(
        Diagnostic(
          .error, "file is \(size.intValue) bytes; input files are limited to \(maximumSize) bytes",
          at: .start(of: path)))
    }
    guard let data = try? Data(contentsOf: url) else {
      return .failure(Diagnostic(.error, "cannot read the file", at: .start(of: path)))
    }
    return decode(Array(data), path: path)
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
