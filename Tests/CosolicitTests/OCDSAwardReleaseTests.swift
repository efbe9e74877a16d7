import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The award stage as OCDS, from hand-built tabulations of the examples: valid against the schemas and the strict
/// check; bids with their status and receipt time; one award per winning bid with its lots, lines and value; one
/// contract per participant and supplier whose quantities add up to the award's; no award while a tie stands.
@Suite struct OCDSAwardReleaseTests {
  /// The bids of the hand-built tabulation: Valley Office wins the first lot, Cedar Supply every other; Late
  /// Goods is cheapest everywhere but was received late, so it is disqualified.
  static let bids: [(id: String, supplier: String, received: String, late: Bool)] = [
    ("cedar-supply", "Cedar Supply Co.", "T11:30", false), ("late-goods", "Late Goods LLC", "T14:05", true),
    ("valley-office", "Valley Office Supply", "T10:15", false),
  ]

  /// The unit price `bid` offers on line `number` of the lot at `lotIndex`.
  static func price(_ bid: String, line number: Int, lotIndex: Int) -> Decimal {
    switch bid {
    case "valley-office": Decimal(10 + number)
    case "cedar-supply": Decimal(lotIndex == 0 ? 12 + number : 5 + number)
    default: 1
    }
  }

  /// The winner of the lot at `lotIndex`.
  static func winner(lotIndex: Int) -> String { lotIndex == 0 ? "valley-office" : "cedar-supply" }

  /// A tabulation of `joint` awarded by lot (and zone) as ``bids`` says, and each participant's schedule.
  static func tabulation(_ joint: JointSolicitation) -> (BidTabulation, [ParticipantSchedule]) {
    let due = joint.solicitation.schedule[.responsesDue]?.description ?? "2027-01-01"
    let tabulated = bids.map { bid in
      var tabulated = TabulatedBid(id: bid.id, supplier: bid.supplier, path: "bids/\(bid.id).xml")
      tabulated.received = LocalDateTime(iso: due + bid.received)
      if bid.late { tabulated.reasons = ["received \(due + bid.received), after responses were due"] }
      return tabulated
    }
    var rows: [TabulationRow] = []
    var units: [UnitEvaluation] = []
    var awarded: [AwardedLine] = []
    for (lotIndex, lot) in joint.lots.enumerated() {
      var zonesSeen: [String?] = []
      for line in lot.lines {
        let zones: [(id: String?, quantity: Decimal, asNeeded: Bool)] =
          joint.zones.isEmpty
          ? [(nil, line.quantity, line.isAsNeeded)]
          : joint.zoneQuantities(of: line).map { ($0.zoneID, $0.quantity, $0.isAsNeeded) }
        for zone in zones {
          if !zonesSeen.contains(zone.id) { zonesSeen.append(zone.id) }
          let cells = bids.map { bid in
            let unitPrice = price(bid.id, line: line.number, lotIndex: lotIndex)
            return TabulationCell(
              bidID: bid.id, answer: .priced,
              prices: [
                OfferedPrice(option: nil, unitPrice: unitPrice, differential: nil, evaluatedUnitPrice: unitPrice)
              ],
              evaluatedUnitPrice: unitPrice, evaluatedOption: nil,
              extendedPrice: zone.asNeeded ? nil : unitPrice * zone.quantity, deviationPercent: nil)
          }
          let winner = winner(lotIndex: lotIndex)
          rows.append(
            TabulationRow(
              lotID: lot.lot.id.value, lineNumber: line.number, zoneID: zone.id, itemID: line.itemID,
              description: line.description, unit: line.unit.code, quantity: zone.quantity, isAsNeeded: zone.asNeeded,
              cells: cells, lowBidIDs: [winner]))
          let unitPrice = price(winner, line: line.number, lotIndex: lotIndex)
          awarded.append(
            AwardedLine(
              lotID: lot.lot.id.value, lineNumber: line.number, zoneID: zone.id, bidID: winner,
              supplier: bids.first { $0.id == winner }?.supplier ?? winner,
              unit: AwardUnit(.lot(lot.lot.id.value), zone: zone.id),
              price: OfferedPrice(option: nil, unitPrice: unitPrice, differential: nil, evaluatedUnitPrice: unitPrice),
              index: nil, brandModel: nil, quantity: zone.asNeeded ? 0 : zone.quantity, isAsNeeded: zone.asNeeded,
              extendedPrice: zone.asNeeded ? 0 : unitPrice * zone.quantity))
        }
      }
      for zone in zonesSeen {
        let unit = AwardUnit(.lot(lot.lot.id.value), zone: zone)
        let amount = awarded.filter { $0.unit == unit }.reduce(Decimal(0)) { $0 + $1.extendedPrice }
        let standing = UnitEvaluation.Standing(bidID: winner(lotIndex: lotIndex), amount: amount, option: nil)
        units.append(
          UnitEvaluation(
            unit: unit, eligible: [standing], excluded: [("late-goods", ["received after responses were due"])],
            winner: standing))
      }
    }
    let tabulation = BidTabulation(joint: joint, bids: tabulated, rows: rows, units: units, awardedLines: awarded)
    return (tabulation, schedules(joint, awarded: awarded))
  }

