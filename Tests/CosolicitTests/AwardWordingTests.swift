import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The RFPs' method of award states the declared tie-breaking rules in order (or the recorded drawing when none
/// are declared), the secondary award when asked for, and that a bid may be all-or-none unless the award is
/// all-or-none already; the HTML bid form offers its all-or-none box in the same case.
@Suite struct AwardWordingTests {
  static let drawingOnly = "Exact ties are resolved by a public drawing with witnesses, recorded."
  static let localThenDrawing =
    "Exact ties are broken by local preference (a supplier on the lead agency's list of local suppliers is "
    + "preferred), then by a public drawing with witnesses; the outcome is recorded."
  static let secondary =
    "The next lowest responsive bidder for each award unit is named secondary supplier, who supplies when the "
    + "primary cannot."
  static let allOrNoneBids = "A bidder may make its bid all-or-none; such a bid is awarded whole or not at all."

  /// The rendered documents of the fixture workspace with `fields` appended and `method` as the award method.
  static func documents(_ fields: String, method: String = "by-lot") throws -> [String: String] {
    let (solicitation, catalog) = try InMemoryDiagnosticsTests.context()
    let text = solicitation.text.replacingOccurrences(of: "award_method: by-lot", with: "award_method: \(method)")
    let needs = LateSubmissionsTests.needs("on-time", submitted: "2027-02-10", quantity: 10)
    let intake = Aggregator.validate(
      Intake.load(
        WorkspaceFiles(
          solicitation: SourceFile(path: "solicitation.yaml", text: text + fields), catalog: catalog, needs: [needs])))
    #expect(intake.errorCount == 0, "\(intake.listing)")
    let joint = try #require(try? Aggregator.aggregate(intake).get())
    return try renderedDocuments(of: joint)
  }

  /// The RFPs' text (Markdown, HTML and the Word body of both variants), with apostrophes unescaped.
  static func rfps(_ documents: [String: String]) -> [(String, String)] {
    documents.filter { $0.key.contains("/rfp.") }.sorted { $0.key < $1.key }.map { path, text in
      (path, text.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&apos;", with: "'"))
    }
  }

  @Test func theDeclaredRulesAreStatedInOrder() throws {
    let documents = try Self.documents(
      """
      tie_breakers: [local-preference, drawing]
      local_suppliers: ["Cascade Valley Office Supply"]
      secondary_award: true

      """)
    let rfps = Self.rfps(documents)
    #expect(rfps.count == 6, "\(documents.keys.sorted())")
    for (path, text) in rfps {
      #expect(text.contains(Self.localThenDrawing + " " + Self.secondary + " " + Self.allOrNoneBids), "\(path)")
      #expect(!text.contains(Self.drawingOnly), "\(path)")
    }
    #expect(documents["public/joint/bid-form.html"]?.contains("id=\"bidder-all-or-none\"") == true)
  }

  @Test func withoutRulesTiesGoToARecordedDrawing() throws {
    let documents = try Self.documents("")
    for (path, text) in Self.rfps(documents) {
      #expect(text.contains(Self.drawingOnly + " " + Self.allOrNoneBids), "\(path)")
      #expect(!text.contains("secondary supplier") && !text.contains("local preference"), "\(path)")
    }
  }

  @Test func anAllOrNoneAwardOffersNoAllOrNoneBids() throws {
    let documents = try Self.documents("tie_breakers: [drawing]\n", method: "all-or-none")
    for (path, text) in Self.rfps(documents) {
      #expect(
        text.contains("Exact ties are broken by a public drawing with witnesses; the outcome is recorded."), "\(path)")
      #expect(!text.contains("A bidder may make its bid all-or-none"), "\(path)")
    }
    for variant in ["joint", "piggyback"] {
      let form = try #require(documents["public/\(variant)/bid-form.html"])
      #expect(!form.contains("bidder-all-or-none\"") && !form.contains("<strong>All or none</strong>"), "\(variant)")
    }
  }

  @Test(arguments: [
    ([TieBreaker](), drawingOnly),
    ([.drawing], "Exact ties are broken by a public drawing with witnesses; the outcome is recorded."),
    ([.localPreference, .drawing], localThenDrawing),
    (
      [.localPreference],
      "Exact ties are broken by local preference (a supplier on the lead agency's list of local suppliers is "
        + "preferred); a tie that remains is resolved by a public drawing with witnesses, recorded."
    ),
  ])
  func theTieRuleSentence(rules: [TieBreaker], sentence: String) {
    #expect(SolicitationFacts.tieRule(rules) == sentence)
  }
}
