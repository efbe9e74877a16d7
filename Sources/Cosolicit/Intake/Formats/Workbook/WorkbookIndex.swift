/// What a workbook's `xl/workbook.xml` and its relationships (`xl/_rels/workbook.xml.rels`) say: the sheets in
/// order and the part each is in, the date system, and where the shared strings and styles are.
struct WorkbookIndex: Sendable {
  /// One sheet, as the workbook lists it.
  struct Sheet: Sendable, Equatable {
    /// The name on its tab.
    var name: String
    /// The part holding its cells (such as `xl/worksheets/sheet1.xml`), or nil when its relationship is missing.
    var part: String?
    /// Whether it is a worksheet (a table of cells), not a chart or dialog sheet.
    var isWorksheet: Bool
    /// Whether it is hidden (`state="hidden"` or `"veryHidden"`), as lists for data validation often are.
    var isHidden = false
  }

  /// The longest sheet name read: Excel allows 31 characters.
  static let maximumSheetName = 255

  /// The sheets, in tab order.
  var sheets: [Sheet]
  /// Whether dates count from 1904 (`<workbookPr date1904="1"/>`) rather than 1900.
  var uses1904: Bool
  /// The shared strings part, if the workbook has one.
  var sharedStringsPart: String?
  /// The styles part, if the workbook has one.
  var stylesPart: String?

  /// The workbook part's name.
  static let workbookPart = "xl/workbook.xml"
  /// Its relationships' part.
  static let relationshipsPart = "xl/_rels/workbook.xml.rels"

  /// Reads the workbook part `workbook` and its relationships `relationships`.
  static func read(workbook: [UInt8], relationships: [UInt8]) throws(WorkbookProblem) -> WorkbookIndex {
    var listed: [(name: String, id: String, hidden: Bool)] = []
    var uses1904 = false
    var inSheets = false
    let workbookFailure = XMLEventReader.read(workbook) { event in
      switch event {
      case .start(let element) where element.name == "workbookPr":
        uses1904 = ["1", "true"].contains(element.attribute("date1904")?.lowercased() ?? "")
      case .start(let element) where element.name == "sheets":
        inSheets = true
      case .start(let element) where element.name == "sheet" && inSheets:
        let hidden = ["hidden", "veryhidden"].contains(element.attribute("state")?.lowercased() ?? "")
        listed.append((element.attribute("name") ?? "", element.attribute("id") ?? "", hidden))
      case .end("sheets"):
        inSheets = false
      default: break
      }
      return true
    }
    if let workbookFailure { throw malformed(workbookPart, workbookFailure) }
    var targets: [String: (type: String, part: String?)] = [:]
    let relationshipsFailure = XMLEventReader.read(relationships) { event in
      guard case .start(let element) = event, element.name == "Relationship", let id = element.attribute("Id"),
        targets[id] == nil
      else { return true }
      let external = element.attribute("TargetMode") == "External"
      let part = external ? nil : element.attribute("Target").flatMap(resolve)
      targets[id] = (element.attribute("Type") ?? "", part)
      return true
    }
    if let relationshipsFailure { throw malformed(relationshipsPart, relationshipsFailure) }
    func part(ofType type: String) -> String? {
      targets.values.filter { $0.type.hasSuffix("/" + type) }.compactMap(\.part).min()
    }
    let sheets = listed.map { sheet in
      let target = targets[sheet.id]
      return Sheet(
        name: sheet.name, part: target?.part, isWorksheet: target.map { $0.type.hasSuffix("/worksheet") } ?? true,
        isHidden: sheet.hidden)
    }
    return WorkbookIndex(
      sheets: sheets, uses1904: uses1904, sharedStringsPart: part(ofType: "sharedStrings"),
      stylesPart: part(ofType: "styles"))
  }

  /// The sheet named `name` (in any case), else the first worksheet not hidden, else the first worksheet.
  func sheet(preferring name: String) throws(WorkbookProblem) -> Sheet {
    let wanted = name.lowercased()
    let chosen: Sheet
    if !wanted.isEmpty, let named = sheets.first(where: { $0.name.lowercased() == wanted }) {
      guard named.isWorksheet else {
        throw WorkbookProblem(
          "the workbook's sheet '\(named.name.prefix(40))' is a chart, not a table of cells; put the \(name) in a "
            + "worksheet named '\(name)'")
      }
      chosen = named
    } else if let first = sheets.first(where: { $0.isWorksheet && !$0.isHidden }) ?? sheets.first(where: \.isWorksheet)
    {
      chosen = first
    } else {
      throw WorkbookProblem("the workbook has no worksheet; expected a sheet\(name.isEmpty ? "" : " named '\(name)'")")
    }
    guard chosen.name.count <= Self.maximumSheetName else {
      throw .damaged("its sheet's name is longer than \(Self.maximumSheetName) characters (Excel allows 31)")
    }
    return chosen
  }

  /// The part a relationship's target names, relative to `xl/` unless it starts with `/`; nil when it
  /// climbs out of the archive.
  static func resolve(_ target: String) -> String? {
    var segments: [Substring] = target.hasPrefix("/") ? [] : ["xl"]
    for segment in target.split(separator: "/") {
      switch segment {
      case ".": continue
      case "..":
        guard !segments.isEmpty else { return nil }
        segments.removeLast()
      default: segments.append(segment)
      }
    }
    return segments.isEmpty ? nil : segments.joined(separator: "/")
  }

  /// The problem of a part that is not well-formed XML.
  static func malformed(_ part: String, _ failure: XMLEventReader.Failure) -> WorkbookProblem {
    let place =
      failure.line > 0 ? " (line \(failure.line)\(failure.column > 0 ? ", column \(failure.column)" : ""))" : ""
    return .part(part, "cannot be read: \(failure.message)\(place)")
  }
}