  /// Each participant's schedule: its own quantity of every line it has a share in, at the awarded price.
  static func schedules(_ joint: JointSolicitation, awarded: [AwardedLine]) -> [ParticipantSchedule] {
    joint.participants.map { participant in
      let agency = participant.agency
      let zone = joint.zones.zone(of: agency.id.value)?.id.value
      var lines: [ParticipantSchedule.Line] = []
      for line in joint.lines {
        let shares = line.shares.filter { Identifier.same($0.agencyID, agency.id.value) }
        guard let first = shares.first else { continue }
        let asNeeded = shares.allSatisfy(\.isAsNeeded)
        let quantity = asNeeded ? nil : shares.filter { !$0.isAsNeeded }.reduce(Decimal(0)) { $0 + $1.quantity }
        let award = awarded.first { $0.lineNumber == line.number && $0.zoneID == zone }
        lines.append(
          ParticipantSchedule.Line(
            lotID: line.lotID, lineNumber: line.number, itemID: line.itemID, description: line.description,
            unit: line.unit.code, zoneID: zone, award: award, quantity: quantity, commitment: first.commitment,
            minimumQuantity: nil, maximumQuantity: nil, deliverTo: first.deliverTo, needBy: first.needBy,
            releases: nil,
            extendedPrice: quantity.flatMap { quantity in award.map { quantity * $0.price.evaluatedUnitPrice } }))
      }
      let total = lines.reduce(Decimal(0)) { $0 + ($1.extendedPrice ?? 0) }
      return ParticipantSchedule(participant: agency, lines: lines, total: total)
    }
  }

  static let awardDay = CalendarDate(year: 2027, month: 5, day: 20)

  @Test(arguments: ["cascade-valley", "tri-river-fuel"])
  func theAwardReleaseOfEachExampleIsValidOCDS(example: String) throws {
    let (tabulation, schedules) = Self.tabulation(try OCDSTenderReleaseTests.joint(example))
    let package = OCDSAwardRelease.package(tabulation, schedules: schedules, awarded: Self.awardDay)
    let run = try OCDSValidation.run(text: package.serialized, name: "\(example)-award.json")
    #expect(run.status == 0, "\(run.output)\(run.errorOutput)")
    #expect(run.output.contains("valid (1 release(s))"))
  }

