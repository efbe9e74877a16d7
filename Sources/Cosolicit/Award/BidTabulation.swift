import Foundation

/// The bid tabulation and award of a joint solicitation: every received bid, every line's prices side by side,
/// each award unit's evaluation, and the lines as awarded.
public struct BidTabulation: Sendable {
  /// The joint solicitation the bids answer, as aggregated from the workspace.
  public var joint: JointSolicitation
  /// The received bids, in file-name order.
  public var bids: [TabulatedBid]
  /// One row per line and zone priced, in solicitation order.
  public var rows: [TabulationRow]
  /// Each award unit's evaluation, in solicitation order.
  public var units: [UnitEvaluation]
  /// Every line (and zone) awarded, in solicitation order; empty while a tie is unresolved.
  public var awardedLines: [AwardedLine]
  /// The date of the award as recorded in `award.yaml` (`awarded`); nil when not recorded.
  public var awarded: CalendarDate? = nil

  /// Whether every unit that some bid may win has a winner (no unresolved tie).
  public var isAwarded: Bool { units.allSatisfy(\.unresolvedTie.isEmpty) }

  /// The bid with `id`.
  public func bid(_ id: String) -> TabulatedBid? { bids.first { $0.id == id } }
}
