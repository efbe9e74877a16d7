import Foundation

/// Reads participants' needs files: one participant per YAML or JSON file, one or more per CSV file.
public enum NeedsReader {
  /// The top-level fields of a YAML or JSON needs file.
  public static let fileFields = ["agency", "commitment", "submitted", "deliver_to", "items"]
  /// The fields of one needs line.
  public static let lineFields = [
    "item", "description", "classification", "quantity", "unit", "commitment", "deliver_to", "need_by", "spec",
    "notes", "minimum_quantity", "releases",
  ]
  /// The word that writes a line with no quantity, ordered as needed (in any case).
  public static let asNeededWord = "as-needed"
  /// The columns a needs request form offers for information beside each catalog item: its base unit, the packs
  /// it comes in and the lead agency's estimated price. They are read by no one; a header with `base_unit` marks
  /// the file as a form.
  public static let formColumns = ["base_unit", "packs", "estimated_unit_price"]
  /// The columns a participant fills in on a needs request form; a form row with all of them empty is a row the
  /// participant did not use, and is skipped, unless it is a row for a write-in (no `item`) whose
  /// ``writeInColumns`` say something: a write-in half filled in is a line, checked as one.
  public static let fillInColumns = [
    "quantity", "minimum_quantity", "unit", "commitment", "deliver_to", "need_by", "releases", "spec", "notes",
  ]
  /// What a participant writes on a form's row for a write-in besides the ``fillInColumns``.
  public static let writeInColumns = ["description", "classification"]

  /// Whether a needs request form's row was left unused, given its cell in each column by name: nothing in the
  /// ``fillInColumns`` and, on a row with no `item`, nothing in the ``writeInColumns`` either.
  static func isUnusedFormRow(_ cell: (String) -> String?) -> Bool {
    func isBlank(_ column: String) -> Bool { cell(column).map { $0.trimmed.isEmpty } ?? true }
    guard fillInColumns.allSatisfy(isBlank) else { return false }
    return !isBlank("item") || writeInColumns.allSatisfy(isBlank)
  }
  /// The columns of a CSV needs file: the agency's, the line's, and a needs request form's.
  public static let csvColumns = TableAgencies.columns + lineFields + formColumns

  /// Reads the needs file at `path`, checking and resolving each line with `resolver` as it is read; returns
  /// nil only when nothing in it can be read.
  /// `scanning: false` reads a CSV file with the full reader even when it is clean (for tests that compare).
  static func read(
    _ path: String, resolver: NeedsResolver, scanning: Bool = true, _ diagnostics: inout DiagnosticCollector
  ) -> NeedsFile? {
    read(SourceFile.read(path), path: path, resolver: resolver, scanning: scanning, &diagnostics)
  }

  /// Reads a needs file already read (or the reason it could not be), as ``read(_:resolver:scanning:_:)``.
  static func read(
    _ source: Result<SourceFile, Diagnostic>, path: String, resolver: NeedsResolver, scanning: Bool = true,
    _ diagnostics: inout DiagnosticCollector
  ) -> NeedsFile? {
    switch FileFormat(path: path) {
    case .csv:
      // Most needs files are clean throughout: read straight into resolved lines; the full reader reads the rest.
      readTable(source, resolver: resolver, linesToo: true, scanning: scanning, &diagnostics)
    case .yaml: readTree(source, path: path, format: .yaml, resolver: resolver, &diagnostics)
    case .json: readTree(source, path: path, format: .json, resolver: resolver, &diagnostics)
    // A workbook's cells are read into a table first: the scanner reads CSV bytes only.
    case .xlsx: readTable(source, resolver: resolver, linesToo: true, scanning: false, &diagnostics)
    case nil: nil
    }
  }

