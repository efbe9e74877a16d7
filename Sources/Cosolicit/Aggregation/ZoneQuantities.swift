import Foundation

/// One zone's part of a solicitation line: the exact sums of the shares of the zone's participants.
///
/// Sums are made share by share in ``add(_:committed:)``; a new quantity of a share (such as a guaranteed
/// minimum or a maximum) is one more field here and one more line there.
public struct ZoneQuantities: Sendable, Equatable {
  /// The zone's id.
  public var zoneID: String
  /// The zone's title.
  public var zoneTitle: String
  /// The sum of the shares counted as committed.
  public var committed: Decimal = 0
  /// The sum of the other shares.
  public var estimated: Decimal = 0
  /// The number of shares.
  public var shareCount = 0

  /// Nothing yet for the zone `zone`.
  init(zone: PriceZone) {
    zoneID = zone.id.value
    zoneTitle = zone.title
  }

  /// The zone's nominal quantity: committed plus estimated.
  public var quantity: Decimal { ExactArithmetic.sum(committed, estimated) ?? committed + estimated }

  /// Adds `share`, as committed when `isCommitted`.
  mutating func add(_ share: ShareFigures, committed isCommitted: Bool) {
    if isCommitted {
      committed = ExactArithmetic.sum(committed, share.quantity) ?? committed + share.quantity
    } else {
      estimated = ExactArithmetic.sum(estimated, share.quantity) ?? estimated + share.quantity
    }
    shareCount += 1
  }
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
