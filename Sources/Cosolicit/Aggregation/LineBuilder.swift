import Foundation

/// Collects shares by item, then orders them into numbered lines within lots.
struct LineBuilder {
  let solicitation: Solicitation
  let catalog: Catalog?

  /// Write-ins merge only when classification, normalized description and unit dimension agree.
  struct WriteInKey: Hashable, Comparable {
    var classification: String
    var description: String
    var dimension: String

    static func < (lhs: WriteInKey, rhs: WriteInKey) -> Bool {
      (lhs.classification, lhs.description, lhs.dimension) < (rhs.classification, rhs.description, rhs.dimension)
    }

    /// The description folded for comparison: lowercase letters and digits only, so that case, spacing and
    /// punctuation do not matter ("16 x 16 in, color-coded" is "16x16incolorcoded").
    static func normalize(_ description: String) -> String {
      String(
        String.UnicodeScalarView(description.lowercased().unicodeScalars.filter(CharacterSet.alphanumerics.contains)))
    }
  }

  private struct WriteInGroup {
    var classification: Classification
    var lot: Lot
    var descriptions: [String] = []
    var shares: [(share: Share, unit: UnitOfMeasure)] = []
  }

  private var catalogShares: [String: [Share]] = [:]
  private var writeIns: [WriteInKey: WriteInGroup] = [:]
  /// The lot of each catalog item seen, worked out once per item rather than once per line.
  private var lotsByItem: [String: Lot?] = [:]

  private mutating func lot(of item: CatalogItem) -> Lot? {
    if let known = lotsByItem[item.id.value] { return known }
    let lot = solicitation.lot(for: item)
    lotsByItem[item.id.value] = lot
    return lot
  }

  init(solicitation: Solicitation, catalog: Catalog?) {
    self.solicitation = solicitation
    self.catalog = catalog
  }

  /// Adds one participant's line, read from `path` (relative to the workspace); reports a line no lot takes or
  /// a unit that does not convert.
  mutating func add(_ line: NeedLine, from agency: Agency, path: String, _ diagnostics: inout DiagnosticCollector) {
    let source = SourceLocation(path: path, line: line.location.line, column: line.location.column)
    func share(_ quantity: Decimal, exact: Bool) -> Share {
      Share(
        agencyID: agency.id.value, agencyName: agency.name, quantity: quantity,
        originalQuantity: line.quantity.value, originalUnit: line.unit.value, commitment: line.commitment,
        deliverTo: line.deliverTo, needBy: line.needBy?.value, notes: line.notes, source: source, isExact: exact)
    }
    switch line.item {
    case .catalog(let id):
      guard let item = catalog?.item(withID: id.value) else {
        diagnostics.error("unknown catalog item '\(id.value)'", at: id.location)
        return
      }
      guard lot(of: item) != nil else {
        diagnostics.error(
          "item '\(item.id.value)' (\(item.classification.value)) falls in no lot; add a prefix of its "
            + "classification to a lot or name its lot in the catalog", at: id.location)
        return
      }
      guard let conversion = UnitConversion.between(line.unit.value, item.unit, packs: item.packs) else {
        diagnostics.error(
          "unit \(line.unit.value) cannot be converted to \(item.unit), the base unit of item '\(item.id.value)'",
          at: line.unit.location)
        return
      }
      let converted = conversion.apply(to: line.quantity.value)
      catalogShares[item.id.value, default: []].append(share(converted.value, exact: converted.isExact))
    case .writeIn(let writeIn):
      let code = writeIn.classification.value
      guard let lot = solicitation.lot(for: code) else {
        diagnostics.error(
          "write-in '\(writeIn.description)' (\(code)) falls in no lot; add a prefix of its classification to a lot",
          at: writeIn.classification.location)
        return
      }
      let unit = line.unit.value
      let dimension = unit.dimension.baseUnit == nil ? unit.code : unit.dimension.rawValue
      let key = WriteInKey(
        classification: code.description, description: WriteInKey.normalize(writeIn.description),
        dimension: dimension)
      writeIns[key, default: WriteInGroup(classification: code, lot: lot)].descriptions.append(writeIn.description)
      writeIns[key]?.shares.append((share(line.quantity.value, exact: true), unit))
    }
  }

  /// The lots in solicitation order with their numbered lines: catalog items in catalog order, then write-ins
  /// by classification and description.
  func lots() -> [AggregatedLot] {
    var linesByLot: [String: [SolicitationLine]] = [:]
    for item in catalog?.items ?? [] {
      guard let shares = catalogShares[item.id.value], let lot = solicitation.lot(for: item) else { continue }
      linesByLot[lot.id.value, default: []].append(
        SolicitationLine(
          number: 0, lotID: lot.id.value, itemID: item.id.value, description: item.description,
          classification: item.classification.value, unit: item.unit, estimatedUnitPrice: item.estimatedUnitPrice,
          shares: Self.ordered(shares)))
    }
    for key in writeIns.keys.sorted() {
      guard let group = writeIns[key] else { continue }
      linesByLot[group.lot.id.value, default: []].append(Self.writeInLine(group))
    }
    var number = 0
    return solicitation.lots.map { lot in
      var lines = linesByLot[lot.id.value] ?? []
      for index in lines.indices {
        number += 1
        lines[index].number = number
      }
      return AggregatedLot(lot: lot, lines: lines)
    }
  }

  /// A merged write-in: in the one unit all shares used, else in the dimension's base unit (exact from every
  /// unit); described by the first description in sorted order, so the result does not depend on file order.
  private static func writeInLine(_ group: WriteInGroup) -> SolicitationLine {
    let units = Set(group.shares.map(\.unit))
    let first = group.shares[0].unit
    let unit = units.count == 1 ? first : (first.dimension.baseUnit ?? first)
    let shares = group.shares.map { entry -> Share in
      var share = entry.share
      if let conversion = UnitConversion.between(entry.unit, unit) {
        let converted = conversion.apply(to: share.originalQuantity)
        share.quantity = converted.value
        share.isExact = converted.isExact
      }
      return share
    }
    return SolicitationLine(
      number: 0, lotID: group.lot.id.value, itemID: nil, description: group.descriptions.min() ?? "",
      classification: group.classification, unit: unit, estimatedUnitPrice: nil, shares: ordered(shares))
  }

  /// Shares ordered by agency, then by what they hold, the source only breaking ties between identical shares.
  private static func ordered(_ shares: [Share]) -> [Share] {
    // Positions are sorted rather than the shares themselves, which are large to move.
    shares.indices.sorted { precedes(shares[$0], shares[$1]) }.map { shares[$0] }
  }

  private static func precedes(_ a: Share, _ b: Share) -> Bool {
    if a.agencyID != b.agencyID { return a.agencyID < b.agencyID }
    if a.needBy != b.needBy {
      guard let left = a.needBy else { return false }  // undated shares last
      guard let right = b.needBy else { return true }
      return left < right
    }
    if a.deliverTo != b.deliverTo { return (a.deliverTo ?? "") < (b.deliverTo ?? "") }
    if a.commitment != b.commitment { return a.commitment.rawValue < b.commitment.rawValue }
    if a.originalUnit.code != b.originalUnit.code { return a.originalUnit.code < b.originalUnit.code }
    if a.originalQuantity != b.originalQuantity { return a.originalQuantity < b.originalQuantity }
    if a.notes != b.notes { return (a.notes ?? "") < (b.notes ?? "") }
    return a.source < b.source
  }

}
