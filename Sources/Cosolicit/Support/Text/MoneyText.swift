import Foundation

/// Formats amounts for reading: rounded half to even to cents, with thousands separators (`1,234,567.50`).
/// Display only; the JSON and CSV keep exact decimals.
enum MoneyText {
  /// An amount rounded to cents.
  static func format(_ amount: Decimal) -> String {
    var value = amount
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, 2, .bankers)
    return grouped(DecimalText.format(rounded))
  }

  /// A unit price: at least two decimals, and every decimal it has (`0.045` stays `0.045`).
  static func unitPrice(_ price: Decimal) -> String { grouped(DecimalText.format(price)) }

  private static func grouped(_ plain: String) -> String {
    let negative = plain.hasPrefix("-")
    let parts = plain.drop { $0 == "-" }.split(separator: ".", maxSplits: 1)
    let whole = String(parts.first ?? "0")
    var cents = parts.count > 1 ? String(parts[1]) : ""
    cents += String(repeating: "0", count: max(0, 2 - cents.count))
    var grouped = ""
    for (index, digit) in whole.enumerated() {
      if index > 0, (whole.count - index) % 3 == 0 { grouped += "," }
      grouped.append(digit)
    }
    return (negative ? "-" : "") + grouped + "." + cents
  }
}
