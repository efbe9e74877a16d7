import Foundation

/// The participants' needs merged into one solicitation: one line per item and lot with the committed total
/// and every participant's share, traceable to the needs line it came from.
public struct JointSolicitation: Sendable {
  /// The lead agency's definition.
  public var solicitation: Solicitation
  /// The participants, ordered by agency id.
  public var participants: [ParticipantSummary]
  /// The lots in solicitation order, each with its lines.
  public var lots: [AggregatedLot]
  /// What the lead agency should review.
  public var review: [ReviewItem]
  /// The combined value against the formal-bid threshold.
  public var threshold: ThresholdCheck
  /// The price zones in force, in solicitation order; none when each line is priced once.
  public var zones = ZoneMap.none

  /// The quantities per zone with demand of `line`, in zone order; empty without zones.
  public func zoneQuantities(of line: SolicitationLine) -> [ZoneQuantities] { line.zoneQuantities(zones) }

  /// Every line, in line-number order.
  public var lines: [SolicitationLine] { lots.flatMap(\.lines) }
  /// The overall totals.
  public var totals: QuantityTotals { QuantityTotals(lines) }

  /// The number of participants of each entity type.
  public var participantsByType: [EntityType: Int] {
    var counts: [EntityType: Int] = [:]
    for participant in participants { counts[participant.agency.type ?? .other, default: 0] += 1 }
    return counts
  }
}
