import Foundation

/// Proves that every total and value of a joint solicitation is exact: each sum and product is redone with
/// ``ExactArithmetic``, which refuses results that would not fit `Decimal`'s 38 digits.
enum ExactnessCheck {
  /// The first total that would lose digits, as an error at the line it concerns; nil when all are exact.
  static func firstProblem(in lots: [AggregatedLot]) -> Diagnostic? {
    if fitsByBound(lots) { return nil }
    return firstProblemBySteps(in: lots)
  }

  /// Whether a bound on every total proves them all exact, in one cheap pass.
  ///
  /// Quantities and prices are not negative. With `n` shares whose largest quantity has `i` integer digits and
  /// whose finest quantity has `f` fraction digits, every quantity total has at most `i + digits(n)` integer
  /// and `f` fraction digits; times prices of at most `ip` and `fp` digits, and summed over at most `n` lines
  /// twice, every value has at most `i + ip + 2 × (digits(n) + 1)` integer and `f + fp` fraction digits. When that
  /// fits in 38 digits, so does every sum and product the step-by-step check would redo.
  static func fitsByBound(_ lots: [AggregatedLot]) -> Bool {
    // Each line's extremes are found on every core, then combined.
    let bounds = ConcurrentMap.map(lots.flatMap(\.lines)) { Bound(of: $0) }
    var total = Bound()
    for bound in bounds {
      guard let combined = total.combined(with: bound) else { return false }
      total = combined
    }
    let countDigits = String(total.count).count
    let integer =
      ExactArithmetic.Shape(total.largestQuantity).integer + ExactArithmetic.Shape(total.largestPrice).integer
    let digits =
      integer + 2 * (countDigits + 1) + max(0, total.finestQuantity) + max(0, total.finestPrice)
    return digits <= ExactArithmetic.maximumDigits
  }

  /// The share count, largest quantity and price, and finest fractions of some lines; nil for a negative value.
  private struct Bound: Sendable {
    var count = 0
    var largestQuantity = Decimal(0)
    var largestPrice = Decimal(0)
    var finestQuantity = 0
    var finestPrice = 0
    var hasNegative = false

    init() {}

    init(of line: SolicitationLine) {
      if let price = line.estimatedUnitPrice {
        hasNegative = hasNegative || price < 0
        largestPrice = max(largestPrice, price)
        finestPrice = max(finestPrice, -price.exponent)
      }
      for share in line.shares.figures {
        hasNegative = hasNegative || share.quantity < 0
        count += 1
        if share.quantity > largestQuantity { largestQuantity = share.quantity }
        finestQuantity = max(finestQuantity, -share.quantity.exponent)
      }
    }

    /// Both bounds as one; nil when either saw a negative value.
    func combined(with other: Bound) -> Bound? {
      guard !hasNegative, !other.hasNegative else { return nil }
      var bound = self
      bound.count += other.count
      bound.largestQuantity = max(largestQuantity, other.largestQuantity)
      bound.largestPrice = max(largestPrice, other.largestPrice)
      bound.finestQuantity = max(finestQuantity, other.finestQuantity)
      bound.finestPrice = max(finestPrice, other.finestPrice)
      return bound
    }
  }

  /// Redoes every sum and product, returning the first that would not fit.
  static func firstProblemBySteps(in lots: [AggregatedLot]) -> Diagnostic? {
    var committedValue = Decimal(0)
    var estimatedValue = Decimal(0)
    var byUnit: [String: Decimal] = [:]
    var byParticipant: [String: Decimal] = [:]
    var shapes: [Decimal: ExactArithmetic.Shape] = [:]
    for line in lots.flatMap(\.lines) {
      func problem(_ what: String) -> Diagnostic {
        Diagnostic(
          .error,
          "line \(line.number) (\(line.itemID ?? line.description)): \(what) would need more than "
            + "\(ExactArithmetic.maximumDigits) digits to be exact; check the quantities and prices",
          at: line.shares.first?.source ?? .start(of: ""))
      }
      let binding = line.shares.filter { $0.commitment == .binding }.map(\.quantity)
      let estimate = line.shares.filter { $0.commitment == .estimate }.map(\.quantity)
      guard let committed = ExactArithmetic.sum(binding), let estimated = ExactArithmetic.sum(estimate),
        let unitTotal = ExactArithmetic.sum([byUnit[line.unit.code] ?? 0, committed, estimated])
      else { return problem("the total quantity") }
      byUnit[line.unit.code] = unitTotal
      guard let price = line.estimatedUnitPrice else { continue }
      let priceShape = ExactArithmetic.Shape(price)
      guard let committedPart = ExactArithmetic.product(committed, price),
        let estimatedPart = ExactArithmetic.product(estimated, price),
        let newCommitted = ExactArithmetic.sum(committedValue, committedPart),
        let newEstimated = ExactArithmetic.sum(estimatedValue, estimatedPart)
      else { return problem("the value") }
      (committedValue, estimatedValue) = (newCommitted, newEstimated)
      for share in line.shares {
        // Quantities repeat across shares; their shapes are worked out once each.
        let shape = shapes[share.quantity] ?? ExactArithmetic.Shape(share.quantity)
        shapes[share.quantity] = shape
        guard let value = ExactArithmetic.product(share.quantity, shape, price, priceShape),
          let total = ExactArithmetic.sum(byParticipant[share.agencyID] ?? 0, value)
        else { return problem("\(share.agencyID)'s value") }
        byParticipant[share.agencyID] = total
      }
    }
    return ExactArithmetic.sum(committedValue, estimatedValue) == nil
      ? Diagnostic(.error, "the combined value would need more than 38 digits to be exact", at: .start(of: "")) : nil
  }
}
