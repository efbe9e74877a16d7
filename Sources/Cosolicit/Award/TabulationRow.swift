import Foundation

/// One row of the bid tabulation: a line in one price zone, with every bid's prices for it.
public struct TabulationRow: Sendable {
  /// The lot.
  public var lotID: String
  /// The line number within the lot.
  public var lineNumber: Int
  /// The price zone, when lines are priced by zone.
  public var zoneID: String?
  /// The catalog item, nil for a write-in.
  public var itemID: String?
  /// What is asked for.
  public var description: String
  /// The unit of measure code (`EA`).
  public var unit: String
  /// The quantity priced in this row (the zone's, or the line's): committed plus estimated.
  public var quantity: Decimal
  /// Whether the row is as needed: priced by unit price alone, with no extended price.
  public var isAsNeeded: Bool
  /// One cell per bid, in the order of ``BidTabulation/bids``.
  public var cells: [TabulationCell]
  /// The ids of the bids with the lowest evaluated unit price among the responsive bids that priced the row
  /// (more than one on an exact tie; none when no responsive bid priced it).
  public var lowBidIDs: [String] = []
}

/// One bid's answer on one tabulation row.
public struct TabulationCell: Sendable {
  /// How the bid answered the row.
  public enum Answer: Sendable, Equatable {
    /// Priced (in at least one option).
    case priced
    /// Declined with `<noBid/>`.
    case noBid
    /// Left blank, or missing from the bid.
    case blank
    /// The bid could not be read at all.
    case unreadable
  }

  /// The bid's id.
  public var bidID: String
  /// How the bid answered.
  public var answer: Answer
  /// The prices offered, one per price option (one with a nil option when the solicitation has none).
  public var prices: [OfferedPrice] = []
  /// The evaluated unit price: the award option's, or the lowest option's; nil when not priced for evaluation.
  public var evaluatedUnitPrice: Decimal?
  /// The option the evaluated price is at, when the solicitation has options.
  public var evaluatedOption: String?
  /// The evaluated unit price × the row's quantity, rounded half up to cents; nil on an as-needed row.
  public var extendedPrice: Decimal?
  /// How far the evaluated unit price is above the row's low bid, in percent (one decimal, half up);
  /// 0 for the low bid, nil when either is missing.
  public var deviationPercent: Decimal?
}

/// A price offered for one option of a line in one zone.
public struct OfferedPrice: Sendable, Equatable {
  /// The price option, when the solicitation has options.
  public var option: String?
  /// The unit price as bid (a unit-price option, or lines without options).
  public var unitPrice: Decimal?
  /// The differential over the option's index, as bid (an index-differential option).
  public var differential: Decimal?
  /// The unit price evaluated: the unit price, or the option's reference price plus the differential.
  public var evaluatedUnitPrice: Decimal
}
