import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Needs CSVs as spreadsheets export them: every agency column a YAML file's `agency` can fill, blank rows,
/// thousands separators, and needs request forms with their informational columns and unused rows.
@Suite struct SpreadsheetCSVTests {
  static let header =
    "agency_id,agency_name,agency_type,agency_state,contact_name,contact_email,contact_phone,signer_name,"
    + "signer_title,submitted,item,quantity,unit,deliver_to"

  /// The intake of the fixture's solicitation and catalog with one needs file at `path`, holding `text`.
  static func check(_ path: String, _ text: MarkedText) throws -> Intake {
    try InMemoryDiagnosticsTests.check(path, text)
  }

  @Test func agencyColumnsSayWhatAYAMLAgencySays() throws {
    let text = MarkedText(
      Self.header + "\n"
        + "sd-1,District One,k12,OR,Pat Buyer,pat@sd1.example.org,555-0100,Sam Lee,Superintendent,1️⃣2027-02-01,"
        + "LAPTOP-14,4,each,Depot\n"
        // A later row may leave the agency's details empty: they are not repeated.
        + "sd-1,District One,k12,,,,,,,,MONITOR-24,2,each,Depot\n")
    let csv = try Self.check("needs/sd.csv", text)
    let yaml = try Self.check(
      "needs/sd.yaml",
      MarkedText(
        """
        agency:
          id: sd-1
          name: District One
          type: k12
          state: OR
          contact: {name: Pat Buyer, email: pat@sd1.example.org, phone: 555-0100}
          signer: {name: Sam Lee, title: Superintendent}
        submitted: 2027-02-01
        deliver_to: Depot
        items:
          - {item: LAPTOP-14, quantity: 4, unit: each}
          - {item: MONITOR-24, quantity: 2, unit: each}

        """))
    #expect(csv.diagnostics.isEmpty && yaml.diagnostics.isEmpty, "\(csv.listing)\n\(yaml.listing)")
    let fromCSV = try #require(csv.participants.first)
    let fromYAML = try #require(yaml.participants.first)
    var agency = fromCSV.agency
    agency.id.location = fromYAML.agency.id.location
    #expect(agency == fromYAML.agency)
    #expect(fromCSV.submitted?.value == fromYAML.submitted?.value)
    let place = try #require(text.positions["1️⃣"])
    #expect(fromCSV.submitted?.location.line == place.line && fromCSV.submitted?.location.column == place.column)
    #expect(fromCSV.lines.count == 2)
  }

  /// A cell the tool guarded against formulas when it wrote a form (`'+1 …`, `'=…`) reads back as the text it
  /// guards, as a spreadsheet shows it; a quote anywhere else is kept.
  @Test func cellsGuardedAgainstFormulasReadAsTheirText() throws {
    let text = MarkedText(
      Self.header + "\n"
        + "sd-1,'=District One,k12,OR,'@Pat,pat@sd1.example.org,'+1 503 555 0100,O'Neil,'Chief,,LAPTOP-14,4,each,Depot\n"
    )
    let intake = try Self.check("needs/sd.csv", text)
    #expect(intake.errorCount == 0, "\(intake.listing)")
    let agency = try #require(intake.participants.first?.agency)
    #expect(agency.name == "=District One")
    #expect(agency.contact?.name == "@Pat" && agency.contact?.phone == "+1 503 555 0100")
    #expect(agency.signer?.name == "O'Neil" && agency.signer?.title == "'Chief")
    #expect(CSVCell.unescaped(CSVCell.escape("-5 cases")) == "-5 cases")
  }

