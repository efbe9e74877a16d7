import Foundation

/// Proves that every total and value of a joint solicitation is exact: each sum and product is redone with
/// ``ExactArithmetic``, which refuses results that would not fit `Decimal`'s 38 digits.
enum ExactnessCheck {
  /// The first total that would lose digits, as an error at the line it concerns; nil when all are exact.
  static func firstProblem(in lots: [AggregatedLot]) -> Diagnostic? {
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
