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
  /// The sum of the non-binding shares (and of partial commitments' parts above their minimums).
  public let estimatedQuantity: Decimal
  /// The sum of the shares' guaranteed minimums.
  public let minimumQuantity: Decimal
  /// The sum of the shares' maximums: the most that may be ordered.
  public let maximumQuantity: Decimal
  /// The agency ids of the participants that wrote the line as-needed, in share order (an agency once).
  public let asNeededAgencyIDs: [String]
  /// How many shares are as-needed.
  public let asNeededShareCount: Int

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
    // Shares without a band, a partial commitment or as-needed (nearly all) are their own minimum when binding
    // and their own maximum: they are summed once, by commitment, and only the others sum their ranges apart.
    var sums = ShareSums()
    var asNeeded: [String] = []
    var asNeededCount = 0
    for share in shares.figures {
      if share.isAsNeeded {
        asNeededCount += 1
        if !asNeeded.contains(share.agencyID) { asNeeded.append(share.agencyID) }
      }
      sums.add(share)
    }
    (committedQuantity, estimatedQuantity, minimumQuantity, maximumQuantity) = sums.totals
    asNeededShareCount = asNeededCount
    asNeededAgencyIDs = asNeeded
  }

  /// The stated (nominal) quantity: committed and estimated together.
  public var quantity: Decimal { committedQuantity + estimatedQuantity }

  /// Whether every share is as-needed: the line has no quantity and is left out of totals and values.
  public var isAsNeeded: Bool { asNeededShareCount > 0 && asNeededShareCount == shares.count }

  /// Whether a commitment band or a partial commitment sets the line's guaranteed minimum apart from its
  /// committed quantity, or its maximum apart from its stated quantity.
  public var hasRange: Bool {
    !(minimumQuantity - committedQuantity).isZero || !(maximumQuantity - quantity).isZero
  }

  /// Whether the line is a write-in rather than a catalog item.
  public var isWriteIn: Bool { itemID == nil }

  /// The committed quantity at the estimated unit price.
  public var committedValue: Decimal? { estimatedUnitPrice.map { committedQuantity * $0 } }
  /// The estimated quantity at the estimated unit price.
  public var estimatedValue: Decimal? { estimatedUnitPrice.map { estimatedQuantity * $0 } }
  /// The guaranteed minimum at the estimated unit price.
  public var minimumValue: Decimal? { estimatedUnitPrice.map { minimumQuantity * $0 } }
  /// The maximum at the estimated unit price.
  public var maximumValue: Decimal? { estimatedUnitPrice.map { maximumQuantity * $0 } }

  /// The distinct delivery sites, sorted.
  public var deliverySites: [String] { shares.deliverySites }
  /// The earliest date any share is needed by.
  public var earliestNeedBy: CalendarDate? { shares.earliestNeedBy }

}
