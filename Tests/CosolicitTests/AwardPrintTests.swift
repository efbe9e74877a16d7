import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The award documents as Chromium prints them: every table of the tabulations and schedules of both examples
/// fits a letter landscape page (`Tests/Browser/print_width_test.py`), and printing to PDF gives landscape pages.
///
/// Runs when Chromium, its driver, Python's selenium and poppler's pdfinfo are installed; with
/// `COSOLICIT_REQUIRE_BROWSER=1` (as `.ci/run` sets) a missing one is a failure instead of a skipped test.
@Suite struct AwardPrintTests {
  static var browserAvailable: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
      && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
      && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo")
      && (try? ProgramRun.run("/usr/bin/env", ["python3", "-c", "import selenium"]).status) == 0
  }

  static var required: Bool { ProcessInfo.processInfo.environment["COSOLICIT_REQUIRE_BROWSER"] == "1" }

  @Test(.enabled(if: browserAvailable || required, "needs chromium, chromium-driver, selenium and pdfinfo"))
  func theTabulationAndSchedulesPrintOnLandscapePages() throws {
    #expect(Self.browserAvailable, "COSOLICIT_REQUIRE_BROWSER=1 but the browser, selenium or pdfinfo is missing")
    let folder = try makeTemporaryFolder("award-print")
    defer { try? FileManager.default.removeItem(at: folder) }
    var documents: [URL] = []
    for example in AwardReconciliationTests.examples {
      let t = try AwardDocumentTests.tabulation(example)
      let tabulation = folder.appendingPathComponent("\(example)-tabulation.html")
      try TabulationDocument.html(t).write(to: tabulation, atomically: true, encoding: .utf8)
      documents.append(tabulation)
      let schedules = ParticipantSchedule.schedules(for: t)
      let reconciliation = AwardReconciliation.make(tabulation: t, schedules: schedules)
      for schedule in schedules {
        let file = folder.appendingPathComponent("\(example)-\(schedule.participant.id.value).html")
        try ScheduleDocument.html(schedule, tabulation: t, reconciliation: reconciliation)
          .write(to: file, atomically: true, encoding: .utf8)
        documents.append(file)
      }
    }
    let widths = try ProgramRun.run(
      "/usr/bin/env",
      ["python3", repositoryRoot.appendingPathComponent("Tests/Browser/print_width_test.py").path, "980"]
        + documents.map(\.path))
    #expect(widths.status == 0 && widths.output.contains("\(documents.count) passed, 0 failed"), "\(widths.output)")
    for document in [documents[0], documents[1]] {
      let pdf = document.deletingPathExtension().appendingPathExtension("pdf")
      let printed = try ProgramRun.run(
        "/usr/bin/chromium",
        [
          "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)",
          document.absoluteString,
        ], in: folder)
      #expect(FileManager.default.fileExists(atPath: pdf.path), "\(printed.errorOutput.suffix(500))")
      let info = try ProgramRun.run("/usr/bin/pdfinfo", [pdf.path])
      // Letter landscape: 11 × 8.5 in, wider than tall.
      #expect(info.output.contains("Page size:       792 x 612 pts"), "\(info.output)")
    }
  }
}