  private static func readTree(
    _ source: Result<SourceFile, Diagnostic>, path: String, format: FileFormat, resolver: NeedsResolver,
    _ diagnostics: inout DiagnosticCollector
  ) -> NeedsFile? {
    let expected = "a mapping with 'agency' and 'items'"
    guard let root = FileFormat.readTree(source, path: path, format: format, expected: expected, &diagnostics),
      let fields = FieldReader(root, context: "needs file", known: fileFields, isRoot: true, diagnostics: &diagnostics)
    else { return nil }
    var agency: Agency?
    if let reader = fields.mapping("agency", known: AgencyReader.fields, required: true, &diagnostics) {
      agency = AgencyReader.read(reader, &diagnostics)
    }
    let commitment = fields.keyword("commitment", as: Commitment.self, &diagnostics)?.value ?? .binding
    let submitted = fields.date("submitted", &diagnostics)
    let deliverTo = fields.text("deliver_to", &diagnostics)?.value
    let items = fields.list("items", required: true, &diagnostics) ?? []
    if items.isEmpty, fields.has("items") {
      diagnostics.error("needs file: 'items' is empty; list at least one line", at: fields.location(of: "items"))
    }
    fields.finish(&diagnostics)
    let defaults = LineDefaults(commitment: commitment, deliverTo: deliverTo)
    var file = NeedsFileBuilder(path: path, resolver: resolver)
    let section = file.addSection(agency: agency, submitted: submitted)
    for (index, node) in items.enumerated() {
      guard let line = readLine(node, context: "items #\(index + 1)", defaults: defaults, &diagnostics) else {
        continue
      }
      file.add(line, to: section, &diagnostics)
    }
    return file.finish(lineCount: items.count)
  }

  /// Reads only who the needs file at `path` is from: its agencies, without their lines where the format
  /// allows (CSV, a workbook). Enough to check another file against it for duplicate agencies, and much faster.
  static func readAgencies(_ path: String, _ diagnostics: inout DiagnosticCollector) -> NeedsFile? {
    let resolver = NeedsResolver(solicitation: nil, catalog: nil, catalogKnown: false)
    return [.csv, .xlsx].contains(FileFormat(path: path))
      ? readTable(SourceFile.read(path), resolver: resolver, linesToo: false, &diagnostics)
      : read(path, resolver: resolver, &diagnostics)
  }

  /// Whether the needs file at `path` may name an agency with one of `ids`: false only when its bytes hold none
  /// of the ids' texts and no escape (a backslash, with which YAML and JSON can spell a text other ways), so
  /// that it cannot. Cheaper than reading the file's agencies; a file that cannot be read may name anything, and
  /// so may a workbook, whose texts are packed.
  static func mayName(anyOf ids: [String], _ path: String) -> Bool {
    guard FileFormat(path: path) != .xlsx, case .success(let source) = SourceFile.readBytes(path) else { return true }
    return source.withUnsafeBufferPointer { bytes -> Bool in
      guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
      if memchr(base, Int32(UInt8(ascii: "\\")), bytes.count) != nil { return true }
      return ids.contains { id in
        var id = id
        return id.withUTF8 { text in contains(text, in: UnsafeRawBufferPointer(bytes)) }
      }
    }
  }

  /// Whether `needle` (not empty) occurs in `haystack`, ASCII letters in either case (ids that differ only in
  /// case are the same id): each place its first byte occurs, in either case, is found by `memchr` and compared.
  private static func contains(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeRawBufferPointer) -> Bool {
    guard let first = needle.first, let start = haystack.baseAddress else { return false }
    for variant in Identifier.isLetter(first) ? [first | 0x20, first & ~0x20] : [first] {
      var offset = 0
      while haystack.count - offset >= needle.count {
        guard let found = memchr(start + offset, Int32(variant), haystack.count - offset - needle.count + 1) else {
          break
        }
        let position = start.distance(to: UnsafeRawPointer(found))
        if Identifier.sameBytes(UnsafeRawBufferPointer(start: start + position, count: needle.count), needle) {
          return true
        }
        offset = position + 1
      }
    }
    return false
  }

