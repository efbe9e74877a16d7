import Foundation

/// Builds a ``NeedsFile`` as its lines are read: checks and resolves each line, keeps each text once, and
/// stores the lines compactly.
struct NeedsFileBuilder {
  /// The file being read.
  let path: String
  /// The workbook sheet the file's lines were read from, if it is a workbook.
  let sheet: String?
  /// What lines are checked and resolved against.
  let resolver: NeedsResolver
  /// What the file says for each agency so far.
  var sections: [NeedsSection] = []
  private var texts: [String] = []
  private var positions: [String: Int32] = [:]
  private var writeIns: [NeedLine.WriteIn] = []
  private var conversions: [Int64: UnitConversion?] = [:]
  /// Whether a line was kept without its lot or catalog item (its problem is reported where it lies).
  private var hasUnresolvedLine = false

  init(path: String, sheet: String? = nil, resolver: NeedsResolver) {
    self.path = path
    self.sheet = sheet
    self.resolver = resolver
  }

  /// Adds a section for an agency (nil while its agency is unknown); returns its position.
  mutating func addSection(agency: Agency? = nil, submitted: Located<CalendarDate>? = nil) -> Int {
    sections.append(NeedsSection(agency: agency, submitted: submitted, lines: []))
    return sections.count - 1
  }

  /// Checks and resolves `reading`, and adds it to the section at `section` when it could be read whole.
  mutating func add(_ reading: LineReading, to section: Int, _ diagnostics: inout DiagnosticCollector) {
    let resolution = resolver.resolve(reading, conversions: &conversions, &diagnostics)
    guard let quantity = reading.quantity, let unit = reading.unit else { return }
    let itemText: Int32
    let itemAt: SourceLocation
    if let id = reading.catalogItem {
      itemText = intern(id.value)
      itemAt = id.location
    } else if let writeIn = reading.writeIn {
      itemText = Int32(writeIns.count)
      writeIns.append(writeIn)
      itemAt = writeIn.classification.location
    } else {
      return
    }
    // A line delivered in releases is needed by its first release.
    let needBy =
      reading.needBy
      ?? reading.releases?.min { $0.value.date < $1.value.date }.map {
        Located($0.value.date, at: $0.location)
      }
    var need = ResolvedNeed(
      item: resolution.item, itemText: itemText, isWriteIn: reading.catalogItem == nil,
      // A line whose quantity could not be converted has no lot: it is not resolved.
      lot: resolution.baseQuantity == nil ? -1 : resolution.lot,
      unit: UnitTable.positions[unit.value.code] ?? 0, commitment: reading.commitment,
      isExact: resolution.isExact, deliverTo: reading.deliverTo.map { intern($0) } ?? -1,
      spec: reading.spec.map { intern($0) } ?? -1, notes: reading.notes.map { intern($0) } ?? -1,
      needBy: needBy?.value,
      anchor: .init(reading.location), itemAt: .init(itemAt), quantityAt: .init(quantity.location),
      unitAt: .init(unit.location), needByAt: needBy.map { .init($0.location) } ?? .none,
      quantity: quantity.value, baseQuantity: resolution.baseQuantity ?? quantity.value)
    need.isAsNeeded = reading.isAsNeeded
    if let minimum = resolution.baseMinimum {
      need.hasMinimum = true
      sections[section].minimums[Int32(sections[section].lines.count)] = minimum
    }
    if let releases = reading.releases {
      need.hasReleases = true
      sections[section].releases[Int32(sections[section].lines.count)] = releases.map(\.value)
    }
    hasUnresolvedLine = hasUnresolvedLine || !need.isResolved
    sections[section].lines.append(need)
  }

  /// Adds a line read and resolved without findings to the section at `section`.
  mutating func add(_ need: ResolvedNeed, to section: Int) {
    sections[section].lines.append(need)
  }

  /// The conversion of `unit` to the base unit of the catalog item at `item`, worked out once per file.
  mutating func conversion(ofItem item: Int, from unit: UnitOfMeasure) -> UnitConversion? {
    resolver.conversion(ofItem: item, from: unit, &conversions)
  }

  /// The position of `text` among the file's texts, adding it on first use.
  mutating func intern(_ text: String) -> Int32 {
    if let known = positions[text] { return known }
    let position = Int32(texts.count)
    texts.append(text)
    positions[text] = position
    return position
  }

  /// The file read, with `lineCount` lines in all (including lines too broken to keep).
  func finish(lineCount: Int) -> NeedsFile {
    NeedsFile(
      path: path, sheet: sheet, sections: sections, lineCount: lineCount, texts: texts, writeIns: writeIns,
      isResolved: resolver.resolvesLines && !hasUnresolvedLine)
  }
}
