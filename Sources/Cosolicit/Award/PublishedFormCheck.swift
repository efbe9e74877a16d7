import Foundation

/// Checks that the published blank form still describes the workspace's joint solicitation: the same lots and
/// lines, items, units and quantities. Bids answer the published form; the schedules divide the workspace's
/// shares; both must be the same solicitation, or the award would not add up.
enum PublishedFormCheck {
  /// An error at each line where `form` and `joint` differ, naming both values.
  static func compare(_ form: BidDocument, with joint: JointSolicitation, _ diagnostics: inout DiagnosticCollector) {
    let advice =
      "the workspace changed since the package was published; tabulate against the package built from it, or "
      + "issue an addendum (cosolicit addendum) and rebuild"
    if form.solicitation.value != joint.solicitation.id {
      diagnostics.error(
        "the package's bid form is for solicitation '\(form.solicitation.value)', but the workspace is "
          + "'\(joint.solicitation.id)'; give the package built from this workspace", at: form.solicitation.location)
      return
    }
    let formLines = BidPrices.linesByLotAndNumber(form)
    var seen = Set<String>()
    for line in joint.lines {
      let key = BidPrices.key(lot: line.lotID, line: line.number)
      seen.insert(key)
      guard let published = formLines[key] else {
        diagnostics.error(
          "line \(line.number) of lot \(line.lotID) (\(line.description)) is not on the published bid form; "
            + advice, at: form.location)
        continue
      }
      var differences: [String] = []
      if published.item?.value != line.itemID {
        differences.append("item \(published.item?.value ?? "none") published, \(line.itemID ?? "none") now")
      }
      if published.unit.value != line.unit.code {
        differences.append("unit \(published.unit.value) published, \(line.unit.code) now")
      }
      if published.committedQuantity.value != line.committedQuantity {
        differences.append(
          "committed quantity \(DecimalText.format(published.committedQuantity.value)) published, "
            + "\(DecimalText.format(line.committedQuantity)) now")
      }
      if published.estimatedQuantity.value != line.estimatedQuantity {
        differences.append(
          "estimated quantity \(DecimalText.format(published.estimatedQuantity.value)) published, "
            + "\(DecimalText.format(line.estimatedQuantity)) now")
      }
      // The award's quantity in each zone is the published zone's, the schedules' the zone's shares now: a
      // participant moved to another zone, or two trading quantities, keeps the line's total but not the zones'.
      let publishedZones = published.zones.map { ($0.zone.value, $0.quantity.value, $0.asNeededLocation != nil) }
      let zonesNow = joint.zoneQuantities(of: line).map { ($0.zoneID, $0.quantity, $0.isAsNeeded) }
      if zoneText(publishedZones, sortedBy: Identifier.key) != zoneText(zonesNow, sortedBy: Identifier.key) {
        differences.append(
          "quantities by zone \(zoneText(publishedZones)) published, \(zoneText(zonesNow)) now")
      }
      guard !differences.isEmpty else { continue }
      diagnostics.error(
        "line \(line.number) of lot \(line.lotID) differs from the published bid form ("
          + differences.joined(separator: "; ") + "); " + advice, at: published.location)
    }
    for (key, line) in formLines.sorted(by: { $0.key < $1.key }) where !seen.contains(key) {
      diagnostics.error(
        "line \(line.number.value) of the published bid form is no longer in the workspace's solicitation; "
          + advice, at: line.location)
    }
  }

  /// A line's quantities by zone as "north 1,200, south as needed", in zone order, or with zone ids spelled and
  /// sorted by `key` when given; "none" without zones.
  private static func zoneText(
    _ zones: [(id: String, quantity: Decimal, isAsNeeded: Bool)], sortedBy key: ((String) -> String)? = nil
  ) -> String {
    let parts = (key.map { key in zones.sorted { key($0.id) < key($1.id) } } ?? zones).map { zone in
      "\(key?(zone.id) ?? zone.id) " + (zone.isAsNeeded ? "as needed" : DecimalText.format(zone.quantity))
    }
    return parts.isEmpty ? "none" : parts.joined(separator: ", ")
  }
}
