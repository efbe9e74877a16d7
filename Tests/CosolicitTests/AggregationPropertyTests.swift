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
      let shares = line.shares.reduce(Decimal(0)) { $0 + $1.quantity }
      #expect(line.committedQuantity + line.estimatedQuantity == shares, "line \(line.number)")
    }
    // The totals equal the sum over every needs line converted, computed independently by the generator.
    let totals = joint.totals
    var quantities: [String: Decimal] = [:]
    for (unit, committed) in totals.committedQuantity {
      quantities[unit, default: 0] += committed + (totals.estimatedQuantity[unit] ?? 0)
    }
    #expect(quantities.filter { $0.value != 0 } == generated.expectedTotals.filter { $0.value != 0 })
    #expect(joint.lines.reduce(0) { $0 + $1.shares.count } == generated.participants.flatMap(\.lines).count)
    #expect(joint.lines.allSatisfy { $0.shares.allSatisfy(\.isExact) })
  }

  @Test(arguments: seeds)
  func writeInsMergeOnlyWhenTheyAgree(seed: UInt64) throws {
    let generated = GeneratedWorkspace(seed: seed)
    let joint = try aggregate(generated, layout: GeneratedWorkspace.plainLayout)
    let writeInLines = joint.lines.filter(\.isWriteIn)
    let writeIns = generated.participants.flatMap(\.lines).filter { $0.item == nil }
    #expect(writeInLines.count == (writeIns.isEmpty ? 0 : 1), "every spelling of the widget is one write-in line")
    #expect(writeInLines.first?.shares.count ?? 0 == writeIns.count)
    #expect(joint.review.filter { $0.kind == .writeIn }.count == writeInLines.count)
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
    let parsed = try JSONSerialization.jsonObject(with: Data(joint.json.serialized.utf8))
    return try JSONSerialization.data(withJSONObject: strip(parsed), options: [.sortedKeys, .prettyPrinted])
  }

  @Test(arguments: seeds)
  func shufflingFilesLinesAndFormatsChangesNothing(seed: UInt64) throws {
    let generated = GeneratedWorkspace(seed: seed)
    let plain = try aggregate(generated, layout: GeneratedWorkspace.plainLayout)
    let count = generated.participants.count
    let shuffled = GeneratedWorkspace.Layout(
      format: { ["csv", "yaml", "json"][($0 + Int(seed)) % 3] },
      name: { "z\(count - $0)-renamed" },
      order: { index, lines in
        var random = SeededRandom(state: seed &* 31 &+ UInt64(index))
        return lines.shuffled(using: &random)
      })
    let other = try aggregate(generated, layout: shuffled)
    #expect(try canonical(plain) == canonical(other))
    // Identical layouts give byte-identical JSON, sources included.
    let again = try aggregate(generated, layout: GeneratedWorkspace.plainLayout)
    #expect(plain.json.serialized == again.json.serialized)
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
        if !sourceLine.hasPrefix("  - ") {  // CSV and JSON lines hold the whole line
          #expect(sourceLine.contains(share.agencyID) || share.source.path.hasSuffix(".json"))
          #expect(sourceLine.contains(DecimalText.format(share.originalQuantity)), "\(sourceLine)")
        }
      }
    }
  }
}