  private static func readTable(
    _ source: Result<SourceFile, Diagnostic>, resolver: NeedsResolver, linesToo: Bool, scanning: Bool = true,
    _ diagnostics: inout DiagnosticCollector
  ) -> NeedsFile? {
    if linesToo, scanning, case .success(let file) = source,
      let clean = NeedsTableScanner.read(file, resolver: resolver)
    {
      return clean
    }
    guard let table = FileFormat.readTable(source, sheet: "needs", columns: csvColumns, &diagnostics),
      case .success(let read) = source
    else { return nil }
    return readTable(table, path: read.path, resolver: resolver, linesToo: linesToo, &diagnostics)
  }

  /// Reads a needs table already read: its header, then each row that is not blank (nor, in a needs request
  /// form, left unused).
  static func readTable(
    _ table: CSVTable, path: String, resolver: NeedsResolver, linesToo: Bool, _ diagnostics: inout DiagnosticCollector
  ) -> NeedsFile? {
    guard !table.header.isEmpty else {
      diagnostics.error(
        "the needs file is empty; expected a header row with the columns \(csvColumns.joined(separator: ","))",
        at: .start(of: path))
      return nil
    }
    let required = ["agency_id", "agency_name", "agency_type", "quantity", "unit"]
    var file = NeedsFileBuilder(path: path, sheet: table.sheet, resolver: resolver)
    // A table whose header cannot be read is a file whose agencies are unknown: not read, so that no invited
    // agency it names is taken for one that sent nothing.
    guard TableRows.checkHeader(table, path: path, known: csvColumns, required: required, &diagnostics) else {
      return nil
    }
    let columns = TableRows.Columns(table)
    let isForm = columns.index["base_unit"] != nil
    // A row is a line unless blank, or in a needs request form unused: nothing filled in, whatever it offers.
    let isLine = { (record: CSVTable.Record) -> Bool in
      guard !record.isMalformed else { return true }
      return !record.isBlank
        && !(isForm && isUnusedFormRow { name in columns.index[name].map { record.fields[$0].text } })
    }
    var lineCount = 0
    var agencies = TableAgencies()
    var unattributed: Int?
    // Rows of one agency repeat its cells; a row that repeats the last cleanly read agency's cells exactly is
    // that agency again, without reading them anew.
    var lastAgency: (cells: [String], index: Int)?
    let agencyColumns = TableAgencies.columns.compactMap { columns.index[$0] }
    let defaults = LineDefaults(commitment: .binding, deliverTo: nil)
    for record in table.records where isLine(record) {
      lineCount += 1
      guard !record.isMalformed else { continue }
      let fields = FieldReader(row: record, columns: columns, context: "row")
      let cells = agencyColumns.map { record.fields[$0].text }
      let index: Int?
      if let lastAgency, lastAgency.cells == cells {
        index = lastAgency.index
      } else {
        let findings = diagnostics.diagnostics.count
        index = agencies.section(of: fields, in: &file, &diagnostics)
        if let index, diagnostics.diagnostics.count == findings { lastAgency = (cells, index) }
      }
      guard linesToo else { continue }
      let line = readLine(fields, isWriteIn: fields.isBlank("item"), context: "row", defaults: defaults, &diagnostics)
      // Rows whose agency cannot be read are still checked, in a section of their own.
      guard let line else { continue }
      guard let index else {
        let section = unattributed ?? file.addSection()
        unattributed = section
        file.add(line, to: section, &diagnostics)
        continue
      }
      file.add(line, to: index, &diagnostics)
    }
    if lineCount == 0 {
      diagnostics.error(
        isForm
          ? "the needs request form has no row filled in; give a quantity and unit on each row you need"
          : "the needs file has a header but no rows; add one row per line", at: .start(of: path))
    }
    agencies.finish(&file, &diagnostics)
    return file.finish(lineCount: lineCount)
  }

  private static func entries(of node: DocumentNode) -> [DocumentNode.Entry] {
    if case .mapping(let entries) = node.value { return entries }
    return []
  }

  /// What a file says for all its lines unless a line says otherwise.
  struct LineDefaults {
    var commitment: Commitment
    var deliverTo: String?
  }