  @Test func agencyColumnsAreCheckedAsYAMLAgenciesAre() throws {
    let text = MarkedText(
      Self.header + "\n"
        + "sd-1,District One,k12,1️⃣Oregon,Pat,2️⃣pat at sd1,,,3️⃣Clerk,4️⃣Feb 1,LAPTOP-14,4,each,Depot\n")
    let intake = try Self.check("needs/sd.csv", text)
    intake.expect(
      .warning, in: "needs/sd.csv", at: text,
      ["1️⃣": "row: agency_state 'Oregon' is not a USPS state code", "2️⃣": "does not look like an email address"])
    intake.expect(
      .error, in: "needs/sd.csv", at: text,
      [
        "3️⃣": "agency 'sd-1': signer_title is given but no signer_name",
        "4️⃣": "'submitted' 'Feb 1' is not a date; expected YYYY-MM-DD",
      ])
    #expect(intake.errorCount == 2 && intake.warningCount == 2, "\(intake.listing)")
  }

  @Test func rowsOfOneAgencyMustAgreeOnEachColumn() throws {
    let text = MarkedText(
      Self.header + "\n"
        + "sd-1,District One,k12,OR,,1️⃣pat@sd1.example.org,,,,2️⃣2027-02-01,LAPTOP-14,4,each,Depot\n"
        + "sd-1,District One,k12,OR,,3️⃣pat@other.example.org,,,,,LAPTOP-14,1,each,Depot\n"
        + "sd-1,District One,k12,,,,,,,4️⃣2027-02-03,MONITOR-24,2,each,Depot\n")
    let intake = try Self.check("needs/sd.csv", text)
    intake.expect(
      .error, in: "needs/sd.csv", at: text,
      [
        "3️⃣": "agency 'sd-1' has contact_email 'pat@other.example.org' here but 'pat@sd1.example.org' on an earlier "
          + "row; rows of one agency must agree on its contact_email",
        "4️⃣": "has submitted '2027-02-03' here but '2027-02-01'",
      ])
    intake.expect(.note, in: "needs/sd.csv", at: text, ["1️⃣": "is given here", "2️⃣": "'2027-02-01' is given here"])
    #expect(intake.errorCount == 2, "\(intake.listing)")
  }

  @Test func aLateSubmissionInACSVColumnIsWarnedAbout() throws {
    let text = MarkedText(
      Self.header + "\n" + "sd-1,District One,k12,,,,,,,1️⃣2027-03-01,LAPTOP-14,4,each,Depot\n")
    let intake = try Self.check("needs/sd.csv", text)
    intake.expect(.warning, in: "needs/sd.csv", at: text, ["1️⃣": "the file is late"])
  }

  @Test func blankRowsAreSkipped() throws {
    let text = MarkedText(
      ",,,,\n"
        + "agency_id,agency_name,agency_type,item,quantity,unit,deliver_to\n"
        + "sd-1,District One,k12,LAPTOP-14,4,each,Depot\n"
        + ",,,,,,\n"
        + " , ,\t, ,, ,\n"
        + "\"\",,,,,,\n"
        + "\n"
        + "sd-1,District One,k12,MONITOR-24,2,each,Depot\n"
        + ",,\n")
    let intake = try Self.check("needs/sd.csv", text)
    #expect(intake.diagnostics.isEmpty, "\(intake.listing)")
    #expect(intake.lineCount == 2)
    #expect(intake.participants.first?.lines.count == 2)
  }

  @Test func aRowWithSomethingInItIsNoBlankRow() throws {
    let text = MarkedText(
      "agency_id,agency_name,agency_type,item,quantity,unit,deliver_to\n"
        + "sd-1,District One,k12,LAPTOP-14,4,each,Depot\n"
        + "1️⃣sd-1,,,,,,\n")
    let intake = try Self.check("needs/sd.csv", text)
    intake.expect(.error, in: "needs/sd.csv", at: text, ["1️⃣": "missing required field 'quantity'"])
  }

