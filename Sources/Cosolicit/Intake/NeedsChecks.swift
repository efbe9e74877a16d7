import Foundation

/// Checks participants' needs against the solicitation, the catalog and each other.
struct NeedsChecks {
  /// The solicitation, when one was read.
  var solicitation: Solicitation?
  /// The catalog, when one was read.
  var catalog: Catalog?
  /// Whether catalog items can be checked: false when a file is validated with no workspace around it.
  var catalogKnown: Bool

  func check(_ files: [NeedsFile], _ diagnostics: inout DiagnosticCollector) {
    var firstPlace: [String: Agency] = [:]
    for section in files.flatMap(\.sections) {
      if let agency = section.agency {
        let id = agency.id
        if let first = firstPlace[id.value] {
          diagnostics.error(
            "agency '\(id.value)' already has needs at \(first.id.location); each participant submits its needs "
              + "once, in one file", at: id.location)
          diagnostics.note("agency '\(id.value)' first appears here", at: first.id.location)
        } else {
          firstPlace[id.value] = agency
        }
      }
      check(section, &diagnostics)
    }
  }

  private func check(_ section: NeedsSection, _ diagnostics: inout DiagnosticCollector) {
    if let submitted = section.submitted, let window = solicitation?.orderingWindowCloses,
      submitted.value > window.value
    {
      diagnostics.warning(
        "submitted \(submitted.value) is after the ordering window closed on \(window.value); the file is late, "
          + "and the lead agency must accept it or remove it", at: submitted.location)
    }
    for line in section.lines {
      check(line, &diagnostics)
    }
  }

  private func check(_ line: LineReading, _ diagnostics: inout DiagnosticCollector) {
    if let id = line.catalogItem {
      checkCatalogLine(line, id: id, &diagnostics)
    }
    if let writeIn = line.writeIn {
      checkWriteIn(writeIn, &diagnostics)
    }
    if let needBy = line.needBy, let term = solicitation?.term {
      if needBy.value < term.start.value {
        diagnostics.error(
          "need_by \(needBy.value) is before the contract term starts on \(term.start.value); nothing can be "
            + "delivered under the contract before then", at: needBy.location)
      } else if needBy.value > term.endWithRenewals {
        diagnostics.warning(
          "need_by \(needBy.value) is after the contract term ends on \(term.endWithRenewals), even with every "
            + "renewal", at: needBy.location)
      }
    }
  }

  private func checkCatalogLine(_ line: LineReading, id: Located<String>, _ diagnostics: inout DiagnosticCollector) {
    guard catalogKnown else { return }
    guard let catalog else {
      diagnostics.error(
        "unknown catalog item '\(id.value)': the workspace has no catalog (catalog.csv or catalog.yaml); "
          + "add one, or describe the line as a write-in with description, classification and unit",
        at: id.location)
      return
    }
    if catalog.rejectedItemIDs.contains(id.value) { return }
    guard let item = catalog.item(withID: id.value) else {
      diagnostics.error(
        "unknown catalog item '\(id.value)'"
          + NearestName.hint(for: id.value, among: catalog.items.map(\.id.value))
          + "; expected an item id from \(catalog.path), or a write-in without 'item'", at: id.location)
      return
    }
    guard let unitReading = line.unit else { return }
    let unit = unitReading.value
    guard let conversion = UnitConversion.between(unit, item.unit, packs: item.packs) else {
      let packs = item.packs.keys.sorted().map { "\($0)=\(DecimalText.format(item.packs[$0]!))" }
      let accepted =
        unit.isPackage
        ? (packs.isEmpty
          ? "the item lists no packs" : "the item's packs are \(packs.joined(separator: ";"))")
        : "expected a unit measuring the same thing as \(item.unit.code)"
      diagnostics.error(
        "unit \(unit) cannot be converted to \(item.unit), the base unit of item '\(id.value)'; \(accepted)",
        at: unitReading.location)
      return
    }
    guard let quantity = line.quantity else { return }
    let converted = conversion.apply(to: quantity.value)
    if !converted.isExact {
      diagnostics.warning(
        "\(DecimalText.format(quantity.value)) \(unit.name) is not a whole number of decimal places in "
          + "\(item.unit.code); it is rounded to \(DecimalText.format(converted.value)) \(item.unit.code). Give the "
          + "quantity in \(item.unit) to avoid rounding",
        at: quantity.location)
    }
  }

  private func checkWriteIn(_ writeIn: NeedLine.WriteIn, _ diagnostics: inout DiagnosticCollector) {
    let code = writeIn.classification
    if let solicitation, solicitation.lotsComplete, !solicitation.lots.isEmpty, solicitation.lot(for: code.value) == nil
    {
      let lots = solicitation.lots.map {
        "\($0.id.value) (\($0.classifications.map(\.description).joined(separator: ", ")))"
      }
      diagnostics.error(
        "write-in classification \(code.value) matches no lot; the lots cover \(lots.joined(separator: "; "))",
        at: code.location)
    }
    if let match = catalog?.items.first(where: { $0.classification.value == code.value }) {
      diagnostics.warning(
        "write-in has the same classification as catalog item '\(match.id.value)' (\(match.description)); "
          + "use the catalog item if it meets the need, so the volumes combine", at: code.location)
    }
  }
}
