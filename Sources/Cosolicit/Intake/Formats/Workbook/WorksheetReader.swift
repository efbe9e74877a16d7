/// Reads a worksheet part (`xl/worksheets/sheetN.xml`) as a stream, keeping the rows that show anything.
///
/// Only the cells in `<sheetData>` count (`<row>`, then `<c>` with `<v>`, `<is>` and `<f>`); the same names
/// elsewhere (extensions, data validations) are not cells. A cell's `r` reference (`C7`) and a row's `r` are
/// optional: without them a cell is the one after the previous, a row the one after the previous. A cell that
/// cannot be read is a finding at the cell, and its row is not read further; a sheet past the limits of a
/// CSV file (`SourceFile.maximumLines` rows with values, `FileFormat.maximumCSVFields` cells) is not read.
struct WorksheetReader {
  /// One row that shows anything.
  struct Row: Sendable {
    /// The 1-based row number.
    var number: Int
    /// The cells that show text, by column, each once and in column order.
    var cells: [(column: Int, text: String)]
    /// Whether a cell of the row could not be read (already reported).
    var isBroken: Bool
  }

  /// The highest row and column numbers a sheet may have (Excel's own limits).
  static let maximumRow = 1_048_576
  static let maximumColumn = 16_384

  /// The workbook file, for findings.
  let path: String
  /// The sheet's name, for findings.
  let sheet: String
  /// The workbook's shared strings, styles and date system.
  let context: WorksheetCell.Context

  /// The location of the cell at `row` and `column`.
  func location(row: Int, column: Int) -> SourceLocation {
    SourceLocation(path: path, sheet: sheet, row: row, column: column)
  }

  /// The rows of the worksheet part `bytes`, called `part`, in row order; cell findings go to `diagnostics`.
  func rows(_ bytes: [UInt8], part: String, _ diagnostics: inout DiagnosticCollector) throws(WorkbookProblem) -> [Row] {
    var scan = Scan()
    var problem: WorkbookProblem?
    let failure = XMLEventReader.read(bytes) { event in
      do throws(WorkbookProblem) {
        try scan.take(event, reader: self, &diagnostics)
        return true
      } catch {
        problem = error
        return false
      }
    }
    if let problem { throw problem }
    if let failure { throw WorkbookIndex.malformed(part, failure) }
    return ordered(scan.rows, &diagnostics)
  }

  /// `rows` in row order, each row's cells in column order, with a row or cell given twice reported at the
  /// repeat and left out. Rows and cells are in order already in every workbook seen; sorting is for the rest.
  private func ordered(_ rows: [Row], _ diagnostics: inout DiagnosticCollector) -> [Row] {
    let inOrder = zip(rows, rows.dropFirst()).allSatisfy { $0.number < $1.number }
    let sortedRows =
      inOrder
      ? rows
      : rows.enumerated().sorted { ($0.element.number, $0.offset) < ($1.element.number, $1.offset) }.map(\.element)
    var result: [Row] = []
    result.reserveCapacity(sortedRows.count)
    for var row in sortedRows {
      if let last = result.last, last.number == row.number {
        diagnostics.error(
          "row \(row.number) is given twice in the sheet; save the workbook again from Excel",
          at: location(row: row.number, column: row.cells.first?.column ?? 1))
        continue
      }
      if !zip(row.cells, row.cells.dropFirst()).allSatisfy({ $0.column < $1.column }) {
        let cells = row.cells.enumerated().sorted { ($0.element.column, $0.offset) < ($1.element.column, $1.offset) }
        row.cells = []
        for (_, cell) in cells {
          if let last = row.cells.last, last.column == cell.column {
            diagnostics.error(
              "the cell is given twice in the sheet; save the workbook again from Excel",
              at: location(row: row.number, column: cell.column))
            row.isBroken = true
            continue
          }
          row.cells.append(cell)
        }
      }
      result.append(row)
    }
    return result
  }

  /// Where the reading of the sheet's elements is.
  private struct Scan {
    var rows: [Row] = []
    var cellCount = 0
    var inSheetData = false
    /// The row being read, if any, and whether its number was given.
    var row: Row?
    var rowNumberGiven = false
    var lastRowNumber = 0
    var lastColumn = 0
    /// The cell being read, if any.
    var cell: WorksheetCell?
    var inValue = false
    /// The inline string (`<is>`) being read, if any.
    var inline: RichText?

