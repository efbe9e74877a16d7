import CosolicitTestSupport
import Foundation
import Testing
import ZIPFoundation

@testable import Cosolicit

/// The SpreadsheetML writer: deterministic bytes, text that stays text (escaped as XML and OOXML require),
/// drop-down lists inline or on the hidden lists sheet, and a workbook a real spreadsheet library reads.
@Suite struct SpreadsheetWorkbookTests {
  /// A text with what XML 1.0 forbids (NUL, vertical tab, ESC, U+FFFF), a carriage return, tab and line feed, and
  /// a text that already looks like an OOXML escape.
  static let controlText = "a\u{0}b\u{B}c\u{1B}d\u{FFFF}e\r\nf\tg _x0041_ h"

  static func workbook(_ cells: [SpreadsheetCell], validations: [SpreadsheetValidation] = []) -> SpreadsheetWorkbook {
    var sheet = SpreadsheetSheet(
      name: "data", columns: [.init(width: 20), .init(width: 9, style: .text)], rows: [cells])
    sheet.validations = validations
    return SpreadsheetWorkbook(sheets: [sheet], title: "Test & <title>")
  }

  /// The text of the part at `path` of an `.xlsx`.
  static func part(_ path: String, of data: Data) throws -> String {
    let archive = try Archive(data: data, accessMode: .read)
    let entry = try #require(archive[path], "no part \(path)")
    var bytes = Data()
    _ = try archive.extract(entry) { bytes.append($0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test func sameSheetsGiveTheSameBytes() throws {
    let cells: [SpreadsheetCell] = [.text("Laptop"), .number(Decimal(string: "1050.25")!, .price), .empty(.text)]
    let first = try Self.workbook(cells).data()
    let second = try Self.workbook(cells).data()
    #expect(first == second)
    #expect(try Self.workbook([.text("Laptops")]).data() != first)
    let archive = try Archive(data: first, accessMode: .read)
    #expect(
      archive.map(\.path) == [
        "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/_rels/workbook.xml.rels",
        "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml",
      ])
    #expect(archive.allSatisfy { $0.fileAttributes[.modificationDate] as? Date == DeterministicZip.entryDate })
    #expect(try Self.part("docProps/core.xml", of: first).contains("<dc:title>Test &amp; &lt;title&gt;</dc:title>"))
  }

  @Test func cellTextIsEscapedForXMLAndOOXML() {
    #expect(SpreadsheetText.cell("<a> & b") == "&lt;a&gt; &amp; b")
    #expect(SpreadsheetText.cell(Self.controlText) == "a_x0000_b_x000B_c_x001B_d_xFFFF_e&#13;\nf\tg _x005F_x0041_ h")
    #expect(SpreadsheetText.cell("_x12_ and _xGHIJ_") == "_x12_ and _xGHIJ_", "only a real escape is protected")
    #expect(XMLText.escaped("a\u{1}b\"c\n", breaksAsReferences: true) == "ab&quot;c&#10;")
  }

  @Test func aFormulaLikeTextIsAStringCellWithAQuotePrefix() throws {
    let data = try Self.workbook([.text("=cmd|' /C calc'!A0"), .text("plain")]).data()
    let sheet = try Self.part("xl/worksheets/sheet1.xml", of: data)
    let quoted = SpreadsheetStyle.index(of: .plain, quoted: true)
    #expect(sheet.contains(#"<c r="A1" s="\#(quoted)" t="inlineStr"><is><t>=cmd|' /C calc'!A0</t></is></c>"#))
    #expect(sheet.contains(#"<c r="B1" s="0" t="inlineStr">"#))
    #expect(!sheet.contains("<f>"), "never a formula")
  }

  /// Printed and opened alike: a row whose wrapped texts need several lines is tall enough to show them (no
  /// spreadsheet grows it by itself), and a sheet prints on landscape pages, one page wide when it asks to.
  @Test func wrappedRowsAreTallEnoughAndSheetsPrintLandscape() throws {
    var sheet = SpreadsheetSheet(
      name: "instructions", columns: [.init(width: 10)],
      rows: [[.text("short", .wrapped)], [.text(String(repeating: "x", count: 25), .wrapped)], [.text("a\nb\nc")]])
    let plain = try Self.part(
      "xl/worksheets/sheet1.xml", of: SpreadsheetWorkbook(sheets: [sheet], title: "t").data())
    #expect(plain.contains(#"<row r="1">"#))
    #expect(plain.contains(#"<row r="2" ht="45" customHeight="1">"#), "25 characters in a 10-wide column: 3 lines")
    #expect(plain.contains(#"<row r="3">"#), "only wrapped texts are laid out")
    #expect(plain.contains(#"<pageSetup orientation="landscape"/>"#) && !plain.contains("fitToPage"))
    sheet.printsToPageWidth = true
    let fitted = try Self.part(
      "xl/worksheets/sheet1.xml", of: SpreadsheetWorkbook(sheets: [sheet], title: "t").data())
    #expect(fitted.contains(#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#))
    #expect(fitted.contains(#"<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#))
  }

  @Test func columnLettersAndReferences() {
    #expect(
      [0, 25, 26, 51, 52, 701, 702, 16383].map(SpreadsheetText.column) == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD",
      ])
    #expect(SpreadsheetText.absolute(column: 2, rows: 2...9) == "$C$2:$C$9")
    #expect(SpreadsheetText.sheetName("lists") == "lists")
    #expect(SpreadsheetText.sheetName("my list's") == "'my list''s'")
  }

