import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Aggregation of hand-checkable workspaces.
@Suite struct AggregationTests {
  func aggregate(_ sandbox: Sandbox) throws -> JointSolicitation {
    let intake = sandbox.validate()
    switch Aggregator.aggregate(intake) {
    case .success(let joint): return joint
    case .failure(let failure):
      Issue.record("\(failure)\n\(intake.listing)")
      throw failure
    }
  }

  @Test func threeTenthsOfAPoundIsExactlyInKilograms() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "catalog.csv",
      """
      item,description,classification,unit,estimated_unit_price
      LAPTOP-14,Laptop,UNSPSC:43211503,EA,950
      MONITOR-24,Monitor,UNSPSC:43211902,EA,180
      TOWEL-MF,Towel,UNSPSC:14111703,EA,2.10
      FLOOR-CLEANER,Floor cleaner,UNSPSC:47131801,KGM,1.00

      """)
    try sandbox.remove("needs/city-of-example.yaml")
    try sandbox.remove("needs/school-districts.csv")
    for agency in ["a", "b", "c"] {
      try sandbox.write(
        "needs/\(agency).yaml",
        "agency: {id: \(agency), name: \(agency.uppercased()), type: city}\ndeliver_to: Hall\n"
          + "items:\n  - {item: FLOOR-CLEANER, quantity: 0.1, unit: lb}\n")
    }
    let line = try #require(try aggregate(sandbox).lines.first)
    #expect(line.committedQuantity == Decimal(string: "0.136077711"))
    #expect(line.shares.map(\.quantity) == Array(repeating: Decimal(string: "0.045359237")!, count: 3))
    #expect(line.committedValue == Decimal(string: "0.136077711"))
  }

  @Test func fixtureWorkspaceAggregatesAsCheckedByHand() throws {
    let joint = try aggregate(Sandbox())
    // City: 40 LAPTOP-14, 30 cases of towels (16 each), 20 gal floor cleaner (estimate), a write-in dispenser.
    // SD 1: 120 LAPTOP-14 and 60 MONITOR-24; SD 2: 800 towels.
    #expect(joint.lots.map(\.lot.id.value) == ["L1", "L2"])
    let lines = Dictionary(uniqueKeysWithValues: joint.lines.map { ($0.itemID ?? "write-in", $0) })
    #expect(joint.lines.map(\.number) == [1, 2, 3, 4, 5])
    #expect(
      joint.lines.map { $0.itemID ?? "write-in" } == [
        "LAPTOP-14", "MONITOR-24", "TOWEL-MF", "FLOOR-CLEANER", "write-in",
      ])
    #expect(lines["LAPTOP-14"]?.committedQuantity == 160)
    #expect(lines["LAPTOP-14"]?.committedValue == 152_000)
    #expect(lines["TOWEL-MF"]?.committedQuantity == Decimal(30 * 16 + 800))
    #expect(lines["TOWEL-MF"]?.shares.map(\.agencyID) == ["city-of-example", "example-sd-2"])
    #expect(lines["TOWEL-MF"]?.shares.first?.originalUnit.code == "XCS")
    #expect(lines["FLOOR-CLEANER"]?.committedQuantity == 0)
    #expect(lines["FLOOR-CLEANER"]?.estimatedQuantity == 20)
    #expect(lines["write-in"]?.lotID == "L2")
    #expect(lines["write-in"]?.shares.first?.source.description == "needs/city-of-example.yaml:28:5")
    #expect(joint.totals.committedValue == Decimal(152_000 + 60 * 180) + Decimal(1280) * Decimal(string: "2.10")!)
    #expect(joint.threshold.requiresFormalProcess == true)
    // City 38,000 + 1,008 + 370; SD 1 114,000 + 10,800; SD 2 1,680: each alone is under 150,000.
    #expect(joint.threshold.participantsBelow.map(\.agencyID) == ["city-of-example", "example-sd-1", "example-sd-2"])
    #expect(joint.threshold.participantValues.map(\.value) == [39_378, 124_800, 1_680])
  }

  @Test func reviewListsWhatTheLeadAgencyMustDecide() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "needs/late.yaml",
      """
      agency: {id: late-district, name: Late District, type: k12}
      submitted: 2027-03-01
      commitment: estimate
      deliver_to: Office
      items:
        - {item: LAPTOP-14, quantity: 5, unit: each, spec: "Touch screen", need_by: 2032-01-01}

      """)
    try sandbox.write(
      "needs/accepted.yaml",
      """
      agency: {id: accepted-town, name: Accepted Town, type: city}
      submitted: 2027-03-02
      deliver_to: Town Hall
      items:
        - {item: LAPTOP-14, quantity: 2, unit: each, spec: "Backlit keyboard", notes: "For the clerk"}

      """)
    try sandbox.write(
      "needs/rejected.yaml",
      """
      agency: {id: rejected-town, name: Rejected Town, type: city}
      submitted: 2027-03-03
      deliver_to: Town Hall
      items:
        - {item: MONITOR-24, quantity: 7, unit: each}

      """)
    let solicitation = try String(contentsOfFile: sandbox.path("solicitation.yaml"), encoding: .utf8)
    try sandbox.write(
      "solicitation.yaml", solicitation + "late_submissions: {accept: [accepted-town], reject: [Rejected-Town]}\n")
    let joint = try aggregate(sandbox)
    let kinds = Set(joint.review.map(\.kind))
    #expect(Set(ReviewItem.Kind.allCases) == kinds, "\(joint.review.map(\.message))")
    // The late district asks for a touch screen on LAPTOP-14, the accepted town for a backlit keyboard; SD 1's
    // note "Teacher refresh" is context, not a spec.
    let specs = try #require(joint.review.first { $0.kind == .differingSpecs })
    #expect(specs.line == 1 && specs.message.contains("late-district: \"Touch screen\""), "\(specs.message)")
    #expect(!specs.message.contains("Teacher refresh"))
    #expect(joint.review.contains { $0.kind == .needByOutsideTerm && $0.agencyID == "late-district" })
    #expect(joint.review.contains { $0.kind == .lateFile && $0.agencyID == "late-district" })
    #expect(joint.review.filter { $0.agencyID == "accepted-town" }.map(\.kind) == [.lateFileAccepted])
    #expect(joint.review.filter { $0.agencyID == "rejected-town" }.map(\.kind) == [.lateFileRejected])
  }

  @Test func aWorkspaceWithErrorsIsRefusedWithItsFindings() {
    let intake = Intake.load(workspace: repositoryRoot.appendingPathComponent("Examples/invalid").path)
    guard case .failure(.invalidInput(let count)) = Aggregator.aggregate(intake), count == intake.errorCount else {
      Issue.record("a workspace with errors must not aggregate")
      return
    }
    // The findings are the intake's, reported once, by intake; aggregation adds none of its own.
    #expect(intake.errorCount == 21)
  }

  @Test func csvNeutralizesFormulaCells() throws {
    #expect(CSVCell.escape("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
    #expect(CSVCell.escape("+1 555 0100") == "'+1 555 0100")
    #expect(CSVCell.escape("@SUM(A1)") == "'@SUM(A1)")
    #expect(CSVCell.escape("-2") == "'-2")
    #expect(CSVCell.escape("a, b") == "\"a, b\"")
    #expect(CSVCell.escape("plain") == "plain")
    let sandbox = try Sandbox()
    try sandbox.write(
      "needs/evil.csv",
      "agency_id,agency_name,agency_type,item,quantity,unit,deliver_to\nevil,=cmd|' /C calc'!A0,city,LAPTOP-14,1,each,@SUM(1)\n"
    )
    let csv = try aggregate(sandbox).csv
    #expect(csv.contains(",'=cmd|' /C calc'!A0,"))
    #expect(csv.contains(",'@SUM(1),"))
    #expect(!csv.contains(",=cmd"))
  }

  @Test func jsonKeepsDecimalsAsStringsAndEscapesText() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "needs/quote.yaml",
      "agency: {id: q, name: \"Quote \\\"City\\\"\", type: city}\ndeliver_to: \"Line\\nbreak\"\n"
        + "items:\n  - {item: TOWEL-MF, quantity: 0.5, unit: case}\n")
    let json = try aggregate(sandbox).jsonText
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let lots = try #require(parsed["lots"] as? [[String: Any]])
    let towel = try #require((lots[1]["lines"] as? [[String: Any]])?.first { $0["item"] as? String == "TOWEL-MF" })
    #expect(towel["committed_quantity"] as? String == "1288")
    #expect(json.contains("\"agency_name\": \"Quote \\\"City\\\"\""))
    #expect(json.contains("\"deliver_to\": \"Line\\nbreak\""))
    #expect(!json.contains("e+"), "no exponents")
  }
}

