import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The award stage from the award engine: bids filled in from the published form, received, tabulated and
/// awarded by `TabulationRun`, then written as OCDS and validated against the schemas and the strict check.
@Suite struct OCDSEndToEndTests {
  /// The tabulation's release package, with each participant's schedule built from the engine's awarded lines.
  static func package(_ tabulation: BidTabulation, awarded: CalendarDate?) -> JSONValue {
    let schedules = OCDSAwardReleaseTests.schedules(tabulation.joint, awarded: tabulation.awardedLines)
    return OCDSAwardRelease.package(tabulation, schedules: schedules, awarded: awarded)
  }

  @Test func aByLotAwardFromTheEngineIsValidOCDS() throws {
    let round = try BidRound()
    try round.receive("alder", BidRound.bidder("Alder Supply", ["L1": 10, "L2": 20, "L3": 30]))
    try round.receive("birch", BidRound.bidder("Birch & Sons", ["L1": 11, "L2": 19, "L3": 31]))
    try round.receive("cedar", BidRound.bidder("Cedar Co", ["L1": 5, "L2": 5, "L3": 5]), at: "2027-03-09T14:05")
    try round.sandbox.write("award.yaml", "awarded: 2027-05-12\n")
    let (result, diagnostics) = round.tabulate()
    let tabulation = try #require(result, "\(diagnostics.map(\.description))")
    #expect(tabulation.isAwarded)
    #expect(tabulation.awarded == CalendarDate(year: 2027, month: 5, day: 12), "from award.yaml")
    let package = Self.package(tabulation, awarded: tabulation.awarded)
    let run = try OCDSValidation.run(text: package.serialized, name: "cascade-valley-award.json")
    #expect(run.status == 0, "\(run.output)\(run.errorOutput)")

    let release = try #require(OCDSJSON(package)["releases"].array.first)
    #expect(release["date"].string == "2027-05-12T00:00:00-07:00")
    #expect(release["awards"].array.allSatisfy { $0["status"].string == "active" })
    let details = release["bids"]["details"].array
    #expect(details.map { $0["id"].string ?? "" } == ["alder", "birch", "cedar"])
    #expect(details.map { $0["status"].string ?? "" } == ["valid", "valid", "disqualified"])
    #expect(details[2]["date"].string == "2027-03-09T14:05:00-08:00")
    let awards = release["awards"].array
    #expect(awards.map { $0["id"].string ?? "" } == ["award:alder", "award:birch"])
    #expect(awards.map(\.["relatedLots"].strings) == [["L1", "L3"], ["L2"]])
    #expect(awards[1]["value"]["amount"].decimal == round.lotTotal("L2", at: 19), "the hand computation")
    #expect(awards[0]["value"]["amount"].decimal == round.lotTotal("L1", at: 10) + round.lotTotal("L3", at: 30))
    #expect(release["contracts"].array.allSatisfy { $0["status"].string == "pending" })
  }

  @Test func zonesAndPriceOptionsFromTheEngineAreValidOCDS() throws {
    let round = try BidRound("tri-river-fuel")
    // North Fuel prices the differential option everywhere and the fixed price in the north zone only; South Oil
    // prices everything. The award goes by the lowest option per line and zone.
    let north = BidWriter(supplier: "North Fuel") { _, line, zone, option in
      option == "A" ? .differential(Decimal(line) / 100) : zone == "south" ? .noBid : .price(3)
    }
    let south = BidWriter(supplier: "South Oil") { _, line, _, option in
      option == "A" ? .differential(Decimal(5 - line) / 100) : .price(Decimal(string: "3.05") ?? 3)
    }
    try round.receive("north-fuel", north, at: "2027-05-04T09:00")
    try round.receive("south-oil", south, at: "2027-05-04T10:00")
    let (result, diagnostics) = round.tabulate()
    let tabulation = try #require(result, "\(diagnostics.map(\.description))")
    #expect(tabulation.isAwarded, "\(diagnostics.map(\.description))")
    #expect(tabulation.bids.allSatisfy { $0.isResponsive }, "\(tabulation.bids.map { $0.reasons })")
    let package = Self.package(tabulation, awarded: nil)
    let run = try OCDSValidation.run(text: package.serialized, name: "tri-river-fuel-award.json")
    #expect(run.status == 0, "\(run.output)\(run.errorOutput)")
    let release = try #require(OCDSJSON(package)["releases"].array.first)
    #expect(release["bids"]["details"].array.map { $0["status"].string ?? "" } == ["valid", "valid"])
    let items = release["awards"].array.flatMap { $0["items"].array.compactMap { $0["id"].string } }
    #expect(!items.isEmpty && items.count == tabulation.awardedLines.count)
    #expect(items.allSatisfy { $0.hasSuffix("-north") || $0.hasSuffix("-south") })
    #expect(Set(tabulation.awardedLines.compactMap(\.zoneID)) == ["north", "south"])
    // Awarded at a differential: no fixed unit price is written for those lines.
    let differential = tabulation.awardedLines.filter { $0.price.unitPrice == nil }
    #expect(!differential.isEmpty, "2.45 plus a few cents beats 3.00 everywhere")
    for line in differential {
      let id = "\(line.lineNumber)-\(line.zoneID ?? "")"
      let item = release["awards"].array.flatMap { $0["items"].array }.first { $0["id"].string == id }
      #expect(item?["unit"]["value"].isMissing == true, "item \(id)")
    }
  }
}
