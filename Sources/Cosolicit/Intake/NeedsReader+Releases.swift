import Foundation

extension NeedsReader {
  /// An example of the `releases` cell of a needs table, for messages and instructions.
  public static let releasesExample = "2027-07-01: 400; 2028-01-15: 600"

  /// Reads a line's `releases`: in YAML and JSON a list of `{date, quantity}`, in a table's cell (or as one
  /// text anywhere) `2027-07-01: 400; 2028-01-15: 600`. Checks each date and quantity, that the line is not
  /// as needed and gives no `need_by` besides, and that the quantities sum exactly to the line's `quantity`;
  /// nil when absent or when any of that fails (every problem is reported).
  static func releases(
    _ fields: FieldReader, name: String, quantity: Located<Decimal>?, isAsNeeded: Bool, hasNeedBy: Bool,
    _ diagnostics: inout DiagnosticCollector
  ) -> [Located<DeliveryRelease>]? {
    guard let node = fields.node("releases", &diagnostics) else { return nil }
    let findings = diagnostics.errorCount
    var releases: [Located<DeliveryRelease>] = []
    switch node.value {
    case .scalar(let text):
      releases = releasesText(text, at: node.location, name: name, &diagnostics)
    case .sequence(let items):
      for (index, item) in items.enumerated() {
        guard
          let release = FieldReader(
            item, context: "\(name): releases #\(index + 1)", known: ["date", "quantity"], diagnostics: &diagnostics)
        else { continue }
        let date = release.date("date", required: true, &diagnostics)
        let amount = release.decimal("quantity", required: true, positive: true, &diagnostics)
        release.finish(&diagnostics)
        if let date, let amount {
          releases.append(Located(DeliveryRelease(date: date.value, quantity: amount.value), at: date.location))
        }
      }
    default:
      diagnostics.error(
        "\(name): 'releases' must be a list of {date, quantity} (or the text \(releasesExample)), found "
          + "\(node.kindDescription)", at: node.location)
      return nil
    }
    if releases.isEmpty, diagnostics.errorCount == findings {
      diagnostics.error(
        "\(name): 'releases' is empty; list each delivery's date and quantity, or remove 'releases'",
        at: node.location)
    }
    if isAsNeeded {
      diagnostics.error(
        "\(name): 'releases' on an as-needed line; releases schedule a quantity, and an as-needed line has none. "
          + "Give the quantity, or remove 'releases'", at: node.location)
    }
    if hasNeedBy {
      diagnostics.error(
        "\(name): both 'need_by' and 'releases' are given; the releases' dates say when delivery is needed. "
          + "Remove 'need_by'", at: node.location)
    }
    guard diagnostics.errorCount == findings else { return nil }
    if let quantity, !isAsNeeded {
      var sum = Decimal(0)
      for release in releases { sum = ExactArithmetic.sum(sum, release.value.quantity) ?? sum + release.value.quantity }
      if sum != quantity.value {
        diagnostics.error(
          "\(name): the releases add up to \(DecimalText.format(sum)), but the quantity is "
            + "\(DecimalText.format(quantity.value)); expected releases that sum exactly to the line's quantity, "
            + "in the same unit", at: node.location)
        return nil
      }
    }
    return releases
  }

  /// Reads `2027-07-01: 400; 2028-01-15: 600` written at `location`, reporting each part that is not a date,
  /// a colon and a positive quantity.
  private static func releasesText(
    _ text: String, at location: SourceLocation, name: String, _ diagnostics: inout DiagnosticCollector
  ) -> [Located<DeliveryRelease>] {
    let expected = "expected DATE: QUANTITY for each release, separated by ';', as in \(releasesExample)"
    var releases: [Located<DeliveryRelease>] = []
    let parts = text.split(separator: ";", omittingEmptySubsequences: false)
    for (index, part) in parts.enumerated() {
      let part = String(part).trimmed
      let label = "\(name): releases #\(index + 1)"
      if part.isEmpty {
        // A ';' after the last release is harmless; an empty release between two is a slip worth a word.
        if index < parts.count - 1 { diagnostics.error("\(label) is empty; \(expected)", at: location) }
        continue
      }
      let halves = part.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
      guard halves.count == 2 else {
        diagnostics.error("\(label) '\(FieldReader.shown(part))' has no ':'; \(expected)", at: location)
        continue
      }
      let dateText = String(halves[0]).trimmed
      let quantityText = String(halves[1]).trimmed
      let date = CalendarDate(iso: dateText)
      if date == nil {
        diagnostics.error(
          "\(label): '\(FieldReader.shown(dateText))' is not a date; expected YYYY-MM-DD, such as 2027-07-01",
          at: location)
      }
      var quantity: Decimal?
      switch DecimalText.parse(quantityText, thousands: true) {
      case .success(let value) where value > 0: quantity = value
      case .success:
        diagnostics.error(
          "\(label): the quantity is \(FieldReader.shown(quantityText)); expected a positive decimal number",
          at: location)
      case .failure(let problem):
        diagnostics.error(
          "\(label): the quantity '\(FieldReader.shown(quantityText))' \(problem); expected a positive decimal "
            + "number", at: location)
      }
      if let date, let quantity {
        releases.append(Located(DeliveryRelease(date: date, quantity: quantity), at: location))
      }
    }
    return releases
  }
}
