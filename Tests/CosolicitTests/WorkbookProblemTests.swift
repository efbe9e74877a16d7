import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Workbooks that cannot be read, whole or in a cell: each is a clear finding, at the start of the file or at
/// the cell, and none crashes, hangs or fills memory. Zip bombs and other large files are made here, not
/// committed.
@Suite struct WorkbookProblemTests {
  /// The findings in the needs workbook `needs/x.xlsx` holding `bytes`, checked in memory against the fixture
  /// workspace's solicitation and catalog.
  func findings(_ bytes: [UInt8]) throws -> [Diagnostic] {
    func file(_ name: String) throws -> SourceFile {
      SourceFile(
        path: name, text: try String(contentsOf: fixtures.appendingPathComponent("workspace/\(name)"), encoding: .utf8))
    }
    let intake = Intake.load(
      WorkspaceFiles(
        solicitation: try file("solicitation.yaml"), catalog: try file("catalog.csv"),
        needs: [SourceFile(path: "needs/x.xlsx", workbookBytes: bytes)]))
    return intake.diagnostics.filter { $0.location.path == "needs/x.xlsx" }
  }

  /// The findings in the workbook `x.xlsx` that the Python `script` writes.
  func findings(writtenBy script: String) throws -> [Diagnostic] {
    let folder = try makeTemporaryFolder("workbook")
    defer { try? FileManager.default.removeItem(at: folder) }
    try WorkbookPython.run(script, in: folder)
    return try findings([UInt8](Data(contentsOf: folder.appendingPathComponent("x.xlsx"))))
  }

