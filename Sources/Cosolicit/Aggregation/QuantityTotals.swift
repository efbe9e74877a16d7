import Foundation

/// Committed and estimated quantities (by base unit, since units of different items do not add up) and values.
public struct QuantityTotals: Sendable, Equatable {
  /// Committed quantity by base unit code.
  public var committedQuantity: [String: Decimal] = [:]
  /// Estimated quantity by base unit code.
  public var estimatedQuantity: [String: Decimal] = [:]
  /// Committed value of the lines with an estimated price.
  public var committedValue: Decimal = 0
  /// Estimated value of the lines with an estimated price.
  public var estimatedValue: Decimal = 0
  /// The number of lines.
  public var lineCount = 0
  /// The number of lines without an estimated price, whose value is not in the totals.
  public var unpricedLineCount = 0

  /// The totals of `lines`.
  public init(_ lines: [SolicitationLine]) {
    for line in lines {
      committedQuantity[line.unit.code, default: 0] += line.committedQuantity
      estimatedQuantity[line.unit.code, default: 0] += line.estimatedQuantity
      committedValue += line.committedValue ?? 0
      estimatedValue += line.estimatedValue ?? 0
      lineCount += 1
      if line.estimatedUnitPrice == nil { unpricedLineCount += 1 }
    }
  }
}
