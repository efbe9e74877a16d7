import Cosolicit
import CosolicitTestSupport
import Foundation
import Testing

/// Hostile and unusual inputs to the tabulation, found by red-teaming `cosolicit tabulate`: what must still hold
/// (the right winner, conservation of quantities, ties never broken silently).
@Suite struct TabulationRedTeamTests {
  static func winners(_ tabulation: BidTabulation) -> [String: String] {
    Dictionary(uniqueKeysWithValues: tabulation.units.map { ($0.unit.description, $0.winner?.bidID ?? "-") })
  }

  /// Marks a bid all-or-none.
  static func allOrNone(_ bid: String) -> String {
    bid.replacingOccurrences(of: "</bidder>", with: "</bidder>\n  <allOrNone/>")
  }

  @Test func aParticipantMovedToAnotherZoneAfterPublishingStopsTheAward() throws {
    // Harlow Fire District moves from the north zone to the south after the package was published: every line's
    // total is unchanged, but the award's quantity per zone (the form's) no longer adds up to the participants'.
    let round = try BidRound("tri-river-fuel")
    try round.receive("north-fuel", TabulationPricingTests.northFuel, at: "2027-05-04T10:15")
    try round.receive("regional", TabulationPricingTests.regional, at: "2027-05-04T10:40")
    let solicitation = try String(contentsOfFile: round.sandbox.path("solicitation.yaml"), encoding: .utf8)
    try round.sandbox.write(
      "solicitation.yaml",
      solicitation.replacingOccurrences(
        of: "participants: [town-of-millbrook, town-of-harlow, harlow-fire-district]",
        with: "participants: [town-of-millbrook, town-of-harlow]"
      ).replacingOccurrences(
        of: "participants: [town-of-easton, easton-board-of-education]",
        with: "participants: [town-of-easton, easton-board-of-education, harlow-fire-district]"))
    let (tabulation, diagnostics) = round.tabulate()
    #expect(tabulation == nil)
    let errors = diagnostics.filter { $0.severity == .error }.map(\.message)
    // Harlow Fire District has regular gasoline (4,000) and diesel (6,500); heating oil it does not buy.
    #expect(errors.count == 2, "\(errors)")
    #expect(errors.allSatisfy { $0.contains("quantities by zone north ") && $0.contains("the workspace changed") })
    #expect(
      errors.contains {
        $0.hasPrefix(
          "line 1 of lot L1 differs from the published bid form (quantities by zone north 64000, south 35000 published, north 60000, south 39000 now)"
        )
      }, "\(errors)")
  }

  @Test func zoneQuantitiesAsPublishedTabulateAndAreConserved() throws {
    let round = try BidRound("tri-river-fuel")
    try round.receive("north-fuel", TabulationPricingTests.northFuel, at: "2027-05-04T10:15")
    try round.receive("regional", TabulationPricingTests.regional, at: "2027-05-04T10:40")
    let (tabulation, diagnostics) = round.tabulate()
    let result = try #require(tabulation, "\(diagnostics.map(\.description))")
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.description))")
    let reconciliation = AwardReconciliation.make(
      tabulation: result, schedules: ParticipantSchedule.schedules(for: result))
    #expect(reconciliation.isConserved)
    #expect(reconciliation.lines.count == result.awardedLines.count)
  }

  @Test func byParticipantAwardsAreConserved() throws {
    let round = try BidRound {
      $0.replacingOccurrences(of: "award_method: by-lot", with: "award_method: by-participant")
    }
    try round.receive("alder", BidRound.bidder("Alder", ["L1": 10, "L2": 20, "L3": 30]))
    try round.receive("birch", BidRound.bidder("Birch", ["L1": 11, "L2": 19, "L3": 31]))
    let (tabulation, diagnostics) = round.tabulate()
    let result = try #require(tabulation, "\(diagnostics.map(\.description))")
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.description))")
    #expect(result.units.allSatisfy { $0.winner?.bidID == ($0.unit.lotID == "L2" ? "birch" : "alder") })
    let reconciliation = AwardReconciliation.make(
      tabulation: result, schedules: ParticipantSchedule.schedules(for: result))
    #expect(reconciliation.isConserved)
    #expect(reconciliation.lines.allSatisfy { $0.parts.count == 1 && $0.difference == 0 })
  }

  @Test func aThreeWayTieNamesEveryBidAndAResolutionAwardsIt() throws {
    let round = try BidRound { $0.replacingOccurrences(of: "award_method: by-lot", with: "award_method: by-line") }
    for name in ["alder", "birch", "cedar"] {
      try round.receive(name, BidRound.bidder(name.capitalized, ["L1": 10, "L2": 20, "L3": 30]))
    }
    let (tabulation, diagnostics) = round.tabulate()
    #expect(tabulation?.isAwarded == false)
    let errors = diagnostics.filter { $0.severity == .error }
    #expect(errors.count == round.lines.count)
    #expect(errors.first?.message.contains("bids alder (Alder), birch (Birch) and cedar (Cedar) tie") == true)
    #expect(errors.first?.message.contains("winner: alder or birch or cedar") == true)
  }

  @Test func ofTwoAllOrNoneBidsForTheSameLotsTheLowerWins() throws {
    // A and B are each all-or-none for every lot; C splits. A totals less than B, and B less than C, but B's
    // cheap L1 and L3 combined with C's cheap L2 (a combination B's own condition forbids) undercut A.
    let round = try BidRound()
    try round.receive("a-whole", BidRound.bidder("A Whole", ["L1": 10, "L2": 2, "L3": 10]), edit: Self.allOrNone)
    try round.receive(
      "b-whole", BidRound.bidder("B Whole", ["L1": 1, "L2": Decimal(string: "2.6")!, "L3": 1]), edit: Self.allOrNone)
    try round.receive("c-split", BidRound.bidder("C Split", ["L1": 20, "L2": Decimal(string: "1.9")!, "L3": 20]))
    let a = round.lotTotal("L1", at: 10) + round.lotTotal("L2", at: 2) + round.lotTotal("L3", at: 10)
    let b =
      round.lotTotal("L1", at: 1) + round.lotTotal("L2", at: Decimal(string: "2.6")!) + round.lotTotal("L3", at: 1)
    let c =
      round.lotTotal("L1", at: 20) + round.lotTotal("L2", at: Decimal(string: "1.9")!) + round.lotTotal("L3", at: 20)
    #expect(a < b && b < c)
    let result = try #require(round.tabulate().tabulation)
    #expect(Self.winners(result) == ["lot L1": "a-whole", "lot L2": "a-whole", "lot L3": "a-whole"])
    let excluded = result.units.first?.excluded.first { $0.bidID == "b-whole" }
    #expect(excluded?.reasons.first?.contains("does not include it") == true)
  }

  @Test func twoEqualAllOrNoneBidsAreATieNotAFileNameOrder() throws {
    let round = try BidRound()
    try round.receive("a-whole", BidRound.bidder("A Whole", ["L1": 10, "L2": 2, "L3": 10]), edit: Self.allOrNone)
    try round.receive("b-whole", BidRound.bidder("B Whole", ["L1": 10, "L2": 2, "L3": 10]), edit: Self.allOrNone)
    try round.receive("c-split", BidRound.bidder("C Split", ["L1": 20, "L2": 3, "L3": 20]))
    let (tabulation, diagnostics) = round.tabulate()
    let result = try #require(tabulation)
    #expect(!result.isAwarded)
    #expect(result.units.allSatisfy { $0.winner == nil && $0.unresolvedTie == ["a-whole", "b-whole"] })
    #expect(
      diagnostics.contains { $0.severity == .error && $0.message.contains("tie at equal totals for the whole award") })
    // Resolved for every lot alike, the bid is awarded whole; resolved for one lot only, it would be split.
    func resolve(_ lots: [String]) throws {
      let entries = lots.map {
        "  - {lot: \($0), winner: b-whole, method: drawing, date: 2027-03-10, witnesses: [Ana Ruiz]}"
      }
      try round.sandbox.write("award.yaml", "ties:\n" + entries.joined(separator: "\n") + "\n")
    }
    try resolve(["L1", "L2", "L3"])
    let whole = try #require(round.tabulate().tabulation)
    #expect(whole.isAwarded)
    #expect(Self.winners(whole) == ["lot L1": "b-whole", "lot L2": "b-whole", "lot L3": "b-whole"])
    try resolve(["L1"])
    let (split, problems) = round.tabulate()
    #expect(split?.isAwarded == false)
    #expect(problems.contains { $0.message.contains("cannot be split") })
  }

  @Test func aResolutionNamingTwoTiedBidsAwardsTheOneItSpellsOrNone() throws {
    // The same supplier's bid twice, in files whose names differ only in case: a resolution written with one
    // file name awards that file's bid, never the other; one naming the supplier is ambiguous.
    let round = try BidRound()
    let summit = BidRound.bidder("Summit", ["L1": 10, "L2": 20, "L3": 30])
    try round.receive("Summit-Bid", summit)
    try round.receive("summit-bid", summit)
    try round.sandbox.write(
      "award.yaml",
      """
      ties:
        - {lot: L1, winner: summit-bid, method: drawing, date: 2027-03-10, witnesses: [Ana Ruiz]}
        - {lot: L2, winner: Summit, method: drawing, date: 2027-03-10, witnesses: [Ana Ruiz]}
        - {lot: L3, winner: Summit-Bid, method: drawing, date: 2027-03-10, witnesses: [Ana Ruiz]}

      """)
    let (tabulation, diagnostics) = round.tabulate()
    let result = try #require(tabulation)
    #expect(result.units.map { $0.winner?.bidID ?? "-" } == ["summit-bid", "-", "Summit-Bid"])
    let errors = diagnostics.filter { $0.severity == .error }.map(\.message)
    #expect(errors.count == 1, "\(errors)")
    #expect(errors.first?.hasPrefix("the winner 'Summit' names more than one of the bids tied for lot L2") == true)
  }
}
