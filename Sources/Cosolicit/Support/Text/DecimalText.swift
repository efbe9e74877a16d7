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
    /// Separators that do not group thousands as US writing does (`1,2`, `1.234,5`, `12,34,567`); says why and
    /// what to write instead.
    case misgrouped(String)

    public var description: String {
      switch self {
      case .notANumber: "is not a decimal number"
      case .groupingSeparator: "uses a thousands separator; write the digits only, such as 1200 or 1200.50"
      case .tooManyDigits: "has more than \(DecimalText.maximumDigits) digits"
      case .misgrouped(let reason): "is ambiguous: \(reason)"
      }
    }
  }

  /// The most digits accepted: a quantity times a conversion factor or pack size then always fits `Decimal`'s
  /// 38 exact digits, and no real quantity or price needs more.
  public static let maximumDigits = 15

  /// Parses `[+|-]digits[.digits]`; the sign is kept so callers can say "must be positive". With `thousands`,
  /// commas may also group the whole digits as US writing does (`10,000`, `1,234.5`), and other groupings are
  /// explained (``Problem/misgrouped(_:)``); without it, any comma is an error (``Problem/groupingSeparator``).
  public static func parse(_ text: String, thousands: Bool = false) -> Result<Decimal, Problem> {
    var body = Substring(text.trimmed)
    var negative = false
    if let first = body.first, first == "-" || first == "+" {
      negative = first == "-"
      body = body.dropFirst()
    }
    if let value = plainDigits(body) { return .success(negative ? -value : value) }
    if thousands, body.utf8.contains(UInt8(ascii: ",")) || body.utf8.count(where: { $0 == UInt8(ascii: ".") }) > 1 {
      return ungrouped(body).flatMap { parse($0) }.map { negative ? -$0 : $0 }
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

  /// Reads the common case, `digits[.digits]` with at most ``maximumDigits`` digits and not zero, straight from
  /// its bytes into the value Foundation's parser would give (trailing zeros folded into the exponent); nil
  /// for anything else, which the full parser then reads and explains.
  private static func plainDigits(_ body: Substring) -> Decimal? {
    var significand: UInt64 = 0
    var digits = 0
    var fractionDigits = 0
    var integerDigits = 0
    var seenPoint = false
    for byte in body.utf8 {
      if byte == UInt8(ascii: ".") {
        guard !seenPoint else { return nil }
        seenPoint = true
        continue
      }
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      if seenPoint { fractionDigits += 1 } else { integerDigits += 1 }
      if significand == 0, byte == UInt8(ascii: "0"), !seenPoint { continue }  // a leading zero
      digits += 1
      guard digits <= maximumDigits else { return nil }
      significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
    }
    guard integerDigits > 0, !seenPoint || fractionDigits > 0, significand > 0 else { return nil }
    var exponent = -fractionDigits
    while significand % 10 == 0 {
      significand /= 10
      exponent += 1
    }
    return Decimal(sign: .plus, exponent: exponent, significand: Decimal(significand))
  }

  /// Formats `value` in plain notation without exponent or grouping (`1250.5`), the form documents use.
  public static func format(_ value: Decimal) -> String {
    var copy = value
    return NSDecimalString(&copy, Locale(identifier: "en_US_POSIX"))
  }
}

extension DecimalText {
  /// Formats decimals as ``DecimalText/format(_:)`` does, remembering each text: quantities repeat across
  /// thousands of shares, and formatting one is slow.
  ///
  /// Values are remembered by their bit pattern, which hashes far faster than `Decimal` itself. Equal values
  /// with different representations only miss the memo; a bit pattern always stands for one value and text.
  struct Memo {
    private struct Bits: Hashable {
      var low: UInt64
      var middle: UInt64
      var high: UInt32
    }

    private var texts: [Bits: String] = [:]
    /// Whether texts have commas between thousands, as bidders read quantities (``DecimalText/grouped(_:)``).
    let isGrouped: Bool

    /// A memo of plain texts, or with `isGrouped` of texts with thousands separators.
    init(isGrouped: Bool = false) { self.isGrouped = isGrouped }

    /// `value` in plain notation (grouped when ``isGrouped``).
    mutating func format(_ value: Decimal) -> String {
      let bits = withUnsafeBytes(of: value) { raw in
        Bits(
          low: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
          middle: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
          high: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
      }
      if let known = texts[bits] { return known }
      let plain = DecimalText.format(value)
      let text = isGrouped ? DecimalText.grouping(plain) : plain
      texts[bits] = text
      return text
    }
  }
}