  @Test func aTooLongTextIsCutToWhatACellHolds() throws {
    let long = String(repeating: "é", count: 40_000)
    let clipped = SpreadsheetText.clipped(long, to: SpreadsheetCell.maximumTextLength)
    #expect(clipped.utf16.count == SpreadsheetCell.maximumTextLength && clipped.hasSuffix("…"))
    #expect(SpreadsheetText.clipped("short", to: 10) == "short")
  }

  @Test func shortListsAreInlineAndLongOnesOnTheHiddenListsSheet() throws {
    let long = (1...80).map { "CODE\($0)" }
    let validations = [
      SpreadsheetValidation(.list(["EA", "XCS"]), column: 1, rows: 1...1),
      SpreadsheetValidation(.list(long), column: 1, rows: 2...2),
      SpreadsheetValidation(.list(["a,b", "c"]), column: 1, rows: 3...3),
      SpreadsheetValidation(.list(long), column: 1, rows: 3...4, isStrict: false),
    ]
    let workbook = Self.workbook([.text("x")], validations: validations)
    let parts = Dictionary(uniqueKeysWithValues: workbook.parts().map { ($0.path, $0.text) })
    let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
    #expect(sheet.contains(#"sqref="B1"><formula1>&quot;EA,XCS&quot;</formula1>"#))
    #expect(sheet.contains(#"sqref="B2"><formula1>lists!$A$1:$A$80</formula1>"#), "the same list once")
    #expect(
      sheet.contains(
        #"errorStyle="warning" allowBlank="1" showErrorMessage="1" sqref="B3:B4"><formula1>lists!$A$1:$A$80"#))
    #expect(sheet.contains(#"sqref="B3"><formula1>lists!$B$1:$B$2</formula1>"#), "a value with a comma")
    let workbookXML = try #require(parts["xl/workbook.xml"])
    #expect(workbookXML.contains(#"<sheet name="lists" sheetId="2" state="hidden" r:id="rId2"/>"#))
    let lists = try #require(parts["xl/worksheets/sheet2.xml"])
    #expect(lists.contains("<t>CODE80</t>") && lists.contains("<t>a,b</t>"))
  }

  @Test func alikeValidationsOfNeighbouringRowsMerge() throws {
    let validations = [2, 3, 4, 7, 8].map { SpreadsheetValidation(.list(["EA"]), column: 7, rows: $0...$0) }
    let sheet = try #require(Self.workbook([.text("x")], validations: validations).parts().last?.text)
    #expect(sheet.contains(#"<dataValidations count="1">"#) && sheet.contains(#"sqref="H2:H4 H7:H8""#))
  }

  /// openpyxl opens the workbook; a text reads back as written (Excel's escapes decoded), numbers as numbers.
  @Test func openpyxlReadsWhatWasWritten() throws {
    let folder = try makeTemporaryFolder("xlsx")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("test.xlsx").path
    var sheet = SpreadsheetSheet(
      name: "data",
      rows: [
        [.text("name", .header), .text("price", .header)],
        [.text(Self.controlText), .number(Decimal(string: "0.045")!, .price)],
        [.text("  padded  "), .text("@SUM(A1)")],
      ])
    sheet.freezesHeader = true
    sheet.filtersHeader = true
    try SpreadsheetWorkbook(sheets: [sheet], title: "t").data().write(to: URL(fileURLWithPath: path))
    let read = try InspectedWorkbook.read(path)
    let data = try #require(read.sheet("data"))
    #expect(data.freeze == "A2" && data.filter == "A1:B3")
    #expect(data.rows[1][0]?.type == "s" && data.rows[1][0]?.unescaped == Self.controlText)
    let price = try #require(data.rows[1][1])
    #expect(price.type == "n" && price.value == "0.045" && price.format == "#,##0.00##")
    #expect(data.rows[2][0]?.value == "  padded  ")
    #expect(
      data.rows[2][1]?.type == "s" && data.rows[2][1]?.value == "@SUM(A1)" && data.rows[2][1]?.quotePrefix == true)
  }
}
