import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// `quantity: as-needed`: a line with no quantity, never binding, in every needs format; left out of totals and
/// values, which say how many lines they left out.
@Suite struct AsNeededTests {
  static func yaml(_ items: String, agency: String = "city-1") -> (String, String) {
    ("needs/\(agency).yaml", "agency: {id: \(agency), name: \(agency), type: city}\ndeliver_to: Hall\nitems:\n\(items)")
  }

  /// Checks that FLOOR-CLEANER is an as-needed line from `agency` alone and MONITOR-24 a quantified line.
  static func expectAsNeeded(_ joint: JointSolicitation, agency: String) throws {
    let cleaner = try QuantityWorkspace.line(joint, "FLOOR-CLEANER")
    #expect(cleaner.isAsNeeded && cleaner.asNeededAgencyIDs == [agency])
    #expect(cleaner.quantity == 0 && cleaner.minimumQuantity == 0 && cleaner.maximumQuantity == 0)
    let share = try #require(cleaner.shares.first)
    #expect(share.isAsNeeded && share.commitment == .estimate)
    let totals = joint.totals
    #expect(totals.asNeededLineCount == 1 && totals.unpricedLineCount == 0)
    #expect(totals.committedQuantity["GLL"] == nil && totals.estimatedQuantity["GLL"] == nil)
    #expect(totals.committedValue == 540)
  }

  @Test(arguments: ["as-needed", "AS-NEEDED", "As-Needed"])
  func yamlLinesAreAsNeededInAnyCase(word: String) throws {
    let joint = try QuantityWorkspace.joint(
      needs: [
        Self.yaml(
          "  - {item: FLOOR-CLEANER, quantity: \(word), unit: GLL}\n  - {item: MONITOR-24, quantity: 3, unit: EA}\n")
      ])
    try Self.expectAsNeeded(joint, agency: "city-1")
  }

  @Test func jsonLinesAreAsNeeded() throws {
    let json = """
      {"agency": {"id": "city-1", "name": "City One", "type": "city"}, "deliver_to": "Hall",
       "items": [{"item": "FLOOR-CLEANER", "quantity": "as-needed", "unit": "GLL"},
                 {"item": "MONITOR-24", "quantity": 3, "unit": "EA"}]}
      """
    try Self.expectAsNeeded(QuantityWorkspace.joint(needs: [("needs/city-1.json", json)]), agency: "city-1")
  }

  @Test func csvRowsAreAsNeeded() throws {
    let csv = """
      agency_id,agency_name,agency_type,item,quantity,unit,deliver_to
      sd-1,District One,k12,FLOOR-CLEANER,As-needed,GLL,Depot
      sd-1,District One,k12,MONITOR-24,3,EA,Depot

      """
    try Self.expectAsNeeded(QuantityWorkspace.joint(needs: [("needs/sd.csv", csv)]), agency: "sd-1")
  }

  @Test func workbookRowsMadeByOpenpyxlAreAsNeeded() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("as-needed-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try WorkbookPython.run(
      """
      import openpyxl
      book = openpyxl.Workbook()
      sheet = book.active
      sheet.title = 'needs'
      sheet.append(['agency_id', 'agency_name', 'agency_type', 'item', 'quantity', 'unit', 'deliver_to'])
      sheet.append(['sd-1', 'District One', 'k12', 'FLOOR-CLEANER', 'as-needed', 'GLL', 'Depot'])
      sheet.append(['sd-1', 'District One', 'k12', 'MONITOR-24', 3, 'EA', 'Depot'])
      book.save('needs.xlsx')
      """, in: folder)
    let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent("needs.xlsx")))
    let solicitation = try String(
      contentsOf: fixtures.appendingPathComponent("workspace/solicitation.yaml"), encoding: .utf8)
    let intake = Aggregator.validate(
      Intake.load(
        WorkspaceFiles(
          solicitation: SourceFile(path: "solicitation.yaml", text: solicitation),
          catalog: SourceFile(path: "catalog.csv", text: QuantityWorkspace.catalog()),
          needs: [SourceFile(path: "needs/sd.xlsx", workbookBytes: bytes)])))
    #expect(intake.errorCount == 0, "\(intake.listing)")
    try Self.expectAsNeeded(try #require(try? Aggregator.aggregate(intake).get()), agency: "sd-1")
  }

  @Test func aLineWithSomeQuantifiedSharesKeepsItsQuantityAndNamesTheAsNeededParticipants() throws {
    let joint = try QuantityWorkspace.joint(
      band: CommitmentBandTests.band,
      needs: [
        Self.yaml("  - {item: MONITOR-24, quantity: as-needed, unit: EA}\n"),
        Self.yaml("  - {item: MONITOR-24, quantity: 10, unit: EA}\n", agency: "city-2"),
      ])
    let monitor = try QuantityWorkspace.line(joint, "MONITOR-24")
    #expect(!monitor.isAsNeeded && monitor.asNeededAgencyIDs == ["city-1"] && monitor.asNeededShareCount == 1)
    #expect(monitor.minimumQuantity == 8 && monitor.quantity == 10 && monitor.maximumQuantity == 12)
    #expect(joint.totals.asNeededLineCount == 0 && joint.totals.committedValue == 1800)
    let participant = try #require(joint.participants.first { $0.agency.id.value == "city-1" })
    #expect(participant.asNeededLineCount == 1 && participant.committedValue == 0 && participant.bindingLineCount == 0)
  }

  @Test func anAsNeededLineCannotBeBindingAndNeedsAUnit() throws {
    let text = MarkedText(
      """
      agency: {id: city-1, name: City One, type: city}
      commitment: binding
      deliver_to: Hall
      items:
        - {item: FLOOR-CLEANER, quantity: as-needed, unit: GLL, commitment: 1️⃣binding}
        - 2️⃣{item: MONITOR-24, quantity: as-needed}
        - {item: LAPTOP-14, quantity: as-needed, unit: EA}

      """)
    let intake = try QuantityWorkspace.intake(needs: [("needs/city-1.yaml", text.text)])
    intake.expect(
      .error, in: "needs/city-1.yaml", at: text,
      ["1️⃣": "an as-needed line cannot be binding", "2️⃣": "missing required field 'unit'"])
    // The file's default commitment (binding) does not apply to an as-needed line: only the line's own word.
    #expect(intake.findings(.error, in: "needs/city-1.yaml").count == 2, "\(intake.listing)")
  }

  @Test func anUnknownWordIsStillANumberProblem() throws {
    let text = MarkedText(
      """
      agency: {id: city-1, name: City One, type: city}
      deliver_to: Hall
      items:
        - {item: FLOOR-CLEANER, quantity: 1️⃣as needed please, unit: GLL}

      """)
    let intake = try QuantityWorkspace.intake(needs: [("needs/city-1.yaml", text.text)])
    intake.expect(.error, in: "needs/city-1.yaml", at: text, ["1️⃣": "expected a positive decimal number"])
  }
}