  @Test func quantitiesMayGroupThousandsAsUSWritingDoes() throws {
    let text = MarkedText(
      "agency_id,agency_name,agency_type,item,quantity,unit,deliver_to\n"
        + "sd-1,District One,k12,LAPTOP-14,\"10,000\",each,Depot\n"
        + "sd-1,District One,k12,MONITOR-24,\"1,234.5\",each,Depot\n"
        + "sd-1,District One,k12,TOWEL-MF,\"1,234,567.25\",each,Depot\n"
        + "sd-1,District One,k12,TOWEL-MF,1️⃣\"1,2\",each,Depot\n"
        + "sd-1,District One,k12,TOWEL-MF,2️⃣\"1.234,5\",each,Depot\n"
        + "sd-1,District One,k12,TOWEL-MF,3️⃣\"12,34,567\",each,Depot\n"
        + "sd-1,District One,k12,TOWEL-MF,4️⃣\",123\",each,Depot\n"
        + "sd-1,District One,k12,TOWEL-MF,5️⃣\"1,,234\",each,Depot\n")
    let intake = try Self.check("needs/sd.csv", text)
    intake.expect(
      .error, in: "needs/sd.csv", at: text,
      [
        "1️⃣": "'1,2' is ambiguous: a comma must be followed by groups of three digits; for a decimal comma write 1.2",
        "2️⃣": "'1.234,5' is ambiguous: it is written in the European format, with '.' between thousands and ',' "
          + "before the decimals; write 1234.5",
        "3️⃣": "groups digits in twos (the Indian format); write 1234567 or 1,234,567",
        "4️⃣": "it starts with a comma",
        "5️⃣": "it has two commas in a row",
      ])
    #expect(intake.errorCount == 5, "\(intake.listing)")
    let quantities = try #require(intake.participants.first).lines.map(\.quantity.value)
    #expect(quantities == [10_000, Decimal(string: "1234.5")!, Decimal(string: "1234567.25")!])
  }

