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

  @Test func theExampleBidsAwardAsTheREADMESays() throws {
    let sandbox = try Sandbox(copying: "../../Examples/cascade-valley")
    try? sandbox.remove("dist")
    let (outcome, problems) = PackageBuild.run(
      workspace: sandbox.root.path, output: nil, variants: [.joint, .piggyback], templates: nil)
    #expect(outcome != nil, "\(problems.map(\.description))")
    let (tabulation, diagnostics) = TabulationRun.run(workspace: sandbox.root.path, package: nil)
    let result = try #require(tabulation, "\(diagnostics.map(\.description))")
    #expect(!diagnostics.contains { $0.severity != .note }, "\(diagnostics.map(\.description))")
    #expect(result.bids.flatMap(\.diagnostics).isEmpty, "the example bids check clean")
    // Every bid but the late one is responsive; its reason says when it came.
    #expect(result.bids.map(\.id) == Self.bidders.map(\.id).sorted())
    #expect(result.bids.filter { !$0.isResponsive }.map(\.id) == ["rainier-office"])
    let units = Dictionary(uniqueKeysWithValues: result.units.map { ($0.unit.description, $0) })
    #expect(units["lot L1"]?.winner?.bidID == "northwest-edtech")
    #expect(units["lot L1"]?.secondary.map(\.bidID) == ["summit-business"])
    // Custodial supplies: Cascade Valley Office Supply and Pacific Janitorial tie; local preference decides.
    #expect(units["lot L2"]?.winner?.bidID == "valley-office")
    #expect(units["lot L2"]?.tieBreak?.method == "local-preference")
    #expect(units["lot L2"]?.secondary.map(\.bidID) == ["pacific-janitorial"])
    #expect(units["lot L3"]?.winner?.bidID == "summit-business")
    #expect(units["lot L3"]?.secondary.map(\.bidID) == ["valley-office"])
    // The award package: every participant's schedule, conserved quantity by quantity, cents reconciled exactly.
    let files = AwardPackage.files(result)
    let schedules = ParticipantSchedule.schedules(for: result)
    #expect(files.filter { $0.path.hasPrefix("schedules/") }.count == 2 * schedules.count)
    let reconciliation = AwardReconciliation.make(tabulation: result, schedules: schedules)
    for line in reconciliation.lines {
      #expect(line.quantityMatches, "\(line.award.lotID) line \(line.award.lineNumber)")
      #expect(line.participantsExtendedPrice == line.parts.reduce(0) { $0 + $1.extendedPrice })
    }
    let ocds = try #require(files.first { $0.path == "ocds.json" })
    let validation = try OCDSValidation.run(text: String(decoding: ocds.data, as: UTF8.self))
    #expect(validation.status == 0, "\(validation.output)")
  }
}
