import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Names from the file system and text from inputs are shown as text wherever they reach a terminal, a
/// finding or a CSV: a control character is escaped, never passed on to act.
@Suite struct VisibleTextTests {
  /// Whether `text` holds a control character other than tab and line breaks (C0, DEL or C1).
  static func hasControl(_ text: String, allowingLineBreaks: Bool = true) -> Bool {
    text.unicodeScalars.contains { scalar in
      let value = scalar.value
      if allowingLineBreaks, value == 0x0A || value == 0x0D { return false }
      return (value < 0x20 && value != 0x09) || value == 0x7F || (0x80...0x9F).contains(value)
    }
  }

  @Test func aFileNamedWithALineBreakCannotForgeAFinding() throws {
    let sandbox = try Sandbox()
    let name = "needs/bad\nx.yaml:1:1: error: forged\u{1B}[2J\u{07}.yaml"
    try sandbox.write(name, "agency: [not a mapping\n")
    let intake = sandbox.validate()
    let text = ValidationReport(intake).findings(as: .text)
    #expect(text.split(separator: "\n").count == intake.diagnostics.count, "\(text)")
    #expect(!Self.hasControl(text))
    #expect(text.contains("bad\\nx.yaml:1:1: error: forged\\u{1B}[2J\\u{7}.yaml:"))
  }

  @Test func controlCharactersInInputTextShowAsEscapesInTheTableAndTheCSVs() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "needs/zz-odd.yaml",
      """
      agency: {id: zz-odd, name: "Odd\\u007F Agency\\u0085", type: city}
      deliver_to: "Depot\\u009B31m"
      items:
        - {item: LAPTOP-14, quantity: 1, unit: EA, notes: "C0 controls are refused at intake; C1 \\u0090 and DEL are not"}

      """)
    let intake = sandbox.validate()
    #expect(intake.errorCount == 0, "\(intake.listing)")
    guard case .success(let joint) = Aggregator.aggregate(intake) else {
      Issue.record("the workspace must aggregate")
      return
    }
    let table = joint.rendered(as: .table)
    #expect(!Self.hasControl(table), "the table")
    #expect(table.contains("Odd\\u{7F} Agency"), "NEL at the end is trimmed as whitespace; DEL shows")
    let csv = joint.rendered(as: .csv)
    #expect(!Self.hasControl(csv), "the aggregate CSV")
    #expect(!Self.hasControl(DocumentSet.participantsCSV(joint)), "internal/participants.csv")
  }

  @Test func escapesLeavePlainTextAsItIs() {
    #expect(VisibleText.escaped("Alder County, 1 Main St — café\ttab") == "Alder County, 1 Main St — café\ttab")
    #expect(VisibleText.escaped("a\nb\r\u{1B}\u{7F}\u{9F}") == "a\\nb\\r\\u{1B}\\u{7F}\\u{9F}")
    #expect(VisibleText.escaped("a\nb", keepingLineBreaks: true) == "a\nb")
  }
}
