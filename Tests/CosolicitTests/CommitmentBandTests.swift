import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Commitment bands (`commitment_band`, a catalog item's `minimum_percent`/`maximum_percent`) and partial
/// commitments (`minimum_quantity`): read with their problems where they are written, and carried exactly into
/// each share's and line's guaranteed minimum, nominal and maximum.
@Suite struct CommitmentBandTests {
  static let band = "commitment_band: {minimum_percent: 80, maximum_percent: 120}\n"

  static func needs(_ items: String, agency: String = "city-1") -> (String, String) {
    ("needs/\(agency).yaml", "agency: {id: \(agency), name: \(agency), type: city}\ndeliver_to: Hall\nitems:\n\(items)")
  }

  @Test func aBandGivesEachBindingShareItsMinimumAndMaximumExactly() throws {
    let joint = try QuantityWorkspace.joint(
      band: Self.band,
      needs: [
        Self.needs("  - {item: MONITOR-24, quantity: 1270, unit: EA}\n  - {item: TOWEL-MF, quantity: 3, unit: EA}\n"),
        Self.needs("  - {item: MONITOR-24, quantity: 10, unit: EA, commitment: estimate}\n", agency: "city-2"),
      ])
    let monitor = try QuantityWorkspace.line(joint, "MONITOR-24")
    #expect(monitor.committedQuantity == 1270 && monitor.estimatedQuantity == 10)
    // 1,270 × 80 % = 1,016 guaranteed; 1,270 × 120 % + the estimate's 10 = 1,534 at most.
    #expect(monitor.minimumQuantity == 1016 && monitor.quantity == 1280 && monitor.maximumQuantity == 1534)
    let towel = try QuantityWorkspace.line(joint, "TOWEL-MF")
    // 3 × 0.8 = 2.4 and 3 × 1.2 = 3.6: exact decimals, not rounded.
    #expect(towel.minimumQuantity == Decimal(string: "2.4") && towel.maximumQuantity == Decimal(string: "3.6"))
    let shares = Array(monitor.shares)
    #expect(shares.map(\.minimumQuantity) == [1016, 0] && shares.map(\.maximumQuantity) == [1524, 10])
    #expect(monitor.minimumValue == 1016 * 180 && monitor.maximumValue == 1534 * 180)
  }

  @Test func theJSONGivesEachRangedShareItsRangeAndTheLineItsSums() throws {
    let joint = try QuantityWorkspace.joint(
      band: Self.band,
      needs: [
        Self.needs("  - {item: MONITOR-24, quantity: 1270, unit: EA}\n  - {item: TOWEL-MF, quantity: 3, unit: EA}\n"),
        Self.needs("  - {item: MONITOR-24, quantity: 10, unit: EA, commitment: estimate}\n", agency: "city-2"),
      ])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(joint.jsonText.utf8)) as? [String: Any])
    let band = try #require((json["solicitation"] as? [String: Any])?["commitment_band"] as? [String: String])
    #expect(band == ["minimum_percent": "80", "maximum_percent": "120"])
    let lines = (json["lots"] as? [[String: Any]] ?? []).flatMap { $0["lines"] as? [[String: Any]] ?? [] }
    let monitor = try #require(lines.first { $0["item"] as? String == "MONITOR-24" })
    #expect(monitor["minimum_quantity"] as? String == "1016" && monitor["maximum_quantity"] as? String == "1534")
    #expect(monitor["as_needed"] as? Bool == false)
    let shares = try #require(monitor["shares"] as? [[String: Any]])
    #expect(
      shares[0]["range"] as? [String: String] == [
        "minimum_quantity": "1016", "committed_quantity": "1270", "maximum_quantity": "1524",
      ])
    #expect(shares[1]["range"] is NSNull && shares[1]["as_needed"] as? Bool == false)
    let totals = try #require(json["totals"] as? [String: Any])
    #expect(totals["as_needed_lines"] as? Int == 0)
    #expect((totals["minimum_quantity"] as? [String: String])?["EA"] == "1018.4")
  }

  @Test func anItemsOwnPercentsOverrideTheSolicitationsOneByOne() throws {
    let joint = try QuantityWorkspace.joint(
      band: "commitment_band: {minimum_percent: 60}\n", catalog: QuantityWorkspace.catalog(itemBand: true),
      needs: [
        Self.needs("  - {item: LAPTOP-14, quantity: 100, unit: EA}\n  - {item: MONITOR-24, quantity: 100, unit: EA}\n")
      ])
    let laptop = try QuantityWorkspace.line(joint, "LAPTOP-14")
    #expect(laptop.minimumQuantity == 95 && laptop.maximumQuantity == 105)
    // A band with only a minimum has the stated quantity as its ceiling.
    let monitor = try QuantityWorkspace.line(joint, "MONITOR-24")
    #expect(monitor.minimumQuantity == 60 && monitor.maximumQuantity == 100)
  }

  @Test func aPartialCommitmentBindsUpToItsMinimumAndEstimatesTheRest() throws {
    let joint = try QuantityWorkspace.joint(
      band: "commitment_band: {maximum_percent: 110}\n",
      needs: [Self.needs("  - {item: TOWEL-MF, quantity: 10, unit: case, minimum_quantity: 6}\n")])
    let towel = try QuantityWorkspace.line(joint, "TOWEL-MF")
    // Cases of 16: 160 EA stated, 96 EA binding (guaranteed), 64 EA estimated; the band widens the ceiling.
    #expect(towel.committedQuantity == 96 && towel.estimatedQuantity == 64)
    #expect(towel.minimumQuantity == 96 && towel.quantity == 160 && towel.maximumQuantity == 176)
    let share = try #require(towel.shares.first)
    #expect(share.commitment == .binding && share.partialMinimum == 96)
  }

  /// The flags for as-needed lines and partial commitments sit in what was padding: the compact needs line
  /// that hundreds of thousands of lines are stored as is no larger for them.
  @Test func theCompactNeedsLineIsNoLarger() {
    #expect(MemoryLayout<ResolvedNeed>.stride <= 116)
  }

  @Test func withoutABandNothingChanges() throws {
    let joint = try QuantityWorkspace.joint(
      needs: [
        Self.needs(
          "  - {item: MONITOR-24, quantity: 7, unit: EA}\n  - {item: LAPTOP-14, quantity: 2, unit: EA, commitment: estimate}\n"
        )
      ])
    let monitor = try QuantityWorkspace.line(joint, "MONITOR-24")
    #expect(monitor.minimumQuantity == 7 && monitor.maximumQuantity == 7 && !monitor.hasRange)
    let laptop = try QuantityWorkspace.line(joint, "LAPTOP-14")
    #expect(laptop.minimumQuantity == 0 && laptop.maximumQuantity == 2)
  }

  @Test func bandProblemsAreErrorsAtTheValue() throws {
    let band = MarkedText(
      """
      commitment_band:
        minimum_percent: 1️⃣ninety
        maximum_percent: 2️⃣1200

      """)
    let intake = try QuantityWorkspace.intake(
      band: band.text, needs: [Self.needs("  - {item: LAPTOP-14, quantity: 1, unit: EA}\n")])
    let offset = try String(contentsOf: fixtures.appendingPathComponent("workspace/solicitation.yaml"), encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).count
    for (marker, fragment) in [("1️⃣", "expected a decimal number"), ("2️⃣", "expected a percent from 0 to 1000")] {
      let position = try #require(band.positions[marker])
      intake.expect(.error, at: "solicitation.yaml", position.line + offset, position.column, fragment)
    }
    let upsideDown = try QuantityWorkspace.intake(
      band: "commitment_band: {minimum_percent: 110, maximum_percent: 90}\n",
      needs: [Self.needs("  - {item: LAPTOP-14, quantity: 1, unit: EA}\n")])
    #expect(
      upsideDown.findings(.error, in: "solicitation.yaml").contains {
        $0.message.contains("is above 'maximum_percent' 90")
      })
    let fine = try QuantityWorkspace.intake(
      band: "commitment_band: {minimum_percent: 62.5, maximum_percent: 110.125}\n",
      needs: [Self.needs("  - {item: LAPTOP-14, quantity: 1, unit: EA}\n")])
    #expect(
      fine.findings(.error, in: "solicitation.yaml").map(\.message) == [
        "commitment_band: 'maximum_percent' is 110.125; expected a percent with at most two decimal places, "
          + "such as 62.5"
      ])
    let catalog = MarkedText(
      """
      item,description,classification,unit,minimum_percent,maximum_percent
      LAPTOP-14,Laptop,UNSPSC:43211503,EA,1️⃣101,
      MONITOR-24,Monitor,UNSPSC:43211902,EA,,2️⃣95

      """)
    let items = try QuantityWorkspace.intake(
      catalog: catalog.text, needs: [Self.needs("  - {item: LAPTOP-14, quantity: 1, unit: EA}\n")])
    items.expect(
      .error, in: "catalog.csv", at: catalog,
      ["1️⃣": "cannot be above the quantity stated", "2️⃣": "cannot be below the quantity stated"])
  }

  @Test func minimumQuantityProblemsAreErrorsAtTheValue() throws {
    let text = MarkedText(
      """
      agency: {id: city-1, name: City One, type: city}
      deliver_to: Hall
      items:
        - {item: LAPTOP-14, quantity: 5, unit: EA, minimum_quantity: 1️⃣6}
        - {item: MONITOR-24, quantity: 5, unit: EA, minimum_quantity: 2️⃣-1}
        - {item: TOWEL-MF, quantity: 5, unit: EA, commitment: estimate, minimum_quantity: 3️⃣2}
        - {item: FLOOR-CLEANER, quantity: as-needed, unit: GLL, minimum_quantity: 4️⃣2}

      """)
    let intake = try QuantityWorkspace.intake(needs: [("needs/city-1.yaml", text.text)])
    intake.expect(
      .error, in: "needs/city-1.yaml", at: text,
      [
        "1️⃣": "'minimum_quantity' 6 is above the quantity 5", "2️⃣": "expected a decimal number of zero or more",
        "3️⃣": "a minimum commits the participant", "4️⃣": "'minimum_quantity' on an as-needed line",
      ])
    #expect(intake.findings(.error, in: "needs/city-1.yaml").count == 4, "\(intake.listing)")
  }

  @Test func aCSVRowWithAMinimumIsReadAsTheYAMLLineIs() throws {
    let csv = """
      agency_id,agency_name,agency_type,item,quantity,unit,deliver_to,minimum_quantity
      sd-1,District One,k12,LAPTOP-14,40,EA,Depot,30
      sd-1,District One,k12,MONITOR-24,40,EA,Depot,

      """
    let joint = try QuantityWorkspace.joint(band: Self.band, needs: [("needs/sd.csv", csv)])
    let laptop = try QuantityWorkspace.line(joint, "LAPTOP-14")
    #expect(laptop.minimumQuantity == 30 && laptop.committedQuantity == 30 && laptop.maximumQuantity == 48)
    let monitor = try QuantityWorkspace.line(joint, "MONITOR-24")
    #expect(monitor.minimumQuantity == 32 && monitor.maximumQuantity == 48)
  }
}
