import Cosolicit
import CosolicitTestSupport
import Foundation
import Testing

/// Bids on the shipped examples, tabulated and awarded: each award method picks the winner a hand computation
/// gives, nonresponsive bids keep their place with their reasons, and ties are never broken silently.
@Suite struct TabulationTests {
  /// The winner of each unit, by its description.
  static func winners(_ tabulation: BidTabulation) -> [String: String] {
    Dictionary(uniqueKeysWithValues: tabulation.units.map { ($0.unit.description, $0.winner?.bidID ?? "-") })
  }

  @Test func byLotAwardsEachLotToTheLowestResponsiveLotTotal() throws {
    let round = try BidRound()
    try round.receive("alder", BidRound.bidder("Alder Supply", ["L1": 10, "L2": 20, "L3": 30]))
    try round.receive("birch", BidRound.bidder("Birch & Sons", ["L1": 11, "L2": 19, "L3": 31]))
    // Lowest on every lot, but late (2:05 p.m., due 2:00 p.m. Pacific).
    try round.receive("cedar", BidRound.bidder("Cedar Co", ["L1": 5, "L2": 5, "L3": 5]), at: "2027-03-09T14:05")
    let (tabulation, diagnostics) = round.tabulate()
    let result = try #require(tabulation, "\(diagnostics.map(\.description))")
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.description))")
    #expect(Self.winners(result) == ["lot L1": "alder", "lot L2": "birch", "lot L3": "alder"])
    let l2 = try #require(result.units.first { $0.unit.description == "lot L2" })
    #expect(l2.winner?.amount == round.lotTotal("L2", at: 19))
    #expect(l2.eligible.map(\.bidID) == ["birch", "alder"])
    let cedar = try #require(result.bid("cedar"))
    #expect(!cedar.isResponsive)
    #expect(cedar.reasons.first?.hasPrefix("late: received March 9, 2027, 2:05 p.m.") == true)
    // The late bid stays on the tabulation, priced, but is never the low bid of a row.
    #expect(result.rows.allSatisfy { !$0.lowBidIDs.contains("cedar") })
    #expect(result.rows.first?.cells.last?.evaluatedUnitPrice == 5)
    // Every line of every lot is awarded once, at the winner's price.
    #expect(result.awardedLines.count == round.lines.count)
    let awardedL2 = result.awardedLines.filter { $0.lotID == "L2" }
    #expect(awardedL2.allSatisfy { $0.bidID == "birch" && $0.price.evaluatedUnitPrice == 19 })
    #expect(awardedL2.reduce(0) { $0 + $1.extendedPrice } == round.lotTotal("L2", at: 19))
  }

  @Test func anUnsignedBidAndAChangedQuantityAreNonresponsiveWithThoseReasons() throws {
    let round = try BidRound()
    try round.receive("alder", BidRound.bidder("Alder Supply", ["L1": 10, "L2": 20, "L3": 30]))
    var unsigned = BidRound.bidder("Unsigned Ltd", ["L1": 1, "L2": 1, "L3": 1])
    unsigned.signer = ""
    try round.receive("unsigned", unsigned)
    let first = try #require(round.lines.first)
    try round.receive("changed", BidRound.bidder("Changed Inc", ["L1": 2, "L2": 2, "L3": 2])) { bid in
      bid.replacingOccurrences(
        of: "<quantity>\(first.quantity)</quantity>", with: "<quantity>\(first.quantity + 1)</quantity>")
    }
    var uncertified = BidRound.bidder("Uncertified", ["L1": 3, "L2": 3, "L3": 3])
    uncertified.nonCollusion = false
    try round.receive("uncertified", uncertified)
    let result = try #require(round.tabulate().tabulation)
    #expect(Self.winners(result) == ["lot L1": "alder", "lot L2": "alder", "lot L3": "alder"])
    #expect(result.bid("unsigned")?.reasons.first == "unsigned: the bid names no one who signs it")
    #expect(
      result.bid("changed")?.reasons.contains {
        $0.contains("the quantity is") && $0.contains("bid the quantities as published")
      } == true)
    #expect(result.bid("uncertified")?.reasons.contains { $0.contains("non-collusion certification") } == true)
    #expect(result.bids.map(\.isResponsive) == [true, false, false, false])
  }

  @Test func byLineAwardsEachLineToTheLowestUnitPrice() throws {
    let round = try BidRound { $0.replacingOccurrences(of: "award_method: by-lot", with: "award_method: by-line") }
    // Alder is lower on odd lines, Birch on even ones; Birch declines line 1 of each lot.
    try round.receive("alder", BidWriter(supplier: "Alder") { _, line, _, _ in .price(line % 2 == 1 ? 10 : 12) })
    try round.receive("birch", BidWriter(supplier: "Birch") { _, line, _, _ in line == 1 ? .noBid : .price(11) })
    let (tabulation, diagnostics) = round.tabulate()
    let result = try #require(tabulation, "\(diagnostics.map(\.description))")
    for line in round.lines {
      let expected = line.number % 2 == 1 ? "alder" : "birch"
      #expect(Self.winners(result)["lot \(line.lot) line \(line.number)"] == expected)
    }
    let declined = try #require(result.units.first { $0.unit.description == "lot L1 line 1" })
    #expect(declined.excluded.first { $0.bidID == "birch" }?.reasons.first?.contains("no bid") == true)
    let row = try #require(result.rows.first { $0.lotID == "L1" && $0.lineNumber == 2 })
    #expect(row.lowBidIDs == ["birch"])
    // Alder at 12 is 9.1 % above Birch's 11.
    #expect(row.cells.first { $0.bidID == "alder" }?.deviationPercent == Decimal(string: "9.1"))
  }

  @Test func allOrNoneAwardsEverythingToTheLowestGrandTotal() throws {
    let round = try BidRound {
      $0.replacingOccurrences(of: "award_method: by-lot", with: "award_method: all-or-none")
    }
    // Alder is cheaper on lot L1, Birch on L2 and L3; the grand totals decide.
    try round.receive("alder", BidRound.bidder("Alder", ["L1": 10, "L2": 20, "L3": 30]))
    try round.receive("birch", BidRound.bidder("Birch", ["L1": 12, "L2": 19, "L3": 29]))
    // A bid that leaves a lot unpriced cannot win an all-or-none award, however low.
    try round.receive("cheap", BidRound.bidder("Cheap", ["L1": 1, "L2": 1]))
    let result = try #require(round.tabulate().tabulation)
    let alder = round.lotTotal("L1", at: 10) + round.lotTotal("L2", at: 20) + round.lotTotal("L3", at: 30)
    let birch = round.lotTotal("L1", at: 12) + round.lotTotal("L2", at: 19) + round.lotTotal("L3", at: 29)
    let whole = try #require(result.units.first)
    #expect(result.units.count == 1)
    #expect(whole.winner?.bidID == (alder < birch ? "alder" : "birch"))
    #expect(whole.winner?.amount == min(alder, birch))
    #expect(whole.excluded.first { $0.bidID == "cheap" } != nil)
  }

  @Test func aTieWithoutAResolutionStopsTheAwardAndSaysWhatToRecord() throws {
    let round = try BidRound()
    try round.receive("alder", BidRound.bidder("Alder", ["L1": 10, "L2": 20, "L3": 30]))
    try round.receive("birch", BidRound.bidder("Birch", ["L1": 11, "L2": 20, "L3": 31]))
    let (tabulation, diagnostics) = round.tabulate()
    let result = try #require(tabulation)
    #expect(!result.isAwarded)
    #expect(result.awardedLines.isEmpty)
    let l2 = try #require(result.units.first { $0.unit.description == "lot L2" })
    #expect(l2.winner == nil)
    #expect(l2.unresolvedTie == ["alder", "birch"])
    let error = try #require(diagnostics.first { $0.severity == .error })
    #expect(error.message.hasPrefix("lot L2: bids alder (Alder) and birch (Birch) tie at"))
    #expect(error.message.contains("`- {lot: L2, winner: alder or birch, method: drawing, date: YYYY-MM-DD"))
    #expect(error.location.path.hasSuffix("award.yaml"))
    // Recorded: awarded as recorded, and how is kept.
    try round.sandbox.write(
      "award.yaml",
      """
      ties:
        - lot: L2
          winner: Birch
          method: drawing
          date: 2027-03-10
          witnesses: [Ana Ruiz, Tom Becker]

      """)
    let (resolved, after) = round.tabulate()
    let awarded = try #require(resolved)
    #expect(!after.contains { $0.severity == .error }, "\(after.map(\.description))")
    let decided = try #require(awarded.units.first { $0.unit.description == "lot L2" })
    #expect(decided.winner?.bidID == "birch")
    #expect(decided.tieBreak?.tied == ["alder", "birch"])
    #expect(decided.tieBreak?.method == "drawing")
    #expect(decided.tieBreak?.witnesses == ["Ana Ruiz", "Tom Becker"])
    #expect(awarded.isAwarded)
  }

  @Test func aSuppliersAllOrNoneBidIsAwardedWholeOrNotAtAll() throws {
    // Elm is lowest on L1 only, by a little, and much higher elsewhere: split, it would win L1 alone.
    let round = try BidRound()
    try round.receive("alder", BidRound.bidder("Alder", ["L1": 10, "L2": 20, "L3": 30]))
    try round.receive("elm", BidRound.bidder("Elm", ["L1": 9, "L2": 40, "L3": 60])) { bid in
      bid.replacingOccurrences(of: "</bidder>", with: "</bidder>\n  <allOrNone/>")
    }
    let (tabulation, diagnostics) = round.tabulate()
    let result = try #require(tabulation, "\(diagnostics.map(\.description))")
    #expect(result.bid("elm")?.isAllOrNone == true)
    #expect(Self.winners(result) == ["lot L1": "alder", "lot L2": "alder", "lot L3": "alder"])
    let l1 = try #require(result.units.first)
    #expect(l1.excluded.first { $0.bidID == "elm" }?.reasons.first?.contains("all-or-none") == true)
  }

  @Test func anAllOrNoneBidLowerInTotalWinsEverythingItBids() throws {
    // Elm is higher on L3 alone, but lower in total: it takes all three lots, L3 included.
    let round = try BidRound()
    try round.receive("alder", BidRound.bidder("Alder", ["L1": 10, "L2": 20, "L3": 30]))
    try round.receive("elm", BidRound.bidder("Elm", ["L1": 5, "L2": 10, "L3": 31])) { bid in
      bid.replacingOccurrences(of: "</bidder>", with: "</bidder>\n  <allOrNone/>")
    }
    let result = try #require(round.tabulate().tabulation)
    let elm = round.lotTotal("L1", at: 5) + round.lotTotal("L2", at: 10) + round.lotTotal("L3", at: 31)
    let alder = round.lotTotal("L1", at: 10) + round.lotTotal("L2", at: 20) + round.lotTotal("L3", at: 30)
    #expect(elm < alder)
    #expect(Self.winners(result) == ["lot L1": "elm", "lot L2": "elm", "lot L3": "elm"])
  }

  @Test func localPreferenceBreaksATieAndTheSecondaryIsNamed() throws {
    let round = try BidRound {
      $0.replacingOccurrences(of: "[\"Cascade Valley Office Supply\"]", with: "[\"Birch Local\"]")
    }
    try round.receive("alder", BidRound.bidder("Alder", ["L1": 10, "L2": 20, "L3": 30]))
    try round.receive("birch", BidRound.bidder("Birch Local", ["L1": 11, "L2": 20, "L3": 31]))
    try round.receive("cedar", BidRound.bidder("Cedar", ["L1": 12, "L2": 21, "L3": 32]))
    let (tabulation, diagnostics) = round.tabulate()
    let result = try #require(tabulation, "\(diagnostics.map(\.description))")
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.description))")
    let l2 = try #require(result.units.first { $0.unit.description == "lot L2" })
    #expect(l2.winner?.bidID == "birch")
    #expect(l2.tieBreak?.method == "local-preference")
    #expect(l2.tieBreak?.tied == ["alder", "birch"])
    // The tied bid that lost is the next lowest: the secondary supplier.
    #expect(l2.secondary.map(\.bidID) == ["alder"])
    let l1 = try #require(result.units.first { $0.unit.description == "lot L1" })
    #expect(l1.winner?.bidID == "alder")
    #expect(l1.secondary.map(\.bidID) == ["birch"])
    #expect(l1.tieBreak == nil)
  }

  @Test func localPreferenceAmongTwoLocalBidsStillNeedsTheDrawing() throws {
    let round = try BidRound {
      $0.replacingOccurrences(of: "[\"Cascade Valley Office Supply\"]", with: "[Alder, Birch]")
    }
    try round.receive("alder", BidRound.bidder("Alder", ["L1": 10, "L2": 20, "L3": 30]))
    try round.receive("birch", BidRound.bidder("Birch", ["L1": 11, "L2": 20, "L3": 31]))
    let (tabulation, diagnostics) = round.tabulate()
    #expect(tabulation?.isAwarded == false)
    let error = try #require(diagnostics.first { $0.severity == .error })
    #expect(error.message.contains("local preference: 2 are local"))
  }

  @Test func aResolutionForNoTieOrNamingAnotherBidIsAnError() throws {
    let round = try BidRound()
    try round.receive("alder", BidRound.bidder("Alder", ["L1": 10, "L2": 20, "L3": 30]))
    try round.receive("birch", BidRound.bidder("Birch", ["L1": 11, "L2": 20, "L3": 31]))
    try round.receive("cedar", BidRound.bidder("Cedar", ["L1": 12, "L2": 22, "L3": 32]))
    try round.sandbox.write(
      "award.yaml",
      """
      ties:
        - {lot: L2, winner: cedar, method: drawing, date: 2027-03-10, witnesses: [Ana Ruiz]}
        - {lot: L1, winner: alder, method: drawing, date: 2027-03-10, witnesses: [Ana Ruiz]}

      """)
    let (tabulation, diagnostics) = round.tabulate()
    #expect(tabulation?.isAwarded == false)
    let errors = diagnostics.filter { $0.severity == .error }.map(\.message)
    #expect(errors.contains { $0.hasPrefix("the winner 'cedar' is not one of the bids still tied for lot L2") })
    #expect(errors.contains { $0.hasPrefix("this resolution is for lot L1, where no bids tie") })
  }

  @Test func aBidsOwnReceiptTimeWithItsOffsetIsJudgedInTheSolicitationsTimeZone() throws {
    let round = try BidRound()
    // 21:59 UTC is 1:59 p.m. Pacific Standard Time, one minute early; 22:01 UTC one minute late.
    var early = BidRound.bidder("Early", ["L1": 10, "L2": 20, "L3": 30])
    early.received = "2027-03-09T21:59:00Z"
    var late = BidRound.bidder("Late", ["L1": 9, "L2": 19, "L3": 29])
    late.received = "2027-03-09T22:01:00Z"
    try round.sandbox.write("bids/early.xml", early.bid(from: round.form))
    try round.sandbox.write("bids/late.xml", late.bid(from: round.form))
    let (tabulation, diagnostics) = round.tabulate()
    let result = try #require(tabulation, "\(diagnostics.map(\.description))")
    #expect(result.bid("early")?.isResponsive == true)
    #expect(result.bid("early")?.received?.description == "2027-03-09T13:59:00")
    #expect(result.bid("late")?.reasons.first?.hasPrefix("late: received March 9, 2027, 2:01 p.m.") == true)
    // A bid with no time of receipt anywhere stops the tabulation, saying where to record it.
    try round.sandbox.write("bids/unknown.xml", BidRound.bidder("Unknown", ["L1": 1]).bid(from: round.form))
    let (_, missing) = round.tabulate()
    let error = try #require(missing.first { $0.severity == .error })
    #expect(error.location.path.hasSuffix("bids/unknown.xml"))
    #expect(error.message.contains("add `unknown.xml: YYYY-MM-DDTHH:MM`"))
  }
}
