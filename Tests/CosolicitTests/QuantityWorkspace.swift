import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// A workspace in memory for commitment bands and as-needed lines: the fixture's solicitation with `band`
/// appended (YAML for `commitment_band`), a catalog, and needs files.
enum QuantityWorkspace {
  /// A catalog of the fixture's items, LAPTOP-14 with a band of its own (95–105 %) when `itemBand` is true.
  static func catalog(itemBand: Bool = false) -> String {
    """
    item,description,classification,unit,lot,estimated_unit_price,packs,minimum_percent,maximum_percent
    LAPTOP-14,"Laptop, 14 in",UNSPSC:43211503,EA,,950.00,,\(itemBand ? "95" : ""),\(itemBand ? "105" : "")
    MONITOR-24,"Monitor, 24 in",UNSPSC:43211902,EA,,180.00,,,
    TOWEL-MF,"Multifold paper towel",UNSPSC:14111703,EA,,2.10,XCS=16,,
    FLOOR-CLEANER,Neutral floor cleaner,UNSPSC:47131801,GLL,,18.50,XCS=4,,

    """
  }

  /// The intake of the workspace; `band` is appended to the fixture's solicitation.yaml.
  static func intake(band: String = "", catalog: String = catalog(), needs: [(String, String)]) throws -> Intake {
    let solicitation = try String(
      contentsOf: fixtures.appendingPathComponent("workspace/solicitation.yaml"), encoding: .utf8)
    return Intake.load(
      WorkspaceFiles(
        solicitation: SourceFile(path: "solicitation.yaml", text: solicitation + "\n" + band),
        catalog: SourceFile(path: "catalog.csv", text: catalog),
        needs: needs.map { SourceFile(path: $0.0, text: $0.1) }))
  }

  /// The joint solicitation of the workspace, which must be clean.
  static func joint(
    band: String = "", catalog: String = catalog(), needs: [(String, String)],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> JointSolicitation {
    let intake = Aggregator.validate(try self.intake(band: band, catalog: catalog, needs: needs))
    #expect(intake.errorCount == 0, "\(intake.listing)", sourceLocation: sourceLocation)
    return try #require(try? Aggregator.aggregate(intake).get(), sourceLocation: sourceLocation)
  }

  /// The line of `joint` for catalog item `id`.
  static func line(_ joint: JointSolicitation, _ id: String) throws -> SolicitationLine {
    try #require(joint.lots.flatMap(\.lines).first { $0.itemID == id })
  }
}
