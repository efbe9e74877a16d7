import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The shipped examples: the realistic one validates clean; the invalid one reports exactly what its README lists.
@Suite struct ExampleWorkspaceTests {
  let examples = repositoryRoot.appendingPathComponent("Examples")

  @Test func cascadeValleyValidatesClean() {
    let intake = Intake.load(workspace: examples.appendingPathComponent("cascade-valley").path)
    // Clean: no error, no warning; one note, for the invited agency that has not answered (pine-ridge-fire).
    #expect(intake.diagnostics.map(\.severity) == [.note], "\(intake.listing)")
    #expect(intake.diagnostics.first?.message.contains("invited agency 'pine-ridge-fire'") == true)
    #expect(intake.solicitation?.invited?.count == 7)
    #expect(intake.participants.count >= 6)
    #expect(Set(intake.participants.compactMap(\.agency.type)).count >= 5)
    #expect((intake.solicitation?.lots.count ?? 0) >= 3)
    #expect(Set(intake.needs.compactMap { FileFormat(path: $0.path) }) == [.yaml, .json, .csv, .xlsx])
  }

  @Test func cascadeValleyShowsEveryKindOfLine() throws {
    let intake = Intake.load(workspace: examples.appendingPathComponent("cascade-valley").path)
    let lines = intake.participants.flatMap(\.lines)
    let catalog = try #require(intake.catalog)
    #expect(lines.contains { if case .writeIn = $0.item { true } else { false } }, "a write-in")
    #expect(lines.contains { $0.commitment == .estimate }, "a non-binding line")
    #expect(lines.contains { $0.unit.value.isPackage }, "a line in packs")
    #expect(catalog.items.contains { !$0.packs.isEmpty }, "a catalog with packs")
    #expect(lines.contains { [.mass, .volume].contains($0.unit.value.dimension) }, "mass or volume lines")
  }

  @Test func cascadeValleyShowsABandAPartialCommitmentAndAnAsNeededShare() throws {
    let intake = Intake.load(workspace: examples.appendingPathComponent("cascade-valley").path)
    guard case .success(let joint) = Aggregator.aggregate(intake) else {
      Issue.record("the example must aggregate: \(intake.listing)")
      return
    }
    let iceMelt = try #require(joint.lines.first { $0.itemID == "CUST-ICE-MELT" })
    #expect(iceMelt.minimumQuantity < iceMelt.committedQuantity, "the catalog's 50-150 % band on ice melt")
    #expect(iceMelt.maximumQuantity > iceMelt.quantity)
    let shares = joint.lines.flatMap(\.shares)
    #expect(shares.contains { $0.commitment == .binding && $0.quantities.committed < $0.quantities.nominal })
    #expect(joint.lines.contains { !$0.isAsNeeded && $0.asNeededShareCount > 0 }, "an as-needed share on a line")
  }

