import Foundation

/// Writes JSON as it goes, indented by two spaces with keys in the order written, so that a document of
/// hundreds of thousands of shares is never held as a tree. ``JSONValue/serialized`` uses it too, so both give
/// the same layout byte for byte.
struct JSONWriter {
  /// The text written so far.
  private(set) var text = ""
  /// For each open array or object, whether it has no element yet.
  private var openEmpty: [Bool] = []
  /// Decimal texts already formatted.
  private var decimalTexts = DecimalText.Memo()

  /// A writer for a value that will sit `depth` levels deep in another writer's document (see ``append(_:)``).
  init(depth: Int = 0) {
    openEmpty = Array(repeating: false, count: depth)
  }

  /// Appends a value another writer wrote at this writer's depth, after ``element()`` or ``key(_:)``.
  mutating func append(_ written: String) { text += written }

  /// The text written since the last call, handed over so that a long document can be written out in parts.
  mutating func takeText() -> String {
    defer { text = "" }
    return text
  }

  private static let paddings = (0...64).map { String(repeating: "  ", count: $0) }

  /// The indentation of a line `depth` levels deep.
  static func padding(_ depth: Int) -> String {
    depth < paddings.count ? paddings[depth] : String(repeating: "  ", count: depth)
  }

  /// How many arrays and objects are open: the depth of what is written next.
  var depth: Int { openEmpty.count }

  /// `value` in plain notation, formatted once per distinct value.
  mutating func decimalText(_ value: Decimal) -> String { decimalTexts.format(value) }

  /// `string` as a JSON string, quoted and escaped.
  static func quoted(_ string: String) -> String {
    var writer = JSONWriter()
    writer.quote(string)
    return writer.text
  }

  /// Starts an array.
  mutating func beginArray() { open("[") }
  /// Ends the innermost array.
  mutating func endArray() { close("]") }
  /// Starts an object.
  mutating func beginObject() { open("{") }
  /// Ends the innermost object.
  mutating func endObject() { close("}") }

  /// Starts an object member: its key; its value is what is written next.
  mutating func key(_ key: String) {
    startElement()
    quote(key)
    text += ": "
  }

  /// Starts an array element: what is written next.
  mutating func element() { startElement() }

  /// A member whose value is a small tree.
  mutating func member(_ key: String, _ value: JSONValue) {
    self.key(key)
    write(value)
  }

  /// A member whose value is text, or null.
  mutating func member(_ key: String, text value: String?) {
    self.key(key)
    if let value { quote(value) } else { text += "null" }
  }

  /// A member whose value is an exact decimal written as a string, or null.
  mutating func member(_ key: String, decimal value: Decimal?) {
    self.key(key)
    guard let value else { return text += "null" }
    quote(decimalTexts.format(value))
  }

  /// Writes `value` where a value is expected.
  mutating func write(_ value: JSONValue) {
    switch value {
    case .string(let string): quote(string)
    case .integer(let number): text += String(number)
    case .number(let number): text += number.isNaN ? "null" : decimalTexts.format(number)
    case .bool(let flag): text += flag ? "true" : "false"
    case .null: text += "null"
    case .array(let items):
      beginArray()
      for item in items {
        element()
        write(item)
      }
      endArray()
    case .object(let members):
      beginObject()
      for (key, member) in members { self.member(key, member) }
      endObject()
    }
  }

  private mutating func open(_ bracket: String) {
    text += bracket
    openEmpty.append(true)
  }

  private mutating func close(_ bracket: String) {
    let wasEmpty = openEmpty.removeLast()
    if !wasEmpty { text += "\n" + Self.padding(openEmpty.count) }
    text += bracket
  }

  private mutating func startElement() {
    guard !openEmpty.isEmpty else { return }
    text += openEmpty[openEmpty.count - 1] ? "\n" : ",\n"
    openEmpty[openEmpty.count - 1] = false
    text += Self.padding(openEmpty.count)
  }

  fileprivate mutating func quote(_ string: String) {
    text += "\""
    // Fast path: most texts need no escaping and are appended whole.
    let needsEscaping =
      string.utf8.withContiguousStorageIfAvailable { bytes in
        bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }
      } ?? string.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }
    if !needsEscaping {
      text += string
      text += "\""
      return
    }
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case "\u{08}": text += "\\b"
      case "\u{0C}": text += "\\f"
      case "\u{2028}": text += "\\u2028"
      case "\u{2029}": text += "\\u2029"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          text.unicodeScalars.append(scalar)
        }
      }
    }
    text += "\""
  }
}
