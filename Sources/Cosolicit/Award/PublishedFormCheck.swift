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
    var formLines: [String: BidDocument.Line] = [:]
    for lot in form.lots {
      for line in lot.lines { formLines["\(Identifier.key(lot.id.value))#\(line.number.value)"] = line }
    }
    var seen = Set<String>()
    for line in joint.lines {
      let key = "\(Identifier.key(line.lotID))#\(line.number)"
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
}
