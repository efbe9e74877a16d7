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

  /// Conservation per zone: the participants split into zones (a seeded partition, and one zone per participant),
  /// every line's zone quantities are the sums of its zone's shares, and sum to the line's.
  @Test(arguments: seeds)
  func everyZoneConservesItsShares(seed: UInt64) throws {
    let generated = GeneratedWorkspace(seed: seed)
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
        #expect(zones.reduce(0) { $0 + $1.shareCount } == line.shares.count)
        for zone in zones {
          let shares = line.shares.filter { map.zone(of: $0.agencyID)?.id.value == zone.zoneID }
          #expect(zone.quantity == shares.reduce(Decimal(0)) { $0 + $1.quantity }, "line \(line.number)")
          #expect(!shares.isEmpty, "a zone is listed only where it has demand")
        }
        // Zones come in the map's order.
        let order = zones.compactMap { zone in map.zones.firstIndex { $0.id.value == zone.zoneID } }
        #expect(order == order.sorted())
      }
    }
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
