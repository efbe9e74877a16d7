import Foundation

/// A JSON document built in code and written with its keys in the order given, so that the output contract
/// reads in a designed order and is byte-for-byte deterministic.
public indirect enum JSONValue: Sendable, Equatable {
  case string(String)
  case integer(Int)
  /// An exact decimal as a JSON number (`1250.5`, unquoted): plain notation, no exponent, no floating-point
  /// rounding; for standards that want numbers, such as OCDS amounts and quantities. NaN is written `null`.
  case number(Decimal)
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
    var writer = JSONWriter()
    writer.write(self)
    return writer.text + "\n"
  }

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized == rhs.serialized }
}
