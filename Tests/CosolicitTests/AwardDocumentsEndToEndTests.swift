import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// From received bids to each participant's schedule, through the award engine: the examples built and
/// published, bids filled in from their forms with prices of three to six decimals, tabulated by
/// `TabulationRun`; the schedules add up to the award quantity by quantity, the cents reconcile exactly, and
/// the documents show the engine's tabulation.
@Suite struct AwardDocumentsEndToEndTests {
  /// A bidder pricing line N of every lot at `base + N × step` (and a differential of `differential` for an
  /// index option), declining lines where `declines` says so.
  static func bidder(
    _ supplier: String, base: String, step: String, differential: String, declines: @escaping @Sendable (Int) -> Bool
  ) -> BidWriter {
    let (base, step, differential) = (Decimal(string: base)!, Decimal(string: step)!, Decimal(string: differential)!)
    return BidWriter(supplier: supplier) { _, line, _, option in
      if declines(line) { return .noBid }
      return option == "A" ? .differential(differential) : .price(base + Decimal(line) * step)
    }
  }

  static func checkConservation(_ tabulation: BidTabulation) {
    let schedules = ParticipantSchedule.schedules(for: tabulation)
    let reconciliation = AwardReconciliation.make(tabulation: tabulation, schedules: schedules)
    #expect(reconciliation.lines.count == tabulation.awardedLines.count)
    #expect(reconciliation.isConserved)
    for line in reconciliation.lines {
      #expect(line.participantsQuantity == line.award.quantity, "\(line.award.unit)")
      let cents = line.parts.reduce(Decimal(0)) { $0 + $1.extendedPrice * 100 }
      #expect(cents - line.award.extendedPrice * 100 == line.differenceInCents)
      #expect(abs(line.difference) <= Decimal(line.parts.count) * Decimal(string: "0.005")!)
    }
    #expect(
      reconciliation.participantsTotal
        == schedules.reduce(Decimal(0)) { $0 + $1.total })
  }

  @Test func cascadeValleyByLot() throws {
    let round = try BidRound()
    try round.receive(
      "valley-office", Self.bidder("Valley Office", base: "101.1235", step: "3.3335", differential: "0") { _ in false },
      at: "2027-03-09T11:20")
    try round.receive(
      "summit-business",
      Self.bidder("Summit Business", base: "99.8765", step: "3.2105", differential: "0") { $0 % 7 == 3 },
      at: "2027-03-09T09:41")
    try round.receive(
      "rainier-office", Self.bidder("Rainier Office", base: "50", step: "1", differential: "0") { _ in false },
      at: "2027-03-09T14:12")
    let (result, diagnostics) = round.tabulate()
    let tabulation = try #require(result, "\(diagnostics.map(\.description))")
    #expect(tabulation.isAwarded && !tabulation.awardedLines.isEmpty)
    Self.checkConservation(tabulation)
    let html = TabulationDocument.html(tabulation)
    let late = try #require(tabulation.bid("rainier-office"))
    #expect(!late.isResponsive)
    for reason in late.reasons { #expect(html.contains(XMLText.escaped(reason))) }
    #expect(
      html.components(separatedBy: "<span class=\"mark\">★ LOW</span>").count - 1
        == tabulation.rows.reduce(0) { $0 + $1.lowBidIDs.count })
    #expect(html.contains(">no bid</td>"))
    let rows = AwardDocumentTests.csv(TabulationDocument.csv(tabulation))
    #expect(rows.count == tabulation.rows.count + 1 && Set(rows.map(\.count)).count == 1)
    for schedule in ParticipantSchedule.schedules(for: tabulation) {
      let page = ScheduleDocument.html(schedule, tabulation: tabulation)
      #expect(page.contains(XMLText.escaped(ScheduleDocument.roundingNote)))
      for line in schedule.lines where line.award != nil {
        #expect(page.contains(XMLText.escaped(line.award!.supplier)))
      }
    }
  }

  @Test func triRiverFuelByLineZoneAndOption() throws {
    let round = try BidRound("tri-river-fuel")
    try round.receive(
      "north-fuel",
      Self.bidder("North Fuel", base: "2.6125", step: "0.0105", differential: "0.053125") { _ in false },
      at: "2027-05-04T10:15")
    try round.receive(
      "regional",
      Self.bidder("Regional Energy", base: "2.5512", step: "0.0101", differential: "0.200125") { _ in false },
      at: "2027-05-04T10:40")
    let (result, diagnostics) = round.tabulate()
    let tabulation = try #require(result, "\(diagnostics.map(\.description))")
    #expect(tabulation.isAwarded && tabulation.awardedLines.contains { $0.zoneID == "south" })
    Self.checkConservation(tabulation)
    let schedules = ParticipantSchedule.schedules(for: tabulation)
    #expect(!schedules.contains { $0.participant.id.value == "tri-river-cog" })
    let millbrook = try #require(schedules.first { $0.participant.id.value == "town-of-millbrook" })
    let page = ScheduleDocument.html(millbrook, tabulation: tabulation)
    // North Fuel's option A (2.45 + 0.053125) is lowest in the north: the schedule names the index and differential.
    #expect(page.contains("option A: OPIS Hartford"), "\(page.prefix(4000))")
    #expect(page.contains("+ 0.053125 (2.503125 at the reference price 2.45)"))
    let csv = AwardDocumentTests.csv(
      ReconciliationDocument.csv(
        AwardReconciliation.make(tabulation: tabulation, schedules: schedules)))
    #expect(csv.last?.first == "total" && csv.last?.last == "yes")
  }
}
