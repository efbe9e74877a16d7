/// Turns a worksheet's rows into the table a CSV file is read into, so that a sheet's rows are checked by the
/// same readers as a CSV file's.
///
/// The header is the first row that names one of the columns expected, among the sheet's first
/// ``titleRowLimit`` rows that show anything (rows above it, such as a title and a date, are skipped with a
/// note), else the first row that shows anything; each of its cells that shows text heads a column, and
/// columns without a heading are left out. A value in a column without a heading is an error at its cell (it
/// belongs to no field). Rows and columns that show nothing are skipped, wherever they are; every record has a
/// field for each heading, empty where the row's cell is.
enum WorksheetTable {
  /// How many rows that show something may stand above the header.
  static let titleRowLimit = 20

  /// The table of `rows` (from `reader`'s sheet) headed by its first row naming one of `columns`, or nil when its
  /// header row has a cell that cannot be read.
  static func table(
    _ rows: [WorksheetReader.Row], reader: WorksheetReader, columns expected: [String] = [],
    _ diagnostics: inout DiagnosticCollector
  ) throws(WorkbookProblem) -> CSVTable? {
    let start =
      rows.prefix(titleRowLimit).firstIndex { row in
        row.cells.contains { expected.contains(TableRows.normalized($0.text)) }
      } ?? 0
    if start > 0 {
      let above =
        rows[start - 1].number == rows[0].number
        ? "row \(rows[0].number)" : "rows \(rows[0].number)–\(rows[start - 1].number)"
      diagnostics.remark(
        "\(above) above the header row \(rows[start].number) left out (a title?); the table starts at its header",
        at: reader.location(row: rows[0].number, column: rows[0].cells.first?.column ?? 1))
    }
    let rows = rows[start...]
    guard let headerRow = rows.first else { return CSVTable(header: [], records: [], sheet: reader.sheet) }
    guard !headerRow.isBroken else { return nil }
    let header = headerRow.cells.map { cell in
      CSVTable.Field(text: cell.text, location: reader.location(row: headerRow.number, column: cell.column))
    }
    let records = rows.count - 1
    guard records * header.count <= FileFormat.maximumCSVFields else {
      throw WorkbookProblem(
        "the sheet's table holds more than \(FileFormat.maximumCSVFields) cells (\(records) rows of \(header.count) "
          + "columns); split it into several files")
    }
    // The field position of each column that has a heading.
    var position: [Int: Int] = [:]
    for (index, cell) in headerRow.cells.enumerated() { position[cell.column] = index }
    let columns = headerRow.cells.map(\.column)
    var table = CSVTable(header: header, records: [], sheet: reader.sheet)
    table.records.reserveCapacity(records)
    for row in rows.dropFirst() {
      var fields = columns.map { column in
        CSVTable.Field(text: "", location: reader.location(row: row.number, column: column))
      }
      for cell in row.cells {
        guard let index = position[cell.column] else {
          diagnostics.error(
            "a value in a column without a heading; give the column a heading in row \(headerRow.number), or "
              + "clear the cell", at: reader.location(row: row.number, column: cell.column))
          continue
        }
        fields[index].text = cell.text
      }
      table.records.append(
        CSVTable.Record(
          fields: fields, location: reader.location(row: row.number, column: columns.first ?? 1),
          isMalformed: row.isBroken))
    }
    return table
  }
}
