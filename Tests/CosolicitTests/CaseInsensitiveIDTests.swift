import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Ids that differ only in case are the same id wherever ids are compared: agencies across files and formats
/// and within one file, catalog items, lots, the lead agency, lots in bids.
@Suite struct CaseInsensitiveIDTests {
  static func fixture(_ name: String) throws -> SourceFile {
    SourceFile(
      path: name, text: try String(contentsOf: fixtures.appendingPathComponent("workspace/\(name)"), encoding: .utf8))
  }

  static func check(
    catalog: SourceFile? = nil, solicitation: SourceFile? = nil, _ needs: SourceFile...
  ) throws
    -> Intake
  {
    Intake.load(
      WorkspaceFiles(
        solicitation: try solicitation ?? fixture("solicitation.yaml"), catalog: try catalog ?? fixture("catalog.csv"),
        needs: needs))
  }

  @Test func anAgencyResubmittedInAnotherCaseIsADuplicate() throws {
    let yaml = MarkedText(
      """
      agency: {id: 1️⃣Alder-County, name: Alder County, type: county}
      deliver_to: Depot
      items:
        - {item: LAPTOP-14, quantity: 10, unit: EA}

      """)
    let intake = try Self.check(
      SourceFile(
        path: "needs/a.csv",
        text: "agency_id,agency_name,agency_type,item,quantity,unit,deliver_to\n"
          + "alder-county,Alder County,county,LAPTOP-14,10,EA,Depot\n"),
      SourceFile(path: "needs/b.yaml", text: yaml.text))
    intake.expect(.error, in: "needs/b.yaml", at: yaml, ["1️⃣": "already has needs at needs/a.csv:2:1 as 'alder-county'"])
    #expect(intake.diagnostics.contains { $0.severity == .note && $0.location.path == "needs/a.csv" })
    guard case .failure = Aggregator.aggregate(intake) else {
      Issue.record("a duplicate agency must not aggregate, or its total grows")
      return
    }
  }

  @Test func rowsOfOneAgencyInAnotherCaseAreOneParticipant() throws {
    let intake = try Self.check(
      SourceFile(
        path: "needs/sd.csv",
        text: "agency_id,agency_name,agency_type,item,quantity,unit,deliver_to\n"
          + "sd-1,District One,k12,LAPTOP-14,10,EA,Depot\nSD-1,District One,k12,MONITOR-24,5,EA,Depot\n"))
    #expect(intake.errorCount == 0, "\(intake.listing)")
    #expect(intake.participants.count == 1 && intake.participants.first?.lines.count == 2)
  }

  @Test func aCatalogItemNamedInAnotherCaseIsThatItem() throws {
    let intake = try Self.check(
      SourceFile(
        path: "needs/sd.csv",
        text: "agency_id,agency_name,agency_type,item,quantity,unit,deliver_to\n"
          + "sd-1,District One,k12,laptop-14,10,EA,Depot\nsd-2,District Two,k12,LAPTOP-14,5,EA,Depot\n"))
    #expect(intake.errorCount == 0, "\(intake.listing)")
    guard case .success(let joint) = Aggregator.aggregate(intake) else {
      Issue.record("must aggregate")
      return
    }
    #expect(joint.lines.map(\.itemID) == ["LAPTOP-14"])
    #expect(joint.lines.first?.committedQuantity == 15)
  }

  @Test func catalogItemsAndLotsThatDifferOnlyInCaseAreDuplicates() throws {
    let catalog = MarkedText(
      """
      item,description,classification,unit,estimated_unit_price
      LAPTOP-14,Laptop,UNSPSC:43211503,EA,950
      1️⃣laptop-14,Laptop again,UNSPSC:43211503,EA,950

      """)
    var solicitation = try Self.fixture("solicitation.yaml").text
    solicitation = solicitation.replacingOccurrences(of: "  - id: L2\n", with: "  - id: l1\n")
    let intake = try Self.check(
      catalog: SourceFile(path: "catalog.csv", text: catalog.text),
      solicitation: SourceFile(path: "solicitation.yaml", text: solicitation))
    intake.expect(.error, in: "catalog.csv", at: catalog, ["1️⃣": "is listed twice"])
    #expect(
      intake.findings(.error, in: "solicitation.yaml").contains { $0.message.contains("lot id 'l1' is used twice") })
  }

  @Test func aFileValidatedAloneFindsItsAgencyInAnotherCase() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "needs/zz.yaml",
      "agency: {id: CITY-OF-EXAMPLE, name: City of Example, type: city}\ndeliver_to: Depot\n"
        + "items:\n  - {item: LAPTOP-14, quantity: 1, unit: EA}\n")
    let intake = Intake.load(files: [sandbox.path("needs/zz.yaml")])
    intake.expect(.error, at: "needs/zz.yaml", 1, 14, "already has needs at", "as 'city-of-example'")
  }

  @Test func theLeadAgencyIsFoundInAnyCase() throws {
    let intake = try Self.check(try Self.fixture("needs/city-of-example.yaml"))
    guard case .success(let joint) = Aggregator.aggregate(intake), let line = joint.lines.first else {
      Issue.record("must aggregate: \(intake.listing)")
      return
    }
    let lower = DocumentVariant.piggyback.quantities(of: line, leadAgency: "city-of-example")
    let upper = DocumentVariant.piggyback.quantities(of: line, leadAgency: "CITY-OF-EXAMPLE")
    #expect(lower.committed > 0 && upper.committed == lower.committed)
  }

  @Test func sameIgnoresCaseOnlyForLetters() {
    #expect(Identifier.same("Alder-County", "alder-county"))
    #expect(!Identifier.same("a-1", "a_1") && !Identifier.same("a", "ab") && !Identifier.same("a", nil))
    #expect(Identifier.same(nil, nil) && Identifier.key("LAPTOP-14") == "laptop-14")
  }
}
