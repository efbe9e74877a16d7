import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The fillable HTML bid form in a real headless browser (Chromium driven by Selenium): type prices, read the
/// live totals, save the bid, and check the saved XML with the schema and with `cosolicit check-bid`. The joint
/// form's bid is made all-or-none with its box, and read back here as such.
///
/// Runs when Chromium, its driver and Python's selenium are installed; `.ci/run` installs them and sets
/// `COSOLICIT_REQUIRE_BROWSER=1`, which makes a missing browser a failure instead of a skipped test.
@Suite struct BrowserBidFormTests {
  static var browserAvailable: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
      && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
      && (try? ProgramRun.run("/usr/bin/env", ["python3", "-c", "import selenium"]).status) == 0
  }

  static var required: Bool { ProcessInfo.processInfo.environment["COSOLICIT_REQUIRE_BROWSER"] == "1" }

  /// A copy of the small fixture workspace with a write-in whose description is hostile markup, and hostile specs
  /// on it and on a catalog line.
  static func hostileWorkspace(in folder: URL) throws -> URL {
    let workspace = folder.appendingPathComponent("hostile-workspace")
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("Tests/Fixtures/workspace"), to: workspace)
    try """
    agency: {id: hostile, name: "Hostile <b>City</b> & Co", type: city}
    deliver_to: Hall
    items:
      - description: "Laptop <script>alert(1)</script> & \\"quoted\\" ]]> 'single'"
        classification: UNSPSC:43211599
        quantity: 3
        unit: each
        spec: "Spec <i>x</i> & \\"y\\" ]]>"
      - {item: LAPTOP-14, quantity: 1, unit: each, spec: "<img src=x onerror=alert(2)> & 'z'"}

    """.write(to: workspace.appendingPathComponent("needs/hostile.yaml"), atomically: true, encoding: .utf8)
    // Two addenda, one with a hostile summary: the form lists both with a box each, and the saved bid acknowledges
    // them.
    let definition = workspace.appendingPathComponent("solicitation.yaml")
    try Data(
      (try String(contentsOf: definition, encoding: .utf8)
        + "\naddenda:\n  - {number: 1, issued: 2027-02-20, summary: \"<b>Bold</b> & 'x' </label>\"}\n"
        + "  - {number: 2, issued: 2027-02-21}\n").utf8
    ).write(to: definition)
    return workspace
  }

  @Test(.enabled(if: browserAvailable || required, "needs chromium, chromium-driver and python3 selenium"))
  func theBidFormComputesTotalsAndSavesAConformingBid() throws {
    #expect(Self.browserAvailable, "COSOLICIT_REQUIRE_BROWSER=1 but the browser or selenium is missing")
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("cosolicit-browser-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: output) }
    let workspaces = [
      ("CVPC-2027-01", repositoryRoot.appendingPathComponent("Examples/cascade-valley")),
      ("JS-2027-001", try Self.hostileWorkspace(in: output)),
    ]
    for (id, workspace) in workspaces {
      let built = try ProgramRun.cosolicit(["build", workspace.path, "--out", output.path])
      #expect(built.status == 0, "\(built.errorOutput)")
      let package = output.appendingPathComponent(id)
      let kept = output.appendingPathComponent("kept-\(id)")
      try FileManager.default.createDirectory(at: kept, withIntermediateDirectories: true)
      for variant in ["joint", "piggyback"] {
        let result = try Self.browserTest("bid_form_test.py", package: package, variant: variant, keep: kept)
        #expect(result.status == 0, "\(id) \(variant): \(result.output)\n\(result.errorOutput)")
        #expect(result.output.contains(" passed, 0 failed"), "\(id) \(variant): \(result.output)")
        // The joint bid was saved with its all-or-none box checked, the piggyback bid without.
        let allOrNone = variant == "joint"
        #expect(
          result.output.contains(
            allOrNone
              ? "ok   the saved bid is all-or-none: an empty <allOrNone/> right after <bidder>"
              : "ok   the saved bid is not all-or-none"), "\(id) \(variant): \(result.output)")
        let saved = kept.appendingPathComponent("\(variant)-bid-\(id).xml")
        let loaded = BidDocument.load(
          try String(contentsOf: saved, encoding: .utf8), path: saved.path,
          schema: try String(
            contentsOf: package.appendingPathComponent("public/\(variant)/bid-form.xsd"), encoding: .utf8),
          expecting: .bid)
        #expect(loaded.diagnostics.isEmpty, "\(id) \(variant): \(loaded.diagnostics)")
        let document = try #require(loaded.document, "\(id) \(variant)")
        #expect((document.allOrNoneLocation != nil) == allOrNone, "\(id) \(variant)")
        if id == "JS-2027-001" {
          #expect(result.output.contains("ok   the hostile description is shown as text"), "\(result.output)")
          #expect(result.output.contains("ok   the saved bid acknowledges the 2 addenda checked"), "\(result.output)")
        }
      }
    }
  }
  /// A solicitation priced per zone and option (the fuel fixture: zones north and south, option A a differential
  /// over an index, option B a unit price): a price input per (line, zone with demand, option), live totals per
  /// zone and option, a zone left unbid, and a saved bid that xmllint and check-bid (libxml2) accept.
  @Test(.enabled(if: browserAvailable || required, "needs chromium, chromium-driver and python3 selenium"))
  func thePricedBidFormComputesTotalsPerZoneAndOptionAndSavesAConformingBid() throws {
    #expect(Self.browserAvailable, "COSOLICIT_REQUIRE_BROWSER=1 but the browser or selenium is missing")
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("cosolicit-browser-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: output) }
    // The fixture, and the shipped fuel example, whose bands and as-needed line the form carries too.
    for (folder, id) in [
      ("Tests/Fixtures/fuel-zones", "MVCOG-FUEL-2027"), ("Examples/tri-river-fuel", "TRCOG-2027-F1"),
    ] {
      let workspace = repositoryRoot.appendingPathComponent(folder)
      let built = try ProgramRun.cosolicit(["build", workspace.path, "--out", output.path])
      #expect(built.status == 0, "\(built.errorOutput)")
      try exercisePricedForm(package: output.appendingPathComponent(id), asNeeded: id == "TRCOG-2027-F1")
    }
  }

  /// Runs the browser test `script` (in Tests/Browser) on the HTML bid form of `variant` in the built `package`,
  /// with its XSD and check-bid against the package.
  /// With `keep`, the saved bid is copied there as `<variant>-bid-<solicitation id>.xml`.
  static func browserTest(_ script: String, package: URL, variant: String, keep: URL? = nil) throws -> ProgramRun {
    try ProgramRun.run(
      "/usr/bin/env",
      [
        "python3", repositoryRoot.appendingPathComponent("Tests/Browser/\(script)").path,
      ] + (keep.map { ["--keep", $0.path] } ?? []) + [
        package.appendingPathComponent("public/\(variant)/bid-form.html").path,
        package.appendingPathComponent("public/\(variant)/bid-form.xsd").path, ProgramRun.executable.path, "check-bid",
        "--solicitation", package.path,
      ])
  }

  /// Runs the priced form's browser test on both variants of `package`; `asNeeded` when it has an as-needed line.
  private func exercisePricedForm(package: URL, asNeeded: Bool) throws {
    for variant in ["joint", "piggyback"] {
      let result = try Self.browserTest("priced_bid_form_test.py", package: package, variant: variant)
      #expect(result.status == 0, "\(variant): \(result.output)\n\(result.errorOutput)")
      #expect(result.output.contains(" passed, 0 failed"), "\(variant): \(result.output)")
      #expect(result.output.contains("ok   the live totals per zone and option are the exact sums"), "\(result.output)")
      if asNeeded {
        #expect(result.output.contains("ok   an as-needed line shows 'as needed'"), "\(result.output)")
      }
    }
  }
}
