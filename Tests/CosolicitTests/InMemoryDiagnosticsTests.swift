import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Findings of needs files checked in memory, with the expected places marked in the text itself: no
/// temporary workspace on disk, and no line and column counted by hand.
@Suite struct InMemoryDiagnosticsTests {
  /// The fixture workspace's solicitation and catalog, as texts.
  static func context() throws -> (solicitation: SourceFile, catalog: SourceFile) {
    func file(_ name: String) throws -> SourceFile {
      SourceFile(
        path: name, text: try String(contentsOf: fixtures.appendingPathComponent("workspace/\(name)"), encoding: .utf8))
    }
    return (try file("solicitation.yaml"), try file("catalog.csv"))
  }

  /// The intake of the fixture's solicitation and catalog with one needs file, `path`, holding `text`.
  static func check(_ path: String, _ text: MarkedText) throws -> Intake {
    let (solicitation, catalog) = try context()
    return Intake.load(
      WorkspaceFiles(solicitation: solicitation, catalog: catalog, needs: [SourceFile(path: path, text: text.text)]))
  }

  @Test func csvCellsAreNamedWhereTheyAre() throws {
    let text = MarkedText(
      """
      agency_id,agency_name,agency_type,item,quantity,unit,deliver_to,need_by
      sd-1,District One,k12,LAPTOP-14,4,1️⃣widgets,Depot,2027-08-01
      sd-1,District One,k12,2️⃣LAPTOP-41,2,EA,Depot,3️⃣2026-01-05

      """)
    let intake = try Self.check("needs/sd-1.csv", text)
    intake.expect(
      .error, in: "needs/sd-1.csv", at: text,
      ["1️⃣": "unknown unit 'widgets'", "2️⃣": "did you mean 'LAPTOP-14'", "3️⃣": "before the contract term starts"])
    #expect(intake.errorCount == 3, "\(intake.listing)")
  }

  @Test func yamlValuesAreNamedWhereTheyAre() throws {
    let text = MarkedText(
      """
      agency: {id: city-1, name: City One, type: city}
      deliver_to: City Hall
      items:
        - {item: TOWEL-MF, quantity: 1.5, unit: case}
        - {item: LAPTOP-14, quantity: 2, unit: 2️⃣case}
        - {item: MONITOR-24, quantity: 3, unit: EA, commitment: 3️⃣maybe}

      """)
    let intake = try Self.check("needs/city-1.yaml", text)
    intake.expect(
      .error, in: "needs/city-1.yaml", at: text,
      ["2️⃣": "cannot be converted to each (EA)", "3️⃣": "is not one of: binding, estimate"])
    #expect(intake.findings(.error, in: "needs/city-1.yaml").count == 2, "\(intake.listing)")
    #expect(intake.findings(.warning, in: "needs/city-1.yaml").isEmpty, "1.5 cases of 16 is exact: \(intake.listing)")
  }

  /// The same files read from memory and from a folder give the same findings and the same lines.
  @Test func memoryAndDiskReadAlike() throws {
    let sandbox = try Sandbox()
    let needs = try FileManager.default.contentsOfDirectory(atPath: sandbox.path("needs")).sorted().map { name in
      SourceFile(
        path: "needs/\(name)", text: try String(contentsOfFile: sandbox.path("needs/\(name)"), encoding: .utf8))
    }
    let (solicitation, catalog) = try Self.context()
    let inMemory = Intake.load(WorkspaceFiles(solicitation: solicitation, catalog: catalog, needs: needs))
    let onDisk = sandbox.validate()
    let prefix = sandbox.root.path + "/"
    #expect(
      inMemory.diagnostics.map(\.description)
        == onDisk.diagnostics.map { $0.description.replacingOccurrences(of: prefix, with: "") })
    #expect(inMemory.participants.map(\.agency.id.value) == onDisk.participants.map(\.agency.id.value))
    #expect(inMemory.lineCount == onDisk.lineCount && inMemory.isResolved)
    guard case .success(let joint) = Aggregator.aggregate(inMemory) else {
      Issue.record("the fixture workspace must aggregate from memory")
      return
    }
    #expect(joint.lines.count > 0)
  }

  @Test func aWorkspaceWithoutADefinitionSaysSo() {
    let intake = Intake.load(WorkspaceFiles(solicitation: nil, needs: []))
    #expect(intake.diagnostics.first?.message.contains("no solicitation.yaml") == true, "\(intake.listing)")
  }
}

/// Every key given twice in a YAML file is reported, in every mapping, each with the place it was first given
/// (Yams itself stops at the first mapping).
@Suite struct RepeatedYAMLKeysTests {
  @Test func everyRepeatedKeyIsReportedWithItsFirstPlace() throws {
    // The repeated 'name' follows a non-ASCII value on its line: columns count characters, as everywhere.
    let text = MarkedText(
      """
      agency: {id: city-1, 4️⃣name: Café One, type: city, 1️⃣name: City One}
      5️⃣deliver_to: City Hall
      items:
        - {item: LAPTOP-14, 6️⃣quantity: 1, unit: EA, 2️⃣quantity: 2}
      3️⃣deliver_to: Depot

      """)
    let intake = try InMemoryDiagnosticsTests.check("needs/city-1.yaml", text)
    intake.expect(
      .error, in: "needs/city-1.yaml", at: text,
      [
        "1️⃣": "'name' appears more than once", "2️⃣": "'quantity' appears more than once",
        "3️⃣": "'deliver_to' appears more than once",
      ])
    intake.expect(
      .note, in: "needs/city-1.yaml", at: text,
      ["4️⃣": "'name' is first given here", "5️⃣": "'deliver_to' is first given here", "6️⃣": "'quantity' is first"])
    #expect(intake.errorCount == 3, "\(intake.listing)")
  }
}