extension AggregationTests {
  @Test func exactArithmeticRefusesWhatWouldBeRounded() throws {
    let big = try #require(Decimal(string: "12345678901234567891"))
    #expect(ExactArithmetic.product(big, big) == nil)
    #expect(ExactArithmetic.product(big, 3) == big * 3)
    #expect(
      ExactArithmetic.sum(try #require(Decimal(string: "1e30")), try #require(Decimal(string: "0.0000001"))) == nil)
    #expect(ExactArithmetic.sum([Decimal(string: "0.1")!, Decimal(string: "0.2")!]) == Decimal(string: "0.3"))
  }

  @Test func valuesThatWouldLoseDigitsAreAnErrorNotRounded() throws {
    let sandbox = try Sandbox()
    try Self.writeTotalsThatCannotBeExact(in: sandbox)
    let intake = sandbox.validate()
    #expect(intake.errorCount == 0, "\(intake.listing)")
    guard case .failure(let failure) = Aggregator.aggregate(intake) else {
      Issue.record("a value that cannot be exact must not be published rounded")
      return
    }
    #expect(failure.diagnostics.first?.message.contains("more than 38 digits") == true, "\(failure.diagnostics)")
  }
}

extension AggregationTests {
  /// Lines of random quantities and prices, from a few digits to the 15 a needs file allows, at every scale.
  func randomLots(seed: UInt64) throws -> [AggregatedLot] {
    var random = SeededRandom(seed: seed)
    func value(_ random: inout SeededRandom) -> Decimal {
      let digits = Int.random(in: 1...15, using: &random)
      let significand = UInt64.random(in: 1...(UInt64(pow(10, Double(digits))) - 1), using: &random)
      return Decimal(
        sign: .plus, exponent: -Int.random(in: 0...digits, using: &random), significand: Decimal(significand))
    }
    let classification = try Classification.parse("UNSPSC:43211503", prefix: false).get()
    guard case .found(let unit) = UnitOfMeasure.lookup("EA") else { throw CocoaError(.featureUnsupported) }
    let location = SourceLocation(path: "needs.csv", line: 2, column: 1)
    let lines = (1...Int.random(in: 1...4, using: &random)).map { number in
      let shares = (0..<Int.random(in: 1...5, using: &random)).map { _ in
        let quantity = value(&random)
        return Share(
          agencyID: "a", agencyName: "A", quantity: quantity, originalQuantity: quantity, originalUnit: unit,
          commitment: Bool.random(using: &random) ? .binding : .estimate, deliverTo: nil, needBy: nil, notes: nil,
          source: location, isExact: true)
      }
      return SolicitationLine(
        number: number, lotID: "L1", itemID: "I\(number)", description: "Item", classification: classification,
        unit: unit, estimatedUnitPrice: Bool.random(using: &random) ? value(&random) : nil, shares: shares)
    }
    let lot = Lot(id: Located("L1", at: location), title: "Lot", classifications: [])
    return [AggregatedLot(lot: lot, lines: lines)]
  }

