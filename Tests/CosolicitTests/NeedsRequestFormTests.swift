import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Needs request forms (`cosolicit forms`): their rows, the workbook a real spreadsheet library reads, the CSV,
/// deterministic bytes, and output that never replaces what the tool did not write.
@Suite struct NeedsRequestFormTests {
  /// The fixture workspace with an invited roster: one district with a contact, and a hostile name.
  static func sandbox() throws -> Sandbox {
    let sandbox = try Sandbox()
    let solicitation = try String(contentsOfFile: sandbox.path("solicitation.yaml"), encoding: .utf8)
    try sandbox.write(
      "solicitation.yaml",
      solicitation + """
        invited:
          - id: example-sd-1
            name: Example School District 1
            type: k12
            state: OR
            contact: {name: Ann Clerk, email: ann@sd1.example.org, phone: "555-0101"}
          - {id: pine-fire, name: Pine Fire District, type: special-district}

        """)
    return sandbox
  }

  static func run(
    _ sandbox: Sandbox, out: String = "forms", _ participants: [String], kits: Bool = false
  ) -> (outcome: NeedsRequestBuild.Outcome?, diagnostics: [Diagnostic]) {
    NeedsRequestBuild.run(
      workspace: sandbox.root.path, output: sandbox.path(out), participants: participants, kits: kits)
  }

  @Test func oneRowPerCatalogItemThenWriteInsWithTheAgencyOnEveryRow() throws {
    let intake = try Self.sandbox().validate()
    let solicitation = try #require(intake.solicitation)
    let catalog = try #require(intake.catalog)
    let agency = try #require(solicitation.invitedAgency(withID: "example-sd-1"))
    let form = NeedsRequestForm(solicitation: solicitation, catalog: catalog, agency: agency)
    #expect(form.rows.count == catalog.items.count + NeedsRequestForm.writeInRowCount)
    #expect(form.rows.map { $0.values["item"] } == catalog.items.map(\.id.value) + Array(repeating: nil, count: 10))
    for row in form.rows {
      #expect(row.values["agency_id"] == "example-sd-1" && row.values["contact_email"] == "ann@sd1.example.org")
      #expect(NeedsRequestForm.fillInColumns.allSatisfy { row.values[$0] == nil }, "nothing filled in for them")
    }
    let towel = try #require(form.rows.first { $0.values["item"] == "TOWEL-MF" })
    #expect(towel.values["packs"] == "XCS = 16 EA" && towel.units == ["EA", "XCS"])
    #expect(towel.estimatedUnitPrice == Decimal(string: "2.10"))
    #expect(form.rows.last?.units.count == UnitTable.units.count && form.rows.last?.isWriteIn == true)
    #expect(form.fileStem == "example-sd-1-needs")

    let blank = NeedsRequestForm(solicitation: solicitation, catalog: catalog, agency: nil)
    #expect(blank.fileStem == "blank-needs")
    #expect(blank.rows.allSatisfy { row in NeedsRequestForm.agencyColumns.allSatisfy { row.values[$0] == nil } })
  }

