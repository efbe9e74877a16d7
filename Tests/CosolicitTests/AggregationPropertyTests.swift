import Foundation
import Testing

@testable import Cosolicit

/// Invariants of aggregation over generated workspaces: conservation, exactness, order independence, and
/// sources that point at the lines they came from.
@Suite struct AggregationPropertyTests {
  static let seeds: [UInt64] = Array(1...12)

  func temporaryFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("cosolicit-gen-\(UUID().uuidString)")
  }

  func aggregate(_ generated: GeneratedWorkspace, layout: GeneratedWorkspace.Layout) throws -> JointSolicitation {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try generated.write(to: folder, layout: layout)
    let intake = Intake.load(workspace: folder.path)
    switch Aggregator.aggregate(intake) {
    case .success(let joint): return joint
    case .failure(let failure):
      Issue.record("generated workspace did not aggregate: \(failure)\n\(intake.listing)")
      throw failure
    }
  }

  @Test(arguments: seeds)
  func everyLineConservesItsShares(seed: UInt64) throws {
    let generated = GeneratedWorkspace(seed: seed)
    let joint = try aggregate(generated, layout: GeneratedWorkspace.plainLayout)
    for line in joint.lines {
      let binding = line.shares.filter { $0.commitment == .binding }.reduce(Decimal(0)) { $0 + $1.quantity }
      let estimate = line.shares.filter { $0.commitment == .estimate }.reduce(Decimal(0)) { $0 + $1.quantity }
      #expect(line.committedQuantity == binding && line.estimatedQuantity == estimate, "line \(line.number)")
    }
    #expect(joint.lines.reduce(0) { $0 + $1.shares.count } == generated.participants.flatMap(\.lines).count)
    #expect(joint.lines.allSatisfy { $0.shares.allSatisfy(\.isExact) })
  }

  /// Conservation per zone and per commitment part: the participants split into zones (a seeded partition, and
  /// one zone per participant), with bands, partial commitments and as-needed lines; every line's zone quantities
  /// (committed, estimated, minimum, maximum) are the sums of its zone's shares, and sum to the line's.
  @Test(arguments: seeds)
  func everyZoneConservesItsShares(seed: UInt64) throws {
    let generated = GeneratedWorkspace.withQuantities(seed: seed)
    let joint = try aggregate(generated, layout: GeneratedWorkspace.plainLayout)
    let agencies = joint.participants.map(\.agency)
    let zoneCount = Int(seed % 3) + 2
    let partition = ZoneMap(
      (0..<zoneCount).map { zone in
        PriceZone(
          id: Located("z\(zone)", at: .start(of: "solicitation.yaml")), title: "Zone \(zone)",
          participants: agencies.enumerated().filter { ($0.offset * 7 + Int(seed)) % zoneCount == zone }.map(
            \.element.id))
      })
    let perParticipant = ZoneMap(agencies.map { PriceZone(id: $0.id, title: $0.name, participants: [$0.id]) })
    for map in [partition, perParticipant] {
      for line in joint.lines {
        let zones = line.zoneQuantities(map)
        #expect(zones.reduce(Decimal(0)) { $0 + $1.committed } == line.committedQuantity, "line \(line.number)")
        #expect(zones.reduce(Decimal(0)) { $0 + $1.estimated } == line.estimatedQuantity, "line \(line.number)")
        #expect(Self.same(zones.reduce(Decimal(0)) { $0 + $1.minimum }, line.minimumQuantity), "line \(line.number)")
        #expect(Self.same(zones.reduce(Decimal(0)) { $0 + $1.maximum }, line.maximumQuantity), "line \(line.number)")
        #expect(zones.reduce(0) { $0 + $1.shareCount } == line.shares.count)
        #expect(zones.reduce(0) { $0 + $1.asNeededCount } == line.asNeededShareCount)
        for zone in zones {
          let shares = line.shares.filter { map.zone(of: $0.agencyID)?.id.value == zone.zoneID }
          #expect(zone.quantity == shares.reduce(Decimal(0)) { $0 + $1.quantity }, "line \(line.number)")
          #expect(Self.same(zone.minimum, shares.reduce(Decimal(0)) { $0 + $1.minimumQuantity }))
          #expect(Self.same(zone.maximum, shares.reduce(Decimal(0)) { $0 + $1.maximumQuantity }))
          #expect(Self.same(zone.committed, shares.reduce(Decimal(0)) { $0 + $1.quantities.committed }))
          #expect(zone.isAsNeeded == shares.allSatisfy(\.isAsNeeded))
          #expect(!shares.isEmpty, "a zone is listed only where it has demand")
        }
        // Zones come in the map's order.
        let order = zones.compactMap { zone in map.zones.firstIndex { $0.id.value == zone.zoneID } }
        #expect(order == order.sorted())
      }
    }
  }

  /// Whether two exact decimals are the same number (Foundation's `==` can miss equal values kept in different
  /// internal forms).
  static func same(_ left: Decimal, _ right: Decimal) -> Bool { (left - right).isZero }

  /// With bands, partial commitments and as-needed lines, the guaranteed minimum, nominal and maximum are each
  /// conserved: shares sum to their line, lines to their lot's totals, and participants' values to the whole;
  /// each share keeps minimum ≤ nominal ≤ maximum; and the catalog lines' totals equal the generator's own
  /// arithmetic.
  @Test(arguments: seeds)
  func minimumNominalAndMaximumAreConservedWithBands(seed: UInt64) throws {
    let generated = GeneratedWorkspace.withQuantities(seed: seed)
    let joint = try aggregate(generated, layout: GeneratedWorkspace.plainLayout)
    for line in joint.lines {
      let shares = Array(line.shares)
      let sums = shares.reduce(into: (Decimal(0), Decimal(0), Decimal(0), Decimal(0))) { sums, share in
        let quantities = share.quantities
        #expect(quantities.minimum <= quantities.nominal && quantities.nominal <= quantities.maximum)
        #expect(quantities.committed <= quantities.nominal && quantities.minimum <= quantities.committed)
        sums.0 += quantities.minimum
        sums.1 += quantities.nominal
        sums.2 += quantities.maximum
        sums.3 += quantities.committed
      }
      #expect(Self.same(line.minimumQuantity, sums.0), "line \(line.number) minimum")
      #expect(Self.same(line.quantity, sums.1), "line \(line.number) nominal")
      #expect(Self.same(line.maximumQuantity, sums.2), "line \(line.number) maximum")
      #expect(Self.same(line.committedQuantity, sums.3), "line \(line.number) committed")
      #expect(line.isAsNeeded == (!shares.isEmpty && shares.allSatisfy(\.isAsNeeded)))
    }
    // Lines to lots, lots to the whole, per base unit; as-needed lines counted apart.
    var units: [String: (Decimal, Decimal, Decimal)] = [:]
    var asNeeded = 0
    for lot in joint.lots {
      let totals = lot.totals
      for line in lot.lines where !line.isAsNeeded {
        units[line.unit.code, default: (0, 0, 0)].0 += line.minimumQuantity
        units[line.unit.code, default: (0, 0, 0)].1 += line.quantity
        units[line.unit.code, default: (0, 0, 0)].2 += line.maximumQuantity
      }
      asNeeded += totals.asNeededLineCount
      #expect(totals.asNeededLineCount == lot.lines.count { $0.isAsNeeded })
    }
    let totals = joint.totals
    #expect(totals.asNeededLineCount == asNeeded)
    for (unit, sums) in units {
      #expect(Self.same(totals.minimumQuantity[unit] ?? 0, sums.0), "\(unit) minimum")
      #expect(
        Self.same((totals.committedQuantity[unit] ?? 0) + (totals.estimatedQuantity[unit] ?? 0), sums.1),
        "\(unit) nominal")
      #expect(Self.same(totals.maximumQuantity[unit] ?? 0, sums.2), "\(unit) maximum")
    }
    // Participants' values add up to the whole's.
    let participants = joint.participants
    #expect(Self.same(participants.reduce(Decimal(0)) { $0 + $1.minimumValue }, totals.minimumValue))
    #expect(Self.same(participants.reduce(Decimal(0)) { $0 + $1.maximumValue }, totals.maximumValue))
    #expect(Self.same(participants.reduce(Decimal(0)) { $0 + $1.committedValue }, totals.committedValue))
    // The catalog lines against the generator's arithmetic, per base unit.
    var expected: [String: (Decimal, Decimal, Decimal)] = [:]
    for line in generated.participants.flatMap(\.lines) where line.item != nil && !line.isAsNeeded {
      let range = generated.expectedRange(line)
      expected[line.expectedUnit, default: (0, 0, 0)].0 += range.minimum
      expected[line.expectedUnit, default: (0, 0, 0)].1 += range.nominal
      expected[line.expectedUnit, default: (0, 0, 0)].2 += range.maximum
    }
    let catalogTotals = QuantityTotals(joint.lines.filter { !$0.isWriteIn })
    for (unit, sums) in expected {
      #expect(Self.same(catalogTotals.minimumQuantity[unit] ?? 0, sums.0), "\(unit) expected minimum")
      #expect(Self.same(catalogTotals.maximumQuantity[unit] ?? 0, sums.2), "\(unit) expected maximum")
      let nominal = (catalogTotals.committedQuantity[unit] ?? 0) + (catalogTotals.estimatedQuantity[unit] ?? 0)
      #expect(Self.same(nominal, sums.1), "\(unit) expected nominal")
    }
    let asNeededLines = generated.participants.flatMap(\.lines).count(where: \.isAsNeeded)
    #expect(joint.lines.reduce(0) { $0 + $1.asNeededShareCount } == asNeededLines)
  }

  @Test(arguments: seeds)
  func totalsEqualEveryNeedsLineConverted(seed: UInt64) throws {
    let generated = GeneratedWorkspace(seed: seed)
    let joint = try aggregate(generated, layout: GeneratedWorkspace.plainLayout)
    // Catalog lines, per base unit and commitment, against the generator's own arithmetic.
    let catalogLines = joint.lines.filter { !$0.isWriteIn }
    let totals = QuantityTotals(catalogLines)
    #expect(totals.committedQuantity.filter { $0.value != 0 } == generated.expectedCatalogTotals(.binding))
    #expect(totals.estimatedQuantity.filter { $0.value != 0 } == generated.expectedCatalogTotals(.estimate))
    #expect(joint.totals.committedValue == generated.expectedValue(.binding))
    #expect(joint.totals.estimatedValue == generated.expectedValue(.estimate))
    #expect(joint.threshold.combinedValue == generated.expectedValue(.binding) + generated.expectedValue(.estimate))
    let participantValues = joint.participants.reduce(Decimal(0)) { $0 + $1.committedValue + $1.estimatedValue }
    #expect(participantValues == joint.threshold.combinedValue)
  }

  @Test(arguments: seeds)
  func writeInsMergeOnlyWhenClassificationDescriptionAndDimensionAgree(seed: UInt64) throws {
    let generated = GeneratedWorkspace(seed: seed)
    let joint = try aggregate(generated, layout: GeneratedWorkspace.plainLayout)
    var found: [String: (unit: String, committed: Decimal, estimated: Decimal)] = [:]
    for line in joint.lines where line.isWriteIn {
      let dimension = line.unit.dimension.baseUnit?.code ?? line.unit.code
      let key = "\(line.classification) \(dimension)"
      #expect(found[key] == nil, "one line per classification and dimension: \(key)")
      found[key] = (line.unit.code, line.committedQuantity, line.estimatedQuantity)
    }
    let expected = generated.expectedWriteIns
    #expect(Set(found.keys) == Set(expected.keys))
    for (key, value) in expected {
      #expect(found[key]?.unit == value.unit, "\(key)")
      #expect(found[key]?.committed == value.committed && found[key]?.estimated == value.estimated, "\(key)")
    }
    #expect(joint.review.filter { $0.kind == .writeIn }.count == found.count)
  }

  /// The JSON without the references to input positions, which necessarily move when lines and files do.
  func canonical(_ joint: JointSolicitation) throws -> Data {
    func strip(_ value: Any) -> Any {
      if let object = value as? [String: Any] {
        return object.filter { !["source", "sources", "file"].contains($0.key) }.mapValues(strip)
      }
      if let array = value as? [Any] { return array.map(strip) }
      return value
    }
    let parsed = try JSONSerialization.jsonObject(with: Data(joint.jsonText.utf8))
    return try JSONSerialization.data(withJSONObject: strip(parsed), options: [.sortedKeys, .prettyPrinted])
  }

  @Test(arguments: seeds)
  func shufflingFilesLinesAndFormatsChangesNothing(seed: UInt64) throws {
    let generated = GeneratedWorkspace(seed: seed)
    let plain = try aggregate(generated, layout: GeneratedWorkspace.plainLayout)
    let count = generated.participants.count
    let shuffled = GeneratedWorkspace.Layout(
      format: { ["json", "csv", "yaml"][$0 % 3] },  // never the plain layout's format for the same participant
      name: { "z\(count - $0)-renamed" },
      order: { index, lines in
        var random = SeededRandom(seed: seed &* 31 &+ UInt64(index))
        return lines.shuffled(using: &random)
      })
    let other = try aggregate(generated, layout: shuffled)
    #expect(try canonical(plain) == canonical(other))
    // Identical layouts give byte-identical JSON, sources included.
    let again = try aggregate(generated, layout: GeneratedWorkspace.plainLayout)
    #expect(plain.jsonText == again.jsonText)
  }

  @Test(arguments: seeds)
  func everySourcePointsAtTheLineThatHoldsTheShare(seed: UInt64) throws {
    let generated = GeneratedWorkspace(seed: seed)
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try generated.write(to: folder, layout: GeneratedWorkspace.plainLayout)
    guard case .success(let joint) = Aggregator.aggregate(Intake.load(workspace: folder.path)) else {
      Issue.record("generated workspace did not aggregate")
      return
    }
    for line in joint.lines {
      for share in line.shares {
        let text = try String(contentsOf: folder.appendingPathComponent(share.source.path), encoding: .utf8)
        let sourceLine = text.split(separator: "\n", omittingEmptySubsequences: false)[share.source.line - 1]
        let what = line.itemID ?? "widget"
        #expect(sourceLine.lowercased().contains(what.lowercased()), "\(share.source) holds \(sourceLine)")
        // The line's own fields: on the source line itself (CSV, one-line JSON), or in the YAML block it starts.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let block = lines[(share.source.line - 1)...].prefix { $0 == sourceLine || !$0.hasPrefix("  - ") }
        let fields = block.joined(separator: "\n")
        #expect(fields.contains(DecimalText.format(share.originalQuantity)), "\(share.source): \(fields)")
        #expect(fields.contains(share.needBy?.description ?? "-"), "\(share.source): \(fields)")
        #expect(text.contains(share.agencyID))
      }
    }
  }
}
