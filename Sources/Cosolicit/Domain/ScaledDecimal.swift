import Foundation

/// A decimal as a 128-bit integer significand and a power of ten: what `Decimal` holds, in a form that adds and
/// multiplies as machine integers. Sums of hundreds of thousands of quantities run on it; every operation says
/// when its result would not fit, and callers then fall back to `Decimal`.
struct ScaledDecimal: Sendable, Equatable {
  /// The value is `significand × 10^exponent`.
  var significand: Int128
  /// The power of ten.
  var exponent: Int

  static let zero = ScaledDecimal(significand: 0, exponent: 0)

  init(significand: Int128, exponent: Int) {
    self.significand = significand
    self.exponent = exponent
  }

  /// `value` read from `Decimal`'s storage; nil when the storage is not laid out as expected (checked once,
  /// on known values) or the value is not a number.
  init?(_ value: Decimal) {
    guard Self.storageIsKnown, let read = Self.read(value) else { return nil }
    self = read
  }

  /// The same value as a `Decimal`, in the compact form `Decimal`'s own arithmetic gives (no trailing zeros).
  var decimal: Decimal {
    guard significand != 0 else { return 0 }
    var magnitude = significand.magnitude
    var power = exponent
    while magnitude % 10 == 0 {
      magnitude /= 10
      power += 1
    }
    let high = UInt64(truncatingIfNeeded: magnitude >> 64)
    let low = UInt64(truncatingIfNeeded: magnitude)
    var digits = Decimal(low)
    if high != 0 { digits += Decimal(high) * Self.twoToThe64 }
    return Decimal(sign: significand < 0 ? .minus : .plus, exponent: power, significand: digits)
  }

  /// `self + other`, or nil when the exact sum does not fit.
  func adding(_ other: ScaledDecimal) -> ScaledDecimal? {
    guard let (left, right, exponent) = Self.aligned(self, other) else { return nil }
    let (sum, overflow) = left.addingReportingOverflow(right)
    return overflow ? nil : ScaledDecimal(significand: sum, exponent: exponent)
  }

  /// `self × other`, or nil when the exact product does not fit.
  func multiplied(by other: ScaledDecimal) -> ScaledDecimal? {
    let (product, overflow) = significand.multipliedReportingOverflow(by: other.significand)
    guard !overflow else { return nil }
    return ScaledDecimal(significand: product, exponent: exponent + other.exponent)
  }

  /// The two significands at the smaller exponent, or nil when one does not fit there.
  private static func aligned(
    _ a: ScaledDecimal, _ b: ScaledDecimal
  ) -> (Int128, Int128, exponent: Int)? {
    if a.exponent == b.exponent { return (a.significand, b.significand, a.exponent) }
    let (low, high) = a.exponent < b.exponent ? (a, b) : (b, a)
    guard let scaled = scale(high.significand, by: high.exponent - low.exponent) else { return nil }
    return a.exponent < b.exponent ? (low.significand, scaled, low.exponent) : (scaled, low.significand, low.exponent)
  }

  /// `value × 10^power`, or nil when it does not fit.
  private static func scale(_ value: Int128, by power: Int) -> Int128? {
    guard value != 0 else { return 0 }
    guard power < powersOfTen.count else { return nil }
    let (scaled, overflow) = value.multipliedReportingOverflow(by: powersOfTen[power])
    return overflow ? nil : scaled
  }

  private static let powersOfTen: [Int128] = (0...38).map { power in
    var value: Int128 = 1
    for _ in 0..<power { value *= 10 }
    return value
  }

  private static let twoToThe64 = Decimal(UInt64.max) + 1

  /// Reads `Decimal`'s storage: 20 bytes, an 8-bit exponent, then the length (in 16-bit words, high four bits)
  /// and the sign (bit 3) of the second byte, then eight little-endian 16-bit words of significand.
  private static func read(_ value: Decimal) -> ScaledDecimal? {
    guard MemoryLayout<Decimal>.size == 20 else { return nil }
    return withUnsafeBytes(of: value) { raw -> ScaledDecimal? in
      let exponent = Int(Int8(bitPattern: raw[0]))
      let length = Int(raw[1] >> 4)
      let negative = raw[1] & 0x08 != 0
      if length == 0 { return negative ? nil : .zero }
      guard length <= 8 else { return nil }
      var magnitude: UInt128 = 0
      for word in (0..<length).reversed() {
        let bits = UInt128(raw[4 + 2 * word]) | UInt128(raw[5 + 2 * word]) << 8
        magnitude = magnitude << 16 | bits
      }
      guard magnitude <= UInt128(Int128.max) else { return nil }
      let significand = Int128(magnitude)
      return ScaledDecimal(significand: negative ? -significand : significand, exponent: exponent)
    }
  }

  /// Whether reading `Decimal`'s storage gives the right value for known decimals, checked once.
  static let storageIsKnown: Bool = {
    let probes: [(String, Int128, Int)] = [
      ("0", 0, 0), ("1", 1, 0), ("-12.5", -125, -1), ("861.18118086", 86_118_118_086, -8),
      ("0.000001", 1, -6), ("1250", 125, 1),
      (
        "123456789012345678901234567890.12345678",
        12_345_678_901_234_567_890_123_456_789_012_345_678, -8
      ),
    ]
    return probes.allSatisfy { text, significand, exponent in
      guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")),
        let read = read(value)
      else { return false }
      return read.significand == significand && read.exponent == exponent
        && ScaledDecimal(significand: significand, exponent: exponent).decimal == value
    }
  }()
}

/// An exact running sum of decimals: machine integers while the sum fits 128 bits, `Decimal` after that.
struct DecimalSum: Sendable {
  private var scaled: ScaledDecimal? = .zero
  private var fallback = Decimal(0)

  /// Adds `value`.
  mutating func add(_ value: Decimal) {
    if let sum = scaled, let term = ScaledDecimal(value), let next = sum.adding(term) {
      scaled = next
      return
    }
    if let sum = scaled {
      fallback = sum.decimal
      scaled = nil
    }
    fallback += value
  }

  /// Adds `value × factor`.
  mutating func add(_ value: Decimal, times factor: Decimal) {
    if let sum = scaled, let left = ScaledDecimal(value), let right = ScaledDecimal(factor),
      let term = left.multiplied(by: right), let next = sum.adding(term)
    {
      scaled = next
      return
    }
    add(value * factor)
  }

  /// The sum.
  var value: Decimal { scaled?.decimal ?? fallback }

  /// The exact sum of `values`.
  static func total(_ values: Decimal...) -> Decimal {
    var sum = DecimalSum()
    for value in values { sum.add(value) }
    return sum.value
  }
}
