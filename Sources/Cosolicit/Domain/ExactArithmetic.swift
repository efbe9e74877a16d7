import Foundation

/// Decimal arithmetic that says when a result would not fit `Decimal`'s 38 significant digits, instead of
/// rounding silently as `*` and `+` do (and as `NSDecimalMultiply` does on Linux without reporting it).
public enum ExactArithmetic {
  /// The most significant digits a `Decimal` holds exactly.
  public static let maximumDigits = 38

  /// `a × b`, or nil when the exact product has more digits than fit.
  public static func product(_ a: Decimal, _ b: Decimal) -> Decimal? {
    if a == 0 || b == 0 { return 0 }
    return product(a, Shape(a), b, Shape(b))
  }

  /// `a × b` for values whose shapes are known already (a caller checking many products of few values).
  static func product(_ a: Decimal, _ shapeA: Shape, _ b: Decimal, _ shapeB: Shape) -> Decimal? {
    guard shapeA.significant + shapeB.significant <= maximumDigits else { return nil }
    return a * b
  }

  /// `a + b`, or nil when the exact sum has more digits than fit.
  public static func sum(_ a: Decimal, _ b: Decimal) -> Decimal? {
    if a == 0 { return b }
    if b == 0 { return a }
    let (left, right) = (Shape(a), Shape(b))
    let digits = max(left.integer, right.integer) + 1 + max(left.fraction, right.fraction)
    guard digits <= maximumDigits else { return nil }
    return a + b
  }

  /// The sum of `values`, or nil when a partial sum does not fit.
  public static func sum(_ values: some Sequence<Decimal>) -> Decimal? {
    var total = Decimal(0)
    for value in values {
      guard let next = sum(total, value) else { return nil }
      total = next
    }
    return total
  }

  /// How many digits a value has before and after the point, and in its significand. Read from the value's
  /// exponent and a comparison with powers of ten, without formatting it: this runs for every share. The
  /// significand may end in zeros, so `significant` can over-count, which only makes the check stricter.
  struct Shape {
    var integer = 0
    var fraction = 0
    var significant = 0

    private static let powersOfTen: [Decimal] = (0...38).map { power in
      var value = Decimal(1)
      for _ in 0..<power { value *= 10 }
      return value
    }

    init(_ value: Decimal) {
      guard value != 0 else { return }
      let significand = value.significand.magnitude
      // The number of digits: the first power of ten above the significand.
      var low = 0
      var high = Self.powersOfTen.count - 1
      while low < high {
        let middle = (low + high) / 2
        if Self.powersOfTen[middle] > significand { high = middle } else { low = middle + 1 }
      }
      significant = Self.powersOfTen[low] > significand ? low : Self.powersOfTen.count
      let exponent = value.exponent
      integer = max(0, significant + exponent)
      fraction = max(0, -exponent)
    }
  }
}
