import Foundation

/// Exact sums of shares' quantities, for a line or one agency's run of shares on it: shares without a range (no
/// band, no partial commitment: nearly all) by commitment only, the others with their binding part, guaranteed
/// minimum and maximum.
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
    var sums = ranged ?? (DecimalSum(), DecimalSum(), DecimalSum(), DecimalSum())
    sums.committed.add(quantities.committed)
    sums.estimated.add(quantities.estimated)
    sums.minimum.add(quantities.minimum)
    sums.maximum.add(quantities.maximum)
    ranged = sums
  }

  /// Whether a share added has a range of its own.
  var hasRange: Bool { ranged != nil }

  /// The committed and estimated quantities, the guaranteed minimum and the maximum of the shares added.
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
