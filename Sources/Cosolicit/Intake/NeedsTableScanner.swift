import Foundation

/// Reads a clean needs CSV straight from its bytes into resolved lines: no table of strings, no field reader and
/// no located values per cell.
///
/// Clean means that the full reader (``NeedsReader``) would report nothing at all: every row well-formed, every
/// value valid and needing no warning. That is the common case, and the one that comes in volume. At the first
/// thing that might need a finding the scanner declines and the full reader reads the file, so the file read is
/// the same either way and every finding comes from one place. It declines generously: a value with spaces or
/// non-ASCII at either end, a line break inside quotes, a row without a delivery site, an agency column that
/// differs from the agency's earlier rows.
struct NeedsTableScanner {
  /// Reads `source` if it is clean; nil when it is not, or when lines cannot be resolved (no catalog or
  /// solicitation to resolve them against).
  static func read(_ source: SourceFile, resolver: NeedsResolver) -> NeedsFile? {
    guard resolver.resolvesLines, resolver.catalog != nil, source.lineLimitProblem == nil,
      FileFormat.offsetOfExcessiveFields(source.bytes) == nil
    else { return nil }
    return source.bytes.withUnsafeBufferPointer { bytes in
      var scanner = NeedsTableScanner(bytes: bytes, path: source.path, resolver: resolver)
      return scanner.read()
    }
  }

  /// One cell of the row being read: where its text is in the file's bytes, and where the cell starts.
  private struct Cell {
    var start = 0
    var end = 0
    var isQuoted = false
    var hasDoubledQuotes = false
    var column: Int32 = 1
    var isEmpty: Bool { start == end }
  }

  private enum RowEnd { case row, endOfFile, decline }

  private let bytes: UnsafeBufferPointer<UInt8>
  private let path: String
  private let resolver: NeedsResolver
  private var offset = 0
  private var line: Int32 = 1
  private var cells: [Cell] = []

  private init(bytes: UnsafeBufferPointer<UInt8>, path: String, resolver: NeedsResolver) {
    self.bytes = bytes
    self.path = path
    self.resolver = resolver
  }

  /// The columns the scanner reads, by position in the header.
  private struct Columns {
    var agencyID: Int
    var agencyName: Int
    var agencyType: Int
    /// Every agency column of the header, the id, name and type first.
    var agency: [Int]
    /// The agency columns besides id, name and type, with their names.
    var details: [(name: String, index: Int)]
    /// In a needs request form (a header with `base_unit`), every column by name, to tell unused rows; else nil.
    var form: [String: Int]?
    var item: Int?
    var quantity: Int
    var unit: Int
    var commitment: Int?
    var deliverTo: Int?
    var needBy: Int?
    var spec: Int?
    var notes: Int?
    /// A partial commitment's minimum: the full reader reads a row that gives one (they are few).
    var minimumQuantity: Int?
    /// A line's releases: the full reader reads a row that gives them (they are few).
    var releases: Int?
  }

  /// What an agency's rows say of it besides its id, name and type, by column: each value and where it is.
  private typealias Details = [String: (text: String, at: SourceLocation)]

  private mutating func read() -> NeedsFile? {
    guard let header = nextNonBlankRow(), let columns = columns(of: header) else { return nil }
    var file = NeedsFileBuilder(path: path, resolver: resolver)
    var sectionByID: [String: Int] = [:]
    var details: [Details] = []
    var lastAgency: (cells: [Cell], section: Int)?
    var records = 0
    let tableColumns = TableRows.Columns(names: header)
    while true {
      switch nextRow() {
      case .decline: return nil
      case .endOfFile:
        guard records > 0, finish(&file, details) else { return nil }
        return file.finish(lineCount: records)
      case .row: break
      }
      if isBlankRow { continue }
      // A needs request form's row with nothing filled in is a row the participant did not use.
      if let form = columns.form, cells.count == header.count,
        NeedsReader.isUnusedFormRow({ name in form[name].map { isBlank(cells[$0]) ? "" : "filled" } })
      {
        continue
      }
      records += 1
      guard cells.count == header.count else { return nil }
      let rowLine = line - 1
      let agencyCells = columns.agency.map { cells[$0] }
      let section: Int
      if let lastAgency, sameTexts(lastAgency.cells, agencyCells) {
        section = lastAgency.section
      } else {
        guard let found = agency(columns, rowLine, &file, &sectionByID, &details) else { return nil }
        section = found
        lastAgency = (agencyCells, found)
      }
      let itemCell = columns.item.map { cells[$0] } ?? Cell()
      if itemCell.isEmpty {
        guard writeIn(at: rowLine, columns: tableColumns, to: section, &file) else { return nil }
      } else {
        guard let need = catalogLine(columns, rowLine, &file) else { return nil }
        file.add(need, to: section)
      }
    }
  }

