import Foundation

/// Checks needs lines against the solicitation and the catalog and resolves them: each line's catalog item,
/// lot, unit conversion and base quantity, worked out once, as the line is read.
struct NeedsResolver: Sendable {
  /// The solicitation, when one was read.
  let solicitation: Solicitation?
  /// The catalog, when one was read.
  let catalog: Catalog?
  /// Whether catalog items can be checked: false when a file is validated with no workspace around it.
  let catalogKnown: Bool
  /// Each catalog item's lot, by the item's position; -1 for an item no lot takes.
  let lotOfItem: [Int32]

  init(solicitation: Solicitation?, catalog: Catalog?, catalogKnown: Bool) {
    self.solicitation = solicitation
    self.catalog = catalog
    self.catalogKnown = catalogKnown
    let lots = solicitation?.lots ?? []
    lotOfItem = (catalog?.items ?? []).map { item in
      guard let lot = solicitation?.lot(for: item) else { return -1 }
      return Int32(lots.firstIndex { $0.id.value == lot.id.value } ?? -1)
    }
  }

  /// Whether lines can be resolved to lots and base quantities: a solicitation and a known catalog.
  var resolvesLines: Bool { solicitation != nil && catalogKnown }

  /// What resolving one line gave: the catalog item and lot where known, and the base quantity.
  struct Resolution {
    var item: Int32 = -1
    var lot: Int32 = -1
    var baseQuantity: Decimal?
    var isExact = true
    /// A partial commitment's minimum in the base unit (a write-in's as written).
    var baseMinimum: Decimal?
  }

  /// Checks `reading` and resolves what can be resolved; every problem goes to `diagnostics`. `conversions`
  /// remembers each item's conversion from each unit, for the file being read.
  func resolve(
    _ reading: LineReading, conversions: inout [Int64: UnitConversion?], _ diagnostics: inout DiagnosticCollector
  ) -> Resolution {
    var resolution = Resolution()
    if let id = reading.catalogItem {
      resolveCatalogLine(reading, id: id, into: &resolution, conversions: &conversions, &diagnostics)
    }
    if let writeIn = reading.writeIn {
      resolveWriteIn(writeIn, into: &resolution, &diagnostics)
      resolution.baseQuantity = reading.quantity?.value
      resolution.baseMinimum = reading.minimumQuantity?.value
    }
    if let term = solicitation?.term {
      let dates =
        (reading.needBy.map { [("need_by", $0)] } ?? [])
        + (reading.releases ?? []).map { ("release", Located($0.value.date, at: $0.location)) }
      for (label, date) in dates {
        if date.value < term.start.value {
          diagnostics.error(
            "\(label) \(date.value) is before the contract term starts on \(term.start.value); nothing can be "
              + "delivered under the contract before then", at: date.location)
        } else if date.value > term.endWithRenewals {
          diagnostics.warning(
            "\(label) \(date.value) is after the contract term ends on \(term.endWithRenewals), even with every "
              + "renewal", at: date.location)
        }
      }
    }
    return resolution
  }

  private func resolveCatalogLine(
    _ line: LineReading, id: Located<String>, into resolution: inout Resolution,
    conversions: inout [Int64: UnitConversion?], _ diagnostics: inout DiagnosticCollector
  ) {
    guard catalogKnown else { return }
    guard let catalog else {
      diagnostics.error(
        "unknown catalog item '\(id.value)': the workspace has no catalog (catalog.csv, catalog.xlsx or catalog.yaml); "
          + "add one, or describe the line as a write-in with description, classification and unit",
        at: id.location)
      return
    }
    if catalog.isRejected(id.value) { return }
    guard let index = catalog.position(ofID: id.value) else {
      diagnostics.error(
        "unknown catalog item '\(id.value)'"
          + NearestName.hint(for: id.value, among: catalog.items.map(\.id.value))
          + "; expected an item id from \(catalog.path), or a write-in without 'item'", at: id.location)
      return
    }
    let item = catalog.items[index]
    resolution.item = Int32(index)
    resolution.lot = lotOfItem[index]
    // An as-needed line has no quantity to convert: its unit only says what the price is quoted per.
    if line.isAsNeeded {
      resolution.baseQuantity = 0
      return
    }
    guard let unitReading = line.unit else { return }
    let unit = unitReading.value
    guard let conversion = conversion(ofItem: index, from: unit, &conversions) else {
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
    resolution.baseQuantity = converted.value
    resolution.isExact = converted.isExact
    if let minimum = line.minimumQuantity {
      // Rounding keeps order, so a minimum up to the quantity stays up to it once converted.
      resolution.baseMinimum = conversion.apply(to: minimum.value).value
    }
    if !converted.isExact {
      diagnostics.warning(
        "\(DecimalText.format(quantity.value)) \(unit.name) is not a whole number of decimal places in "
          + "\(item.unit.code); it is rounded to \(DecimalText.format(converted.value)) \(item.unit.code). Give the "
          + "quantity in \(item.unit) to avoid rounding",
        at: quantity.location)
    }
  }

  /// The conversion of `unit` to the base unit of the catalog item at `index`, remembered in `conversions`.
  func conversion(
    ofItem index: Int, from unit: UnitOfMeasure, _ conversions: inout [Int64: UnitConversion?]
  ) -> UnitConversion? {
    let key = Int64(index) << 16 | Int64(UnitTable.positions[unit.code] ?? 0)
    if let known = conversions[key] { return known }
    guard let item = catalog?.items[index] else { return nil }
    let conversion = UnitConversion.between(unit, item.unit, packs: item.packs)
    conversions[key] = conversion
    return conversion
  }

  private func resolveWriteIn(
    _ writeIn: NeedLine.WriteIn, into resolution: inout Resolution, _ diagnostics: inout DiagnosticCollector
  ) {
    let code = writeIn.classification
    if let solicitation, let lot = solicitation.lot(for: code.value) {
      resolution.lot = Int32(solicitation.lots.firstIndex { $0.id.value == lot.id.value } ?? -1)
    }
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
