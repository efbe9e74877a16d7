import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// A needs line's `spec` (a requirement for the supplier) apart from its `notes` (context for the lead agency):
/// read from every format, kept in the share, on the review list when a line's specs differ, and shown to
/// bidders beside the line in the RFPs and both bid forms.
@Suite struct SpecTests {
  /// Three participants asking for LAPTOP-14 and TOWEL-MF, in YAML, JSON and CSV.
  static let needs = [
    SourceFile(
      path: "needs/city.yaml",
      text: """
        agency: {id: city, name: City of Spec, type: city}
        deliver_to: City Hall
        items:
          - {item: LAPTOP-14, quantity: 4, unit: each, spec: "Asset-tag before delivery", notes: "Clerk's office"}
          - {item: TOWEL-MF, quantity: 2, unit: case, spec: "Fragrance free", notes: "Restrooms"}

        """),
    SourceFile(
      path: "needs/county.json",
      text: #"""
        {"agency": {"id": "county", "name": "County of Spec", "type": "county"}, "deliver_to": "Depot",
         "items": [{"item": "LAPTOP-14", "quantity": 6, "unit": "each", "spec": "asset tag, before delivery!"},
                   {"item": "TOWEL-MF", "quantity": 16, "unit": "each", "notes": "Parks"}]}
        """#),
    SourceFile(
      path: "needs/district.csv",
      text: "agency_id,agency_name,agency_type,item,quantity,unit,deliver_to,spec,notes\n"
        + "district,District of Spec,k12,LAPTOP-14,10,each,Office,\"Backlit keyboard, US layout\",Teachers\n"
        + "district,District of Spec,k12,TOWEL-MF,1,case,Office,fragrance-free,Gyms\n"),
  ]

  static func joint() throws -> JointSolicitation {
    let (solicitation, catalog) = try InMemoryDiagnosticsTests.context()
    let intake = Intake.load(WorkspaceFiles(solicitation: solicitation, catalog: catalog, needs: needs))
    #expect(intake.diagnostics.isEmpty, "\(intake.listing)")
    return try Aggregator.aggregate(intake).get()
  }

  @Test func specsAreReadFromEveryFormatAndKeptApartFromNotes() throws {
    let joint = try Self.joint()
    let laptop = try #require(joint.lines.first { $0.itemID == "LAPTOP-14" })
    #expect(
      laptop.shares.map(\.spec) == [
        "Asset-tag before delivery", "asset tag, before delivery!", "Backlit keyboard, US layout",
      ])
    #expect(laptop.shares.map(\.notes) == ["Clerk's office", nil, "Teachers"])
    // Specs that differ only in case, spacing and punctuation are one spec, as the first asked wrote it.
    #expect(
      laptop.shares.specs.map { [$0.text] + $0.agencyIDs } == [
        ["Asset-tag before delivery", "city", "county"], ["Backlit keyboard, US layout", "district"],
      ])
    #expect(joint.jsonText.contains("\"spec\": \"Backlit keyboard, US layout\",\n"))
  }

  @Test func differingSpecsAreReviewedAndDifferingNotesAreNot() throws {
    let joint = try Self.joint()
    let reviewed = joint.review.filter { $0.kind == .differingSpecs }
    // LAPTOP-14: two specs; TOWEL-MF: one ("Fragrance free" and "fragrance-free"), and notes that all differ.
    #expect(reviewed.count == 1, "\(joint.review.map(\.message))")
    let laptop = try #require(reviewed.first)
    #expect(
      laptop.message
        == "line 1 (LAPTOP-14): the participants' specs differ (city, county: \"Asset-tag before delivery\"; "
        + "district: \"Backlit keyboard, US layout\"); bidders see each beside the line: check that one offer can "
        + "meet them all, or split the line")
    #expect(laptop.sources.map(\.path) == ["needs/city.yaml", "needs/county.json", "needs/district.csv"])
    #expect(!joint.review.contains { $0.message.contains("Restrooms") || $0.message.contains("Teachers") })
  }

  @Test func biddersSeeEachSpecBesideItsLineWithWhoAsked() throws {
    let joint = try Self.joint()
    // Rendering validates each XML bid form against the schema; a spec the schema did not allow would fail here.
    let files = try renderedDocuments(of: joint)
    func text(_ path: String) throws -> String { try #require(files[path]) }
    for variant in ["joint", "piggyback"] {
      let markdown = try text("public/\(variant)/rfp.md")
      #expect(
        markdown.contains(
          "<br>*Spec (City of Spec; County of Spec):* Asset-tag before delivery<br>*Spec (District of Spec):* "
            + "Backlit keyboard, US layout |"))
      let html = try text("public/\(variant)/rfp.html")
      #expect(
        html.contains(
          "<div class=\"spec\" data-requested-by=\"city district\"><em>Spec (City of Spec; District of Spec):</em> "
            + "Fragrance free</div>"))
      let xml = try text("public/\(variant)/bid-form.xml")
      #expect(xml.contains("<spec requestedBy=\"city county\">Asset-tag before delivery</spec>"))
      #expect(xml.contains("<spec requestedBy=\"district\">Backlit keyboard, US layout</spec>"))
      let form = try text("public/\(variant)/bid-form.html")
      #expect(
        form.contains(
          "<span class=\"spec\" data-spec=\"Fragrance free\" data-requested-by=\"city district\"><span "
            + "class=\"spec-label\">Spec:</span> Fragrance free <span class=\"requested-by\">(requested by City of "
            + "Spec; District of Spec)</span></span>"))
    }
    // The delivery appendix gives each participant's own spec beside its share.
    let appendix = try text("public/joint/rfp.md").components(separatedBy: "## Appendix A")[1]
    #expect(
      appendix.contains("| 10 | EA (each) | committed | Office |  | Backlit keyboard, US layout |"), "\(appendix)")
    #expect(appendix.contains("| 16 | EA (each) | committed | Depot |  |  |"))
  }

  @Test func checkBidWarnsWhenABidChangesTheSpecs() throws {
    let spec = "<description>Business laptop</description>\n      <spec requestedBy=\"a b\">Asset tags</spec>"
    func withSpec(_ text: String) -> String {
      text.replacingOccurrences(of: "<description>Business laptop</description>", with: spec)
    }
    let schema = try BidCheckTests.schema()
    let form = try BidCheckTests.form("blank.xml", edit: withSpec)
    let filled = try BidCheckTests.text("filled.xml")
    // The same specs as published: conforming, and valid against the schema.
    let same = BidCheck.check(bid: withSpec(filled), path: "bid.xml", schema: schema, reference: form)
    #expect(same.conforming && same.diagnostics.isEmpty, "\(same.diagnostics)")
    // A bid written without the specs (as before specs existed) still validates, and is warned about.
    let without = BidCheck.check(bid: filled, path: "bid.xml", schema: schema, reference: form)
    #expect(without.diagnostics.map(\.severity) == [.warning, .note], "\(without.diagnostics)")
    #expect(without.diagnostics.first?.message.contains("line 1: the specs differ") == true)
    let changed = BidCheck.check(
      bid: withSpec(filled).replacingOccurrences(of: "Asset tags", with: "No tags"), path: "bid.xml", schema: schema,
      reference: form)
    #expect(changed.diagnostics.first?.message.contains("the published specs apply") == true)
    // A spec must name who asked for it.
    let anonymous = BidCheck.check(
      bid: withSpec(filled).replacingOccurrences(of: " requestedBy=\"a b\"", with: ""), path: "bid.xml",
      schema: schema, reference: form)
    #expect(anonymous.diagnostics.contains { $0.severity == .error && $0.message.contains("requestedBy") })
  }
}