  @Test func theThousandsRuleIsTheSameInYAMLJSONAndTheCatalog() throws {
    let (solicitation, _) = try InMemoryDiagnosticsTests.context()
    let catalog = SourceFile(
      path: "catalog.csv",
      text: "item,description,classification,unit,estimated_unit_price,packs\n"
        + "LAPTOP-14,Laptop,UNSPSC:43211503,EA,\"1,050.00\",\n"
        + "TOWEL-MF,Towel,UNSPSC:14111703,EA,2.10,\"XPX=1,000\"\n")
    let marked = MarkedText(
      """
      agency: {id: a, name: A, type: city}
      deliver_to: Hall
      items:
        - {item: LAPTOP-14, quantity: "2,000", unit: each}
        - {item: TOWEL-MF, quantity: 1️⃣"1,2", unit: each}

      """)
    let yaml = SourceFile(path: "needs/a.yaml", text: marked.text)
    let json = SourceFile(
      path: "needs/b.json",
      text: #"{"agency": {"id": "b", "name": "B", "type": "city"}, "deliver_to": "Hall", "items": "#
        + #"[{"item": "TOWEL-MF", "quantity": "3,000", "unit": "pallet"}]}"#)
    let intake = Intake.load(WorkspaceFiles(solicitation: solicitation, catalog: catalog, needs: [yaml, json]))
    intake.expect(.error, in: "needs/a.yaml", at: marked, ["1️⃣": "for a decimal comma write 1.2"])
    #expect(intake.errorCount == 1, "\(intake.listing)")
    #expect(intake.catalog?.items.first?.estimatedUnitPrice == 1050)
    let lines = intake.participants.flatMap(\.lines)
    #expect(lines.map(\.quantity.value) == [2000, 3000])
    #expect(lines.last?.baseQuantity == 3_000_000)
  }

  @Test func aFormRowNobodyFilledInIsSkipped() throws {
    let header =
      "agency_id,agency_name,agency_type,agency_state,contact_email,item,description,classification,base_unit,"
      + "packs,estimated_unit_price,quantity,unit,commitment,deliver_to,need_by,spec,notes"
    let agency = "sd-1,District One,k12,OR,pat@sd1.example.org"
    let text = MarkedText(
      header + "\n"
        + agency + ",LAPTOP-14,\"Laptop, 14 in\",UNSPSC:43211503,EA,,950.00,12,EA,,Depot,2027-08-01,,\n"
        + agency + ",MONITOR-24,\"Monitor, 24 in\",UNSPSC:43211902,EA,,180.00,,,,,,,\n"
        + agency + ",TOWEL-MF,Towel,UNSPSC:14111703,EA,XCS=16,2.10, , ,,,,,\n"
        + "1️⃣" + agency + ",FLOOR-CLEANER,Cleaner,UNSPSC:47131801,GLL,XCS=4,18.50,,,,,,,Winter only\n"
        + agency + ",,,,,,,,,,,,,\n")
    let intake = try Self.check("needs/sd-1-needs.csv", text)
    // The laptop row is a line; the monitor and towel rows were not used; the floor cleaner row has a note, so
    // it was used, and lacks its quantity and unit.
    intake.expect(.error, in: "needs/sd-1-needs.csv", at: text, ["1️⃣": "missing required field 'quantity'"])
    #expect(intake.errorCount == 2 && intake.warningCount == 1, "\(intake.listing)")
    #expect(intake.lineCount == 2)
    let line = try #require(intake.participants.first?.lines.first)
    #expect(line.quantity.value == 12)
    if case .catalog(let item) = line.item { #expect(item.value == "LAPTOP-14") } else { Issue.record("\(line)") }
  }

  /// A row for a write-in (no item) on which the participant described what it needs but gave no quantity is a
  /// half-filled line, never skipped as unused: dropping it would lose a need without a word.
  @Test func aWriteInRowDescribedButNotCountedIsALine() throws {
    let header =
      "agency_id,agency_name,agency_type,item,description,classification,base_unit,packs,estimated_unit_price,"
      + "quantity,unit,commitment,deliver_to,need_by,spec,notes"
    let text = MarkedText(
      header + "\n"
        + "sd-1,District One,k12,LAPTOP-14,\"Laptop, 14 in\",UNSPSC:43211503,EA,,950.00,12,EA,,Depot,,,\n"
        + "1️⃣sd-1,District One,k12,,40 stacking chairs,,,,,,,,,,,\n"
        + "2️⃣sd-1,District One,k12,,,UNSPSC:56101504,,,,,,,,,,\n"
        + "sd-1,District One,k12,,,,,,,,,,,,,\n")
    let intake = try Self.check("needs/sd-1-needs.csv", text)
    intake.expect(.error, in: "needs/sd-1-needs.csv", at: text, ["1️⃣": "missing required field 'quantity'"])
    intake.expect(.error, in: "needs/sd-1-needs.csv", at: text, ["2️⃣": "missing required field 'quantity'"])
    #expect(intake.lineCount == 3, "the untouched write-in row is skipped")
  }

  @Test func aFilledInFormWithPrefilledDescriptionsHasNoFindings() throws {
    let header =
      "agency_id,agency_name,agency_type,item,description,classification,base_unit,packs,estimated_unit_price,"
      + "quantity,unit,deliver_to,spec"
    let text = MarkedText(
      header + "\n"
        + "sd-1,District One,k12,LAPTOP-14,\"Laptop, 14 in\",UNSPSC:43211503,EA,,950.00,12,EA,Depot,Asset tags\n"
        + "sd-1,District One,k12,TOWEL-MF,Towel,UNSPSC:14111703,EA,XCS=16,2.10,3,case,Depot,\n"
        + "sd-1,District One,k12,,\"Desk, standing\",UNSPSC:43211999,,,,2,each,Depot,\n")
    let intake = try Self.check("needs/sd-1-needs.csv", text)
    #expect(intake.diagnostics.isEmpty, "\(intake.listing)")
    let lines = try #require(intake.participants.first?.lines)
    #expect(lines.map(\.spec) == ["Asset tags", nil, nil])
    #expect(lines.map(\.baseQuantity) == [12, 48, 2])
  }

  @Test func aFormWithNoRowFilledInIsAnError() throws {
    let text = MarkedText(
      "1️⃣agency_id,agency_name,agency_type,item,base_unit,quantity,unit\n"
        + "sd-1,District One,k12,LAPTOP-14,EA,,\n")
    let intake = try Self.check("needs/sd-1-needs.csv", text)
    intake.expect(.error, in: "needs/sd-1-needs.csv", at: text, ["1️⃣": "the needs request form has no row filled in"])
  }
}
