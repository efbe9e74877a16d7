import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// A lead agency with no needs file coordinates the solicitation: both variants say so, the piggyback-open
/// variant commits nothing and says every volume is an estimate, and the comparison shows it binding 0 %.
@Suite struct CoordinatingLeadTests {
  /// The fixture workspace's documents, with the lead agency's own needs file (city-of-example.yaml) left out
  /// when `leadHasNeeds` is false, by path.
  static func documents(leadHasNeeds: Bool) throws -> (joint: JointSolicitation, files: [String: String]) {
    let (solicitation, catalog) = try InMemoryDiagnosticsTests.context()
    let names = ["school-districts.csv"] + (leadHasNeeds ? ["city-of-example.yaml"] : [])
    let needs = try names.map { name in
      SourceFile(
        path: "needs/\(name)",
        text: try String(contentsOf: fixtures.appendingPathComponent("workspace/needs/\(name)"), encoding: .utf8))
    }
    let intake = Aggregator.validate(
      Intake.load(WorkspaceFiles(solicitation: solicitation, catalog: catalog, needs: needs)))
    #expect(intake.errorCount == 0, "\(intake.listing)")
    let joint = try #require(try? Aggregator.aggregate(intake).get())
    return (joint, try renderedDocuments(of: joint))
  }

  static let coordinates =
    "City of Example conducts this solicitation on behalf of the participants and buys nothing under it"
  static let allEstimates = "All quantities are estimates; no agency is bound to buy."

  @Test func bothVariantsSayTheLeadCoordinatesAndThePiggybackVariantCommitsNothing() throws {
    let (joint, files) = try Self.documents(leadHasNeeds: false)
    #expect(!joint.participants.contains { $0.agency.id.value == "city-of-example" })
    #expect(VariantFigures.leadIsCoordinator(joint))
    for path in [
      "public/joint/rfp.md", "public/joint/rfp.html", "public/piggyback/rfp.md", "public/piggyback/rfp.html",
    ] {
      let text = try #require(files[path], "\(path)")
      #expect(text.contains(Self.coordinates), "\(path)")
      #expect(!text.contains("'s quantities are committed") && !text.contains("(lead agency)"), "\(path)")
      #expect(!text.contains("is bound for its committed quantities"), "\(path)")
    }
    for path in ["public/piggyback/rfp.md", "public/piggyback/rfp.html"] {
      let text = try #require(files[path])
      #expect(text.contains(Self.allEstimates), "\(path)")
      #expect(!text.contains("A committed quantity binds"), "\(path)")
      #expect(text.contains("No agency is bound to buy, so no deliveries are scheduled."), "\(path)")
      #expect(text.contains("terms and conditions as to the participants of this solicitation"), "\(path)")
    }
    let form = try #require(files["public/piggyback/bid-form.html"])
    #expect(form.contains("No quantity is firm") && !form.contains("Lead agency qty (firm)"))
    // Every piggyback line commits nothing: its committed quantity is 0, and so is every figure built on it.
    let piggyback = VariantFigures(joint, variant: .piggyback)
    #expect(piggyback.lots.joined().allSatisfy { $0.committed == 0 && ($0.committedValue ?? 0) == 0 })
    #expect(piggyback.total.committed == 0 && piggyback.total.estimated > 0)
    let xml = try #require(files["public/piggyback/bid-form.xml"])
    #expect(xml.contains("<committedQuantity>0</committedQuantity>"))
    #expect(!xml.contains(#/<committedQuantity>[1-9]/#))
  }

  @Test func theComparisonShowsABindingShareOfZeroForTheLead() throws {
    let (joint, files) = try Self.documents(leadHasNeeds: false)
    let report = ComparisonReport(
      joint, jointFigures: VariantFigures(joint, variant: .joint),
      piggybackFigures: VariantFigures(joint, variant: .piggyback))
    #expect(ComparisonFigures.bindingShare(VariantFigures.Value(report.overall.piggyback)) == 0)
    for path in ["internal/compare.md", "internal/compare.html"] {
      let text = try #require(files[path])
      #expect(text.contains("solicitation nothing is committed"), "\(path)")
      #expect(text.contains("No agency: City of Example coordinates and commits no quantity"), "\(path)")
      #expect(!text.contains("for its own quantities"), "\(path)")
    }
    let markdown = try #require(files["internal/compare.md"])
    #expect(markdown.contains(#/\| Binding share of the value \| [0-9.]+% \| 0\.0% \|/#))
    #expect(markdown.contains(#/\| Committed quantities \| [^|]+ \| none \|/#))
  }

  @Test func aLeadWithNeedsKeepsItsOwnCommittedWording() throws {
    let (joint, files) = try Self.documents(leadHasNeeds: true)
    #expect(!VariantFigures.leadIsCoordinator(joint))
    for (path, text) in files where path.hasSuffix(".md") || path.hasSuffix(".html") {
      #expect(!text.contains(Self.coordinates) && !text.contains(Self.allEstimates), "\(path)")
    }
    #expect(files["public/piggyback/rfp.md"]?.contains("Only City of Example's quantities are committed.") == true)
    #expect(files["internal/compare.md"]?.contains("Only City of Example, for its own quantities") == true)
  }
}
