import Foundation

extension DecimalText {
  /// `body` (a number without its sign, holding a comma or several points) with its US thousands separators
  /// removed: `1,234,567.25` is `1234567.25`. Fails, saying why and what to write, for every other grouping:
  /// a comma not followed by groups of three digits (`1,2`, a decimal comma perhaps), the European format
  /// (`1.234,5`, `1.234.567`), the Indian one (`12,34,567`), and stray commas (`,123`, `1,,234`, `1,`).
  static func ungrouped(_ body: Substring) -> Result<String, Problem> {
    let isDigits: (Substring) -> Bool = { $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }
    if let european = europeanDigits(body) {
      return .failure(
        .misgrouped(
          "it is written in the European format, with '.' between thousands"
            + (european.contains(".") ? " and ',' before the decimals" : "") + "; write \(european)"))
    }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, parts.count == 1 || (!parts[1].isEmpty && isDigits(parts[1])) else {
      return .failure(.notANumber)
    }
    let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
    guard groups.allSatisfy(isDigits) else { return .failure(.notANumber) }
    let fraction = parts.count == 2 ? "." + parts[1] : ""
    let plain = groups.joined() + fraction
    let example = "a comma separates thousands after one to three digits, as in 1,234 or 10,000"
    if groups[0].isEmpty { return .failure(.misgrouped("it starts with a comma; \(example)")) }
    if groups.last!.isEmpty { return .failure(.misgrouped("it ends with a comma; \(example)")) }
    if groups.contains(where: \.isEmpty) { return .failure(.misgrouped("it has two commas in a row; \(example)")) }
    // Here there is at least one comma: a text with several points and none is European or not a number.
    let (first, rest) = (groups[0], groups.dropFirst())
    let wellGrouped = rest.allSatisfy { $0.count == 3 }
    if (1...3).contains(first.count), first.first != "0", wellGrouped { return .success(plain) }
    if groups.count >= 3, rest.last!.count == 3, rest.dropLast().allSatisfy({ $0.count == 2 }),
      (1...2).contains(first.count)
    {
      return .failure(
        .misgrouped(
          "it groups digits in twos (the Indian format); write \(plain) or \(usGrouping(of: plain))"))
    }
    var reason =
      wellGrouped
      ? "a comma separates thousands after one to three digits, not starting with 0"
      : "a comma must be followed by groups of three digits"
    if groups.count == 2, fraction.isEmpty { reason += "; for a decimal comma write \(first).\(groups[1])" }
    return .failure(.misgrouped(reason))
  }

  /// The plain digits of `body` when it is written in the European format: `1.234,5` (points between
  /// thousands, a comma before the decimals) or `1.234.567` (several points, all between thousands); nil
  /// otherwise.
  private static func europeanDigits(_ body: Substring) -> String? {
    let halves = body.split(separator: ",", omittingEmptySubsequences: false)
    guard halves.count <= 2 else { return nil }
    let groups = halves[0].split(separator: ".", omittingEmptySubsequences: false)
    let isDigits: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }
    guard groups.count >= (halves.count == 2 ? 2 : 3), groups.allSatisfy(isDigits), (1...3).contains(groups[0].count),
      groups.dropFirst().allSatisfy({ $0.count == 3 })
    else { return nil }
    if halves.count == 2 {
      guard isDigits(halves[1]) else { return nil }
      return groups.joined() + "." + halves[1]
    }
    return groups.joined()
  }

  /// `value` as bidders read a quantity: plain notation with commas between thousands (`12,500`, `1,100.5`).
  /// Display only: machine values (the XML bid form, CSV, JSON) keep ``format(_:)``.
  static func grouped(_ value: Decimal) -> String { grouping(format(value)) }

  /// `plain` (``format(_:)``'s text, perhaps signed) with commas between its thousands.
  static func grouping(_ plain: String) -> String {
    plain.hasPrefix("-") ? "-" + usGrouping(of: String(plain.dropFirst())) : usGrouping(of: plain)
  }

  /// `digits[.digits]` with commas between its thousands: `1234567.5` is `1,234,567.5`.
  static func usGrouping(of plain: String) -> String {
    let parts = plain.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    var whole = Array(parts[0])
    var index = whole.count - 3
    while index > 0 {
      whole.insert(",", at: index)
      index -= 3
    }
    return String(whole) + (parts.count == 2 ? "." + parts[1] : "")
  }
}
