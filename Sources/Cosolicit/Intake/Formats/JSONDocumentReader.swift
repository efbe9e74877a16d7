/// Reads JSON (RFC 8259) into a ``DocumentNode`` tree, keeping each value's position and each number's exact
/// text, and naming the line and column of a syntax error and what was expected there.
public struct JSONDocumentReader {
  /// The deepest nesting accepted, so that reading never exhausts the stack.
  public static let maximumDepth = 200
  /// The most values a document may hold (as for YAML), so that a long run of tiny values such as `[1,1,1,…]`
  /// cannot exhaust memory.
  public static let maximumNodes = YAMLDocumentReader.maximumNodes

  private let bytes: [UInt8]
  private let path: String
  private var index = 0
  private var line = 1
  private var lineStart = 0
  private var columnMark = (index: 0, column: 1)
  private var nodes = 0

  private struct SyntaxError: Error {
    let message: String
    let location: SourceLocation
  }

  /// Parses `source`; returns nil for a file with no content, or the syntax error.
  public static func read(_ source: SourceFile) -> Result<DocumentNode?, Diagnostic> {
    var reader = JSONDocumentReader(bytes: source.bytes, path: source.path)
    do {
      reader.skipWhitespace()
      if reader.index == reader.bytes.count { return .success(nil) }
      let root = try reader.parseValue(depth: 0)
      reader.skipWhitespace()
      if reader.index < reader.bytes.count {
        throw reader.error("expected the end of the document after the top-level value, found \(reader.found)")
      }
      return .success(root)
    } catch let error as SyntaxError {
      return .failure(Diagnostic(.error, "malformed JSON: \(error.message)", at: error.location))
    } catch {
      return .failure(Diagnostic(.error, "malformed JSON: \(error)", at: .start(of: source.path)))
    }
  }

  private init(bytes: [UInt8], path: String) {
    self.bytes = bytes
    self.path = path
  }

  /// The current position; columns are counted on from the last position asked for, keeping long lines linear.
  private mutating func here() -> SourceLocation {
    if columnMark.index < lineStart || columnMark.index > index { columnMark = (lineStart, 1) }
    let column = bytes[columnMark.index..<index].reduce(columnMark.column) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    columnMark = (index, column)
    return SourceLocation(path: path, line: line, column: column)
  }

  private var found: String {
    guard index < bytes.count else { return "the end of the file" }
    let byte = bytes[index]
    if byte >= 0x20, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return byte == UInt8(ascii: "\n") ? "the end of the line" : "byte 0x\(String(byte, radix: 16))"
  }

  private mutating func error(_ message: String) -> SyntaxError {
    SyntaxError(message: message, location: here())
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
      case UInt8(ascii: "\n"):
        index += 1
        line += 1
        lineStart = index
      default: return
      }
    }
  }

  private mutating func parseValue(depth: Int) throws -> DocumentNode {
    guard depth <= Self.maximumDepth else {
      throw error("arrays and objects nest deeper than \(Self.maximumDepth) levels")
    }
    nodes += 1
    guard nodes <= Self.maximumNodes else {
      throw error("the document holds more than \(Self.maximumNodes) values; split it into several files")
    }
    let start = here()
    guard index < bytes.count else { throw error("expected a value, found the end of the file") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth, start: start)
    case UInt8(ascii: "["): return try parseArray(depth: depth, start: start)
    case UInt8(ascii: "\""): return DocumentNode(.scalar(try parseString()), at: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return DocumentNode(.scalar(try parseNumber()), at: start)
    default:
      for word in ["true", "false", "null"] where bytes[index...].starts(with: word.utf8) {
        index += word.utf8.count
        return DocumentNode(word == "null" ? .null : .scalar(word), at: start)
      }
      throw error("expected a value (object, array, string, number, true, false or null), found \(found)")
    }
  }

  private mutating func parseObject(depth: Int, start: SourceLocation) throws -> DocumentNode {
    index += 1
    var entries: [DocumentNode.Entry] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return DocumentNode(.mapping([]), at: start)
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("expected a quoted member name, found \(found)")
      }
      let keyLocation = here()
      let key = try parseString()
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("expected ':' after the member name \"\(key)\", found \(found)")
      }
      index += 1
      skipWhitespace()
      let value = try parseValue(depth: depth + 1)
      entries.append(DocumentNode.Entry(key: key, keyLocation: keyLocation, value: value))
      skipWhitespace()
      guard index < bytes.count else { throw error("expected ',' or '}' to continue the object, found \(found)") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return DocumentNode(.mapping(entries), at: start)
      }
      throw error("expected ',' or '}' after the value of \"\(key)\", found \(found)")
    }
  }

  private mutating func parseArray(depth: Int, start: SourceLocation) throws -> DocumentNode {
    index += 1
    var items: [DocumentNode] = []
    skipWhitespace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return DocumentNode(.sequence([]), at: start)
    }
    while true {
      skipWhitespace()
      items.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      guard index < bytes.count else { throw error("expected ',' or ']' to continue the array, found \(found)") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return DocumentNode(.sequence(items), at: start)
      }
      throw error("expected ',' or ']' after an array element, found \(found)")
    }
  }

  private mutating func parseNumber() throws -> String {
    let start = index
    func digits() -> Int {
      let first = index
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
      return index - first
    }
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let integerStart = index
    guard digits() > 0 else { throw error("expected a digit, found \(found)") }
    if bytes[integerStart] == UInt8(ascii: "0"), index - integerStart > 1 {
      index = integerStart
      throw error("numbers may not start with 0 followed by more digits")
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { throw error("expected a digit after the decimal point, found \(found)") }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        index += 1
      }
      guard digits() > 0 else { throw error("expected a digit in the exponent, found \(found)") }
    }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  private mutating func parseString() throws -> String {
    let openingQuote = here()
    index += 1
    var scalars = String.UnicodeScalarView()
    var runStart = index
    func flushRun() {
      scalars.append(contentsOf: String(decoding: bytes[runStart..<index], as: UTF8.self).unicodeScalars)
    }
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        flushRun()
        index += 1
        return String(scalars)
      case UInt8(ascii: "\\"):
        flushRun()
        index += 1
        scalars.append(try parseEscape())
        runStart = index
      case 0x00..<0x20:
        throw error(
          byte == UInt8(ascii: "\n")
            ? "string is not closed before the end of the line; expected '\"'"
            : "control character in a string; write it as an escape such as \\t")
      default:
        index += 1
      }
    }
    throw SyntaxError(
      message: "string is never closed; expected '\"' before the end of the file", location: openingQuote)
  }

  private mutating func parseEscape() throws -> Unicode.Scalar {
    guard index < bytes.count else { throw error("expected an escape character, found the end of the file") }
    let byte = bytes[index]
    index += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"):
      let high = try parseHex4()
      if (0xD800..<0xDC00).contains(high) {
        guard bytes[index...].starts(with: "\\u".utf8) else {
          throw error("expected a low surrogate \\uDC00-\\uDFFF after a high surrogate")
        }
        index += 2
        let low = try parseHex4()
        guard (0xDC00..<0xE000).contains(low) else {
          throw error("expected a low surrogate \\uDC00-\\uDFFF after a high surrogate")
        }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
      }
      guard let scalar = Unicode.Scalar(high) else {
        throw error("a lone low surrogate is not a character")
      }
      return scalar
    default:
      index -= 1
      throw error("unknown escape; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
    }
  }

  private mutating func parseHex4() throws -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard index < bytes.count, let digit = hexValue(bytes[index]) else {
        throw error("expected 4 hexadecimal digits after \\u, found \(found)")
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  private func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }
}