  /// The row's agency's section: found by id, or added for a new agency; nil when the cells are not clean or
  /// disagree with the agency's earlier rows.
  private func agency(
    _ columns: Columns, _ rowLine: Int32, _ file: inout NeedsFileBuilder, _ sectionByID: inout [String: Int],
    _ details: inout [Details]
  ) -> Int? {
    guard let id = text(cells[columns.agencyID]), Identifier.isValid(id), let name = text(cells[columns.agencyName]),
      let typeText = text(cells[columns.agencyType]),
      let type = EntityType.matching(typeText)
    else { return nil }
    let section: Int
    if let known = sectionByID[Identifier.key(id)] {
      guard let first = file.sections[known].agency, first.name == name, first.type == type else { return nil }
      section = known
    } else {
      let location = SourceLocation(path: path, line: Int(rowLine), column: Int(cells[columns.agencyID].column))
      section = file.addSection(
        agency: Agency(id: Located(id, at: location), name: name, type: type, state: nil, contact: nil, signer: nil))
      sectionByID[Identifier.key(id)] = section
      details.append([:])
    }
    for (name, column) in columns.details where !cells[column].isEmpty {
      guard let value = text(cells[column]) else { return nil }
      if let first = details[section][name] {
        guard first.text == value else { return nil }
        continue
      }
      switch name {
      case "agency_state": guard USState.isKnown(value) else { return nil }
      case "contact_email": guard AgencyReader.looksLikeEmail(value) else { return nil }
      case "submitted": guard CalendarDate(iso: value) != nil else { return nil }
      default: break
      }
      let location = SourceLocation(path: path, line: Int(rowLine), column: Int(cells[column].column))
      details[section][name] = (value, location)
    }
    return section
  }

  /// Gives each agency of `file` what its rows said of it, as the full reader does; false when that would be a
  /// finding (a signer's title without a name).
  private func finish(_ file: inout NeedsFileBuilder, _ details: [Details]) -> Bool {
    for (section, values) in details.enumerated() where !values.isEmpty {
      guard values["signer_title"] == nil || values["signer_name"] != nil, let agency = file.sections[section].agency
      else { return false }
      file.sections[section].agency = TableAgencies.agency(agency, details: values.mapValues(\.text))
      if let submitted = values["submitted"], let date = CalendarDate(iso: submitted.text) {
        file.sections[section].submitted = Located(date, at: submitted.at)
      }
    }
    return true
  }

