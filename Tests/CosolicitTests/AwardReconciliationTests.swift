import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The participants' schedules and how they add up against the award, over the shipped examples: every unit
/// awarded is on exactly one participant's line (conservation), each participant's extended price is its own
/// quantity at the awarded price rounded half up to cents, and the reconciliation states the cents that
/// rounding each line leaves, exactly.
@Suite struct AwardReconciliationTests {
  static let examples = ["cascade-valley", "tri-river-fuel"]

  static func tabulation(_ example: String) throws -> BidTabulation {
    let joint = try HandTabulation.joint(example)
    return HandTabulation.make(joint, bidders: HandTabulation.bidders(for: joint))
  }

  @Test(arguments: examples) func participantsQuantitiesAddUpToEveryAwardedLine(example: String) throws {
    let tabulation = try Self.tabulation(example)
    #expect(!tabulation.awardedLines.isEmpty)
    let schedules = ParticipantSchedule.schedules(for: tabulation)
    let reconciliation = AwardReconciliation.make(tabulation: tabulation, schedules: schedules)
    #expect(reconciliation.lines.count == tabulation.awardedLines.count)
    for line in reconciliation.lines {
      let awarded = line.award
      var sum = Decimal(0)
      for schedule in schedules {
        for own in schedule.lines where own.award.map({ same($0, awarded) }) ?? false { sum += own.quantity ?? 0 }
      }
      #expect(sum == awarded.quantity, "lot \(awarded.lotID) line \(awarded.lineNumber) \(awarded.zoneID ?? "")")
      #expect(line.participantsQuantity == awarded.quantity && line.quantityMatches)
    }
    #expect(reconciliation.isConserved)
  }

