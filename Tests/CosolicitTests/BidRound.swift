import Cosolicit
import CosolicitTestSupport
import Foundation
import Testing

/// A shipped example workspace in a sandbox, built and published, with bids received into `bids/`.
final class BidRound {
  let sandbox: Sandbox
  /// The published joint blank form's text.
  private(set) var form = ""
  /// The receipt log's lines.
  private var receipts: [String] = []

  /// Copies `Examples/<example>`, applies `edit` to its solicitation.yaml, and builds its package.
  init(_ example: String = "cascade-valley", edit: (String) -> String = { $0 }) throws {
    sandbox = try Sandbox(copying: "../../Examples/\(example)")
    try? sandbox.remove("dist")
    try? sandbox.remove("bids")
    let solicitation = try String(contentsOfFile: sandbox.path("solicitation.yaml"), encoding: .utf8)
    try sandbox.write("solicitation.yaml", edit(solicitation))
    try build()
  }

  /// Builds the package again (after an edit to the workspace).
  func build() throws {
    let (outcome, diagnostics) = PackageBuild.run(
      workspace: sandbox.root.path, output: nil, variants: [.joint], templates: nil)
    let folder = try #require(outcome?.folder, "\(diagnostics.map(\.description))")
    form = try String(contentsOfFile: folder + "/public/joint/bid-form.xml", encoding: .utf8)
  }

  /// The form's lines as (lot, line number, quantity), in form order.
  var lines: [(lot: String, number: Int, quantity: Decimal)] {
    var lot = ""
    var number = 0
    var found: [(String, Int, Decimal)] = []
    for text in form.components(separatedBy: "\n") {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("<lot id=\"") { lot = String(trimmed.dropFirst(9).prefix { $0 != "\"" }) }
      if trimmed.hasPrefix("<line number=\"") { number = Int(String(trimmed.dropFirst(14).prefix { $0 != "\"" }))! }
      if trimmed.hasPrefix("<quantity>") {
        found.append((lot, number, Decimal(string: String(trimmed.dropFirst(10).prefix { $0 != "<" }))!))
      }
    }
    return found
  }

  /// Receives a bid written by `writer` as `bids/<name>.xml` at `received` (local time), after `edit`.
  func receive(
    _ name: String, _ writer: BidWriter, at received: String = "2027-03-09T13:30", edit: (String) -> String = { $0 }
  ) throws {
    try sandbox.write("bids/\(name).xml", edit(writer.bid(from: form)))
    receipts.append("\(name).xml: \(received)")
    try sandbox.write("bids/received.yaml", receipts.joined(separator: "\n") + "\n")
  }

  /// Tabulates the bids received.
  func tabulate() -> (tabulation: BidTabulation?, diagnostics: [Diagnostic]) {
    TabulationRun.run(workspace: sandbox.root.path, package: nil)
  }

  /// A bidder pricing every line of lot `lot` at `prices[lot]` (lots not listed: no bid).
  static func bidder(_ supplier: String, _ prices: [String: Decimal]) -> BidWriter {
    BidWriter(supplier: supplier) { lot, _, _, _ in prices[lot].map { .price($0) } ?? .noBid }
  }

  /// Σ over the lines of `lot` of price × quantity rounded half up to cents: the hand computation of a lot total.
  func lotTotal(_ lot: String, at price: Decimal) -> Decimal {
    lines.filter { $0.lot == lot }.reduce(0) { $0 + BidWriter.cents(price * $1.quantity) }
  }
}
