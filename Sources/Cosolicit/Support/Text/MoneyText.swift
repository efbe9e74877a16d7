import Foundation

/// Formats amounts for reading: rounded half to even to cents, with thousands separators (`1,234,567.50`).
/// Display only; the JSON and CSV keep exact decimals.
enum MoneyText {
  /// An amount rounded to cents.
  static func format(_ amount: Decimal) -> String {
    var value = amount
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, 2, .bankers)
    return unitPrice(rounded)
  }

  /// A unit price: at least two decimals, and every decimal it has (`0.045` stays `0.045`).
  static func unitPrice(_ price: Decimal) -> String { DecimalText.grouping(plain(price)) }

  /// An amount as machine-read files write it: plain and exact, no separators, at least two decimals
  /// (`23602.80`, `-0.01`, `0.045`).
  static func plain(_ amount: Decimal) -> String {
    let plain = DecimalText.format(amount)
    guard let point = plain.firstIndex(of: ".") else { return plain + ".00" }
    let decimals = plain.distance(from: point, to: plain.endIndex) - 1
    return decimals >= 2 ? plain : plain + String(repeating: "0", count: 2 - decimals)
  }
}
