import CosolicitTestSupport
import Foundation
import Testing
import ZIPFoundation

@testable import Cosolicit

/// Addenda: recorded in solicitation.yaml and listed in the RFPs and bid forms; `cosolicit addendum` lists every
/// change between two builds of the example that a bidder must know, and check-bid warns of addenda a bid does not
/// acknowledge.
@Suite struct AddendumTests {
  static let id = "CVPC-2027-01"
  static let record = """

    addenda:
      - {number: 1, issued: 2027-02-20, summary: "Responses due a week later; ice melt; cloths withdrawn"}

    """

  /// A scratch folder with a copy of the example as `workspace/`.
  struct Scratch {
    let root: URL
    var workspace: URL { root.appendingPathComponent("workspace") }

    init() throws {
      root = try makeTemporaryFolder("addendum")
      try FileManager.default.copyItem(
        at: repositoryRoot.appendingPathComponent("Examples/cascade-valley"), to: workspace)
      try? FileManager.default.removeItem(at: workspace.appendingPathComponent("dist"))
    }

    /// Replaces `old` with `new` in the workspace file `path` (every occurrence; `new` empty to delete a line).
    func edit(_ path: String, _ old: String, _ new: String) throws {
      let url = workspace.appendingPathComponent(path)
      let text = try String(contentsOf: url, encoding: .utf8)
      #expect(text.contains(old), "\(old) is not in \(path)")
      try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    /// Builds the workspace into `out/<name>/` and returns the package folder.
    func build(_ name: String) throws -> String {
      let (outcome, diagnostics) = PackageBuild.run(
        workspace: workspace.path, output: root.appendingPathComponent("out/\(name)").path,
        variants: [.joint, .piggyback], templates: nil)
      return try #require(outcome, "\(diagnostics)").folder
    }

    /// The text of `path` in the package `folder`.
    func text(_ folder: String, _ path: String) throws -> String {
      try String(contentsOfFile: folder + "/" + path, encoding: .utf8)
    }
  }

  /// The example built as published (`old`), then changed (a later response date, new payment terms, one more
  /// pallet of ice melt, the write-in cloths withdrawn), addendum 1 recorded, and built again (`new`).
  static func twoBuilds() throws -> (scratch: Scratch, old: String, new: String) {
    let scratch = try Scratch()
    let old = try scratch.build("old")
    try scratch.edit("solicitation.yaml", "responses_due: 2027-03-09T14:00 ", "responses_due: 2027-03-16T14:00 ")
    try scratch.edit("solicitation.yaml", "at: 2027-03-09T14:15", "at: 2027-03-16T14:15")
    try scratch.edit("solicitation.yaml", "payment: \"Net 30 after", "payment: \"Net 45 after")
    try scratch.edit("needs/cedar-creek-sd31-and-library.csv", "CUST-ICE-MELT,,,3,pallet", "CUST-ICE-MELT,,,4,pallet")
    let csv = scratch.workspace.appendingPathComponent("needs/cedar-creek-sd31-and-library.csv")
    let rows = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    try Data(rows.filter { !$0.contains("Microfiber cleaning cloths") }.joined(separator: "\n").utf8).write(to: csv)
    let definition = scratch.workspace.appendingPathComponent("solicitation.yaml")
    try Data((try String(contentsOf: definition, encoding: .utf8) + record).utf8).write(to: definition)
    return (scratch, old, try scratch.build("new"))
  }

