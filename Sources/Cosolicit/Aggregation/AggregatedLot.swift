/// A lot of the joint solicitation with its lines.
public struct AggregatedLot: Sendable {
  /// The lot as defined.
  public var lot: Lot
  /// Its lines, in line-number order.
  public var lines: [SolicitationLine]
  /// The lot's totals.
  public var totals: QuantityTotals { QuantityTotals(lines) }
}
