import Foundation

/// A standard item of the lead agency's catalog.
public struct CatalogItem: Sendable {
  /// The item's id, which needs lines name.
  public var id: Located<String>
  /// The specification as bidders will read it.
  public var description: String
  /// The commodity code.
  public var classification: Located<Classification>
  /// The base unit that quantities are totalled in.
  public var unit: UnitOfMeasure
  /// The lot named explicitly, overriding classification matching.
  public var lot: Located<String>?
  /// The lead agency's price estimate per base unit.
  public var estimatedUnitPrice: Decimal?
  /// How many base units one package holds, by package code (`XCS: 12`).
  public var packs: [String: Decimal]
  /// The item's own commitment band minimum (`minimum_percent`), overriding the solicitation's.
  public var minimumPercent: Decimal?
  /// The item's own commitment band maximum (`maximum_percent`), overriding the solicitation's.
  public var maximumPercent: Decimal?
}
