/// A price zone: participants grouped by delivery area, whose lines a supplier prices once for the zone
/// (`zones` in `solicitation.yaml`, or one zone per participant under `award_method: by-participant`).
public struct PriceZone: Sendable {
  /// The zone id, unique in the solicitation in any case.
  public var id: Located<String>
  /// The zone's name on documents, such as "North County delivery points".
  public var title: String
  /// The agencies in the zone, as written.
  public var participants: [Located<String>]

  /// Creates a zone.
  public init(id: Located<String>, title: String, participants: [Located<String>]) {
    self.id = id
    self.title = title
    self.participants = participants
  }

  /// Whether the agency `id` (in any case) is in the zone.
  public func contains(_ id: String) -> Bool { participants.contains { Identifier.same($0.value, id) } }
}
