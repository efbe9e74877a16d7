import CosolicitTestSupport
import Foundation
import Testing

/// `cosolicit build --pdf`: each variant's rfp.docx converted by LibreOffice, checked with poppler's pdfinfo and
/// pdftotext, and the error when LibreOffice is missing.
///
/// The conversion test runs when `soffice`, `pdfinfo` and `pdftotext` are installed; `.ci/run` installs them and
/// sets `COSOLICIT_REQUIRE_LIBREOFFICE=1`, which makes a missing LibreOffice a failure instead of a skipped test.
@Suite struct WordPDFTests {
  static func installed(_ tool: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
    }
  }

  /// LibreOffice with Writer (a Calc-only install has soffice but cannot load a .docx; Debian puts Writer in
  /// libswlo.so), and poppler's tools.
  static var libreOfficeAvailable: Bool {
    installed("soffice") && FileManager.default.fileExists(atPath: "/usr/lib/libreoffice/program/libswlo.so")
      && installed("pdfinfo") && installed("pdftotext")
  }

  static var required: Bool { ProcessInfo.processInfo.environment["COSOLICIT_REQUIRE_LIBREOFFICE"] == "1" }

  static let example = repositoryRoot.appendingPathComponent("Examples/cascade-valley")

  /// Text as `pdftotext -raw` gives it (in drawing order, hyphens kept), with every run of white space one space and hyphens of any kind plain, so a
  /// phrase wrapped across lines (or an item id with non-breaking hyphens) is found whole.
  static func normalized(_ text: String) -> String {
    let hyphens: Set<Character> = ["\u{2010}", "\u{2011}", "\u{00AD}"]
    let plain = String(text.map { hyphens.contains($0) ? "-" : $0 })
    // A line may break after a hyphen ("3-" / "year"): no space follows a hyphen in either text.
    return plain.split(whereSeparator: \.isWhitespace).joined(separator: " ").replacingOccurrences(of: "- ", with: "-")
  }

  @Test(.enabled(if: libreOfficeAvailable || required, "needs LibreOffice (soffice) and poppler-utils"))
  func eachRFPIsConvertedToAPDFThatHoldsTheTitleEveryLineAndEverySection() throws {
    #expect(Self.libreOfficeAvailable, "COSOLICIT_REQUIRE_LIBREOFFICE=1 but soffice, pdfinfo or pdftotext is missing")
    let output = try makeTemporaryFolder("pdf")
    defer { try? FileManager.default.removeItem(at: output) }
    let built = try ProgramRun.cosolicit(["build", Self.example.path, "--out", output.path, "--pdf", "--quiet"])
    #expect(built.status == 0, "\(built.errorOutput)")
    let package = output.appendingPathComponent("CVPC-2027-01")
    let manifest = try String(contentsOf: package.appendingPathComponent("manifest.json"), encoding: .utf8)
    let json = try JSONSerialization.jsonObject(
      with: Data(contentsOf: package.appendingPathComponent("internal/solicitation.json")))
    let solicitation = json as? [String: Any] ?? [:]
    let title = (solicitation["solicitation"] as? [String: Any])?["title"] as? String ?? "?"
    let lots = solicitation["lots"] as? [[String: Any]] ?? []
    let descriptions = lots.flatMap { $0["lines"] as? [[String: Any]] ?? [] }.compactMap {
      $0["description"] as? String
    }
    #expect(descriptions.count > 20)
    let headings = [
      "1. Schedule of events", "2. Introduction", "3. Scope and quantities by lot", "4. Method of award",
      "5. Evaluation criteria", "6. Submission instructions", "7. Contract term", "8. Commitment and ordering",
      "9. Instructions and conditions", "9.1. Background of the cooperative", "9.2. Submission of bids and bid opening",
      "9.7. Protests", "9.11. Authority for cooperative procurement", "10. Bidder information and signature",
      "Appendix A. Delivery schedule by participant",
    ]
    for variant in ["joint", "piggyback"] {
      let pdf = package.appendingPathComponent("public/\(variant)/rfp.pdf")
      #expect(manifest.contains("\"public/\(variant)/rfp.pdf\""), "the manifest lists \(variant)/rfp.pdf")
      let info = try ProgramRun.run("/usr/bin/env", ["pdfinfo", pdf.path])
      #expect(info.status == 0, "\(info.errorOutput)")
      let pages = info.output.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
      // A cover with contents, sections, a signature page and the appendix: more than 5 pages, fewer than 40.
      #expect((6...40).contains(pages ?? 0), "\(variant): \(pages ?? 0) pages")
      #expect(info.output.contains("Title:") && info.output.contains(title), "\(variant): \(info.output)")
      let text = try ProgramRun.run("/usr/bin/env", ["pdftotext", "-raw", "-enc", "UTF-8", pdf.path, "-"])
      #expect(text.status == 0, "\(text.errorOutput)")
      let shown = Self.normalized(text.output)
      for phrase in [title, "Solicitation CVPC-2027-01", "Page 1 of \(pages ?? 0)"] + headings + descriptions {
        #expect(shown.contains(Self.normalized(phrase)), "\(variant)/rfp.pdf does not show '\(phrase)'")
      }
      #expect(shown.contains("Cooperative purchasing clause") == (variant == "piggyback"))
    }

    // Reproducible: another build, in another time zone, gives the same PDF bytes (creation date and id fixed).
    let again = output.appendingPathComponent("again")
    let rebuilt = try ProgramRun.run(
      "/usr/bin/env",
      ["TZ=Pacific/Kiritimati", ProgramRun.executable.path, "build", Self.example.path, "--out", again.path, "--pdf"])
    #expect(rebuilt.status == 0, "\(rebuilt.errorOutput)")
    for path in ["public/joint/rfp.pdf", "public/piggyback/rfp.pdf", "CVPC-2027-01.zip"] {
      let first = try Data(contentsOf: package.appendingPathComponent(path))
      let second = try Data(contentsOf: again.appendingPathComponent("CVPC-2027-01/\(path)"))
      #expect(first == second, "\(path) differs between two builds")
    }
    let info = try ProgramRun.run(
      "/usr/bin/env", ["pdfinfo", package.appendingPathComponent("public/joint/rfp.pdf").path])
    #expect(info.output.contains("CreationDate:") && info.output.contains("2000"), "\(info.output)")
  }

  /// Without LibreOffice on the PATH, `--pdf` is an error that says what to install, and nothing is written.
  @Test func withoutLibreOfficeThePDFBuildFailsAndWritesNothing() throws {
    let output = try makeTemporaryFolder("pdf")
    defer { try? FileManager.default.removeItem(at: output) }
    let empty = output.appendingPathComponent("empty-path")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    let target = output.appendingPathComponent("out")
    let built = try ProgramRun.run(
      "/usr/bin/env",
      ["PATH=\(empty.path)", ProgramRun.executable.path, "build", Self.example.path, "--out", target.path, "--pdf"])
    #expect(built.status == 1)
    #expect(built.errorOutput.contains("--pdf needs LibreOffice"), "\(built.errorOutput)")
    #expect(built.errorOutput.contains("apt-get install libreoffice-writer-nogui"))
    #expect(!FileManager.default.fileExists(atPath: target.path), "nothing is written")
  }
}
