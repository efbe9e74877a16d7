import Foundation

/// A SpreadsheetML workbook (`.xlsx`) written deterministically: the same sheets give the same bytes, with fixed
/// document dates and a ``DeterministicZip`` archive. Texts are inline string cells, never formulas; a drop-down
/// list too long to write inline (Excel takes 255 characters) is written to a hidden sheet and referenced.
public struct SpreadsheetWorkbook: Sendable {
  /// The sheets, in tab order; the first is shown when the workbook opens.
  public var sheets: [SpreadsheetSheet]
  /// The document's title, in its properties.
  public var title: String

  /// The name of the hidden sheet that holds long drop-down lists, one list per column.
  public static let listSheetName = "lists"
  /// The date recorded as the document's creation and last change, so that the bytes depend on the content only.
  static let documentDate = "2000-01-01T00:00:00Z"
  /// The longest list written inline: Excel refuses a list formula over 255 characters.
  static let maximumInlineList = 255

  /// A workbook of `sheets` titled `title`.
  public init(sheets: [SpreadsheetSheet], title: String) {
    self.sheets = sheets
    self.title = title
  }

  /// The `.xlsx` file's bytes.
  public func data() throws(DeterministicZip.Failure) -> Data {
    try DeterministicZip.archive(parts().map { DeterministicZip.Entry(path: $0.path, data: Data($0.text.utf8)) })
  }

  /// The parts of the package, by path.
  func parts() -> [(path: String, text: String)] {
    var sheets = self.sheets
    var formulas: [[Int: String]] = Array(repeating: [:], count: sheets.count)
    var lists: [[String]] = []
    for (sheetIndex, sheet) in sheets.enumerated() {
      for (index, validation) in sheet.validations.enumerated() {
        guard case .list(let values) = validation.rule else { continue }
        let inline = "\"" + values.joined(separator: ",") + "\""
        if inline.utf16.count <= Self.maximumInlineList,
          !values.contains(where: { $0.contains(",") || $0.contains("\"") }),
          !values.isEmpty
        {
          formulas[sheetIndex][index] = inline
          continue
        }
        let column = lists.firstIndex(of: values) ?? lists.count
        if column == lists.count { lists.append(values) }
        formulas[sheetIndex][index] =
          SpreadsheetText.sheetName(Self.listSheetName) + "!"
          + SpreadsheetText.absolute(column: column, rows: 1...max(values.count, 1))
      }
    }
    if !lists.isEmpty {
      let height = lists.map(\.count).max() ?? 0
      let rows = (0..<height).map { row in lists.map { row < $0.count ? SpreadsheetCell.text($0[row]) : .empty(.plain) }
      }
      var listSheet = SpreadsheetSheet(name: Self.listSheetName, rows: rows)
      listSheet.isHidden = true
      sheets.append(listSheet)
      formulas.append([:])
    }
    var parts: [(path: String, text: String)] = [
      ("[Content_Types].xml", contentTypes(sheetCount: sheets.count)), ("_rels/.rels", Self.packageRelationships),
      ("docProps/app.xml", Self.application), ("docProps/core.xml", coreProperties),
      ("xl/workbook.xml", workbook(sheets)), ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count)),
      ("xl/styles.xml", SpreadsheetStyle.stylesPart),
    ]
    for (index, sheet) in sheets.enumerated() {
      let xml = WorksheetXML(sheet: sheet, isSelected: index == 0, listFormulas: formulas[index])
      parts.append(("xl/worksheets/sheet\(index + 1).xml", xml.text))
    }
    return parts
  }

  private static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
  private static let relationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  private func contentTypes(sheetCount: Int) -> String {
    let main = "application/vnd.openxmlformats-officedocument"
    var xml = Self.header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
    xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
    xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
    xml += #"<Override PartName="/xl/workbook.xml" ContentType="\#(main).spreadsheetml.sheet.main+xml"/>"#
    for index in 1...max(sheetCount, 1) {
      xml +=
        #"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="\#(main).spreadsheetml.worksheet+xml"/>"#
    }
    xml += #"<Override PartName="/xl/styles.xml" ContentType="\#(main).spreadsheetml.styles+xml"/>"#
    xml +=
      #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
    xml += #"<Override PartName="/docProps/app.xml" ContentType="\#(main).extended-properties+xml"/>"#
    return xml + "</Types>"
  }

  private static let packageRelationships =
    header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    + #"<Relationship Id="rId1" Type="\#(relationshipTypes)/officeDocument" Target="xl/workbook.xml"/>"#
    + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/"#
    + #"core-properties" Target="docProps/core.xml"/>"#
    + #"<Relationship Id="rId3" Type="\#(relationshipTypes)/extended-properties" Target="docProps/app.xml"/>"#
    + "</Relationships>"

  private static let application =
    header + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#
    + "<Application>Cosolicit</Application></Properties>"

  private var coreProperties: String {
    Self.header
      + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
      + #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#
      + #"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
      + "<dc:title>\(XMLText.escaped(title, breaksAsReferences: true))</dc:title><dc:creator>Cosolicit</dc:creator>"
      + #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(Self.documentDate)</dcterms:created>"#
      + #"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(Self.documentDate)</dcterms:modified>"#
      + "</cp:coreProperties>"
  }

  private func workbook(_ sheets: [SpreadsheetSheet]) -> String {
    var xml = Self.header + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
    xml += #"xmlns:r="\#(Self.relationshipTypes)"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>"#
    xml += "<sheets>"
    for (index, sheet) in sheets.enumerated() {
      let state = sheet.isHidden ? #" state="hidden""# : ""
      xml +=
        #"<sheet name="\#(XMLText.escaped(sheet.name, breaksAsReferences: true))" sheetId="\#(index + 1)"\#(state) r:id="rId\#(index + 1)"/>"#
    }
    xml += "</sheets>"
    // Excel records each filtered range as a hidden name local to its sheet.
    let filters = sheets.enumerated().filter { $0.element.filtersHeader && !$0.element.rows.isEmpty }
    if !filters.isEmpty {
      xml += "<definedNames>"
      for (index, sheet) in filters {
        let range = WorksheetXML(sheet: sheet, isSelected: false, listFormulas: [:]).absoluteUsedRange
        let reference = XMLText.escaped(SpreadsheetText.sheetName(sheet.name), breaksAsReferences: true) + "!" + range
        xml +=
          #"<definedName name="_xlnm._FilterDatabase" localSheetId="\#(index)" hidden="1">\#(reference)</definedName>"#
      }
      xml += "</definedNames>"
    }
    return xml + "</workbook>"
  }

  private func workbookRelationships(_ sheetCount: Int) -> String {
    var xml = Self.header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    for index in 1...max(sheetCount, 1) {
      xml +=
        #"<Relationship Id="rId\#(index)" Type="\#(Self.relationshipTypes)/worksheet" Target="worksheets/sheet\#(index).xml"/>"#
    }
    xml += #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(Self.relationshipTypes)/styles" Target="styles.xml"/>"#
    return xml + "</Relationships>"
  }
}
