import Foundation

/// One line in one zone as awarded: the supplier and the price every participant in the zone buys it at.
public struct AwardedLine: Sendable {
  /// The lot.
  public var lotID: String
  /// The line number within the lot.
  public var lineNumber: Int
  /// The zone, when lines are priced by zone.
  public var zoneID: String?
  /// The winning bid's id.
  public var bidID: String
  /// The winning supplier's name.
  public var supplier: String
  /// The award unit the line was awarded in.
  public var unit: AwardUnit
  /// The price awarded: the option it is at, the unit price or differential as bid, the evaluated unit price.
  public var price: OfferedPrice
  /// The index of a differential option (the contract price is the index plus the differential).
  public var index: String?
  /// The brand and model offered, when given.
  public var brandModel: String?
  /// The quantity awarded (committed plus estimated, the zone's); 0 for an as-needed line.
  public var quantity: Decimal
  /// Whether the line is as needed in this zone.
  public var isAsNeeded: Bool
  /// The evaluated unit price × quantity, rounded half up to cents: the award's extended price.
  public var extendedPrice: Decimal
}
