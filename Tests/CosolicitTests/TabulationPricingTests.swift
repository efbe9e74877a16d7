import Cosolicit
import CosolicitTestSupport
import Foundation
import Testing

/// Zones and price options in the award: each (line, zone) is a unit of its own, evaluated at the option the
/// solicitation names, or each bid at its lowest option; a differential at the option's reference price.
@Suite struct TabulationPricingTests {
  /// North Fuel bids the north zone only: option A at +0.05 over the index (2.45 + 0.05 = 2.50), option B 2.70.
  static let northFuel = BidWriter(supplier: "North Fuel") { _, _, zone, option in
    guard zone == "north" else { return .noBid }
    return option == "A" ? .differential(Decimal(string: "0.05")!) : .price(Decimal(string: "2.70")!)
  }
  /// Regional bids both zones: option A at +0.20 (2.65), option B 2.55.
  static let regional = BidWriter(supplier: "Regional Energy") { _, _, _, option in
    option == "A" ? .differential(Decimal(string: "0.20")!) : .price(Decimal(string: "2.55")!)
  }

  @Test func theLowestOptionDecidesPerLineAndZone() throws {
    let round = try BidRound("tri-river-fuel")
    try round.receive("north-fuel", Self.northFuel, at: "2027-05-04T10:15")
    try round.receive("regional", Self.regional, at: "2027-05-04T10:40")
    let (tabulation, diagnostics) = round.tabulate()
    let result = try #require(tabulation, "\(diagnostics.map(\.description))")
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.description))")
    let reasons = result.bids.flatMap(\.reasons)
    #expect(reasons.isEmpty, "\(reasons)")
    #expect(result.units.allSatisfy { $0.unit.zone != nil && $0.unit.lineNumber != nil })
    for unit in result.units {
      if unit.unit.zone == "north" {
        // North Fuel's option A, evaluated 2.50, beats Regional's best, option B at 2.55.
        #expect(unit.winner?.bidID == "north-fuel", "\(unit.unit)")
        #expect(unit.winner?.option == "A")
      } else {
        #expect(unit.winner?.bidID == "regional", "\(unit.unit)")
        #expect(unit.winner?.option == "B")
        #expect(unit.excluded.first?.bidID == "north-fuel")
      }
    }
    let north = try #require(result.awardedLines.first { $0.zoneID == "north" && !$0.isAsNeeded })
    #expect(north.price.differential == Decimal(string: "0.05"))
    #expect(north.price.evaluatedUnitPrice == Decimal(string: "2.50"))
    #expect(north.index?.hasPrefix("OPIS Hartford") == true)
    #expect(north.extendedPrice == BidWriter.cents(Decimal(string: "2.50")! * north.quantity))
  }

  @Test func aNamedAwardOptionDecidesAlone() throws {
    let round = try BidRound("tri-river-fuel") {
      $0.replacingOccurrences(of: "award_price_option: lowest", with: "award_price_option: B")
    }
    try round.receive("north-fuel", Self.northFuel, at: "2027-05-04T10:15")
    try round.receive("regional", Self.regional, at: "2027-05-04T10:40")
    let result = try #require(round.tabulate().tabulation)
    // At option B, Regional's 2.55 beats North Fuel's 2.70 in the north too.
    #expect(result.units.allSatisfy { $0.winner?.bidID == "regional" && $0.winner?.option == "B" })
    let row = try #require(result.rows.first { $0.zoneID == "north" })
    #expect(row.cells.first { $0.bidID == "north-fuel" }?.evaluatedOption == "B")
    #expect(row.cells.first { $0.bidID == "north-fuel" }?.prices.count == 2)
  }

  @Test func byParticipantAwardsEachLineForEachParticipantOnItsOwn() throws {
    let round = try BidRound {
      $0.replacingOccurrences(of: "award_method: by-lot", with: "award_method: by-participant")
    }
    // Alder prices every participant at 10; Birch only City of Riverton, at 9.
    try round.receive("alder", BidWriter(supplier: "Alder") { _, _, _, _ in .price(10) })
    try round.receive(
      "birch", BidWriter(supplier: "Birch") { _, _, zone, _ in zone == "city-of-riverton" ? .price(9) : .noBid })
    let (tabulation, diagnostics) = round.tabulate()
    let result = try #require(tabulation, "\(diagnostics.map(\.description))")
    #expect(!result.units.isEmpty)
    for unit in result.units {
      #expect(unit.unit.lineNumber != nil && unit.unit.zone != nil)
      #expect(unit.winner?.bidID == (unit.unit.zone == "city-of-riverton" ? "birch" : "alder"), "\(unit.unit)")
    }
    let schedules = ParticipantSchedule.schedules(for: result)
    let riverton = try #require(schedules.first { $0.participant.id.value == "city-of-riverton" })
    #expect(riverton.lines.allSatisfy { $0.award?.bidID == "birch" })
    let reconciliation = AwardReconciliation.make(tabulation: result, schedules: schedules)
    #expect(reconciliation.lines.allSatisfy { $0.quantityMatches })
  }
}