  @Test func theCSVHasTheSameHeaderAndRows() throws {
    let intake = try Self.sandbox().validate()
    let form = NeedsRequestForm(
      solicitation: try #require(intake.solicitation), catalog: intake.catalog,
      agency: intake.solicitation?.invitedAgency(withID: "example-sd-1"))
    let lines = form.csv.components(separatedBy: "\r\n").dropLast()
    #expect(lines.first == NeedsRequestForm.columns.joined(separator: ","))
    #expect(lines.count == form.rows.count + 1)
    #expect(
      lines.dropFirst().first
        == "LAPTOP-14,\"Laptop, 14 in, 16 GB RAM, 512 GB SSD, 3-year warranty\",UNSPSC:43211503,EA,,950,,,,,,,,,,"
        + "example-sd-1,Example School District 1,k12,OR,Ann Clerk,ann@sd1.example.org,555-0101,,,")
  }

  @Test func formsAreWrittenFlatWithTheSameBytesEveryRun() throws {
    let sandbox = try Self.sandbox()
    let first = Self.run(sandbox, out: "one", ["example-sd-1", "EXAMPLE-SD-1", "city-of-example"])
    let outcome = try #require(first.outcome, "\(first.diagnostics)")
    #expect(
      outcome.files == [
        "example-sd-1-needs.xlsx", "example-sd-1-needs.csv", "city-of-example-needs.xlsx",
        "city-of-example-needs.csv",
      ])
    #expect(Self.run(sandbox, out: "two", ["example-sd-1", "city-of-example"]).outcome != nil)
    for file in outcome.files {
      let one = try Data(contentsOf: URL(fileURLWithPath: sandbox.path("one/\(file)")))
      #expect(try Data(contentsOf: URL(fileURLWithPath: sandbox.path("two/\(file)"))) == one, "\(file)")
    }
    // Running again into the same folder replaces the tool's own files with the same bytes.
    let again = Self.run(sandbox, out: "one", ["example-sd-1"])
    #expect(again.outcome != nil, "\(again.diagnostics)")
  }

  @Test func withoutParticipantsOneBlankFormAndNoNeedsAreRequired() throws {
    let sandbox = try Self.sandbox()
    try sandbox.remove("needs")
    let (outcome, diagnostics) = Self.run(sandbox, [])
    #expect(outcome?.files == ["blank-needs.xlsx", "blank-needs.csv"], "\(diagnostics)")
    #expect(diagnostics.isEmpty, "the missing needs folder does not concern forms: \(diagnostics)")
  }

  @Test func aDescriptionTooLongForACellIsCutWithAWarning() throws {
    let sandbox = try Self.sandbox()
    let long = String(repeating: "x", count: 40_000)
    try sandbox.write("catalog.csv", "item,description,classification,unit\nX-1,\(long),UNSPSC:43211503,EA\n")
    let (outcome, diagnostics) = Self.run(sandbox, [])
    #expect(outcome != nil)
    #expect(
      diagnostics.map(\.severity) == [.warning]
        && diagnostics.first?.message.contains("the workbook shows it cut") == true)
    let cell = try #require(
      try InspectedWorkbook.read(sandbox.path("forms/blank-needs.xlsx")).sheet("needs")?.cell("description", row: 2))
    #expect(cell.value.count == SpreadsheetCell.maximumTextLength && cell.value.hasSuffix("…"))
    #expect(try String(contentsOfFile: sandbox.path("forms/blank-needs.csv"), encoding: .utf8).contains(long))
  }

  @Test func anUnknownParticipantIsAnErrorThatNamesTheKnownOnesAndNothingIsWritten() throws {
    let sandbox = try Self.sandbox()
    let (outcome, diagnostics) = Self.run(sandbox, ["example-sd-1", "pine-fier"])
    #expect(outcome == nil)
    let error = try #require(diagnostics.first { $0.severity == .error })
    #expect(error.message.contains("participant 'pine-fier' is not invited") && error.message.contains("'pine-fire'"))
    #expect(error.message.contains("example-sd-1, pine-fire, city-of-example, example-sd-2"), "\(error.message)")
    #expect(!FileManager.default.fileExists(atPath: sandbox.path("forms")))
  }

  @Test func aWorkspaceWithErrorsWritesNoForm() throws {
    let sandbox = try Self.sandbox()
    try sandbox.write("catalog.csv", "item,description,classification,unit\nX-1,Thing,UNSPSC:43211503,widgets\n")
    let (outcome, diagnostics) = Self.run(sandbox, [])
    #expect(outcome == nil)
    #expect(diagnostics.contains { $0.severity == .error && $0.location.path.hasSuffix("catalog.csv") })
    try sandbox.remove("solicitation.yaml")
    #expect(Self.run(sandbox, []).diagnostics.contains { $0.message.contains("no solicitation.yaml") })
    #expect(!FileManager.default.fileExists(atPath: sandbox.path("forms")))
  }

  @Test func filesTheToolDidNotWriteOrThatWereFilledInAreNeverReplaced() throws {
    let sandbox = try Self.sandbox()
    #expect(Self.run(sandbox, ["example-sd-1"]).outcome != nil)
    let csv = sandbox.path("forms/example-sd-1-needs.csv")
    try sandbox.write("forms/example-sd-1-needs.csv", "filled in\n")
    try sandbox.write("forms/city-of-example-needs.xlsx", "someone else's")
    let (outcome, diagnostics) = Self.run(sandbox, ["example-sd-1", "city-of-example", "pine-fire"])
    #expect(outcome == nil)
    let refused = diagnostics.filter { $0.severity == .error }.map { ($0.location.path as NSString).lastPathComponent }
    #expect(refused == ["city-of-example-needs.xlsx", "example-sd-1-needs.csv"], "\(diagnostics)")
    #expect(try String(contentsOfFile: csv, encoding: .utf8) == "filled in\n")
    #expect(!FileManager.default.fileExists(atPath: sandbox.path("forms/pine-fire-needs.csv")), "nothing written")
    // A record that is not the tool's makes the whole folder off limits.
    try sandbox.write("other/.cosolicit-forms", "not a record\n")
    #expect(Self.run(sandbox, out: "other", []).diagnostics.contains { $0.message.contains("is not a record") })
  }

  @Test func formsAreNeverWrittenWhereTheWorkspaceReadsItsInputs() throws {
    let sandbox = try Self.sandbox()
    let (outcome, diagnostics) = Self.run(sandbox, out: "needs", ["pine-fire"])
    #expect(outcome == nil)
    #expect(diagnostics.contains { $0.message.contains("would be one of the workspace's own input files") })
    #expect(!FileManager.default.fileExists(atPath: sandbox.path("needs/pine-fire-needs.csv")))
    // Nor through a link to the needs folder, absolute or relative, named with or without a trailing slash.
    try FileManager.default.createSymbolicLink(
      atPath: sandbox.path("absolute"), withDestinationPath: sandbox.path("needs"))
    try FileManager.default.createSymbolicLink(atPath: sandbox.path("relative"), withDestinationPath: "needs")
    for out in ["absolute", "relative/"] {
      let (outcome, diagnostics) = Self.run(sandbox, out: out, ["pine-fire"])
      #expect(outcome == nil, "\(out)")
      #expect(diagnostics.contains { $0.message.contains("would be one of the workspace's own input files") })
    }
    #expect(!FileManager.default.fileExists(atPath: sandbox.path("needs/pine-fire-needs.csv")))
    #expect(!FileManager.default.fileExists(atPath: sandbox.path("needs/.cosolicit-forms")))
  }

  @Test func aKitHoldsTheFormsTheSolicitationTheCatalogAndAReadme() throws {
    let sandbox = try Self.sandbox()
    let (outcome, diagnostics) = Self.run(sandbox, ["pine-fire"], kits: true)
    #expect(
      outcome?.files == [
        "pine-fire/pine-fire-needs.xlsx", "pine-fire/pine-fire-needs.csv", "pine-fire/solicitation.yaml",
        "pine-fire/catalog.csv", "pine-fire/README.txt",
      ], "\(diagnostics)")
    for name in ["solicitation.yaml", "catalog.csv"] {
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: sandbox.path("forms/pine-fire/\(name)")))
          == Data(contentsOf: URL(fileURLWithPath: sandbox.path(name))))
    }
    let readme = try String(contentsOfFile: sandbox.path("forms/pine-fire/README.txt"), encoding: .utf8)
    #expect(readme.contains("cosolicit validate pine-fire-needs.csv") && readme.contains("purchasing@example.gov"))
  }

  /// openpyxl opens the form: its sheets, one row per catalog item and the write-ins, each row's unit list, the
  /// commitment list, the agency pre-filled from the roster, the frozen header.
  @Test func openpyxlFindsTheRowsListsAndPrefilledAgency() throws {
    let sandbox = try Self.sandbox()
    let (outcome, diagnostics) = Self.run(sandbox, ["example-sd-1"])
    #expect(outcome != nil, "\(diagnostics)")
    let workbook = try InspectedWorkbook.read(sandbox.path("forms/example-sd-1-needs.xlsx"))
    #expect(workbook.sheets.map(\.name) == ["instructions", "needs", "lists"])
    #expect(workbook.sheets.map(\.state) == ["visible", "visible", "hidden"] && workbook.active == "instructions")
    let needs = try #require(workbook.sheet("needs"))
    #expect(needs.header == NeedsRequestForm.columns)
    #expect(needs.freeze == "A2" && needs.filter == "A1:Y15")
    #expect(needs.rows.count == 1 + 4 + 10)
    #expect(
      (2...5).map { needs.cell("item", row: $0)?.value } == ["LAPTOP-14", "MONITOR-24", "TOWEL-MF", "FLOOR-CLEANER"])
    #expect((6...15).allSatisfy { needs.cell("item", row: $0) == nil })
    for row in 2...15 {
      #expect(needs.cell("agency_id", row: row)?.value == "example-sd-1")
      #expect(needs.cell("contact_name", row: row)?.value == "Ann Clerk")
      #expect(NeedsRequestForm.fillInColumns.allSatisfy { needs.cell($0, row: row) == nil }, "row \(row) untouched")
    }
    let price = try #require(needs.cell("estimated_unit_price", row: 4))
    #expect(price.type == "n" && price.value == "2.1")
    func list(at reference: String) -> String? {
      needs.validations.first { $0.type == "list" && $0.covers(reference) }?.formula1
    }
    #expect(list(at: "I2") == "\"EA\"" && list(at: "I4") == "\"EA,XCS\"" && list(at: "I5") == "\"GLL,XCS\"")
    #expect(list(at: "I6") == "lists!$A$1:$A$\(UnitTable.units.count)" && list(at: "I15") == list(at: "I6"))
    #expect((2...15).allSatisfy { list(at: "J\($0)") == "\"binding,estimate\"" })
    let lists = try #require(workbook.sheet("lists"))
    #expect(lists.rows.map { $0.first??.value } == UnitTable.units.map(\.code))
    let instructions = try #require(workbook.sheet("instructions"))
    let text = instructions.rows.flatMap { $0.compactMap { $0?.value } }
    #expect(text.contains("JS-2027-001: Office Technology and Custodial Supplies"))
    #expect(text.contains { $0.contains("2027-02-15") } && text.contains { $0.contains("purchasing@example.gov") })
    #expect(text.contains("binding") && text.contains("estimate") && text.contains("XCS") && text.contains("each"))
  }

  /// A hostile catalog description and agency name stay text: openpyxl reads the same strings back as text cells,
  /// and the CSV neutralises what a spreadsheet would run.
  @Test func hostileTextStaysTextInBothFiles() throws {
    let sandbox = try Self.sandbox()
    let formula = "=cmd|' /C calc'!A0"
    let markup = "<script>alert(1)</script> & \"quoted\"\u{7F}\u{85} _x0041_\r\nsecond line"
    var catalog = try String(contentsOfFile: sandbox.path("catalog.csv"), encoding: .utf8)
    catalog = catalog.replacingOccurrences(of: "\"Monitor, 24 in, height-adjustable\"", with: "\"\(formula)\"")
      .replacingOccurrences(
        of: "\"Neutral floor cleaner concentrate\"", with: "\"\(markup.replacingOccurrences(of: "\"", with: "\"\""))\"")
    try sandbox.write("catalog.csv", catalog)
    let solicitation = try String(contentsOfFile: sandbox.path("solicitation.yaml"), encoding: .utf8)
    try sandbox.write(
      "solicitation.yaml",
      solicitation + "  - {id: evil, name: \"@SUM(1+1)\", type: city, contact: {phone: \"+1 555\"}}\n")
    let (outcome, diagnostics) = Self.run(sandbox, ["evil"])
    #expect(outcome != nil, "\(diagnostics)")
    let needs = try #require(try InspectedWorkbook.read(sandbox.path("forms/evil-needs.xlsx")).sheet("needs"))
    for (row, text) in [(3, formula), (5, markup)] {
      let cell = try #require(needs.cell("description", row: row))
      #expect(cell.type == "s" && cell.unescaped == text, "\(cell)")
    }
    #expect(needs.cell("description", row: 3)?.quotePrefix == true)
    #expect(needs.cell("agency_name", row: 2)?.type == "s" && needs.cell("agency_name", row: 2)?.value == "@SUM(1+1)")
    let csv = try String(contentsOfFile: sandbox.path("forms/evil-needs.csv"), encoding: .utf8)
    #expect(csv.contains("MONITOR-24,'=cmd|' /C calc'!A0,") && csv.contains(",evil,'@SUM(1+1),city,,,,'+1 555,"))
    #expect(csv.contains("\"<script>alert(1)</script> & \"\"quoted\"\"\\u{7F}\\u{85} _x0041_\r\nsecond line\""))
  }
}
