import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The small fixture workspace with content fields added to its `solicitation.yaml`, for the content tests.
struct ContentWorkspace {
  /// The sandbox holding the workspace.
  let sandbox: Sandbox
  /// The definition as written, markers removed.
  let text: MarkedText

  /// Copies the fixture workspace; `responsesDue` replaces its `responses_due` value, and `fields` (which may
  /// carry MarkedText markers) are appended to its `solicitation.yaml`.
  init(responsesDue: String = "2027-04-01", _ fields: String = "") throws {
    sandbox = try Sandbox()
    let original = try String(contentsOfFile: sandbox.path("solicitation.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "responses_due: 2027-04-01", with: "responses_due: \(responsesDue)")
    text = MarkedText(original + "\n" + fields)
    try sandbox.write("solicitation.yaml", text.text)
  }

  /// Writes a workspace `sections/` file.
  func section(_ name: String, _ contents: String) throws { try sandbox.write("sections/\(name)", contents) }

  /// The workspace read and checked.
  func intake() -> Intake { sandbox.validate() }

  /// Every rendered document of both variants, by path, such as `joint/rfp.md`; records an issue for any error.
  func documents(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String: String] {
    let intake = intake()
    #expect(intake.errorCount == 0, "\(intake.listing)", sourceLocation: sourceLocation)
    let joint = try #require(try? Aggregator.aggregate(intake).get(), sourceLocation: sourceLocation)
    return try renderedDocuments(of: joint, sourceLocation: sourceLocation)
  }

  /// The part "Instructions and conditions" of an RFP in Markdown (`rfp.md`): from its heading to the next part.
  static func instructions(_ markdown: String) -> String {
    guard let start = markdown.range(of: "## 9. Instructions and conditions") else { return "" }
    let end = markdown.range(of: "\n## 10. ", range: start.upperBound..<markdown.endIndex)?.lowerBound
    return String(markdown[start.lowerBound..<(end ?? markdown.endIndex)])
  }
}