  /// The row as a catalog line, resolved; nil when any of its values is not clean.
  private func catalogLine(_ columns: Columns, _ rowLine: Int32, _ file: inout NeedsFileBuilder) -> ResolvedNeed? {
    guard let catalog = resolver.catalog, let itemColumn = columns.item, let id = text(cells[itemColumn]),
      Identifier.isValid(id), !catalog.isRejected(id), let item = catalog.position(ofID: id),
      resolver.lotOfItem[item] >= 0,
      let quantityText = text(cells[columns.quantity]),
      case .success(let quantity) = DecimalText.parse(quantityText, thousands: true),
      quantity > 0,
      let unitText = text(cells[columns.unit]), case .found(let unit) = UnitOfMeasure.lookup(unitText),
      let deliverTo = optionalText(columns.deliverTo), let site = deliverTo,
      columns.minimumQuantity.map({ cells[$0].isEmpty }) ?? true,
      columns.releases.map({ cells[$0].isEmpty }) ?? true
    else { return nil }
    guard let commitmentText = optionalText(columns.commitment), let needByText = optionalText(columns.needBy),
      let spec = optionalText(columns.spec), let notes = optionalText(columns.notes)
    else { return nil }
    var commitment = Commitment.binding
    if let word = commitmentText {
      guard let given = Commitment.matching(word) else { return nil }
      commitment = given
    }
    var needBy: CalendarDate?
    if let dateText = needByText {
      guard let date = CalendarDate(iso: dateText) else { return nil }
      if let term = resolver.solicitation?.term, date < term.start.value || date > term.endWithRenewals { return nil }
      needBy = date
    }
    guard let conversion = file.conversion(ofItem: item, from: unit) else { return nil }
    let converted = conversion.apply(to: quantity)
    guard converted.isExact else { return nil }
    func at(_ column: Int?) -> ResolvedNeed.Position {
      column.map { ResolvedNeed.Position(line: rowLine, column: cells[$0].column) } ?? .none
    }
    let itemAt = at(itemColumn)
    return ResolvedNeed(
      item: Int32(item), itemText: file.intern(id), isWriteIn: false, lot: resolver.lotOfItem[item],
      unit: UnitTable.positions[unit.code] ?? 0, commitment: commitment, isExact: true,
      deliverTo: file.intern(site), spec: spec.map { file.intern($0) } ?? -1,
      notes: notes.map { file.intern($0) } ?? -1, needBy: needBy, anchor: itemAt,
      itemAt: itemAt, quantityAt: at(columns.quantity), unitAt: at(columns.unit),
      needByAt: needBy == nil ? .none : at(columns.needBy), quantity: quantity, baseQuantity: converted.value)
  }

  /// Reads a write-in row through the full reader's own line reading, as a record of this row alone; false when
  /// that reports anything. Write-ins are few, and their checks many.
  private func writeIn(
    at rowLine: Int32, columns: TableRows.Columns, to section: Int, _ file: inout NeedsFileBuilder
  ) -> Bool {
    let fields = cells.map { cell in
      CSVTable.Field(
        text: string(cell), location: SourceLocation(path: path, line: Int(rowLine), column: Int(cell.column)))
    }
    let record = CSVTable.Record(fields: fields, location: fields[0].location, isMalformed: false)
    var findings = DiagnosticCollector()
    let reader = FieldReader(row: record, columns: columns, context: "row")
    guard
      let reading = NeedsReader.readLine(
        reader, isWriteIn: reader.isBlank("item"), context: "row",
        defaults: NeedsReader.LineDefaults(commitment: .binding, deliverTo: nil), &findings),
      findings.diagnostics.isEmpty
    else { return false }
    file.add(reading, to: section, &findings)
    return findings.diagnostics.isEmpty
  }

  // MARK: - Cells

