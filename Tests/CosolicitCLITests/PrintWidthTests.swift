import CosolicitTestSupport
import Foundation
import Testing

/// Printed documents keep every table within the page: the RFPs and the comparison report on US letter
/// portrait, the bid forms on letter landscape, laid out by Chromium as it prints them
/// (`Tests/Browser/print_width_test.py`). The comparison's "By lot" table was once clipped.
@Suite struct PrintWidthTests {
  /// The printable width in CSS pixels of letter portrait with the documents' 13 mm margins.
  static let portrait = "718"
  /// The printable width of letter landscape with the bid form's 10 mm margins.
  static let landscape = "980"

  @Test(
    .enabled(
      if: BrowserBidFormTests.browserAvailable || BrowserBidFormTests.required,
      "needs chromium, chromium-driver and python3 selenium"))
  func everyTableFitsThePrintedPage() throws {
    #expect(BrowserBidFormTests.browserAvailable, "COSOLICIT_REQUIRE_BROWSER=1 but the browser or selenium is missing")
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("cosolicit-print-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: output) }
    for (folder, id) in [
      ("Examples/cascade-valley", "CVPC-2027-01"), ("Examples/tri-river-fuel", "TRCOG-2027-F1"),
      ("Tests/Fixtures/fuel-zones", "MVCOG-FUEL-2027"),
    ] {
      let built = try ProgramRun.cosolicit(
        ["build", repositoryRoot.appendingPathComponent(folder).path, "--out", output.path])
      #expect(built.status == 0, "\(built.errorOutput)")
      let package = output.appendingPathComponent(id)
      for (width, documents) in [
        (Self.portrait, ["internal/compare.html", "public/joint/rfp.html", "public/piggyback/rfp.html"]),
        (Self.landscape, ["public/joint/bid-form.html", "public/piggyback/bid-form.html"]),
      ] {
        let run = try ProgramRun.run(
          "/usr/bin/env",
          ["python3", repositoryRoot.appendingPathComponent("Tests/Browser/print_width_test.py").path, width]
            + documents.map { package.appendingPathComponent($0).path })
        #expect(run.status == 0, "\(id): \(run.output)\n\(run.errorOutput)")
        #expect(run.output.contains("\(documents.count) passed, 0 failed"), "\(id): \(run.output)")
      }
    }
  }
}
