import Cosolicit
import CosolicitTestSupport
import Foundation
import Testing

/// The bids shipped with Examples/cascade-valley, which the README's walkthrough tabulates: they must answer
/// the package the example builds today, and award as the README says.
@Suite struct ExampleBidsTests {
  /// Each example bidder: its file name, name, price factor on the lead agency's estimate per lot (no factor:
  /// no bid on the lot), and when it came in.
  static let bidders: [(id: String, name: String, factors: [String: Decimal], received: String)] = [
    (
      "valley-office", "Cascade Valley Office Supply", ["L1": dec("0.97"), "L2": dec("0.90"), "L3": dec("0.95")],
      "2027-03-09T11:20"
    ),
    ("northwest-edtech", "Northwest Education Technology, Inc.", ["L1": dec("0.92")], "2027-03-08T16:05"),
    ("pacific-janitorial", "Pacific Janitorial Supply", ["L2": dec("0.90")], "2027-03-09T13:58"),
    ("summit-business", "Summit Business Systems", ["L1": dec("0.95"), "L3": dec("0.93")], "2027-03-09T09:41"),
    // The lowest on everything, and twelve minutes late.
    (
      "rainier-office", "Rainier Office Products", ["L1": dec("0.80"), "L2": dec("0.80"), "L3": dec("0.80")],
      "2027-03-09T14:12"
    ),
  ]

  static func dec(_ text: String) -> Decimal { Decimal(string: text)! }

  /// Writes the example's bids from its current package (run with COSOLICIT_WRITE_EXAMPLE_BIDS=1 after the
  /// example's needs change; the other test then checks the award).
  @Test(.enabled(if: ProcessInfo.processInfo.environment["COSOLICIT_WRITE_EXAMPLE_BIDS"] != nil))
  func writeExampleBids() throws {
    let round = try BidRound()
    let intake = Intake.load(workspace: round.sandbox.root.path)
    let joint = try Aggregator.aggregate(intake).get()
    let estimates = Dictionary(
      joint.lines.map { ("\($0.lotID)#\($0.number)", $0.estimatedUnitPrice ?? 100) }, uniquingKeysWith: { a, _ in a })
    let folder = repositoryRoot.appendingPathComponent("Examples/cascade-valley/bids")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var receipts =
      "# When each bid was received (local time in the solicitation's time zone), as the clerk logged it.\n"
    for bidder in Self.bidders {
      let factors = bidder.factors
      var writer = BidWriter(supplier: bidder.name) { lot, line, _, _ in
        guard let factor = factors[lot], let estimate = estimates["\(lot)#\(line)"] else { return .noBid }
        return .price(BidWriter.cents(estimate * factor))
      }
      writer.signer = "Jordan Ellis"
      try writer.bid(from: round.form).write(
        to: folder.appendingPathComponent("\(bidder.id).xml"), atomically: true, encoding: .utf8)
      receipts += "\(bidder.id).xml: \(bidder.received)\n"
    }
    try receipts.write(to: folder.appendingPathComponent("received.yaml"), atomically: true, encoding: .utf8)
  }
}
