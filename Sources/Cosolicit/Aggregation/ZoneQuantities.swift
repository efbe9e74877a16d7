import Foundation

/// One zone's part of a solicitation line: the exact sums of the shares of the zone's participants.
///
/// Sums are made share by share in ``add(_:committed:)``, with the share's own quantities (``ShareQuantities``):
/// a partial commitment splits into its committed and estimated parts, and bands set the minimum and maximum, so
/// that a zone's figures sum to the line's exactly as its shares do.
public struct ZoneQuantities: Sendable, Equatable {
  /// The zone's id.
  public var zoneID: String
  /// The zone's title.
  public var zoneTitle: String
  /// The sum of the shares counted as committed.
  public var committed: Decimal = 0
  /// The sum of the other shares, and of the estimated parts of partial commitments.
  public var estimated: Decimal = 0
  /// The sum of the shares' guaranteed minimums.
  public var minimum: Decimal = 0
  /// The sum of the most the shares may order.
  public var maximum: Decimal = 0
  /// The number of shares.
  public var shareCount = 0
  /// The number of shares needed as needed, with no quantity.
  public var asNeededCount = 0

  /// Nothing yet for the zone `zone`.
  init(zone: PriceZone) {
    zoneID = zone.id.value
    zoneTitle = zone.title
  }

  /// The zone's nominal quantity: committed plus estimated.
  public var quantity: Decimal { ExactArithmetic.sum(committed, estimated) ?? committed + estimated }

  /// Whether every share of the zone is as needed: the zone needs the line but states no quantity for it.
  public var isAsNeeded: Bool { shareCount > 0 && asNeededCount == shareCount }

  /// Adds `share` with its own commitment when `isCommitted`, else as an estimate (guaranteeing nothing, up to
  /// its quantity).
  mutating func add(_ share: ShareFigures, committed isCommitted: Bool) {
    let parts =
      isCommitted
      ? share.quantities
      : ShareQuantities(minimum: 0, nominal: share.quantity, maximum: share.quantity, committed: 0)
    committed = Self.sum(committed, parts.committed)
    estimated = Self.sum(estimated, parts.estimated)
    minimum = Self.sum(minimum, parts.minimum)
    maximum = Self.sum(maximum, parts.maximum)
    shareCount += 1
    if share.isAsNeeded { asNeededCount += 1 }
  }

  private static func sum(_ a: Decimal, _ b: Decimal) -> Decimal { ExactArithmetic.sum(a, b) ?? a + b }
}

extension SolicitationLine {
  /// The line's quantities per zone of `map` that has demand for it (a share of one of its participants), in
  /// zone order; a share counts as committed when `isCommitted` says so (binding shares, unless a variant says
  /// otherwise). Empty without zones.
  public func zoneQuantities(
    _ map: ZoneMap, isCommitted: (_ agencyID: String, _ commitment: Commitment) -> Bool = { $1 == .binding }
  ) -> [ZoneQuantities] {
    guard !map.isEmpty else { return [] }
    var sums: [ZoneQuantities?] = Array(repeating: nil, count: map.zones.count)
    var last: (agency: String, zone: Int?)?
    for share in shares.figures {
      // Shares come ordered by agency: look each agency up once.
      if last?.agency != share.agencyID { last = (share.agencyID, map.zoneIndex(of: share.agencyID)) }
      guard let zone = last?.zone else { continue }
      if sums[zone] == nil { sums[zone] = ZoneQuantities(zone: map.zones[zone]) }
      sums[zone]?.add(share, committed: isCommitted(share.agencyID, share.commitment))
    }
    return sums.compactMap { $0 }
  }
}
