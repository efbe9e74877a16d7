import Foundation

/// Decimal arithmetic that says when a result would not fit `Decimal`'s 38 significant digits, instead of
/// rounding silently as `*` and `+` do (and as `NSDecimalMultiply` does on Linux without reporting it).
public enum ExactArithmetic {
  /// The most significant digits a `Decimal` holds exactly.
  public static let maximumDigits = 38

  /// `a × b`, or nil when the exact product has more digits than fit.
  public static func product(_ a: Decimal, _ b: Decimal) -> Decimal? {
    if a == 0 || b == 0 { return 0 }
    guard Shape(a).significant + Shape(b).significant <= maximumDigits else { return nil }
    return a * b
  }

  /// `a + b`, or nil when the exact sum has more digits than fit.
  public static func sum(_ a: Decimal, _ b: Decimal) -> Decimal? {
    if a == 0 { return b }
    if b == 0 { return a }
    let (left, right) = (Shape(a), Shape(b))
    let digits = max(left.integer, right.integer) + 1 + max(left.fraction, right.fraction)
    guard digits <= maximumDigits else { return nil }
    return a + b
  }

  /// The sum of `values`, or nil when a partial sum does not fit.
  public static func sum(_ values: some Sequence<Decimal>) -> Decimal? {
    var total = Decimal(0)
    for value in values {
      guard let next = sum(total, value) else { return nil }
      total = next
    }
    return total
  }

  /// How many digits a value has before and after the point, and from its first to its last non-zero digit.
  struct Shape {
    var integer = 0
    var fraction = 0
    var significant = 0

    init(_ value: Decimal) {
      let text = DecimalText.format(value).drop { $0 == "-" }
      let parts = text.split(separator: ".", maxSplits: 1)
      let whole = parts.first.map { $0.drop { $0 == "0" } } ?? ""
      let decimals = parts.count > 1 ? String(parts[1].reversed().drop { $0 == "0" }.reversed()) : ""
      integer = whole.count
      fraction = decimals.count
      let digits = (whole + decimals).drop { $0 == "0" }
      significant = String(digits.reversed().drop { $0 == "0" }).count
    }
  }
}
