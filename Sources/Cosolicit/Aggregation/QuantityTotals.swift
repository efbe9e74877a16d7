import Foundation

/// Committed and estimated quantities (by base unit, since units of different items do not add up) and values,
/// with the guaranteed minimums and the maximums. As-needed lines have no quantity and are left out; the totals
/// say how many.
public struct QuantityTotals: Sendable, Equatable {
  /// Committed quantity by base unit code.
  public var committedQuantity: [String: Decimal] = [:]
  /// Estimated quantity by base unit code.
  public var estimatedQuantity: [String: Decimal] = [:]
  /// Guaranteed minimum quantity by base unit code.
  public var minimumQuantity: [String: Decimal] = [:]
  /// Maximum quantity by base unit code.
  public var maximumQuantity: [String: Decimal] = [:]
  /// Committed value of the lines with an estimated price.
  public var committedValue: Decimal = 0
  /// Estimated value of the lines with an estimated price.
  public var estimatedValue: Decimal = 0
  /// Guaranteed minimum value of the lines with an estimated price.
  public var minimumValue: Decimal = 0
  /// Maximum value of the lines with an estimated price.
  public var maximumValue: Decimal = 0
  /// The number of lines, as-needed lines included.
  public var lineCount = 0
  /// The number of lines (not as-needed) without an estimated price, whose value is not in the totals.
  public var unpricedLineCount = 0
  /// The number of as-needed lines, which have no quantity and are not in the totals.
  public var asNeededLineCount = 0

  /// The totals of `lines`.
  public init(_ lines: [SolicitationLine]) {
    for line in lines {
      lineCount += 1
      if line.isAsNeeded {
        asNeededLineCount += 1
        continue
      }
      committedQuantity[line.unit.code, default: 0] += line.committedQuantity
      estimatedQuantity[line.unit.code, default: 0] += line.estimatedQuantity
      minimumQuantity[line.unit.code, default: 0] += line.minimumQuantity
      maximumQuantity[line.unit.code, default: 0] += line.maximumQuantity
      committedValue += line.committedValue ?? 0
      estimatedValue += line.estimatedValue ?? 0
      minimumValue += line.minimumValue ?? 0
      maximumValue += line.maximumValue ?? 0
      if line.estimatedUnitPrice == nil { unpricedLineCount += 1 }
    }
  }
}