  @Test func theExactnessBoundNeverPassesWhatTheStepByStepCheckRefuses() throws {
    var bothPass = 0
    var boundRefuses = 0
    for seed in UInt64(1)...2_000 {
      let lots = try randomLots(seed: seed)
      let steps = ExactnessCheck.firstProblemBySteps(in: lots)
      if ExactnessCheck.fitsByBound(lots) {
        #expect(steps == nil, "seed \(seed): the bound passed totals the steps refuse")
        bothPass += 1
      } else {
        boundRefuses += 1
        #expect(ExactnessCheck.firstProblem(in: lots) == steps, "seed \(seed): a refused bound defers to the steps")
      }
    }
    // Both sides of the shortcut are exercised.
    #expect(bothPass > 100 && boundRefuses > 100, "passed \(bothPass), refused \(boundRefuses)")
  }
}

extension AggregationTests {
  /// A catalog price and needs quantities whose values need more than 38 digits to be exact.
  static func writeTotalsThatCannotBeExact(in sandbox: Sandbox) throws {
    try sandbox.write(
      "catalog.csv",
      """
      item,description,classification,unit,estimated_unit_price,packs
      LAPTOP-14,Laptop,UNSPSC:43211503,EA,99999999999999,
      MONITOR-24,Monitor,UNSPSC:43211902,EA,0.0000000000001,
      TOWEL-MF,Towel,UNSPSC:14111703,EA,2.10,XCS=16
      FLOOR-CLEANER,Floor cleaner,UNSPSC:47131801,GLL,1,

      """)
    try sandbox.write(
      "needs/huge.yaml",
      "agency: {id: huge, name: Huge, type: state}\ndeliver_to: Depot\nitems:\n"
        + "  - {item: LAPTOP-14, quantity: 999999999999999, unit: EA}\n"
        + "  - {item: MONITOR-24, quantity: 0.00000000000001, unit: EA}\n")
  }
}