  /// Records an issue unless `findings` is one error at `place` (`1:1` for the file, or a cell such as
  /// `needs!C7`) whose message contains every fragment.
  func expectOne(
    _ findings: [Diagnostic], at place: String, _ fragments: String...,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let matches =
      findings.count == 1 && findings[0].severity == .error
      && (findings[0].location.sheet == nil
        ? "\(findings[0].location.line):\(findings[0].location.column)" : findings[0].location.lineOrCell) == place
      && fragments.allSatisfy(findings[0].message.contains)
    #expect(
      matches, "expected one error at \(place) with \(fragments); found \(findings)", sourceLocation: sourceLocation)
  }

  @Test func textRenamedXlsxIsNotAWorkbook() throws {
    expectOne(
      try findings(Array("agency_id,agency_name\nsd-1,District\n".utf8)), at: "1:1",
      "not an Excel workbook (.xlsx): it is not a zip archive", "save it from Excel as .xlsx, or as CSV")
    expectOne(try findings([]), at: "1:1", "not an Excel workbook (.xlsx): the file is empty")
  }

  @Test func anOldOrEncryptedWorkbookIsNamedAsSuch() throws {
    let compoundFile: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
    expectOne(try findings(compoundFile), at: "1:1", "Excel 97-2003 workbook (.xls) or a password-protected one")
  }

  @Test func anotherOfficeDocumentIsNotAWorkbook() throws {
    let found = try findings(
      writtenBy: """
        with zipfile.ZipFile('x.xlsx', 'w') as archive:
            archive.writestr('word/document.xml', '<document/>')
        """)
    expectOne(found, at: "1:1", "not an Excel workbook (.xlsx): it is a Word document")
  }

  @Test func aWorkbookCutShortIsDamaged() throws {
    let bytes = try [UInt8](Data(contentsOf: WorkbookPython.folder.appendingPathComponent("inline-needs.xlsx")))
    expectOne(try findings(Array(bytes.prefix(bytes.count / 2))), at: "1:1", "no zip directory")
  }

  /// A deflate stream that runs past the end of the file: ZIPFoundation's own `extract` never returns on it.
  @Test func aPartWhosePackedDataRunsOutIsDamaged() throws {
    let found = try findings(
      writtenBy: """
        write_parts('x.xlsx', '<worksheet><sheetData>' + '<row/>' * 2000 + '</sheetData></worksheet>')
        data = bytearray(open('x.xlsx', 'rb').read())
        name = b'xl/worksheets/sheet1.xml'
        at = data.find(b'PK\\x03\\x04')
        while data[at + 30:at + 30 + len(name)] != name:
            at = data.find(b'PK\\x03\\x04', at + 4)
        start = at + 30 + len(name) + int.from_bytes(data[at + 28:at + 30], 'little')
        data[start:start + 5] = bytes([0x00, 0xFF, 0xFF, 0x00, 0x00])  # a stored block longer than the file
        open('x.xlsx', 'wb').write(data)
        """)
    expectOne(found, at: "1:1", "the workbook is damaged", "xl/worksheets/sheet1.xml")
  }

  @Test func aPartLargerThanTheLimitIsNotUnpacked() throws {
    let found = try findings(
      writtenBy: """
        write_parts('x.xlsx', '<worksheet><sheetData>' + ' ' * 100_000_000 + '</sheetData></worksheet>')
        """)
    expectOne(found, at: "1:1", "xl/worksheets/sheet1.xml unpacks to more than 64 MiB")
  }

  /// The same 100 MB part, its archive claiming it is 2,000 bytes: the sizes are counted while unpacking.
  @Test func aZipBombIsStoppedWhateverTheArchiveClaims() throws {
    let found = try findings(
      writtenBy: """
        write_parts('x.xlsx', '<worksheet><sheetData>' + ' ' * 100_000_000 + '</sheetData></worksheet>')
        data = bytearray(open('x.xlsx', 'rb').read())
        name = b'xl/worksheets/sheet1.xml'
        at = data.find(b'PK\\x01\\x02')
        while at >= 0:
            length = int.from_bytes(data[at + 28:at + 30], 'little')
            if data[at + 46:at + 46 + length] == name:
                data[at + 24:at + 28] = (2000).to_bytes(4, 'little')
                header = int.from_bytes(data[at + 42:at + 46], 'little')
                data[header + 22:header + 26] = (2000).to_bytes(4, 'little')
            at = data.find(b'PK\\x01\\x02', at + 4)
        open('x.xlsx', 'wb').write(data)
        """)
    expectOne(found, at: "1:1", "xl/worksheets/sheet1.xml unpacks to more than 100 times its packed size")
  }

  @Test func tooManyFilesInTheArchiveAreRefused() throws {
    let found = try findings(
      writtenBy: """
        write_parts('x.xlsx', '<worksheet><sheetData/></worksheet>')
        with zipfile.ZipFile('x.xlsx', 'a') as archive:
            for number in range(10_000):
                archive.writestr('xl/media/%d.txt' % number, '')
        """)
    expectOne(found, at: "1:1", "the workbook holds 10005 files (zip entries); at most 10000 are read")
  }

  @Test func aDoctypeInAPartIsRefused() throws {
    let found = try findings(
      writtenBy: """
        write_parts('x.xlsx', '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
            + '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet><sheetData><row><c t="inlineStr"><is>'
            + '<t>&b;</t></is></c></row></sheetData></worksheet>')
        """)
    expectOne(found, at: "1:1", "xl/worksheets/sheet1.xml cannot be read", "(DOCTYPE) are not allowed")
  }

  @Test func malformedXMLIsNamedWithItsPart() throws {
    let found = try findings(writtenBy: "write_parts('x.xlsx', '<worksheet><sheetData><row></sheetData>')")
    expectOne(found, at: "1:1", "xl/worksheets/sheet1.xml cannot be read", "line 1")
  }

  @Test func aSharedStringWithoutTheSharedStringsPartIsAnErrorAtTheCell() throws {
    let found = try findings(
      writtenBy: """
        header = ''.join('<c t="inlineStr"><is><t>%s</t></is></c>' % name for name in COLUMNS)
        write_parts('x.xlsx', '<worksheet><sheetData><row>%s</row><row r="2"><c r="A2" t="s"><v>0</v></c>'
            '</row></sheetData></worksheet>' % header)
        """)
    expectOne(found, at: "needs!A2", "refers to shared string 0, but the workbook has no shared strings part")
  }

  @Test func aFormulaWithoutItsResultIsAnErrorAtTheCell() throws {
    let found = try findings(
      writtenBy: """
        import openpyxl
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = 'needs'
        sheet.append(COLUMNS)
        sheet.append(ROWS[0][:6] + ['=100+20'] + ROWS[0][7:])
        book.save('x.xlsx')
        """)
    expectOne(found, at: "needs!G2", "no saved result", "recalculate and save it")
  }

  /// A value left out of a row is reported at its empty cell, where a spreadsheet's user looks, not at the row.
  @Test func aMissingValueIsAnErrorAtItsEmptyCell() throws {
    let found = try findings(
      writtenBy: """
        import openpyxl
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = 'needs'
        sheet.append(COLUMNS)
        sheet.append(ROWS[0][:7] + [None] + ROWS[0][8:])
        book.save('x.xlsx')
        """)
    expectOne(found, at: "needs!H2", "missing required field 'unit'")
  }

  @Test func anErrorValueIsAnErrorAtTheCell() throws {
    let found = try findings(
      writtenBy: """
        import xlsxwriter
        book = xlsxwriter.Workbook('x.xlsx')
        sheet = book.add_worksheet('needs')
        sheet.write_row(0, 0, COLUMNS)
        sheet.write_row(1, 0, [value if value is not None else '' for value in ROWS[0][:10]])
        sheet.write_formula(1, 6, '=VLOOKUP(1, Z1:Z2, 2)', None, '#N/A')
        book.close()
        """)
    expectOne(found, at: "needs!G2", "the cell shows the error #N/A")
  }

  @Test func excelsNonexistentLeapDayIsAnErrorAtTheCell() throws {
    let found = try findings(
      writtenBy: """
        import openpyxl
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = 'needs'
        sheet.append(COLUMNS)
        sheet.append(ROWS[0])
        sheet['K2'] = 60
        sheet['K2'].number_format = 'yyyy-mm-dd'
        book.save('x.xlsx')
        """)
    expectOne(found, at: "needs!K2", "1900-02-29, a day that does not exist")
  }
}
