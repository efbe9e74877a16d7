import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Price zones (`zones`, `award_method: by-participant`): how they are read and checked against the needs files,
/// and each line's quantities per zone.
@Suite struct PriceZoneTests {
  /// The fuel fixture (Tests/Fixtures/fuel-zones) with its award method, zones and options replaced by `pricing`
  /// (marked), in memory; its needs files unless `needs` are given.
  static func intake(_ pricing: MarkedText, needs: [(String, String)]? = nil) throws -> Intake {
    let folder = fixtures.appendingPathComponent("fuel-zones")
    let base = try String(contentsOf: folder.appendingPathComponent("solicitation.yaml"), encoding: .utf8)
    let head = try #require(base.range(of: "award_method:"))
    let tail = try #require(base.range(of: "lots:\n"))
    let text = String(base[..<head.lowerBound]) + pricing.text + String(base[tail.lowerBound...])
    let files =
      try needs
      ?? ["town-a.yaml", "town-b.yaml", "south.csv"].map { name in
        ("needs/\(name)", try String(contentsOf: folder.appendingPathComponent("needs/\(name)"), encoding: .utf8))
      }
    return Intake.load(
      WorkspaceFiles(
        solicitation: SourceFile(path: "solicitation.yaml", text: text),
        catalog: SourceFile(
          path: "catalog.csv",
          text: try String(contentsOf: folder.appendingPathComponent("catalog.csv"), encoding: .utf8)),
        needs: files.map { SourceFile(path: $0.0, text: $0.1) }))
  }

  /// The marked text's positions are lines and columns of `pricing` alone; findings are in the whole file, whose
  /// pricing part starts on `offset`'s line.
  static func shifted(_ pricing: String) throws -> MarkedText {
    let base = try String(
      contentsOf: fixtures.appendingPathComponent("fuel-zones/solicitation.yaml"), encoding: .utf8)
    let head = try #require(base.range(of: "award_method:"))
    return MarkedText(String(base[..<head.lowerBound]) + pricing)
  }

  @Test func theFixtureIsCleanAndEveryParticipantFallsInItsZone() throws {
    let intake = try Self.intake(
      MarkedText(
        """
        award_method: by-line
        zones:
          - {id: north, title: North, participants: [town-a, town-b]}
          - {id: south, title: South, participants: [town-c, cedar-sd, town-d]}

        """))
    #expect(intake.errorCount == 0 && intake.warningCount == 0, "\(intake.listing)")
    let joint = try Aggregator.aggregate(intake).get()
    #expect(joint.zones.zones.map(\.id.value) == ["north", "south"])
    let diesel = try #require(joint.lines.first { $0.itemID == "ULSD" })
    let zones = joint.zoneQuantities(of: diesel)
    #expect(zones.map(\.zoneID) == ["north", "south"])
    #expect(zones.map(\.committed) == [12000, 9000] && zones.map(\.estimated) == [5000, 0])
    // A zone without demand for a line is not listed for it.
    let gasoline = try #require(joint.lines.first { $0.itemID == "GAS-87" })
    #expect(joint.zoneQuantities(of: gasoline).map(\.zoneID) == ["north"])
  }

