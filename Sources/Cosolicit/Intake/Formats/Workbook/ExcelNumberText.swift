/// A number as a workbook stores it (`<v>1234.4999999999998</v>`, `<v>1E-3</v>`), written as plain decimal
/// text with at most 15 significant digits, the most Excel shows.
///
/// Excel stores a cell's number as the shortest text that reads back to the same binary double, up to 17
/// significant digits, so a quantity typed as 1234.5 can be stored as `1234.4999999999998` and 0.1 + 0.2 as
/// `0.30000000000000004`. Rounding the text (never a `Double`) to 15 significant digits, half away from
/// zero, gives back what the user typed and sees; exponents are written out (`1E-3` is `0.001`).
enum ExcelNumberText {
  /// The most significant digits kept.
  static let significantDigits = 15
  /// The largest decimal exponent read, beyond any double's (about 308).
  private static let maximumExponent = 400

  /// The plain decimal text of the number written `text`, or nil when it is not a number.
  static func normalized(_ text: String) -> String? {
    var bytes = Array(text.utf8)[...]
    while let first = bytes.first, first == 0x20 { bytes.removeFirst() }
    while let last = bytes.last, last == 0x20 { bytes.removeLast() }
    var negative = false
    if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      bytes.removeFirst()
    }
    var digits: [UInt8] = []
    var exponent = 0
    var seenPoint = false
    var seenDigit = false
    while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
      bytes.removeFirst()
      if byte == UInt8(ascii: "."), !seenPoint {
        seenPoint = true
      } else if isDigit(byte) {
        seenDigit = true
        // Leading zeros carry nothing; each digit after the point lowers the exponent.
        if !(digits.isEmpty && byte == UInt8(ascii: "0")) { digits.append(byte) }
        if seenPoint { exponent -= 1 }
      } else {
        return nil
      }
    }
    guard seenDigit else { return nil }
    if !bytes.isEmpty {
      bytes.removeFirst()  // the e
      var exponentNegative = false
      if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
        exponentNegative = first == UInt8(ascii: "-")
        bytes.removeFirst()
      }
      guard !bytes.isEmpty, bytes.count <= 4, bytes.allSatisfy(isDigit) else { return nil }
      let written = bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
      exponent += exponentNegative ? -written : written
    }
    if digits.count > significantDigits {
      exponent += digits.count - significantDigits
      let roundUp = digits[significantDigits] >= UInt8(ascii: "5")
      digits.removeLast(digits.count - significantDigits)
      if roundUp { exponent += increment(&digits) }
    }
    while let last = digits.last, last == UInt8(ascii: "0") {
      digits.removeLast()
      exponent += 1
    }
    guard !digits.isEmpty else { return "0" }
    guard abs(exponent) <= maximumExponent else { return nil }
    return (negative ? "-" : "") + plain(digits, exponent: exponent)
  }

  /// Adds one to the last of `digits`, carrying; when every digit was 9 they become 1 followed by zeros, one
  /// fewer, and the returned exponent step is 1.
  private static func increment(_ digits: inout [UInt8]) -> Int {
    var index = digits.count - 1
    while index >= 0 {
      if digits[index] < UInt8(ascii: "9") {
        digits[index] += 1
        return 0
      }
      digits[index] = UInt8(ascii: "0")
      index -= 1
    }
    digits.insert(UInt8(ascii: "1"), at: 0)
    digits.removeLast()
    return 1
  }

  /// `digits` × 10^`exponent` written without an exponent.
  private static func plain(_ digits: [UInt8], exponent: Int) -> String {
    if exponent >= 0 {
      return String(decoding: digits + Array(repeating: UInt8(ascii: "0"), count: exponent), as: UTF8.self)
    }
    let point = digits.count + exponent
    if point > 0 {
      return String(decoding: digits[..<point], as: UTF8.self) + "." + String(decoding: digits[point...], as: UTF8.self)
    }
    return "0." + String(repeating: "0", count: -point) + String(decoding: digits, as: UTF8.self)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
