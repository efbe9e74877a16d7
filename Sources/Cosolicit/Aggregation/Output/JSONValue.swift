import Foundation

/// A JSON document built in code and written with its keys in the order given, so that the output contract
/// reads in a designed order and is byte-for-byte deterministic.
public indirect enum JSONValue: Sendable, Equatable {
  case string(String)
  case integer(Int)
  case bool(Bool)
  case null
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// An exact decimal as a JSON string (`"1250.5"`): no exponent, no floating-point rounding.
  public static func decimal(_ value: Decimal) -> JSONValue { .string(DecimalText.format(value)) }

  /// A decimal, or null.
  public static func decimal(_ value: Decimal?) -> JSONValue { value.map { decimal($0) } ?? .null }

  /// A text, or null.
  public static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

  /// The document, indented by two spaces, ending with a newline.
  public var serialized: String {
    var output = ""
    write(to: &output, indent: 0)
    return output + "\n"
  }

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized == rhs.serialized }

  private func write(to output: inout String, indent: Int) {
    let padding = String(repeating: "  ", count: indent + 1)
    let closing = String(repeating: "  ", count: indent)
    switch self {
    case .string(let text): Self.quote(text, into: &output)
    case .integer(let number): output += String(number)
    case .bool(let flag): output += flag ? "true" : "false"
    case .null: output += "null"
    case .array(let items):
      guard !items.isEmpty else { return output += "[]" }
      output += "[\n"
      for (index, item) in items.enumerated() {
        output += padding
        item.write(to: &output, indent: indent + 1)
        output += index == items.count - 1 ? "\n" : ",\n"
      }
      output += closing + "]"
    case .object(let members):
      guard !members.isEmpty else { return output += "{}" }
      output += "{\n"
      for (index, (key, value)) in members.enumerated() {
        output += padding
        Self.quote(key, into: &output)
        output += ": "
        value.write(to: &output, indent: indent + 1)
        output += index == members.count - 1 ? "\n" : ",\n"
      }
      output += closing + "}"
    }
  }

  private static func quote(_ text: String, into output: inout String) {
    output += "\""
    // Fast path: most texts need no escaping and are appended whole.
    let needsEscaping = text.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }
    if !needsEscaping {
      output += text
      output += "\""
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{08}": output += "\\b"
      case "\u{0C}": output += "\\f"
      case "\u{2028}": output += "\\u2028"
      case "\u{2029}": output += "\\u2029"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output += "\""
  }
}
