/// The price zones in force, in solicitation order, with the zone of each participant.
public struct ZoneMap: Sendable {
  /// The zones, in solicitation order (by participant: in agency id order).
  public let zones: [PriceZone]
  /// Each agency's zone, by its id's key (``Identifier/key(_:)``).
  private let zoneOfAgency: [String: Int]

  /// No zones: every line is priced once.
  public static let none = ZoneMap([])

  /// The map of `zones`.
  public init(_ zones: [PriceZone]) {
    self.zones = zones
    var zoneOfAgency: [String: Int] = [:]
    for (index, zone) in zones.enumerated() {
      for agency in zone.participants { zoneOfAgency[Identifier.key(agency.value), default: index] = index }
    }
    self.zoneOfAgency = zoneOfAgency
  }

  /// Whether lines are priced per zone.
  public var isEmpty: Bool { zones.isEmpty }

  /// The position in ``zones`` of the zone of the agency `id`, if it is in one.
  public func zoneIndex(of id: String) -> Int? { zoneOfAgency[Identifier.key(id)] }

  /// The zone of the agency `id`, if it is in one.
  public func zone(of id: String) -> PriceZone? { zoneIndex(of: id).map { zones[$0] } }
}
