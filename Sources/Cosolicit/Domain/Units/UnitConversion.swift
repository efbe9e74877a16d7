import Foundation

/// An exact conversion between two units: `target = source × numerator ÷ denominator`.
public struct UnitConversion: Hashable, Sendable {
  /// The multiplier's numerator.
  public let numerator: Decimal
  /// The multiplier's denominator; never zero.
  public let denominator: Decimal
  /// Whether this is the conversion of a unit to itself, which leaves every quantity as it is.
  private var isIdentity = false

  /// The conversion of a unit to itself.
  public static let identity = UnitConversion(numerator: 1, denominator: 1, isIdentity: true)

  /// The conversion from `source` to `target`, or nil when they do not convert.
  ///
  /// Units of one dimension convert by their factors (1 LBR = 0.45359237 KGM). A package converts through
  /// `packs`: how many `target` units one package holds, keyed by package code (`XCS: 12`).
  public static func between(
    _ source: UnitOfMeasure, _ target: UnitOfMeasure, packs: [String: Decimal] = [:]
  ) -> UnitConversion? {
    if source == target { return .identity }
    if let perPackage = packs[source.code], perPackage > 0 {
      return UnitConversion(numerator: perPackage, denominator: 1)
    }
    guard source.dimension == target.dimension, source.dimension.isConvertible else { return nil }
    return UnitConversion(numerator: source.factor, denominator: target.factor)
  }

  /// The decimal places a conversion that does not terminate is rounded to (half to even).
  public static let roundingScale = 6

  /// `quantity` in the target unit, and whether that is exact. A division that does not terminate (kilograms
  /// into pounds) is rounded half to even to ``roundingScale`` decimal places and reported as not exact.
  public func apply(to quantity: Decimal) -> (value: Decimal, isExact: Bool) {
    // Quantities and pack sizes have at most 15 digits (DecimalText) and unit factors at most 13, so the product
    // has at most 30 and is exact.
    if isIdentity { return (quantity, true) }
    let scaled = quantity * numerator
    if denominator == 1 { return (scaled, true) }
    var value = scaled / denominator
    if value * denominator == scaled { return (value, true) }
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, Self.roundingScale, .bankers)
    return (rounded, false)
  }
}

extension UnitOfMeasure.Dimension {
  /// Whether units of this dimension convert into each other by their factors.
  var isConvertible: Bool {
    switch self {
    case .count, .mass, .volume, .length, .area, .time, .calendarTime, .energy: true
    case .pair, .set, .lumpSum, .service, .package: false
    }
  }
}