  /// The header's columns, when the header is clean: known names only, each once, the required ones present.
  private func columns(of header: [String]) -> Columns? {
    let names = header.map(TableRows.normalized)
    guard Set(names).count == names.count, names.allSatisfy(NeedsReader.csvColumns.contains) else { return nil }
    func index(_ name: String) -> Int? { names.firstIndex(of: name) }
    guard let id = index("agency_id"), let name = index("agency_name"), let type = index("agency_type"),
      let quantity = index("quantity"), let unit = index("unit")
    else { return nil }
    let details = TableAgencies.detailColumns.compactMap { name in index(name).map { (name: name, index: $0) } }
    return Columns(
      agencyID: id, agencyName: name, agencyType: type, agency: [id, name, type] + details.map(\.index),
      details: details,
      form: index("base_unit") == nil ? nil : Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) }),
      item: index("item"),
      quantity: quantity, unit: unit, commitment: index("commitment"), deliverTo: index("deliver_to"),
      needBy: index("need_by"), spec: index("spec"), notes: index("notes"),
      minimumQuantity: index("minimum_quantity"), releases: index("releases"))
  }

  /// The text of a clean non-empty cell; nil for an empty cell or one that is not clean.
  private func text(_ cell: Cell) -> String? {
    guard !cell.isEmpty, isClean(cell) else { return nil }
    return string(cell)
  }

  /// An optional column's text: `.some(nil)` when the column is absent or the cell empty, `.some(text)` for a
  /// clean value, nil (decline) for a value that is not clean.
  private func optionalText(_ column: Int?) -> String?? {
    guard let column, !cells[column].isEmpty else { return .some(nil) }
    guard let text = text(cells[column]) else { return nil }
    return .some(text)
  }

  /// Whether a cell's text starts and ends with a visible ASCII character (so trimming leaves it as it is) and
  /// is no longer than a value may be.
  private func isClean(_ cell: Cell) -> Bool {
    // A cell that starts with `'` may be guarded against formulas (`CSVCell.unescaped`): the full reader reads it.
    let visible: ClosedRange<UInt8> = 0x21...0x7E
    return visible.contains(bytes[cell.start]) && bytes[cell.start] != UInt8(ascii: "'")
      && visible.contains(bytes[cell.end - 1])
      && cell.end - cell.start <= FieldReader.maximumTextLength
  }

  /// The cell's text, with doubled quotes read as one.
  private func string(_ cell: Cell) -> String {
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[cell.start..<cell.end]), as: UTF8.self)
    return cell.hasDoubledQuotes ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
  }

  /// Whether two rows' cells hold the same texts, byte for byte as written.
  private func sameTexts(_ left: [Cell], _ right: [Cell]) -> Bool {
    zip(left, right).allSatisfy { a, b in
      a.end - a.start == b.end - b.start && a.isQuoted == b.isQuoted
        && (a.start == b.start
          || memcmp(bytes.baseAddress! + a.start, bytes.baseAddress! + b.start, a.end - a.start) == 0)
    }
  }

  // MARK: - Rows

  /// Whether every cell of the row is empty or spaces and tabs (a subset of what the full reader calls blank;
  /// any other row the full reader finds blank has cells no clean row has, and is declined).
  private var isBlankRow: Bool { cells.allSatisfy(isBlank) }

  /// Whether a cell is empty or holds only spaces and tabs.
  private func isBlank(_ cell: Cell) -> Bool {
    cell.isEmpty || bytes[cell.start..<cell.end].allSatisfy { $0 == 0x20 || $0 == 0x09 }
  }

  /// The next row that is not blank, as texts (the header); nil at the end or when not clean.
  private mutating func nextNonBlankRow() -> [String]? {
    while true {
      guard nextRow() == .row else { return nil }
      if !isBlankRow { return cells.map(string) }
    }
  }

  /// Reads one row into ``cells``. Declines on anything the full reader would report or that the scanner leaves
  /// to it: a quote inside an unquoted cell, text after a closing quote, an unclosed quote, a line break inside
  /// quotes, a control character or a byte that may start U+FFFE or U+FFFF.
  private mutating func nextRow() -> RowEnd {
    guard offset < bytes.count else { return .endOfFile }
    cells.removeAll(keepingCapacity: true)
    var column: Int32 = 1
    let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lineFeed: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D
    while true {
      var cell = Cell(column: column)
      if offset < bytes.count, bytes[offset] == quote {
        cell.isQuoted = true
        offset += 1
        column += 1
        cell.start = offset
        while true {
          guard offset < bytes.count else { return .decline }
          let byte = bytes[offset]
          if byte == quote {
            guard offset + 1 < bytes.count, bytes[offset + 1] == quote else { break }
            cell.hasDoubledQuotes = true
            offset += 2
            column += 2
            continue
          }
          guard Self.isPlain(byte) else { return .decline }
          if byte & 0xC0 != 0x80 { column += 1 }
          offset += 1
        }
        cell.end = offset
        offset += 1
        column += 1
      } else {
        cell.start = offset
        while offset < bytes.count {
          let byte = bytes[offset]
          if byte == comma || byte == lineFeed || byte == carriageReturn { break }
          guard byte != quote, Self.isPlain(byte) else { return .decline }
          if byte & 0xC0 != 0x80 { column += 1 }
          offset += 1
        }
        cell.end = offset
      }
      cells.append(cell)
      guard offset < bytes.count else {
        line += 1
        return .row
      }
      let separator = bytes[offset]
      offset += 1
      column += 1
      if separator == comma { continue }
      guard separator == lineFeed || separator == carriageReturn else { return .decline }
      if separator == carriageReturn, offset < bytes.count, bytes[offset] == lineFeed { offset += 1 }
      line += 1
      return .row
    }
  }

  /// Whether `byte` may stand in a cell without a finding: not a control character other than tab, not a line
  /// break, and not 0xEF, which starts U+FFFE and U+FFFF (forbidden) and the byte order mark.
  private static func isPlain(_ byte: UInt8) -> Bool {
    (byte >= 0x20 || byte == 0x09) && byte != 0xEF
  }
}
