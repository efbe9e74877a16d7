import Foundation

/// Reads and checks the lead agency's catalog, `catalog.csv`, `catalog.xlsx` or `catalog.yaml`.
public enum CatalogReader {
  /// The fields of a catalog row.
  public static let fields = [
    "item", "description", "classification", "unit", "lot", "estimated_unit_price", "packs",
    "minimum_percent", "maximum_percent",
  ]
  static let requiredFields = ["item", "description", "classification", "unit"]

  /// Reads the catalog at `path`; returns nil only when nothing in it can be read.
  public static func read(_ path: String, _ diagnostics: inout DiagnosticCollector) -> Catalog? {
    read(SourceFile.read(path), path: path, &diagnostics)
  }

  /// Reads the catalog from a file already read (or the reason it could not be).
  static func read(
    _ source: Result<SourceFile, Diagnostic>, path: String, _ diagnostics: inout DiagnosticCollector
  ) -> Catalog? {
    guard let format = FileFormat(path: path) else { return nil }
    let rows: [DocumentNode]
    let rowName: String
    switch format {
    case .csv, .xlsx:
      guard let table = FileFormat.readTable(source, sheet: "catalog", columns: fields, &diagnostics) else {
        return nil
      }
      guard !table.header.isEmpty else {
        diagnostics.error(
          "the catalog is empty; expected a header row: \(fields.joined(separator: ","))", at: .start(of: path))
        return nil
      }
      guard TableRows.checkHeader(table, path: path, known: fields, required: requiredFields, &diagnostics) else {
        return nil
      }
      rows = TableRows.mappings(table)
      rowName = "catalog row"
    case .yaml, .json:
      guard
        let root = FileFormat.readTree(
          source, path: path, format: format, expected: "a mapping with 'items'", &diagnostics),
        let top = FieldReader(root, context: "catalog", known: ["items"], isRoot: true, diagnostics: &diagnostics)
      else { return nil }
      rows = top.list("items", required: true, &diagnostics) ?? []
      top.finish(&diagnostics)
      rowName = "catalog item"
    }
    var items: [CatalogItem] = []
    var rejected: Set<String> = []
    var seen: [String: Located<String>] = [:]
    for (index, row) in rows.enumerated() {
      let context = format == .csv || format == .xlsx ? rowName : "\(rowName) #\(index + 1)"
      guard let item = readItem(row, context: context, &diagnostics) else {
        if case .mapping(let entries) = row.value, let id = entries.first(where: { $0.key == "item" })?.value.scalarText
        {
          rejected.insert(id)
        }
        continue
      }
      if let first = seen[Identifier.key(item.id.value)] {
        diagnostics.error(
          "catalog item '\(item.id.value)' is listed twice (ids that differ only in case are the same id); item ids "
            + "must be unique", at: item.id.location)
        diagnostics.note("'\(first.value)' is first listed here", at: first.location)
        continue
      }
      seen[Identifier.key(item.id.value)] = item.id
      items.append(item)
    }
    return Catalog(
      path: path, items: items, rejectedItemIDs: Set(rejected.map(Identifier.key)).subtracting(seen.keys))
  }

  private static func readItem(
    _ node: DocumentNode, context: String, _ diagnostics: inout DiagnosticCollector
  ) -> CatalogItem? {
    guard let row = FieldReader(node, context: context, known: fields, diagnostics: &diagnostics) else { return nil }
    let id = row.identifier("item", required: true, &diagnostics)
    let name = id.map { "catalog item '\($0.value)'" } ?? context
    let description = row.text("description", required: true, &diagnostics)
    let classification = UnitReading.classification(row, prefix: name, &diagnostics)
    let unit = UnitReading.unit(row, prefix: name, required: true, &diagnostics)
    let lot = row.identifier("lot", &diagnostics)
    let price = row.decimal("estimated_unit_price", positive: false, &diagnostics)
    let packs = readPacks(row, name: name, baseUnit: unit?.value, &diagnostics)
    let band = BandReading.percents(row, name: name, &diagnostics)
    row.finish(&diagnostics)
    guard let id, let description, let classification, let unit else { return nil }
    return CatalogItem(
      id: id, description: description.value, classification: classification, unit: unit.value, lot: lot,
      estimatedUnitPrice: price?.value, packs: packs, minimumPercent: band.minimum, maximumPercent: band.maximum)
  }

  /// Reads `packs`, written `XCS=12;XBX=10` or as a mapping `{XCS: 12, XBX: 10}`.
  private static func readPacks(
    _ row: FieldReader, name: String, baseUnit: UnitOfMeasure?, _ diagnostics: inout DiagnosticCollector
  ) -> [String: Decimal] {
    guard let node = row.node("packs", &diagnostics) else { return [:] }
    var pairs: [(unit: String, size: String, location: SourceLocation)] = []
    switch node.value {
    case .scalar(let text):
      for part in text.split(separator: ";") where !part.trimmed.isEmpty {
        let sides = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard sides.count == 2 else {
          diagnostics.error(
            "\(name): pack '\(part.trimmed)' is not UNIT=COUNT; write packs like "
              + "XCS=12;XBX=10 (one case holds 12 base units)", at: node.location)
          continue
        }
        pairs.append(
          (sides[0].trimmed, sides[1].trimmed, node.location))
      }
    case .mapping(let entries):
      for entry in entries {
        pairs.append((entry.key, entry.value.scalarText ?? "", entry.value.location))
      }
    default:
      diagnostics.error(
        "\(name): 'packs' must be text like XCS=12;XBX=10 or a mapping, found \(node.kindDescription)",
        at: node.location)
    }
    var packs: [String: Decimal] = [:]
    for pair in pairs {
      let unit: UnitOfMeasure
      switch UnitOfMeasure.lookup(pair.unit) {
      case .found(let found), .ambiguous(let found, _): unit = found
      case .unknown(let suggestion):
        diagnostics.error(
          "\(name): pack unit '\(pair.unit)' is not a known unit"
            + (suggestion.map { " (did you mean '\($0)'?)" } ?? "; expected a package code such as XCS or XBX"),
          at: pair.location)
        continue
      }
      guard case .success(let size) = DecimalText.parse(pair.size, thousands: true), size > 0 else {
        diagnostics.error(
          "\(name): pack size '\(pair.size)' for \(unit.code) is not a positive decimal number", at: pair.location)
        continue
      }
      guard unit.isPackage else {
        diagnostics.error(
          "\(name): pack unit \(unit) is not a package; packs give the sizes of packages such as XCS (case), "
            + "XBX (box) or XPK (pack)", at: pair.location)
        continue
      }
      if unit == baseUnit {
        diagnostics.error(
          "\(name): pack unit \(unit.code) is the item's base unit; a pack says how many base units a package holds",
          at: pair.location)
        continue
      }
      if packs[unit.code] != nil {
        diagnostics.error("\(name): pack unit \(unit.code) is given twice", at: pair.location)
        continue
      }
      packs[unit.code] = size
    }
    return packs
  }
}
