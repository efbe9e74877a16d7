/// Which of a workbook's cell styles show numbers as dates, from its styles part (`xl/styles.xml`).
///
/// A cell's `s` attribute is a position in `<cellXfs>`; each of those `<xf>` names a number format by id,
/// built in or defined in `<numFmts>` with its format code. `ExcelDateFormat` tells which show a date.
struct CellDateStyles: Sendable {
  /// For each cell style, by position, whether it shows a date.
  var showsDate: [Bool]

  /// No styles: every cell shows its number in the General format.
  static let none = CellDateStyles(showsDate: [])

  /// Whether the cell style at `index` shows a date; false for a style the workbook does not define.
  func showsDate(style index: Int) -> Bool {
    index >= 0 && index < showsDate.count && showsDate[index]
  }

  /// Reads the styles part `bytes`, called `part`.
  static func read(_ bytes: [UInt8], part: String) throws(WorkbookProblem) -> CellDateStyles {
    var codes: [Int: String] = [:]
    var formats: [Int] = []
    var inCellFormats = false
    var depth = 0
    var cellFormatsDepth = 0
    let failure = XMLEventReader.read(bytes) { event in
      switch event {
      case .start(let element):
        depth += 1
        switch element.name {
        case "numFmt":
          if let id = element.attribute("numFmtId").flatMap({ Int($0) }), let code = element.attribute("formatCode") {
            codes[id] = code
          }
        case "cellXfs":
          inCellFormats = true
          cellFormatsDepth = depth
        case "xf" where inCellFormats && depth == cellFormatsDepth + 1:
          formats.append(element.attribute("numFmtId").flatMap { Int($0) } ?? 0)
        default: break
        }
      case .end(let name):
        if name == "cellXfs" { inCellFormats = false }
        depth -= 1
      case .text: break
      }
      return true
    }
    if let failure { throw WorkbookIndex.malformed(part, failure) }
    return CellDateStyles(showsDate: formats.map { ExcelDateFormat.showsDate(id: $0, code: codes[$0]) })
  }
}
