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
  public var shares: [Share]

  /// Whether the line is a write-in rather than a catalog item.
  public var isWriteIn: Bool { itemID == nil }

  /// The sum of the binding shares.
  public var committedQuantity: Decimal { total(of: .binding) }
  /// The sum of the non-binding shares.
  public var estimatedQuantity: Decimal { total(of: .estimate) }
  /// The committed quantity at the estimated unit price.
  public var committedValue: Decimal? { estimatedUnitPrice.map { committedQuantity * $0 } }
  /// The estimated quantity at the estimated unit price.
  public var estimatedValue: Decimal? { estimatedUnitPrice.map { estimatedQuantity * $0 } }

  /// The distinct delivery sites, sorted.
  public var deliverySites: [String] { Array(Set(shares.compactMap(\.deliverTo))).sorted() }
  /// The earliest date any share is needed by.
  public var earliestNeedBy: CalendarDate? { shares.compactMap(\.needBy).min() }

  private func total(of commitment: Commitment) -> Decimal {
    shares.filter { $0.commitment == commitment }.reduce(Decimal(0)) { $0 + $1.quantity }
  }
}
