import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Excel workbooks read as needs files and catalogs: each kind of cell, sheets, findings at cells, and the same
/// results as the same needs written as CSV. The fixtures are real writers' files (`Tests/Fixtures/workbooks`).
@Suite struct WorkbookReaderTests {
  /// The table of the fixture workbook `name`, read as a needs file reads it.
  func table(_ name: String) throws -> (table: CSVTable, path: String, findings: [Diagnostic]) {
    let path = WorkbookPython.folder.appendingPathComponent(name).path
    var diagnostics = DiagnosticCollector()
    let table = try #require(FileFormat.readTable(SourceFile.read(path), sheet: "needs", &diagnostics))
    return (table, path, diagnostics.diagnostics)
  }

  @Test func eachKindOfCellReadsAsItShows() throws {
    let (table, path, findings) = try table("values.xlsx")
    #expect(findings.isEmpty, "\(findings)")
    #expect(table.sheet == "values", "no sheet is named needs: the first is read")
    #expect(table.header.map(\.text) == ["kind", "value", "expected"])
    #expect(table.records.count == 26)
    for record in table.records.dropLast() {
      #expect(record.fields[1].text == record.fields[2].text, "\(record.fields[0].text)")
    }
    let unreferenced = try #require(table.records.last)
    #expect(unreferenced.fields.map(\.text) == ["no references", "7", "7"])
    #expect(
      unreferenced.fields.map(\.location.description) == ["A27", "B27", "C27"].map { "\(path):values!\($0)" })
    #expect(table.records[1].fields[1].location.description == "\(path):values!B3")
  }

  @Test func aSheetNamedNeedsIsReadWhereverItIs() throws {
    let (openpyxl, _, _) = try table("openpyxl-needs.xlsx")
    #expect(openpyxl.sheet == "Needs", "any case, after an instructions sheet")
    let (xlsxwriter, _, _) = try table("xlsxwriter-needs.xlsx")
    #expect(xlsxwriter.sheet == "needs")
  }

  @Test func withoutANeedsSheetTheFirstVisibleWorksheetIsRead() throws {
    let folder = try makeTemporaryFolder("workbook")
    defer { try? FileManager.default.removeItem(at: folder) }
    try WorkbookPython.run(
      """
      import openpyxl
      book = openpyxl.Workbook()
      book.active.title = 'lists'
      book.active.sheet_state = 'hidden'
      book.active.append(['each', 'case'])
      book.create_sheet('Sheet 2').append(COLUMNS)
      book.save('x.xlsx')
      """, in: folder)
    var diagnostics = DiagnosticCollector()
    let source = SourceFile.read(folder.appendingPathComponent("x.xlsx").path)
    let table = try #require(FileFormat.readTable(source, sheet: "needs", &diagnostics))
    #expect(table.sheet == "Sheet 2")
    #expect(table.header.map(\.text) == WorkbookPython.columns)
  }

  /// A title and a date above the table, as people head their sheets: the header is the first row that names a
  /// needs column, the rows above it are left out with one note, and no cell of theirs is taken for a value.
  @Test func rowsAboveTheHeaderAreATitle() throws {
    let folder = try makeTemporaryFolder("workbook")
    defer { try? FileManager.default.removeItem(at: folder) }
    try WorkbookPython.run(
      """
      import openpyxl
      book = openpyxl.Workbook()
      sheet = book.active
      sheet.title = 'needs'
      sheet.append(['Example School District 1: needs for CVPC-2027-01', None, None, 'Prepared', datetime.date(2027, 1, 5)])
      sheet.append([])
      sheet.append(COLUMNS)
      for row in ROWS: sheet.append(row)
      book.save('x.xlsx')
      """, in: folder)
    var diagnostics = DiagnosticCollector()
    let path = folder.appendingPathComponent("x.xlsx").path
    let table = try #require(
      FileFormat.readTable(SourceFile.read(path), sheet: "needs", columns: NeedsReader.csvColumns, &diagnostics))
    #expect(table.header.map(\.text) == WorkbookPython.columns)
    #expect(table.header.first?.location.description == "\(path):needs!A3")
    #expect(diagnostics.diagnostics.map(\.severity) == [.note], "\(diagnostics.diagnostics)")
    #expect(
      diagnostics.diagnostics.first?.description
        == "\(path):needs!A1: note: row 1 above the header row 3 left out (a title?); the table starts at its header")
    // Without the columns to look for, the first row is the header, as before.
    var plain = DiagnosticCollector()
    let first = try #require(FileFormat.readTable(SourceFile.read(path), sheet: "needs", &plain))
    #expect(first.header.first?.text == "Example School District 1: needs for CVPC-2027-01")
  }

  @Test func emptyRowsAndColumnsAreSkipped() throws {
    let (table, path, findings) = try table("openpyxl-needs.xlsx")
    #expect(findings.isEmpty, "\(findings)")
    #expect(table.header.map(\.text) == WorkbookPython.columns)
    #expect(table.header.first?.location.description == "\(path):Needs!B3")
    #expect(table.header.last?.location.description == "\(path):Needs!N3", "column L is empty")
    #expect(table.records.map(\.location.line) == [4, 5, 7])
  }

  @Test func datesNumbersAndRichTextReadAsTyped() throws {
    for name in ["openpyxl-needs.xlsx", "xlsxwriter-needs.xlsx", "inline-needs.xlsx", "libreoffice-needs.xlsx"] {
      let (table, _, findings) = try table(name)
      #expect(findings.isEmpty, "\(name): \(findings)")
      let columns = TableRows.Columns(table)
      func column(_ name: String) -> [String] {
        table.records.map { $0.fields[columns.index[name] ?? 0].text }
      }
      #expect(column("quantity") == ["120", "60", "800"], "\(name)")
      #expect(column("need_by") == ["2027-08-01", "2027-08-01", "2027-07-15"], "\(name)")
      #expect(column("notes") == ["Teacher refresh", "", "800 sleeves is 50 cases"], "\(name)")
      #expect(column("deliver_to").last == "Maintenance Shop, 5 Oak Ave, Example OR 97000", "\(name)")
    }
  }

  /// Every output format of `sandbox`'s joint solicitation, with the needs file's name and line or cell left
  /// out (the one thing a workbook changes).
  func outputs(_ sandbox: Sandbox) throws -> [String] {
    let intake = sandbox.validate()
    #expect(intake.diagnostics.isEmpty, "\(intake.listing)")
    guard case .success(let joint) = Aggregator.aggregate(intake) else {
      Issue.record("not aggregated: \(intake.listing)")
      return []
    }
    return JointSolicitation.Format.allCases.map { format in
      joint.rendered(as: format).replacing(#/needs/school-districts\.(csv|xlsx)(:[^",)\n]*)?/#, with: "SOURCE")
    }
  }

  @Test(arguments: ["openpyxl-needs.xlsx", "xlsxwriter-needs.xlsx", "inline-needs.xlsx", "libreoffice-needs.xlsx"])
  func aNeedsWorkbookValidatesAndAggregatesAsTheCSV(_ name: String) throws {
    let workbook = try Sandbox()
    try workbook.remove("needs/school-districts.csv")
    try workbook.place("workbooks/\(name)", as: "needs/school-districts.xlsx")
    let expected = try outputs(Sandbox())
    let actual = try outputs(workbook)
    #expect(actual == expected)
    guard case .success(let joint) = Aggregator.aggregate(workbook.validate()) else { return }
    let sheet = name == "openpyxl-needs.xlsx" ? "Needs!E4" : "needs!D2"
    #expect(
      joint.rendered(as: .json).contains("\"source\": \"needs/school-districts.xlsx:\(sheet)\""),
      "shares are traced to the item's cell")
    #expect(joint.rendered(as: .csv).contains(",needs/school-districts.xlsx:\(sheet)\r\n"))
  }

  /// The review list traces a workbook's differing specs to their cells, as shares are traced.
  @Test func differingSpecsInAWorkbookAreTracedToTheirCells() throws {
    let workspace = try Sandbox()
    try WorkbookPython.run(
      """
      import openpyxl
      book = openpyxl.Workbook()
      sheet = book.active
      sheet.title = 'needs'
      sheet.append(['agency_id', 'agency_name', 'agency_type', 'item', 'quantity', 'unit', 'deliver_to', 'spec'])
      sheet.append(['example-sd-3', 'Example School District 3', 'k12', 'LAPTOP-14', 4, 'EA', 'Depot', 'Asset tags'])
      sheet.append(['example-sd-3', 'Example School District 3', 'k12', 'LAPTOP-14', 2, 'EA', 'Annex', 'Imaged'])
      book.save('sd-3.xlsx')
      """, in: workspace.root.appendingPathComponent("needs"))
    let intake = workspace.validate()
    guard case .success(let joint) = Aggregator.aggregate(intake) else {
      Issue.record("not aggregated: \(intake.listing)")
      return
    }
    let reviewed = try #require(joint.review.first { $0.kind == .differingSpecs }, "\(joint.review.map(\.message))")
    #expect(reviewed.sources.map(\.description) == ["needs/sd-3.xlsx:needs!D2", "needs/sd-3.xlsx:needs!D3"])
  }

  @Test func aCatalogWorkbookReadsAsTheCSV() throws {
    let workbook = try Sandbox()
    try workbook.remove("catalog.csv")
    try workbook.place("workbooks/catalog.xlsx", as: "catalog.xlsx")
    #expect(try outputs(workbook) == outputs(Sandbox()))
    let catalog = try #require(workbook.validate().catalog)
    #expect(catalog.items.first?.id.location.description == workbook.path("catalog.xlsx") + ":Catalog!A2")
  }

  @Test func findingsPointAtTheCellInTextAndJSON() throws {
    let sandbox = try Sandbox()
    try sandbox.remove("needs/school-districts.csv")
    try WorkbookPython.run(
      """
      import openpyxl
      book = openpyxl.Workbook()
      book.active.title = 'Instructions'
      sheet = book.create_sheet('needs')
      sheet.append(COLUMNS)
      for row in ROWS:
          sheet.append(row)
      # rows 5 and 6 empty; row 7 names an agency type that does not exist, in column C
      sheet.append([])
      sheet.append([])
      sheet.append(['example-sd-3', 'Example School District 3', 'school'] + ROWS[0][3:])
      book.save('needs/x.xlsx')
      """, in: sandbox.root)
    let report = ValidationReport(sandbox.validate())
    let path = sandbox.path("needs/x.xlsx")
    #expect(report.intake.errorCount == 1, "\(report.intake.listing)")
    #expect(report.findings(as: .text).hasPrefix("\(path):needs!C7: error: row: 'agency_type' 'school' is not one of"))
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(report.findings(as: .json).utf8)) as? [[String: Any]])
    let finding = try #require(json.first)
    #expect(finding["path"] as? String == path)
    #expect(finding["sheet"] as? String == "needs")
    #expect(finding["cell"] as? String == "C7")
    #expect(finding["line"] as? Int == 7)
    #expect(finding["column"] as? Int == 3)
  }

  @Test func aWorkbookInMemoryReadsAsOnDisk() throws {
    let sandbox = try Sandbox()
    try sandbox.remove("needs/school-districts.csv")
    try sandbox.place("workbooks/xlsxwriter-needs.xlsx", as: "needs/school-districts.xlsx")
    func file(_ name: String) throws -> SourceFile {
      SourceFile(path: name, text: try String(contentsOfFile: sandbox.path(name), encoding: .utf8))
    }
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: sandbox.path("needs/school-districts.xlsx"))))
    let inMemory = Intake.load(
      WorkspaceFiles(
        solicitation: try file("solicitation.yaml"), catalog: try file("catalog.csv"),
        needs: [
          try file("needs/city-of-example.yaml"),
          SourceFile(path: "needs/school-districts.xlsx", workbookBytes: bytes),
        ]))
    let onDisk = sandbox.validate()
    #expect(inMemory.diagnostics.isEmpty, "\(inMemory.listing)")
    #expect(inMemory.participants.map(\.agency.id.value) == onDisk.participants.map(\.agency.id.value))
    #expect(
      inMemory.participants.flatMap(\.lines).map(\.location.lineOrCell)
        == onDisk.participants.flatMap(\.lines).map(\.location.lineOrCell))
    let workbook = try #require(inMemory.needs.first { $0.path == "needs/school-districts.xlsx" })
    #expect(
      workbook.participants.flatMap(\.lines).first?.location.description == "needs/school-districts.xlsx:needs!D2")
  }

  @Test func aWorkbookNamedAloneIsCheckedAgainstTheOtherFiles() throws {
    let sandbox = try Sandbox()
    try sandbox.place("workbooks/inline-needs.xlsx", as: "needs/again.xlsx")
    // The CSV checked alone: the workbook (read for its agencies) names the same agencies.
    let csv = Intake.load(files: [sandbox.path("needs/school-districts.csv")])
    csv.expect(.error, at: "needs/school-districts.csv", 2, 1, "agency 'example-sd-1' already has needs at")
    // The workbook checked alone: the duplicate is at its cell, and the note names the CSV's line.
    let workbook = Intake.load(files: [sandbox.path("needs/again.xlsx")])
    workbook.expect(.error, at: "needs/again.xlsx", 2, 1, "agency 'example-sd-1' already has needs at")
    #expect(
      workbook.findings(.error, in: "needs/again.xlsx").first?.location.description
        == sandbox.path("needs/again.xlsx") + ":needs!A2")
  }
}