  private static func readLine(
    _ node: DocumentNode, context: String, defaults: LineDefaults, _ diagnostics: inout DiagnosticCollector
  ) -> LineReading? {
    // A line without an item id (absent or empty) is a write-in; an `item` of the wrong shape is reported as such.
    let itemEntry = entries(of: node).first { $0.key == "item" }
    let isWriteIn: Bool
    switch itemEntry?.value.value {
    case nil, .null: isWriteIn = true
    case .scalar(let text): isWriteIn = text.trimmed.isEmpty
    default: isWriteIn = false
    }
    let isMapping = if case .mapping = node.value { true } else { false }
    let lineContext = isWriteIn && isMapping ? "\(context) (write-in, no 'item')" : context
    guard let fields = FieldReader(node, context: lineContext, known: lineFields, diagnostics: &diagnostics) else {
      return nil
    }
    return readLine(fields, isWriteIn: isWriteIn, context: context, defaults: defaults, &diagnostics)
  }

  /// Reads one line's fields; `fields` is already named for a write-in when the line is one.
  static func readLine(
    _ fields: FieldReader, isWriteIn: Bool, context: String, defaults: LineDefaults,
    _ diagnostics: inout DiagnosticCollector
  ) -> LineReading? {
    let lineContext = isWriteIn ? "\(context) (write-in, no 'item')" : context
    let fields = isWriteIn && fields.context != lineContext ? fields.named(lineContext) : fields
    let itemID = isWriteIn ? nil : fields.identifier("item", &diagnostics)
    let name = itemID.map { "\(context): item '\($0.value)'" } ?? lineContext
    var writeIn: NeedLine.WriteIn?
    if isWriteIn {
      let description = fields.text("description", required: true, &diagnostics)
      let classification = UnitReading.classification(fields, prefix: name, &diagnostics)
      if let description, let classification {
        writeIn = NeedLine.WriteIn(description: description.value, classification: classification)
      }
    }
    // A line is traced to its `item` (or a write-in's `description`) key: in a JSON object written over several
    // lines, that is the line that says what is needed, not the line of the opening brace.
    let anchor = fields.keyLocation(of: isWriteIn ? "description" : "item") ?? fields.location
    // Read quietly first to tell `as-needed`; any finding about the value comes from reading it as a number.
    var quiet = DiagnosticCollector()
    let asNeeded = fields.text("quantity", &quiet).flatMap { Identifier.same($0.value, asNeededWord) ? $0 : nil }
    let isAsNeeded = asNeeded != nil
    let quantity =
      asNeeded.map { Located(Decimal(0), at: $0.location) }
      ?? fields.decimal("quantity", required: true, positive: true, &diagnostics)
    let givenCommitment = fields.keyword("commitment", as: Commitment.self, &diagnostics)
    let minimum = fields.decimal("minimum_quantity", positive: false, &diagnostics)
    let commitment = checkedCommitment(
      given: givenCommitment, default: defaults.commitment, isAsNeeded: isAsNeeded, quantity: quantity,
      minimum: minimum, name: name, &diagnostics)
    var reading = LineReading(
      location: anchor, catalogItem: itemID, writeIn: writeIn, quantity: quantity,
      unit: UnitReading.unit(fields, prefix: name, required: true, &diagnostics),
      commitment: commitment,
      deliverTo: fields.text("deliver_to", &diagnostics)?.value ?? defaults.deliverTo,
      needBy: fields.date("need_by", &diagnostics), spec: fields.text("spec", &diagnostics)?.value,
      notes: fields.text("notes", &diagnostics)?.value)
    reading.isAsNeeded = isAsNeeded
    reading.minimumQuantity = commitment == .binding && !isAsNeeded ? minimum : nil
    reading.releases = releases(
      fields, name: name, quantity: quantity, isAsNeeded: isAsNeeded, hasNeedBy: reading.needBy != nil, &diagnostics)
    fields.finish(&diagnostics)
    if reading.deliverTo == nil {
      diagnostics.warning(
        "\(name): no delivery site; give 'deliver_to' on the line or, in YAML and JSON, for the whole file",
        at: fields.location)
    }
    return reading
  }
}