  @Test func zoneMistakesAreReportedAtTheirEntriesAllAtOnce() throws {
    let pricing = try Self.shifted(
      """
      award_method: by-line
      zones:
        - {id: north, title: North, participants: [town-a, 1️⃣town-b]}
        - {id: 2️⃣North, title: Again, participants: [3️⃣town-b]}
        - {id: south, title: South, participants: [cedar-sd, 4️⃣twon-c]}

      """)
    let intake = try Self.intake(
      MarkedText(
        """
        award_method: by-line
        zones:
          - {id: north, title: North, participants: [town-a, town-b]}
          - {id: North, title: Again, participants: [town-b]}
          - {id: south, title: South, participants: [cedar-sd, twon-c]}

        """))
    intake.expect(
      .error, in: "solicitation.yaml", at: pricing,
      [
        "2️⃣": "zone id 'North' is used twice", "3️⃣": "agency 'town-b' is listed in zone 'north' and zone 'North'",
        "4️⃣": "agency 'twon-c' is neither a participant",
      ])
    intake.expect(.note, in: "solicitation.yaml", at: pricing, ["1️⃣": "'town-b' is first listed here"])
    #expect(intake.findings(.error, in: "solicitation.yaml").contains { $0.message.contains("did you mean 'town-c'") })
    // town-c has needs and falls in no zone: the error is at its agency in the needs file.
    #expect(
      intake.findings(.error, in: "needs/south.csv").contains {
        $0.message.contains("agency 'town-c' has needs but falls in no price zone") && $0.location.line == 2
      }, "\(intake.listing)")
  }

  @Test func byParticipantMakesOneZonePerParticipantAndRefusesExplicitZones() throws {
    let intake = try Self.intake(MarkedText("award_method: by-participant\n"))
    #expect(intake.errorCount == 0, "\(intake.listing)")
    let joint = try Aggregator.aggregate(intake).get()
    #expect(joint.zones.zones.map(\.id.value) == ["cedar-sd", "town-a", "town-b", "town-c"])
    #expect(
      joint.zones.zones.map(\.title) == ["Cedar School District", "Town of Alder", "Town of Birch", "Town of Cedar"])
    let pricing = try Self.shifted(
      """
      award_method: by-participant
      zones:
        1️⃣- {id: north, participants: [town-a]}

      """)
    let both = try Self.intake(
      MarkedText(
        """
        award_method: by-participant
        zones:
          - {id: north, participants: [town-a]}

        """))
    both.expect(.error, in: "solicitation.yaml", at: pricing, ["1️⃣": "by-participant already makes one zone"])
  }

  /// Conservation per zone: over every line, the zones' committed and estimated quantities sum to the line's
  /// (every participant is in one zone).
  @Test func zoneQuantitiesSumToTheLines() throws {
    let intake = try Self.intake(MarkedText("award_method: by-participant\n"))
    let joint = try Aggregator.aggregate(intake).get()
    for line in joint.lines {
      let zones = joint.zoneQuantities(of: line)
      #expect(zones.reduce(Decimal(0)) { $0 + $1.committed } == line.committedQuantity)
      #expect(zones.reduce(Decimal(0)) { $0 + $1.estimated } == line.estimatedQuantity)
      #expect(zones.reduce(0) { $0 + $1.shareCount } == line.shares.count)
    }
  }

  @Test func outputsShowTheZones() throws {
    let intake = try Self.intake(
      MarkedText(
        """
        award_method: by-lot
        zones:
          - {id: north, title: North valley, participants: [town-a, town-b]}
          - {id: south, title: South valley, participants: [town-c, cedar-sd]}

        """))
    let joint = try Aggregator.aggregate(intake).get()
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(joint.jsonText.utf8)) as? [String: Any])
    let solicitation = try #require(json["solicitation"] as? [String: Any])
    let zones = try #require(solicitation["zones"] as? [[String: Any]])
    #expect(zones.map { $0["id"] as? String } == ["north", "south"])
    let lots = try #require(json["lots"] as? [[String: Any]])
    let lines = try #require(lots.first?["lines"] as? [[String: Any]])
    let diesel = try #require(lines.first?["zones"] as? [[String: Any]])
    #expect(diesel.map { $0["quantity"] as? String } == ["17000", "9000"])
    #expect(joint.csv.hasPrefix("lot,line,item,description,classification,unit,agency,agency_name,zone,quantity"))
    #expect(joint.csv.contains(",town-a,Town of Alder,north,12000,"))
    #expect(joint.table.contains("Quantities by zone:") && joint.table.contains("Price zones: north (North valley"))
  }
}
