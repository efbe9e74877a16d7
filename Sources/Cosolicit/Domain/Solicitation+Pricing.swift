extension Solicitation {
  /// The price zones in force, given the agencies that take part (in the order listed): the zones defined, or
  /// under `award_method: by-participant` one zone per participant (id the agency's id, title its name); none
  /// when lines are priced once for all.
  public func priceZones(participants: [Agency]) -> [PriceZone] {
    if let zones { return zones }
    guard awardMethod == .byParticipant else { return [] }
    return participants.map { PriceZone(id: $0.id, title: $0.name, participants: [$0.id]) }
  }

  /// Whether lines are priced per zone: zones are defined, or the award is by participant.
  public var isPricedByZone: Bool { zones != nil || awardMethod == .byParticipant }

  /// The price option with `id` (in any case), if any.
  public func priceOption(withID id: String) -> PriceOption? {
    priceOptions.first { Identifier.same($0.id.value, id) }
  }
}