  /// The fuel example: a coordinating lead, bands (solicitation-wide and a catalog override), partial
  /// commitments, an as-needed line, two price zones and two price options; it validates and builds clean.
  @Test func triRiverFuelShowsEveryFeatureOfARealJointBid() throws {
    let root = examples.appendingPathComponent("tri-river-fuel").path
    let intake = Intake.load(workspace: root)
    #expect(intake.diagnostics.isEmpty, "\(intake.listing)")
    let solicitation = try #require(intake.solicitation)
    #expect(solicitation.commitmentBand != nil)
    #expect(solicitation.zones?.map(\.id.value) == ["north", "south"])
    #expect(solicitation.priceOptions.map(\.basis) == [.indexDifferential, .unitPrice])
    guard case .success(let joint) = Aggregator.aggregate(intake) else {
      Issue.record("the example must aggregate")
      return
    }
    #expect(VariantFigures.leadIsCoordinator(joint), "the council has no needs file")
    #expect(joint.lines.count { $0.isAsNeeded } == 1)
    let heatingOil = try #require(joint.lines.first { $0.itemID == "FUEL-HO2" })
    // 80-120 % from the catalog on Harlow's 9,000 and Easton's 12,000; the board commits 45,000 of 60,000.
    #expect(DecimalText.format(heatingOil.minimumQuantity) == "61800", "7,200 + 9,600 + 45,000")
    #expect(DecimalText.format(heatingOil.maximumQuantity) == "97200", "10,800 + 14,400 + 72,000")
    #expect(DecimalText.format(heatingOil.committedQuantity) == "66000", "9,000 + 12,000 + 45,000")
    let zones = heatingOil.zoneQuantities(joint.zones)
    #expect(zones.map(\.zoneID) == ["north", "south"])
    #expect(zones.map { DecimalText.format($0.committed) } == ["9000", "57000"])
    #expect(zones.map { DecimalText.format($0.estimated) } == ["0", "15000"])
    #expect(zones.map { DecimalText.format($0.minimum) } == ["7200", "54600"])
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("fuel-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    let (outcome, diagnostics) = PackageBuild.run(
      workspace: root, output: output.path, variants: [.joint, .piggyback], templates: nil)
    let built = try #require(outcome)
    #expect(diagnostics.isEmpty, "a council of governments (type other) is a public lead: \(diagnostics)")
    func document(_ path: String) throws -> String {
      try String(contentsOfFile: built.folder + "/" + path, encoding: .utf8)
    }
    // The comparison counts the guaranteed minimums as binding, and says so beside the committed value.
    let comparison = try document("internal/compare.md")
    #expect(comparison.contains("| Guaranteed minimum value (within the bands) | 740,835.00 | 0.00 |"))
    #expect(comparison.contains("| Binding share of the value (guaranteed minimum) | 82.1% | 0.0% |"))
    // The band binds participants of the joint solicitation; the piggyback-open one commits nothing to band.
    #expect(try document("public/joint/rfp.md").contains("at least 90 % and at most 110 %"))
    for path in ["public/piggyback/rfp.md", "public/piggyback/rfp.html", "public/piggyback/bid-form.html"] {
      #expect(try !document(path).contains("within a band"), "\(path) says nothing is committed")
    }
  }

  /// One row of the table in `Examples/invalid/README.md`.
  struct ExpectedFinding: CustomStringConvertible {
    var path: String
    var line: Int
    var column: Int
    var severity: Diagnostic.Severity
    var fragment: String
    var description: String { "\(path):\(line):\(column): \(severity): …\(fragment)…" }
  }

  static func expectedFindings() throws -> [ExpectedFinding] {
    let readme = try String(
      contentsOf: repositoryRoot.appendingPathComponent("Examples/invalid/README.md"), encoding: .utf8)
    return readme.split(separator: "\n").compactMap { row -> ExpectedFinding? in
      let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count == 4, let severity = Diagnostic.Severity(rawValue: cells[1]) else { return nil }
      let position = cells[0].split(separator: ":")
      guard position.count == 3, let line = Int(position[1]), let column = Int(position[2]) else { return nil }
      return ExpectedFinding(
        path: String(position[0]), line: line, column: column, severity: severity,
        fragment: cells[3].trimmingCharacters(in: CharacterSet(charactersIn: "`")))
    }
  }

  @Test func invalidExampleReportsExactlyWhatItsReadmeLists() throws {
    let expected = try Self.expectedFindings()
    #expect(expected.count >= 20, "the README table lists the planted mistakes")
    let root = examples.appendingPathComponent("invalid").path
    let reported =
      Intake.load(workspace: root).diagnostics
      + Intake.load(workspace: root + "/empty-needs").diagnostics
    for finding in expected {
      let match = reported.contains {
        $0.location.path == root + "/" + finding.path && $0.location.line == finding.line
          && $0.location.column == finding.column && $0.severity == finding.severity
          && $0.message.contains(finding.fragment)
      }
      #expect(match, "not reported: \(finding)")
    }
    for diagnostic in reported {
      let listed = expected.contains {
        root + "/" + $0.path == diagnostic.location.path && $0.line == diagnostic.location.line
          && $0.column == diagnostic.location.column && $0.severity == diagnostic.severity
      }
      #expect(listed, "reported but not listed in the README: \(diagnostic)")
    }
  }
}
