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
}