    mutating func take(
      _ event: XMLEventReader.Event, reader: WorksheetReader, _ diagnostics: inout DiagnosticCollector
    ) throws(WorkbookProblem) {
      if var text = inline {
        if case .end("is") = event {
          cell?.inline?.append(text.text)
          inline = nil
        } else {
          text.take(event)
          inline = text
        }
        return
      }
      switch event {
      case .start(let element):
        switch element.name {
        case "sheetData": inSheetData = true
        case "row" where inSheetData && row == nil: try startRow(element)
        case "c" where row != nil && cell == nil: try startCell(element)
        case "v" where cell != nil:
          inValue = true
          if cell?.value == nil { cell?.value = "" }
        case "f" where cell != nil: cell?.hasFormula = true
        case "is" where cell != nil:
          inline = RichText()
          if cell?.inline == nil { cell?.inline = "" }
        default: break
        }
      case .text(let text):
        if inValue { cell?.value?.append(text) }
      case .end(let name):
        switch name {
        case "v": inValue = false
        case "c" where cell != nil: try finishCell(reader: reader, &diagnostics)
        case "row" where row != nil && cell == nil: try finishRow()
        case "sheetData": inSheetData = false
        default: break
        }
      }
    }

    mutating func startRow(_ element: XMLEventReader.Element) throws(WorkbookProblem) {
      var number = lastRowNumber + 1
      rowNumberGiven = false
      if let given = element.attribute("r") {
        guard let value = Int(given.trimmed), (1...WorksheetReader.maximumRow).contains(value) else {
          throw .damaged("a row of its sheet is numbered '\(given.prefix(20))'")
        }
        number = value
        rowNumberGiven = true
      }
      guard number <= WorksheetReader.maximumRow else { throw .damaged("its sheet has rows past row 1048576") }
      row = Row(number: number, cells: [], isBroken: false)
      lastColumn = 0
    }

    mutating func startCell(_ element: XMLEventReader.Element) throws(WorkbookProblem) {
      guard var current = row else { return }
      var column = lastColumn + 1
      if let reference = element.attribute("r") {
        guard let (referencedColumn, referencedRow) = Self.cell(reference) else {
          throw .damaged("a cell of its sheet has the reference '\(reference.prefix(20))'")
        }
        if referencedRow != current.number {
          // A row without its own number takes its first cell's; otherwise the two must agree.
          guard !rowNumberGiven, current.cells.isEmpty, lastColumn == 0 else {
            throw .damaged("cell \(reference.prefix(20)) of its sheet is in row \(current.number)")
          }
          current.number = referencedRow
          row = current
          rowNumberGiven = true
        }
        column = referencedColumn
      }
      guard column <= WorksheetReader.maximumColumn else { throw .damaged("its sheet has cells past column XFD") }
      lastColumn = column
      let style = element.attribute("s").flatMap { Int($0.trimmed) } ?? 0
      cell = WorksheetCell(column: column, type: element.attribute("t")?.trimmed ?? "n", style: style)
    }

    mutating func finishCell(
      reader: WorksheetReader, _ diagnostics: inout DiagnosticCollector
    ) throws(WorkbookProblem) {
      defer {
        cell = nil
        (inValue, inline) = (false, nil)
      }
      guard let cell, var current = row else { return }
      switch cell.text(in: reader.context) {
      case .success(let text):
        // Whitespace alone shows nothing: such a cell is empty.
        guard text.contains(where: { !$0.isWhitespace }) else { return }
        cellCount += 1
        guard cellCount <= FileFormat.maximumCSVFields else {
          throw WorkbookProblem(
            "the sheet holds more than \(FileFormat.maximumCSVFields) cells with values; split it into several files")
        }
        current.cells.append((cell.column, text))
      case .failure(let problem):
        diagnostics.error(problem.message, at: reader.location(row: current.number, column: cell.column))
        current.isBroken = true
      }
      row = current
    }

    mutating func finishRow() throws(WorkbookProblem) {
      defer { row = nil }
      guard let current = row else { return }
      lastRowNumber = current.number
      guard !current.cells.isEmpty || current.isBroken else { return }
      rows.append(current)
      guard rows.count <= SourceFile.maximumLines else {
        throw WorkbookProblem(
          "the sheet has more than \(SourceFile.maximumLines) rows with values; input files are limited to "
            + "\(SourceFile.maximumLines) (split it into several files)")
      }
    }

    /// The column and row of a cell reference such as `C7` (`$C$7` too), if it is one within Excel's limits.
    static func cell(_ reference: String) -> (column: Int, row: Int)? {
      var column = 0
      var row = 0
      var letters = 0
      var digits = 0
      for byte in reference.utf8 where byte != UInt8(ascii: "$") {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
          guard digits == 0, letters < 3 else { return nil }
          column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A")) + 1
          letters += 1
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
          guard letters > 0, digits < 7 else { return nil }
          row = row * 10 + Int(byte - UInt8(ascii: "0"))
          digits += 1
        default:
          return nil
        }
      }
      guard (1...WorksheetReader.maximumColumn).contains(column), (1...WorksheetReader.maximumRow).contains(row)
      else { return nil }
      return (column, row)
    }
  }
}
