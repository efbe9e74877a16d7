import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The package keeps what bidders see apart from what only the lead agency sees, and public documents show no
/// value computed from the lead agency's estimated unit prices unless `publish_estimated_values: true` says so.
@Suite struct PublicPackageTests {
  static let id = "CVPC-2027-01"

  /// Builds a copy of the shipped example, with `publish_estimated_values` set when `publishing` is given; returns
  /// every file of the package by its path in the package.
  static func build(publishing: Bool? = nil) throws -> [String: String] {
    let scratch = try makeTemporaryFolder("public-package")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let workspace = scratch.appendingPathComponent("workspace")
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("Examples/cascade-valley"), to: workspace)
    try? FileManager.default.removeItem(at: workspace.appendingPathComponent("dist"))
    if let publishing {
      let definition = workspace.appendingPathComponent("solicitation.yaml")
      let text = try String(contentsOf: definition, encoding: .utf8)
      try Data((text + "\npublish_estimated_values: \(publishing)\n").utf8).write(to: definition)
    }
    let (outcome, diagnostics) = PackageBuild.run(
      workspace: workspace.path, output: scratch.appendingPathComponent("out").path, variants: [.joint, .piggyback],
      templates: nil)
    let built = try #require(outcome, "\(diagnostics)")
    var files: [String: String] = [:]
    for path in built.files where !path.hasSuffix(".zip") {
      let url = URL(fileURLWithPath: built.folder + "/" + path)
      // A Word document is read by its body's XML, where its text is.
      files[path] =
        path.hasSuffix(".docx")
        ? try wordDocumentBody(Data(contentsOf: url)) : try String(contentsOf: url, encoding: .utf8)
    }
    return files
  }

  /// The participants' committed and estimated values, as `participants.csv` (internal) gives them and the RFPs
  /// would print them (with thousands separators), leaving out zero.
  static func participantValues(_ files: [String: String]) throws -> [String] {
    let csv = try #require(files["internal/participants.csv"])
    let rows = try #require(HostileTextTests.csvRows(csv))
    let header = try #require(rows.first)
    let columns = try ["committed_value", "estimated_value"].map { try #require(header.firstIndex(of: $0)) }
    let values = rows.dropFirst().flatMap { row in columns.map { row[$0] } }.compactMap { Decimal(string: $0) }
    return values.filter { $0 > 0 }.map(MoneyText.format)
  }

  @Test func thePackageSplitsPublicFromInternal() throws {
    let files = try Self.build()
    let expected: Set<String> = Set(
      DocumentVariant.allCases.flatMap { variant in
        ["rfp.md", "rfp.html", "rfp.docx", "bid-form.xml", "bid-form.xsd", "bid-form.html"].map {
          PackageLayout.public(variant, $0)
        }
      }
        + ["compare.md", "compare.html", "solicitation.json", "participants.csv", "review.csv", "ocds.json"].map(
          PackageLayout.internal) + [PackageLayout.publicManifest, PackageLayout.manifest])
    #expect(Set(files.keys) == expected)
    // The review list is the aggregation's, as CSV: the example's write-in is on it.
    let reviewCSV = try #require(files["internal/review.csv"])
    let review = try #require(HostileTextTests.csvRows(reviewCSV))
    #expect(review.first == ["kind", "line", "agency", "message", "sources"])
    #expect(review.contains { $0.first == "write-in" && $0[3].contains("is a write-in") })
  }

  @Test func publicDocumentsShowNoEstimatedValuesByDefault() throws {
    let files = try Self.build()
    let values = try Self.participantValues(files)
    #expect(!values.isEmpty)
    // The comparison report, internal, shows the values; no public document shows one, nor says "value" of one.
    let comparison = try #require(files["internal/compare.md"])
    #expect(comparison.contains("Committed (binding) value"))
    for (path, text) in files where PackageLayout.isPublic(path) {
      for value in values { #expect(!text.contains(value), "\(path) shows the estimated value \(value)") }
      #expect(!text.contains("Committed value ("), "\(path)")
      #expect(!text.contains("Estimated value ("), "\(path)")
      #expect(!text.contains("The combined estimated value, "), "\(path)")
    }
    for variant in DocumentVariant.allCases {
      let markdown = try #require(files[PackageLayout.public(variant, "rfp.md")])
      #expect(markdown.contains("The participants' estimated prices are not published: bid your own prices"))
    }
    let joint = try #require(files[PackageLayout.public(.joint, "rfp.md")])
    #expect(joint.contains("| Participating agency | Type | State | Lines |\n|---|---|---|---:|\n| "))
    let piggyback = try #require(files[PackageLayout.public(.piggyback, "rfp.md")])
    #expect(piggyback.contains("| Agency expected to use the contract | Type |\n|---|---|\n| "))
    #expect(piggyback.contains("The combined estimated value exceeds the formal bid threshold of USD 150,000.00."))
  }

  @Test func publishEstimatedValuesShowsThemAsBefore() throws {
    let hidden = try Self.build(publishing: false)
    let shown = try Self.build(publishing: true)
    #expect(hidden == (try Self.build()), "false is the default")
    let values = try Self.participantValues(shown)
    for variant in DocumentVariant.allCases {
      let markdown = try #require(shown[PackageLayout.public(variant, "rfp.md")])
      #expect(markdown.contains("Committed value (USD)") || markdown.contains("Estimated value (USD)"))
      #expect(!markdown.contains("estimated prices are not published"))
      let html = try #require(shown[PackageLayout.public(variant, "rfp.html")])
      #expect(html.contains("value (USD)"))
    }
    let joint = try #require(shown[PackageLayout.public(.joint, "rfp.md")])
    for value in values where joint.contains("| \(value) |") { #expect(joint.contains(value)) }
    #expect(values.contains { joint.contains("| \($0) |") }, "the participants' committed values")
    let piggyback = try #require(shown[PackageLayout.public(.piggyback, "rfp.md")])
    #expect(piggyback.contains("The combined estimated value, USD "))
    // The bid forms carry no estimated value either way: they, their schema and the comparison are the same.
    for variant in DocumentVariant.allCases {
      for name in ["bid-form.xml", "bid-form.xsd", "bid-form.html"] {
        let path = PackageLayout.public(variant, name)
        #expect(hidden[path] == shown[path], "\(path)")
      }
    }
    #expect(hidden["internal/compare.md"] == shown["internal/compare.md"])
  }

  @Test func aFlagThatIsNotYesOrNoIsAnError() throws {
    let sandbox = try Sandbox()
    let text = try String(contentsOfFile: sandbox.path("solicitation.yaml"), encoding: .utf8)
    try sandbox.write("solicitation.yaml", text + "publish_estimated_values: sometimes\n")
    let intake = sandbox.validate()
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
    intake.expect(
      .error, at: "solicitation.yaml", lines, 27, "'publish_estimated_values' 'sometimes' is not true or false")
  }
}