  @Test func bidsAwardsAndContractsSayWhoWonWhatForWhom() throws {
    let joint = try OCDSTenderReleaseTests.joint("cascade-valley")
    let (tabulation, schedules) = Self.tabulation(joint)
    let package = OCDSJSON(OCDSAwardRelease.package(tabulation, schedules: schedules, awarded: Self.awardDay))
    #expect(package["publishedDate"].string == "2027-05-20T00:00:00-07:00")
    let release = try #require(package["releases"].array.first)
    #expect(release["ocid"].string == "ocds-cosoli-CVPC-2027-01")
    #expect(release["tag"].strings == ["tender", "award", "contract"])
    #expect(release["date"].string == "2027-05-20T00:00:00-07:00", "the award date, midnight Pacific (daylight)")
    #expect(release["tender"]["status"].string == "complete")
    #expect(release["tender"]["numberOfTenderers"].integer == 3)

    // The bidders are parties: tenderers, and suppliers when they won.
    let parties = release["parties"].array
    let roles = { (id: String) in parties.first { $0["id"].string == id }?["roles"].strings ?? [] }
    #expect(roles("bidder:valley-office") == ["tenderer", "supplier"])
    #expect(roles("bidder:cedar-supply") == ["tenderer", "supplier"])
    #expect(roles("bidder:late-goods") == ["tenderer"])
    #expect(roles("alder-county") == ["procuringEntity", "buyer"])

    // Every bid, with its status from responsiveness and the time it was received.
    let details = release["bids"]["details"].array
    #expect(details.map { $0["id"].string ?? "" } == ["cedar-supply", "late-goods", "valley-office"])
    #expect(details.map { $0["status"].string ?? "" } == ["valid", "disqualified", "valid"])
    #expect(details[1]["date"].string == "2027-03-09T14:05:00-08:00")
    let valleyTotal = tabulation.rows.compactMap { $0.cells.first { $0.bidID == "valley-office" }?.extendedPrice }
      .reduce(Decimal(0), +)
    #expect(details[2]["value"]["amount"].decimal == valleyTotal)

    // One award per winning bid: its lots, its lines and its value.
    let awards = release["awards"].array
    #expect(awards.map { $0["id"].string ?? "" } == ["award:valley-office", "award:cedar-supply"])
    for award in awards {
      let bidID = try #require(award["relatedBid"].string)
      let lines = tabulation.awardedLines.filter { $0.bidID == bidID }
      #expect(award["status"].string == "active")
      #expect(award["suppliers"].array.map { $0["id"].string } == ["bidder:\(bidID)"])
      #expect(award["value"]["amount"].decimal == lines.reduce(Decimal(0)) { $0 + $1.extendedPrice })
      #expect(award["value"]["currency"].string == "USD")
      #expect(award["items"].array.count == lines.count)
      #expect(Set(award["relatedLots"].strings) == Set(lines.map(\.lotID)))
    }
    #expect(awards[0]["relatedLots"].strings == [joint.lots[0].lot.id.value])

    // One contract per participant and supplier, for its own lines; the quantities add up to the award's.
    let contracts = release["contracts"].array
    let expected = schedules.flatMap { schedule in
      Set(schedule.lines.compactMap(\.award?.bidID)).sorted().map { "\(schedule.participant.id.value)/\($0)" }
    }
    #expect(
      Set(contracts.map { "\($0["buyer"]["id"].string ?? "")/\($0["awardID"].string?.dropFirst(6) ?? "")" })
        == Set(expected))
    #expect(contracts.count == expected.count)
    for schedule in schedules {
      for contract in contracts where contract["buyer"]["id"].string == schedule.participant.id.value {
        let bidID = String(contract["awardID"].string?.dropFirst(6) ?? "")
        let own = schedule.lines.filter { $0.award?.bidID == bidID }
        #expect(contract["value"]["amount"].decimal == own.reduce(Decimal(0)) { $0 + ($1.extendedPrice ?? 0) })
        #expect(contract["buyer"]["name"].string == schedule.participant.name)
        #expect(contract["items"].array.count == own.count)
      }
    }
    for award in awards {
      for item in award["items"].array {
        let id = try #require(item["id"].string)
        let contracted = contracts.filter { $0["awardID"].string == award["id"].string }
          .flatMap { $0["items"].array }.filter { $0["id"].string == id }.compactMap { $0["quantity"].decimal }
        if let quantity = item["quantity"].decimal {
          #expect(contracted.reduce(Decimal(0), +) == quantity, "item \(id): the participants' quantities")
        }
      }
    }
  }

  @Test func withoutAnAwardDateTheAwardsArePendingAndDatedTheAwardTarget() throws {
    let (tabulation, schedules) = Self.tabulation(try OCDSTenderReleaseTests.joint("cascade-valley"))
    let release = OCDSJSON(OCDSAwardRelease.package(tabulation, schedules: schedules, awarded: nil))["releases"]
      .array.first
    #expect(release?["date"].string == "2027-05-12T00:00:00-07:00")
    #expect(release?["awards"].array.allSatisfy { $0["status"].string == "pending" } == true)
  }

  @Test func anUnresolvedTieWritesTheBidsButNoAward() throws {
    var (tabulation, schedules) = Self.tabulation(try OCDSTenderReleaseTests.joint("cascade-valley"))
    tabulation.units[0].winner = nil
    tabulation.units[0].unresolvedTie = ["cedar-supply", "valley-office"]
    tabulation.awardedLines = []
    let package = OCDSAwardRelease.package(tabulation, schedules: schedules, awarded: nil)
    let release = OCDSJSON(package)["releases"].array.first
    #expect(release?["tag"].strings == ["tender"])
    #expect(release?["id"].string == "ocds-cosoli-CVPC-2027-01-tabulation")
    #expect(release?["awards"].isMissing == true)
    #expect(release?["contracts"].isMissing == true)
    #expect(release?["bids"]["details"].array.count == 3)
    #expect(release?["tender"]["status"].string == "active")
    #expect(release?["parties"].array.allSatisfy { !$0["roles"].strings.contains("supplier") } == true)
    let run = try OCDSValidation.run(text: package.serialized)
    #expect(run.status == 0, "\(run.output)\(run.errorOutput)")
  }

  @Test func linesPricedByZoneAreAwardedAndContractedPerZone() throws {
    let joint = try OCDSTenderReleaseTests.joint("tri-river-fuel")
    let (tabulation, schedules) = Self.tabulation(joint)
    let release = OCDSJSON(OCDSAwardRelease.package(tabulation, schedules: schedules, awarded: Self.awardDay))[
      "releases"
    ].array.first
    let awardItems = release?["awards"].array.flatMap { $0["items"].array.compactMap { $0["id"].string } } ?? []
    let expected = tabulation.awardedLines.map { "\($0.lineNumber)-\($0.zoneID ?? "")" }
    #expect(awardItems.sorted() == expected.sorted())
    #expect(expected.contains { $0.hasSuffix("-north") } && expected.contains { $0.hasSuffix("-south") })
    // Each participant's contract items are in its own zone.
    for schedule in schedules {
      let zone = try #require(joint.zones.zone(of: schedule.participant.id.value)?.id.value)
      let items =
        release?["contracts"].array.filter { $0["buyer"]["id"].string == schedule.participant.id.value }
        .flatMap { $0["items"].array } ?? []
      #expect(!items.isEmpty)
      #expect(items.allSatisfy { $0["id"].string?.hasSuffix("-\(zone)") == true })
    }
  }
}