  @Test(arguments: examples) func theCentDifferenceIsExactAndBoundedByTheShares(example: String) throws {
    let tabulation = try Self.tabulation(example)
    let schedules = ParticipantSchedule.schedules(for: tabulation)
    let reconciliation = AwardReconciliation.make(tabulation: tabulation, schedules: schedules)
    var anyDifference = false
    for line in reconciliation.lines {
      let cents = line.parts.reduce(Decimal(0)) { $0 + $1.extendedPrice * 100 }
      #expect(cents - line.award.extendedPrice * 100 == line.differenceInCents)
      #expect(abs(line.difference) <= Decimal(line.parts.count) * Decimal(string: "0.005")!)
      // Amounts are whole cents.
      #expect(Self.isWholeCents(line.participantsExtendedPrice) && Self.isWholeCents(line.award.extendedPrice))
      if line.difference != 0 { anyDifference = true }
    }
    // Totals: per supplier and overall, the same sums of the same lines.
    #expect(
      reconciliation.participantsTotal
        == schedules.reduce(Decimal(0)) { $0 + $1.lines.reduce(Decimal(0)) { $0 + ($1.extendedPrice ?? 0) } })
    #expect(reconciliation.awardTotal == tabulation.awardedLines.reduce(Decimal(0)) { $0 + $1.extendedPrice })
    #expect(reconciliation.suppliers.reduce(Decimal(0)) { $0 + $1.difference } == reconciliation.difference)
    #expect(
      reconciliation.difference == reconciliation.lines.reduce(Decimal(0)) { $0 + $1.difference })
    if example == "tri-river-fuel" {
      // Four-decimal prices over split gallons: rounding each member's line does leave cents somewhere.
      #expect(anyDifference)
    }
  }

  @Test(arguments: examples) func everyShareIsOneScheduleLinePricedHalfUpToCents(example: String) throws {
    let tabulation = try Self.tabulation(example)
    let joint = tabulation.joint
    let schedules = ParticipantSchedule.schedules(for: tabulation)
    let shareCount = joint.lines.reduce(0) { $0 + $1.shares.count }
    #expect(schedules.reduce(0) { $0 + $1.lines.count } == shareCount)
    // Participant order, each with a share; a coordinating lead with no needs file has no schedule.
    let withShares = joint.participants.filter { participant in
      joint.lines.contains { line in line.shares.contains { Identifier.same($0.agencyID, participant.agency.id.value) }
      }
    }
    #expect(schedules.map(\.participant.id.value) == withShares.map(\.agency.id.value))
    if example == "tri-river-fuel", let lead = joint.solicitation.leadAgency {
      #expect(!schedules.contains { Identifier.same($0.participant.id.value, lead.id.value) })
    }
    for schedule in schedules {
      #expect(schedule.total == schedule.lines.reduce(Decimal(0)) { $0 + ($1.extendedPrice ?? 0) })
      for line in schedule.lines {
        guard let award = line.award else {
          #expect(line.extendedPrice == nil)
          continue
        }
        #expect(Identifier.same(award.zoneID, line.zoneID))
        guard let quantity = line.quantity else {
          #expect(line.extendedPrice == nil)
          continue
        }
        let exact = award.price.evaluatedUnitPrice * quantity
        let extended = try #require(line.extendedPrice)
        #expect(Self.isWholeCents(extended))
        // Half up: within half a cent below, or exactly half a cent above.
        #expect(extended - exact <= Decimal(string: "0.005")! && exact - extended < Decimal(string: "0.005")!)
      }
    }
  }

  @Test func zonesOptionsBandsAndAsNeededReachTheSchedules() throws {
    let tabulation = try Self.tabulation("tri-river-fuel")
    let schedules = ParticipantSchedule.schedules(for: tabulation)
    let millbrook = try #require(schedules.first { $0.participant.id.value == "town-of-millbrook" })
    #expect(millbrook.lines.allSatisfy { $0.zoneID == "north" })
    let b20 = try #require(millbrook.lines.first { $0.itemID == "FUEL-B20" })
    #expect(b20.quantity == nil && b20.extendedPrice == nil && b20.commitment == .estimate)
    let gasoline = try #require(millbrook.lines.first { $0.itemID == "FUEL-RUG" })
    #expect(gasoline.quantity == 42000)
    // The 90-110 % band of the solicitation.
    #expect(gasoline.minimumQuantity == 37800 && gasoline.maximumQuantity == 46200)
    // Option A (2.45 reference + 0.172533) evaluates below option B and Valley's differential: Summit wins it.
    #expect(gasoline.award?.bidID == "summit-distributors" && gasoline.award?.price.option == "A")
    #expect(gasoline.award?.price.differential == Decimal(string: "0.172533"))
    #expect(gasoline.extendedPrice == Decimal(string: "110146.39"))  // 2.622533 × 42,000 = 110,146.386
    let easton = try #require(schedules.first { $0.participant.id.value == "town-of-easton" })
    #expect(easton.lines.allSatisfy { $0.zoneID == "south" })
  }

  @Test func releasesAndSitesComeFromEachShare() throws {
    let tabulation = try Self.tabulation("cascade-valley")
    let schedules = ParticipantSchedule.schedules(for: tabulation)
    let county = try #require(schedules.first { $0.participant.id.value == "alder-county" })
    // Alder County writes its toilet tissue in cases of 96, one release a year: converted exactly to rolls (EA).
    let towels = try #require(county.lines.first { $0.releases != nil })
    #expect(towels.releaseUnit == nil && towels.unit == "EA")
    #expect(towels.releases?.reduce(Decimal(0)) { $0 + $1.quantity } == towels.quantity)
    // Every share's delivery site and date, as the participant wrote them.
    for line in tabulation.joint.lines {
      for share in line.shares {
        let schedule = try #require(schedules.first { Identifier.same($0.participant.id.value, share.agencyID) })
        #expect(
          schedule.lines.contains {
            $0.lineNumber == line.number && $0.deliverTo == share.deliverTo && $0.needBy == share.needBy
              && $0.commitment == share.commitment
          })
      }
    }
  }

  @Test func aLineNotAwardedIsOnTheScheduleWithoutASupplier() throws {
    let joint = try HandTabulation.joint("tri-river-fuel")
    var tabulation = HandTabulation.make(joint, bidders: HandTabulation.bidders(for: joint))
    let removed = tabulation.awardedLines.removeFirst()
    let schedules = ParticipantSchedule.schedules(for: tabulation)
    let unawarded = schedules.flatMap(\.lines).filter {
      $0.lotID == removed.lotID && $0.lineNumber == removed.lineNumber && $0.zoneID == removed.zoneID
    }
    #expect(!unawarded.isEmpty && unawarded.allSatisfy { $0.award == nil && $0.extendedPrice == nil })
    let reconciliation = AwardReconciliation.make(tabulation: tabulation, schedules: schedules)
    #expect(reconciliation.isConserved && reconciliation.lines.count == tabulation.awardedLines.count)
    let owner = try #require(schedules.first { $0.lines.contains { $0.award == nil } })
    #expect(ScheduleDocument.html(owner, tabulation: tabulation).contains("not awarded yet"))
  }

  @Test func aQuantityThatDoesNotAddUpIsFlagged() throws {
    let tabulation = try Self.tabulation("cascade-valley")
    var schedules = ParticipantSchedule.schedules(for: tabulation)
    let index = try #require(schedules.firstIndex { $0.lines.contains { $0.award != nil && $0.quantity != nil } })
    let line = try #require(schedules[index].lines.firstIndex { $0.award != nil && $0.quantity != nil })
    schedules[index].lines[line].quantity! += 1
    let reconciliation = AwardReconciliation.make(tabulation: tabulation, schedules: schedules)
    #expect(!reconciliation.isConserved)
    #expect(reconciliation.lines.filter { !$0.quantityMatches }.count == 1)
  }

  @Test func roundingEachShareHalfUpLeavesTheStatedCents() {
    // Three shares of 1 at 0.125: each rounds up to 0.13 (0.39), the award's 3 × 0.125 = 0.375 to 0.38.
    let award = AwardedLine(
      lotID: "L1", lineNumber: 1, zoneID: nil, bidID: "a", supplier: "A", unit: AwardUnit(.line(lot: "L1", number: 1)),
      price: OfferedPrice(option: nil, unitPrice: 0.125, differential: nil, evaluatedUnitPrice: 0.125), index: nil,
      brandModel: nil, quantity: 3, isAsNeeded: false, extendedPrice: AwardAmount.extended(0.125, 3))
    #expect(award.extendedPrice == Decimal(string: "0.38"))
    let parts = (1...3).map {
      AwardReconciliation.Part(agencyID: "p\($0)", quantity: 1, extendedPrice: AwardAmount.extended(0.125, 1))
    }
    let line = AwardReconciliation.Line(
      award: award, parts: parts, participantsQuantity: 3,
      participantsExtendedPrice: parts.reduce(0) { $0 + $1.extendedPrice })
    #expect(line.participantsExtendedPrice == Decimal(string: "0.39"))
    #expect(line.differenceInCents == 1 && line.quantityMatches)
  }

  func same(_ a: AwardedLine, _ b: AwardedLine) -> Bool {
    Identifier.same(a.lotID, b.lotID) && a.lineNumber == b.lineNumber && Identifier.same(a.zoneID, b.zoneID)
  }

  static func isWholeCents(_ amount: Decimal) -> Bool {
    var value = amount
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, 2, .plain)
    return rounded == amount
  }
}
