import Foundation

/// Reads decimal numbers exactly as written (`12`, `0.5`, `1250.00`), never through `Double`.
public enum DecimalText {
  /// Why a text is not an acceptable decimal number.
  public enum Problem: Error, Equatable, CustomStringConvertible {
    /// Not digits with an optional fractional part.
    case notANumber
    /// Uses thousands separators, which are ambiguous between locales.
    case groupingSeparator
    /// More significant digits than an exact decimal holds.
    case tooManyDigits

    public var description: String {
      switch self {
      case .notANumber: "is not a decimal number"
      case .groupingSeparator: "uses a thousands separator; write the digits only, such as 1200 or 1200.50"
      case .tooManyDigits: "has more than \(DecimalText.maximumDigits) digits"
      }
    }
  }

  /// The most digits accepted: a quantity times a conversion factor or pack size then always fits `Decimal`'s
  /// 38 exact digits, and no real quantity or price needs more.
  public static let maximumDigits = 15

  /// Parses `[+|-]digits[.digits]`; the sign is kept so callers can say "must be positive".
  public static func parse(_ text: String) -> Result<Decimal, Problem> {
    var body = Substring(text.trimmed)
    var negative = false
    if let first = body.first, first == "-" || first == "+" {
      negative = first == "-"
      body = body.dropFirst()
    }
    let parts = body.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
    // Bytes, not characters: a digit with a combining mark is one Character that must not pass as a digit.
    let isDigits: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }
    guard (1...2).contains(parts.count), isDigits(parts[0]), parts.count == 1 || isDigits(parts[1])
    else {
      let grouped =
        body.contains(",")
        && body.replacingOccurrences(of: ",", with: "").allSatisfy {
          ("0"..."9").contains($0) || $0 == "."
        }
      return .failure(grouped ? .groupingSeparator : .notANumber)
    }
    let digits = parts[0].drop { $0 == "0" }.count + (parts.count == 2 ? parts[1].count : 0)
    guard digits <= maximumDigits else { return .failure(.tooManyDigits) }
    guard let value = Decimal(string: String(body), locale: Locale(identifier: "en_US_POSIX")) else {
      return .failure(.notANumber)
    }
    return .success(negative ? -value : value)
  }

  /// Formats `value` in plain notation without exponent or grouping (`1250.5`), the form documents use.
  public static func format(_ value: Decimal) -> String {
    var copy = value
    return NSDecimalString(&copy, Locale(identifier: "en_US_POSIX"))
  }
}