  @Test func anAddendumListsEveryChangeABidderMustKnow() throws {
    let (scratch, old, new) = try Self.twoBuilds()
    defer { try? FileManager.default.removeItem(at: scratch.root) }
    let (outcome, diagnostics) = AddendumIssue.run(old: old, new: new, number: 1)
    let issued = try #require(outcome, "\(diagnostics)")
    #expect(
      issued.files == [
        "public/addenda/addendum-1.md", "public/addenda/addendum-1.html", "public/addenda/addendum-1.docx",
      ])
    let markdown = try scratch.text(new, "public/addenda/addendum-1.md")
    #expect(markdown.hasPrefix("# Addendum 1 to solicitation CVPC-2027-01\n\n"))
    #expect(markdown.contains("Issued 2027-02-20 by **Alder County**"))
    #expect(
      markdown.contains(
        "\n## Dates\n\n- Responses due: was March 9, 2027, 2:00 p.m. Pacific Time; now March 16, 2027, 2:00 p.m. Pacific Time.\n"
      ))
    // A changed section, with its new text.
    #expect(markdown.contains("- Section \"Contract term\" is changed. It now reads:\n\n  > The initial term runs"))
    #expect(markdown.contains("  > Delivery: FOB destination, freight prepaid, inside delivery to each participant's"))
    #expect(markdown.contains("Payment: Net 45 after receipt and acceptance; each participant pays its own invoices."))
    // A changed quantity, per variant; a removed line; the lines after it renumbered.
    #expect(
      markdown.contains(
        "- Lot L2, line 20 (CUST-ICE-MELT, Ice melt, calcium chloride / CMA blend, concrete- and pet-safe, 50 lb "
          + "bags, 40 bags per pallet): committed quantity was 47000; now 49000; quantity was 52600; now 54600; "
          + "guaranteed minimum was 23500; now 24500; maximum was 76100; now 79100 (joint solicitation only).\n"))
    #expect(
      markdown.contains(
        "pallet): estimated quantity was 40600; now 42600; quantity was 52600; now 54600; maximum was 58600; now 60600 "
          + "(piggyback-open solicitation only).\n"))
    #expect(
      markdown.contains(
        "- Lot L2, line 21 (Microfiber cleaning cloths, 16 x 16 in, color-coded (blue, green, red, yellow)) is "
          + "removed.\n"))
    #expect(markdown.contains("- Lot L3: lines are renumbered: line 22 is now line 21, line 23 is now line 22"))
    // The HTML says the same, with the section's HTML quoted.
    let html = try scratch.text(new, "public/addenda/addendum-1.html")
    #expect(
      html.contains(
        "<li>Responses due: was March 9, 2027, 2:00 p.m. Pacific Time; now March 16, 2027, 2:00 p.m. Pacific Time.</li>"
      ))
    #expect(html.contains("<blockquote>\n<p>The initial term runs"))
    #expect(html.contains("Net 45 after receipt"))
    // The package is whole again: both manifests and the zip hold the addendum.
    #expect(PackageManifest.verify(package: new, needing: issued.files).isEmpty)
    let archive = try Archive(url: URL(fileURLWithPath: new + "/\(Self.id).zip"), accessMode: .read)
    #expect(archive["\(Self.id)/public/addenda/addendum-1.md"] != nil)
    #expect(try scratch.text(new, "public/manifest.json").contains("public/addenda/addendum-1.html"))
  }

  /// The instructions and conditions are compared one section at a time: a changed and an added section of the
  /// workspace's `sections/` are each named, with their new text, and nothing else of that part is listed.
  @Test func eachInstructionSectionIsComparedOnItsOwn() throws {
    let scratch = try Scratch()
    defer { try? FileManager.default.removeItem(at: scratch.root) }
    let old = try scratch.build("old")
    try scratch.edit(
      "sections/60-protests.md", "**ten days before bids are due**", "**seven days before bids are due**")
    try Data("# Site visits\n\nBidders may visit the **North yard** on February 16, 2027.\n".utf8).write(
      to: scratch.workspace.appendingPathComponent("sections/15-site-visits.md"))
    let definition = scratch.workspace.appendingPathComponent("solicitation.yaml")
    try Data((try String(contentsOf: definition, encoding: .utf8) + Self.record).utf8).write(to: definition)
    let new = try scratch.build("new")
    let (outcome, diagnostics) = AddendumIssue.run(old: old, new: new, number: 1)
    _ = try #require(outcome, "\(diagnostics)")
    let markdown = try scratch.text(new, "public/addenda/addendum-1.md")
    #expect(markdown.contains("- Section \"Protests\" is changed. It now reads:"), "\(markdown)")
    #expect(markdown.contains("**seven days before bids are due**"))
    #expect(markdown.contains("- Section \"Site visits\" is added. It reads:"))
    #expect(markdown.contains("Bidders may visit the **North yard** on February 16, 2027."))
    #expect(!markdown.contains("Instructions and conditions\""))
    #expect(!markdown.contains("Section \"Background of the cooperative\""))
    let html = try scratch.text(new, "public/addenda/addendum-1.html")
    #expect(html.contains("<strong>seven days before bids are due</strong>"))
    // The Word addendum says the same.
    let word = try wordDocumentBody(Data(contentsOf: URL(fileURLWithPath: new + "/public/addenda/addendum-1.docx")))
    #expect(
      word.contains("Section &quot;Site visits&quot; is added.") || word.contains("Section \"Site visits\" is added."))
    #expect(word.contains("seven days before bids are due"))
  }

  @Test func theAddendumIsTheSameFromTheZipAndEveryTime() throws {
    let (scratch, old, new) = try Self.twoBuilds()
    defer { try? FileManager.default.removeItem(at: scratch.root) }
    #expect(AddendumIssue.run(old: old, new: new, number: 1).outcome != nil)
    let first = try Data(contentsOf: URL(fileURLWithPath: new + "/\(Self.id).zip"))
    let markdown = try scratch.text(new, "public/addenda/addendum-1.md")
    // Again, from the published zip instead of the folder: the same bytes.
    let (again, diagnostics) = AddendumIssue.run(old: old + "/\(Self.id).zip", new: new, number: 1)
    #expect(again != nil, "\(diagnostics)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: new + "/\(Self.id).zip")) == first)
    #expect(try scratch.text(new, "public/addenda/addendum-1.md") == markdown)
  }

  @Test func anAddendumWithNoChangeIsAnErrorAndWritesNothing() throws {
    let scratch = try Scratch()
    defer { try? FileManager.default.removeItem(at: scratch.root) }
    let old = try scratch.build("old")
    let definition = scratch.workspace.appendingPathComponent("solicitation.yaml")
    try Data((try String(contentsOf: definition, encoding: .utf8) + Self.record).utf8).write(to: definition)
    let new = try scratch.build("new")
    let before = try Data(contentsOf: URL(fileURLWithPath: new + "/manifest.json"))
    let (outcome, diagnostics) = AddendumIssue.run(old: old, new: new, number: 1)
    #expect(outcome == nil)
    #expect(diagnostics.map(\.severity) == [.error])
    #expect(diagnostics.first?.message.contains("nothing bidders see differs") == true, "\(diagnostics)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: new + "/manifest.json")) == before)
    #expect(!FileManager.default.fileExists(atPath: new + "/public/addenda"))
  }

  @Test func anAddendumTheNewFormsDoNotListIsAnError() throws {
    let scratch = try Scratch()
    defer { try? FileManager.default.removeItem(at: scratch.root) }
    let old = try scratch.build("old")
    try scratch.edit("solicitation.yaml", "responses_due: 2027-03-09T14:00 ", "responses_due: 2027-03-16T14:00 ")
    try scratch.edit("solicitation.yaml", "at: 2027-03-09T14:15", "at: 2027-03-16T14:15")
    let new = try scratch.build("new")
    let (outcome, diagnostics) = AddendumIssue.run(old: old, new: new, number: 1)
    #expect(outcome == nil)
    #expect(
      diagnostics.first?.message
        == "the new package's public/joint/bid-form.xml does not list addendum 1; record it in solicitation.yaml "
        + "under addenda (number 1, the date issued, a summary) and build again")
    #expect(!FileManager.default.fileExists(atPath: new + "/public/addenda"))
  }

  @Test func aWorkspaceIsBuiltAndComparedWithThePublishedPackage() throws {
    let (scratch, old, _) = try Self.twoBuilds()
    defer { try? FileManager.default.removeItem(at: scratch.root) }
    let output = scratch.root.appendingPathComponent("out/again").path
    let (outcome, diagnostics) = AddendumIssue.run(
      workspace: scratch.workspace.path, against: old, number: 1, output: output)
    let issued = try #require(outcome, "\(diagnostics)")
    #expect(issued.folder == output + "/\(Self.id)")
    #expect(
      try scratch.text(issued.folder, "public/addenda/addendum-1.md").contains(
        "now March 16, 2027, 2:00 p.m. Pacific Time."))
  }

  @Test func theRFPsAndBidFormsListTheAddenda() throws {
    let (scratch, _, new) = try Self.twoBuilds()
    defer { try? FileManager.default.removeItem(at: scratch.root) }
    let markdown = try scratch.text(new, "public/joint/rfp.md")
    #expect(
      markdown.contains(
        "### Addenda issued\n\n| Addendum | Issued | Summary |\n|---:|---|---|\n| 1 | 2027-02-20 | Responses due a "
          + "week later; ice melt; cloths withdrawn |\n"))
    #expect(try scratch.text(new, "public/piggyback/rfp.html").contains("<tr data-addendum=\"1\">"))
    let form = try scratch.text(new, "public/joint/bid-form.xml")
    #expect(form.contains("  <addenda>\n    <addendum number=\"1\" issued=\"2027-02-20\"/>\n  </addenda>\n</bidForm>"))
    let page = try scratch.text(new, "public/joint/bid-form.html")
    #expect(page.contains("<input type=\"checkbox\" id=\"addendum-1\" class=\"addendum-ack\" data-number=\"1\""))
    // Without addenda, no trace of them.
    let old = try scratch.text(scratch.root.appendingPathComponent("out/old/\(Self.id)").path, "public/joint/rfp.md")
    #expect(!old.contains("Addenda issued"))
  }

  @Test func addendaMustIncreaseAndBeUnique() throws {
    let sandbox = try Sandbox()
    let text = try String(contentsOfFile: sandbox.path("solicitation.yaml"), encoding: .utf8)
    let marked = MarkedText(
      """
      addenda:
        - {number: 2, issued: 2027-02-20}
        - {number: 1️⃣1, issued: 2027-02-21}
        - {number: 2️⃣2, issued: 2027-02-22}
        - {number: 3, issued: 3️⃣2027-02-01}
      """)
    try sandbox.write("solicitation.yaml", text + marked.text + "\n")
    let intake = sandbox.validate()
    let offset = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    for (marker, fragment) in [
      ("1️⃣", "addendum 1 comes after addendum 2"), ("2️⃣", "addendum 2 is listed twice"),
      ("3️⃣", "is issued 2027-02-01, before addendum 2"),
    ] {
      let place = try #require(marked.positions[marker])
      intake.expect(.error, at: "solicitation.yaml", place.line + offset, place.column, fragment)
    }
  }

  // MARK: - check-bid

  /// The form fixture listing addenda 1 and 2.
  static func formWithAddenda(_ text: String) -> String {
    text.replacingOccurrences(
      of: "</bidForm>",
      with: "  <addenda><addendum number=\"1\" issued=\"2027-02-20\"/><addendum number=\"2\" issued=\"2027-02-25\"/>"
        + "</addenda>\n</bidForm>")
  }

  @Test func checkBidWarnsOfAddendaNotAcknowledgedOrNotIssued() throws {
    let reference = try BidCheckTests.form("form.xml", edit: Self.formWithAddenda)
    // The bid copies the form's addenda after its total, as the HTML bid form saves it: the schema takes both.
    let bid = Self.formWithAddenda(
      try BidCheckTests.text("bid.xml").replacingOccurrences(of: "</bid>", with: "</bidForm>")
    )
    .replacingOccurrences(of: "</bidForm>", with: "</bid>").replacingOccurrences(
      of: "<nonCollusion>true</nonCollusion>",
      with: "<nonCollusion>true</nonCollusion><acknowledged number=\"1\"/><acknowledged number=\"3\"/>")
    #expect(bid.contains("<addendum number=\"2\" issued=\"2027-02-25\"/></addenda>\n</bid>"))
    let report = BidCheck.check(
      bid: bid, path: BidCheckTests.path("bid.xml"), schema: try BidCheckTests.schema(), reference: reference)
    let warnings = report.diagnostics.filter { $0.severity == .warning }
    #expect(warnings.count == 2 && !report.diagnostics.contains { $0.severity == .error }, "\(report.diagnostics)")
    BidCheckTests.expect(report, .warning, at: 6, 3, "does not acknowledge addendum 2, which the bid form lists")
    BidCheckTests.expect(report, .warning, at: 6, 3, "acknowledges addendum 3, which the bid form does not list")
    // The free text counts too, for the addenda the form lists; other numbers in it are not addenda.
    let written = try BidCheckTests.text("bid.xml").replacingOccurrences(
      of: "<addendaAcknowledged></addendaAcknowledged>",
      with: "<addendaAcknowledged>Addenda 1 and 2 (dated 2027-02-25)</addendaAcknowledged>")
    let clean = BidCheck.check(
      bid: written, path: BidCheckTests.path("bid.xml"), schema: try BidCheckTests.schema(), reference: reference)
    #expect(!clean.diagnostics.contains { $0.message.contains("addendum") }, "\(clean.diagnostics)")
    // A form without addenda and a bid without acknowledgements: nothing to say, as before.
    let plain = try BidCheckTests.check("bid.xml")
    #expect(!plain.diagnostics.contains { $0.message.contains("addendum") })
  }
}
