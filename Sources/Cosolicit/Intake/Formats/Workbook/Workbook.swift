/// Reads an Excel workbook (`.xlsx`) into the table a CSV file is read into: one sheet, its rows and cells,
/// each cell's location naming the sheet and cell (`needs/x.xlsx:needs!C7`).
///
/// The sheet read is the one named as asked (`needs`, `catalog`), in any case, else the first worksheet. The
/// pieces: `WorkbookArchive` unpacks the zip archive's parts within `WorkbookLimits`; `WorkbookIndex` reads
/// the sheets and the date system; `SharedStringTable` and `CellDateStyles` the texts and date formats cells
/// refer to; `WorksheetReader` the sheet's cells (`WorksheetCell`), and `WorksheetTable` makes them a table.
/// Every XML part is read by libxml2 through `XMLEventReader`.
enum Workbook {
  /// The table in the sheet named `sheet` (else the first) of the workbook `file`, headed by its first row that
  /// names one of `columns`, or nil when the workbook cannot be read; what is wrong goes to `diagnostics`, at the
  /// start of the file or at a cell.
  static func readTable(
    _ file: SourceFile, preferring sheet: String, columns: [String] = [], _ diagnostics: inout DiagnosticCollector
  ) -> CSVTable? {
    do {
      return try read(file, preferring: sheet, columns: columns, &diagnostics)
    } catch {
      diagnostics.error(error.message, at: .start(of: file.path))
      return nil
    }
  }

  private static func read(
    _ file: SourceFile, preferring sheetName: String, columns: [String], _ diagnostics: inout DiagnosticCollector
  ) throws(WorkbookProblem) -> CSVTable? {
    var archive = try WorkbookArchive(bytes: file.bytes)
    guard let workbook = try archive.part(WorkbookIndex.workbookPart) else {
      let kind =
        archive.has("word/document.xml")
        ? "it is a Word document"
        : archive.has("ppt/presentation.xml")
          ? "it is a PowerPoint presentation"
          : "it is a zip archive without \(WorkbookIndex.workbookPart)"
      throw .notAWorkbook(kind)
    }
    guard let relationships = try archive.part(WorkbookIndex.relationshipsPart) else {
      throw .damaged("it has no \(WorkbookIndex.relationshipsPart), which says where its sheets are")
    }
    let index = try WorkbookIndex.read(workbook: workbook, relationships: relationships)
    let sheet = try index.sheet(preferring: sheetName)
    guard let part = sheet.part, let cells = try archive.part(part) else {
      throw .damaged("the cells of its sheet '\(sheet.name)' are missing")
    }
    var strings: SharedStringTable?
    if let name = index.sharedStringsPart, let bytes = try archive.part(name) {
      strings = try SharedStringTable.read(bytes, part: name)
    }
    var styles = CellDateStyles.none
    if let name = index.stylesPart, let bytes = try archive.part(name) {
      styles = try CellDateStyles.read(bytes, part: name)
    }
    let reader = WorksheetReader(
      path: file.path, sheet: sheet.name,
      context: WorksheetCell.Context(strings: strings, styles: styles, uses1904: index.uses1904))
    let rows = try reader.rows(cells, part: part, &diagnostics)
    return try WorksheetTable.table(rows, reader: reader, columns: columns, &diagnostics)
  }
}
