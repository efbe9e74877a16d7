import Testing

@testable import Cosolicit

/// The rules by which a workbook's stored values read as the user typed them: numbers, date serials, date
/// formats, and how cells are named.
@Suite struct WorkbookValueTests {
  @Test(arguments: [
    ("0.30000000000000004", "0.3"), ("1234.4999999999998", "1234.5"), ("99.999999999999986", "100"),
    ("-0.30000000000000004", "-0.3"), ("10000", "10000"), ("1E-3", "0.001"), ("1e-05", "0.00001"),
    ("1.5E+20", "150000000000000000000"), ("2.50", "2.5"), ("-0", "0"), ("0", "0"), (".5", "0.5"),
    ("123456789012345678", "123456789012346000"), ("0.1234567890123456", "0.123456789012346"),
    ("999999999999999.5", "1000000000000000"), (" 42 ", "42"), ("+7", "7"), ("0.000", "0"),
  ])
  func numbersReadAsTyped(_ stored: String, _ shown: String) {
    #expect(ExcelNumberText.normalized(stored) == shown)
  }

  @Test(arguments: ["", "-", ".", "1.2.3", "1e", "1e+", "1,5", "abc", "1e99999", "1e401", "NaN", "Infinity", "0x10"])
  func textsThatAreNoNumbers(_ stored: String) {
    #expect(ExcelNumberText.normalized(stored) == nil)
  }

  @Test func officeEscapesInTextAreReplaced() {
    #expect(SharedStringTable.unescaped("a_x000D_b") == "a\rb")
    #expect(SharedStringTable.unescaped("_x005F_x0041_") == "_x0041_")
    #expect(SharedStringTable.unescaped("_x0041") == "_x0041", "not an escape without its closing underscore")
    #expect(SharedStringTable.unescaped("snake_xcase_") == "snake_xcase_")
    #expect(SharedStringTable.unescaped("_xD800_") == "_xD800_", "a surrogate is no character")
  }

  @Test func serialNumbersOfThe1900System() {
    func date(_ serial: String) -> Result<String, ExcelSerialDate.DateProblem> {
      ExcelSerialDate.isoDate(serial, uses1904: false)
    }
    #expect(date("1") == .success("1900-01-01"))
    #expect(date("59") == .success("1900-02-28"))
    #expect(date("60") == .failure(.february29th1900))
    #expect(date("61") == .success("1900-03-01"))
    #expect(date("46600") == .success("2027-08-01"))
    #expect(date("46600.999") == .success("2027-08-01"), "the time of day is not part of the date")
    #expect(date("2958465") == .success("9999-12-31"))
    #expect(date("2958466") == .failure(.afterLastDay))
    #expect(date("0") == .failure(.beforeFirstDay))
    #expect(date("0.5") == .failure(.beforeFirstDay))
    #expect(date("-1") == .failure(.beforeFirstDay))
    #expect(date("123456789012") == .failure(.afterLastDay))
  }

  @Test func serialNumbersOfThe1904System() {
    #expect(ExcelSerialDate.isoDate("0", uses1904: true) == .success("1904-01-01"))
    #expect(ExcelSerialDate.isoDate("45138", uses1904: true) == .success("2027-08-01"))
    #expect(ExcelSerialDate.isoDate("-1", uses1904: true) == .failure(.beforeFirstDay))
  }

  @Test(arguments: [
    ("m/d/yyyy", true), ("yyyy-mm-dd", true), ("yyyy\\-mm\\-dd", true), ("[$-409]d-mmm-yy;@", true),
    ("[$-F800]dddd, mmmm dd, yyyy", true), ("mmm", true), ("DD/MM/YYYY", true), ("m/d/yyyy h:mm", true),
    ("h:mm", false), ("h:mm:ss AM/PM", false), ("mm:ss", false), ("[h]:mm:ss", false), ("[mm]:ss", false),
    ("General", false), ("0.00", false), ("#,##0.00 \"days\"", false), ("[Red]0.0", false), ("0%", false),
    ("\\d0", false), ("_(* #,##0_)", false), ("@", false), ("0.00E+00", false),
  ])
  func dateFormatCodes(_ code: String, _ showsDate: Bool) {
    #expect(ExcelDateFormat.showsDate(code: code) == showsDate)
  }

  @Test func builtInFormatsAreKnownByID() {
    #expect([14, 15, 16, 17, 22].allSatisfy { ExcelDateFormat.showsDate(id: $0, code: nil) })
    #expect(
      ![0, 1, 2, 9, 10, 18, 19, 20, 21, 45, 46, 47, 49].contains { ExcelDateFormat.showsDate(id: $0, code: nil) })
    #expect(!ExcelDateFormat.showsDate(id: 14, code: "0.00"), "a workbook's own code wins")
  }

  @Test func cellsAreNamedAsSpreadsheetsNameThem() {
    #expect(
      [1, 3, 26, 27, 52, 53, 702, 703, 16_384].map(SourceLocation.columnName) == [
        "A", "C", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD",
      ])
    let cell = SourceLocation(path: "needs/x.xlsx", sheet: "needs", row: 7, column: 3)
    #expect(cell.description == "needs/x.xlsx:needs!C7")
    #expect(cell.lineOrCell == "needs!C7")
    #expect(cell.cell == "C7")
    let line = SourceLocation(path: "needs/x.csv", line: 7, column: 3)
    #expect(line.description == "needs/x.csv:7:3")
    #expect(line.lineOrCell == "7")
    #expect(line.cell == nil)
    #expect(SourceLocation(path: "needs/x.csv", sheet: nil, row: 7, column: 3) == line)
  }

  /// A sheet name that is more than letters, digits, `_` and `.` is quoted as spreadsheets quote it, so that it
  /// cannot pass for part of the reference or of the finding after it.
  @Test func sheetNamesAreQuotedAsSpreadsheetsQuoteThem() {
    func cell(_ sheet: String) -> String {
      SourceLocation(path: "x.xlsx", sheet: sheet, row: 2, column: 5).description
    }
    #expect(cell("Needs_2027.v2") == "x.xlsx:Needs_2027.v2!E2")
    #expect(cell("Sheet 2") == "x.xlsx:'Sheet 2'!E2")
    #expect(cell("Bob's") == "x.xlsx:'Bob''s'!E2")
    #expect(cell("x!A1: error: forged") == "x.xlsx:'x!A1: error: forged'!E2")
  }

  @Test func aWorkbooksOwnFindingsComeBeforeItsCells() {
    let file = SourceLocation.start(of: "x.xlsx")
    let cells = [(2, 5), (10, 1), (10, 2)].map { SourceLocation(path: "x.xlsx", sheet: "needs", row: $0, column: $1) }
    let other = SourceLocation(path: "y.csv", line: 1, column: 1)
    #expect(([other] + cells.reversed() + [file]).sorted() == [file] + cells + [other])
    #expect(file != SourceLocation(path: "x.xlsx", sheet: "needs", row: 1, column: 1))
  }
}
