import Foundation

/// Exact sums of shares' quantities, for a line or one agency's run of shares on it, or of such runs' values, for
/// an agency: figures without a range (no band, no partial commitment: nearly all) by commitment only, the others
/// with their binding part, guaranteed minimum and maximum.
struct ShareSums {
  private var committed = DecimalSum()
  private var estimated = DecimalSum()
  private var ranged: (committed: DecimalSum, estimated: DecimalSum, minimum: DecimalSum, maximum: DecimalSum)?

  /// Adds `share`.
  mutating func add(_ share: ShareFigures) {
    guard share.range != nil else {
      switch share.commitment {
      case .binding: committed.add(share.quantity)
      case .estimate: estimated.add(share.quantity)
      }
      return
    }
    let quantities = share.quantities
    addRanged(quantities.committed, quantities.estimated, quantities.minimum, quantities.maximum)
  }

  /// Adds figures already summed (an agency's values on one line): its committed and estimated parts and, when
  /// they come from shares with a range, their minimum and maximum.
  mutating func add(committed: Decimal, estimated: Decimal, range: (minimum: Decimal, maximum: Decimal)?) {
    guard let range else {
      self.committed.add(committed)
      self.estimated.add(estimated)
      return
    }
    addRanged(committed, estimated, range.minimum, range.maximum)
  }

  private mutating func addRanged(_ committed: Decimal, _ estimated: Decimal, _ minimum: Decimal, _ maximum: Decimal) {
    var sums = ranged ?? (DecimalSum(), DecimalSum(), DecimalSum(), DecimalSum())
    sums.committed.add(committed)
    sums.estimated.add(estimated)
    sums.minimum.add(minimum)
    sums.maximum.add(maximum)
    ranged = sums
  }

  /// Whether a share added has a range of its own.
  var hasRange: Bool { ranged != nil }

  /// The committed and estimated parts, the guaranteed minimum and the maximum of what was added.
  var totals: (committed: Decimal, estimated: Decimal, minimum: Decimal, maximum: Decimal) {
    let (plainCommitted, plainEstimated) = (committed.value, estimated.value)
    guard let ranged else {
      return (plainCommitted, plainEstimated, plainCommitted, DecimalSum.total(plainCommitted, plainEstimated))
    }
    return (
      DecimalSum.total(plainCommitted, ranged.committed.value),
      DecimalSum.total(plainEstimated, ranged.estimated.value),
      DecimalSum.total(plainCommitted, ranged.minimum.value),
      DecimalSum.total(plainCommitted, plainEstimated, ranged.maximum.value)
    )
  }
}
