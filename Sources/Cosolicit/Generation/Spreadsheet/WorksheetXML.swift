import Foundation

/// Writes one worksheet part (`xl/worksheets/sheetN.xml`), its elements in the order the schema requires.
struct WorksheetXML {
  /// The sheet.
  var sheet: SpreadsheetSheet
  /// Whether the sheet is the one shown when the workbook opens.
  var isSelected: Bool
  /// The `formula1` of each list validation, by its index in the sheet's validations (a quoted inline list or a
  /// range on the lists sheet); see ``SpreadsheetWorkbook``.
  var listFormulas: [Int: String]

  /// The part's text.
  var text: String {
    var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
    if sheet.printsToPageWidth { xml += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"# }
    xml += #"<dimension ref="\#(usedRange)"/>"#
    xml += sheetViews
    xml += #"<sheetFormatPr defaultRowHeight="15"/>"#
    xml += columns
    xml += "<sheetData>"
    for (index, row) in sheet.rows.enumerated() {
      xml += self.row(row, number: index + 1)
    }
    xml += "</sheetData>"
    if sheet.filtersHeader, !sheet.rows.isEmpty {
      xml += #"<autoFilter ref="\#(usedRange)"/>"#
    }
    xml += validations
    xml += #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
    // Printed on landscape pages; one page wide, however many long, when the sheet says so.
    let fit = sheet.printsToPageWidth ? #" fitToWidth="1" fitToHeight="0""# : ""
    xml += #"<pageSetup orientation="landscape"\#(fit)/>"#
    xml += "</worksheet>"
    return xml
  }

  /// The range the sheet uses, which the header's filter covers: the first row down to the last, across every
  /// column.
  var usedRange: String { "A1:\(lastColumn)\(lastRow)" }

  /// ``usedRange`` as an absolute reference, as defined names write it: `$A$1:$W$35`.
  var absoluteUsedRange: String { "$A$1:$\(lastColumn)$\(lastRow)" }

  /// The letters of the sheet's last column, and the number of its last row (A and 1 for an empty sheet).
  private var lastColumn: String { SpreadsheetText.column(max(sheet.columnCount, 1) - 1) }
  private var lastRow: Int { max(sheet.rows.count, 1) }

  private var sheetViews: String {
    let selected = isSelected ? #" tabSelected="1""# : ""
    guard sheet.freezesHeader else {
      return #"<sheetViews><sheetView\#(selected) workbookViewId="0"/></sheetViews>"#
    }
    return #"<sheetViews><sheetView\#(selected) workbookViewId="0">"#
      + #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
      + #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
  }

  private var columns: String {
    guard !sheet.columns.isEmpty else { return "" }
    var xml = "<cols>"
    for (index, column) in sheet.columns.enumerated() {
      let style = column.style.map { #" style="\#(SpreadsheetStyle.index(of: $0, quoted: false))""# } ?? ""
      xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(column.width)"\#(style) customWidth="1"/>"#
    }
    return xml + "</cols>"
  }

  /// The height of a row at the default font's, in points.
  static let lineHeight = 15

  /// How many lines the row's wrapped texts take in their columns (widths in characters): at least one.
  private func lineCount(_ cells: [SpreadsheetCell]) -> Int {
    var lines = 1
    for (column, cell) in cells.enumerated() {
      guard case .text(let text, .wrapped) = cell else { continue }
      let width = max(column < sheet.columns.count ? sheet.columns[column].width : 8, 1)
      let wrapped = text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) {
        $0 + max(1, ($1.count + width - 1) / width)
      }
      lines = max(lines, wrapped)
    }
    return lines
  }

  private func row(_ cells: [SpreadsheetCell], number: Int) -> String {
    // A row whose wrapped texts need several lines is made tall enough to show them: spreadsheets do not grow a
    // row for text they did not lay out themselves.
    let lines = lineCount(cells)
    let height = lines > 1 ? #" ht="\#(lines * Self.lineHeight)" customHeight="1""# : ""
    var xml = #"<row r="\#(number)"\#(height)>"#
    for (column, cell) in cells.enumerated() {
      let reference = SpreadsheetText.reference(column: column, row: number)
      switch cell {
      case .empty(let style), .text("", let style):
        xml += #"<c r="\#(reference)" s="\#(SpreadsheetStyle.index(of: style, quoted: false))"/>"#
      case .number(let value, let style):
        xml +=
          #"<c r="\#(reference)" s="\#(SpreadsheetStyle.index(of: style, quoted: false))">"#
          + "<v>\(DecimalText.format(value))</v></c>"
      case .text(let value, let style):
        let text = SpreadsheetText.clipped(value, to: SpreadsheetCell.maximumTextLength)
        // A text that a person retyping it would turn into a formula keeps Excel's quote prefix.
        let quoted = text.unicodeScalars.first.map { ["=", "+", "-", "@"].contains($0) } ?? false
        let space = SpreadsheetText.needsPreserve(text) ? #" xml:space="preserve""# : ""
        xml +=
          #"<c r="\#(reference)" s="\#(SpreadsheetStyle.index(of: style, quoted: quoted))" t="inlineStr">"#
          + "<is><t\(space)>\(SpreadsheetText.cell(text))</t></is></c>"
      }
    }
    return xml + "</row>"
  }

  /// The validations, those alike (same rule and messages) merged into one with several ranges, neighbouring
  /// rows of a column joined into one range, in the order of their first appearance.
  private var validations: String {
    typealias Area = (column: Int, rows: ClosedRange<Int>)
    var groups: [(validation: SpreadsheetValidation, formula: String?, areas: [Area])] = []
    for (index, validation) in sheet.validations.enumerated() {
      let formula = listFormulas[index]
      guard let group = groups.firstIndex(where: { alike($0.validation, validation) && $0.formula == formula }) else {
        groups.append((validation, formula, [(validation.column, validation.rows)]))
        continue
      }
      if let last = groups[group].areas.last, last.column == validation.column,
        last.rows.upperBound + 1 == validation.rows.lowerBound
      {
        groups[group].areas[groups[group].areas.count - 1].rows = last.rows.lowerBound...validation.rows.upperBound
      } else {
        groups[group].areas.append((validation.column, validation.rows))
      }
    }
    guard !groups.isEmpty else { return "" }
    var xml = #"<dataValidations count="\#(groups.count)">"#
    for (validation, formula, areas) in groups {
      let ranges = areas.map { area in
        let first = SpreadsheetText.reference(column: area.column, row: area.rows.lowerBound)
        let last = SpreadsheetText.reference(column: area.column, row: area.rows.upperBound)
        return area.rows.count == 1 ? first : "\(first):\(last)"
      }
      var attributes: String
      let formula1: String
      switch validation.rule {
      case .list:
        attributes = #"type="list""#
        formula1 = formula ?? #""""#
      case .decimalGreaterThan(let bound):
        attributes = #"type="decimal" operator="greaterThan""#
        formula1 = DecimalText.format(bound)
      case .textLength(let length):
        attributes = #"type="textLength" operator="equal""#
        formula1 = String(length)
      }
      if !validation.isStrict { attributes += #" errorStyle="warning""# }
      attributes += #" allowBlank="1""#
      if validation.prompt != nil { attributes += #" showInputMessage="1""# }
      attributes += #" showErrorMessage="1""#
      if let error = validation.error {
        attributes += #" error="\#(XMLText.escaped(error, breaksAsReferences: true))""#
      }
      if let prompt = validation.prompt {
        attributes += #" prompt="\#(XMLText.escaped(prompt, breaksAsReferences: true))""#
      }
      attributes += #" sqref="\#(ranges.joined(separator: " "))""#
      xml +=
        "<dataValidation \(attributes)><formula1>\(XMLText.escaped(formula1, breaksAsReferences: true))</formula1></dataValidation>"
    }
    return xml + "</dataValidations>"
  }

  /// Whether two validations differ only in where they apply.
  private func alike(_ a: SpreadsheetValidation, _ b: SpreadsheetValidation) -> Bool {
    a.rule == b.rule && a.isStrict == b.isStrict && a.prompt == b.prompt && a.error == b.error
  }
}
