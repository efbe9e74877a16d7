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
    var count = 0
    var largest = (quantity: Decimal(0), price: Decimal(0))
    var finest = (quantity: 0, price: 0)
    for lot in lots {
      for line in lot.lines {
        if let price = line.estimatedUnitPrice {
          guard price >= 0 else { return false }
          largest.price = max(largest.price, price)
          finest.price = max(finest.price, -price.exponent)
        }
        for share in line.shares.figures {
          guard share.quantity >= 0 else { return false }
          count += 1
          if share.quantity > largest.quantity { largest.quantity = share.quantity }
          finest.quantity = max(finest.quantity, -share.quantity.exponent)
        }
      }
    }
    let countDigits = String(count).count
    let integer = ExactArithmetic.Shape(largest.quantity).integer + ExactArithmetic.Shape(largest.price).integer
    let digits = integer + 2 * (countDigits + 1) + max(0, finest.quantity) + max(0, finest.price)
    return digits <= ExactArithmetic.maximumDigits
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
