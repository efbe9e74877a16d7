import Foundation

/// One line of the joint solicitation: an item in a lot, the participants' combined quantity, and each share.
public struct SolicitationLine: Sendable {
  /// The line number, unique across the solicitation.
  public var number: Int
  /// The lot the line belongs to.
  public var lotID: String
  /// The catalog item id; nil for a write-in.
  public var itemID: String?
  /// The specification.
  public var description: String
  /// The commodity code.
  public var classification: Classification
  /// The base unit every share is converted to.
  public var unit: UnitOfMeasure
  /// The lead agency's price estimate per base unit, when the catalog gives one.
  public var estimatedUnitPrice: Decimal?
  /// The participants' shares, ordered by agency.
  public let shares: ShareList
  /// The sum of the binding shares.
  public let committedQuantity: Decimal
  /// The sum of the non-binding shares.
  public let estimatedQuantity: Decimal

  /// Creates a line; the committed and estimated totals are summed once, here.
  public init(
    number: Int, lotID: String, itemID: String?, description: String, classification: Classification,
    unit: UnitOfMeasure, estimatedUnitPrice: Decimal?, shares: [Share]
  ) {
    self.init(
      number: number, lotID: lotID, itemID: itemID, description: description, classification: classification,
      unit: unit, estimatedUnitPrice: estimatedUnitPrice, shares: ShareList(shares))
  }

  /// Creates a line over `shares`; the committed and estimated totals are summed once, here.
  init(
    number: Int, lotID: String, itemID: String?, description: String, classification: Classification,
    unit: UnitOfMeasure, estimatedUnitPrice: Decimal?, shares: ShareList
  ) {
    self.number = number
    self.lotID = lotID
    self.itemID = itemID
    self.description = description
    self.classification = classification
    self.unit = unit
    self.estimatedUnitPrice = estimatedUnitPrice
    self.shares = shares
    var committed = DecimalSum()
    var estimated = DecimalSum()
    for share in shares.figures {
      switch share.commitment {
      case .binding: committed.add(share.quantity)
      case .estimate: estimated.add(share.quantity)
      }
    }
    committedQuantity = committed.value
    estimatedQuantity = estimated.value
  }

  /// Whether the line is a write-in rather than a catalog item.
  public var isWriteIn: Bool { itemID == nil }

  /// The committed quantity at the estimated unit price.
  public var committedValue: Decimal? { estimatedUnitPrice.map { committedQuantity * $0 } }
  /// The estimated quantity at the estimated unit price.
  public var estimatedValue: Decimal? { estimatedUnitPrice.map { estimatedQuantity * $0 } }

  /// The distinct delivery sites, sorted.
  public var deliverySites: [String] { shares.deliverySites }
  /// The earliest date any share is needed by.
  public var earliestNeedBy: CalendarDate? { shares.earliestNeedBy }

}
