import Foundation
import Testing

@testable import Cosolicit

/// Sums and products on scaled integers give exactly what `Decimal` gives: the same value and the same text.
@Suite struct ScaledDecimalTests {
  /// A random decimal of 1 to `digits` digits at a random scale, sometimes negative.
  static func value(_ random: inout SeededRandom, digits: Int = 15, negative: Bool = false) -> Decimal {
    let count = Int.random(in: 1...digits, using: &random)
    var significand = Decimal(0)
    for _ in 0..<count { significand = significand * 10 + Decimal(Int.random(in: 0...9, using: &random)) }
    let sign: FloatingPointSign = negative && Bool.random(using: &random) ? .minus : .plus
    return Decimal(sign: sign, exponent: -Int.random(in: 0...12, using: &random), significand: significand)
  }

  @Test func decimalStorageIsReadAsExpected() {
    #expect(ScaledDecimal.storageIsKnown)
  }

  @Test(arguments: 1...8 as ClosedRange<UInt64>)
  func readingAndWritingBackGivesTheSameDecimal(seed: UInt64) throws {
    var random = SeededRandom(seed: seed)
    for _ in 0..<2_000 {
      let value = Self.value(&random, digits: 30, negative: true)
      let scaled = try #require(ScaledDecimal(value))
      #expect(scaled.decimal == value)
      #expect(DecimalText.format(scaled.decimal) == DecimalText.format(value), "\(value)")
    }
  }

  @Test(arguments: 1...8 as ClosedRange<UInt64>)
  func sumsAreDecimalSums(seed: UInt64) {
    var random = SeededRandom(seed: seed)
    for _ in 0..<200 {
      var exact = DecimalSum()
      var plain = Decimal(0)
      for _ in 0..<Int.random(in: 0...60, using: &random) {
        let value = Self.value(&random, negative: seed % 2 == 0)
        exact.add(value)
        plain += value
      }
      #expect(exact.value == plain)
      #expect(DecimalText.format(exact.value) == DecimalText.format(plain))
    }
  }

  @Test(arguments: 1...8 as ClosedRange<UInt64>)
  func sumsOfProductsAreDecimalSums(seed: UInt64) {
    var random = SeededRandom(seed: seed)
    for _ in 0..<200 {
      var exact = DecimalSum()
      var plain = Decimal(0)
      for _ in 0..<Int.random(in: 0...30, using: &random) {
        let (quantity, price) = (Self.value(&random, digits: 12), Self.value(&random, digits: 9))
        exact.add(quantity, times: price)
        plain += quantity * price
      }
      #expect(exact.value == plain)
      #expect(DecimalText.format(exact.value) == DecimalText.format(plain))
    }
  }

  /// Past 128 bits the sum carries on in `Decimal`, and still equals what `Decimal` alone gives.
  @Test func aSumBeyondMachineIntegersFallsBackToDecimal() throws {
    let large = try #require(Decimal(string: "99999999999999999999999999999999999"))
    var exact = DecimalSum()
    var plain = Decimal(0)
    for _ in 0..<20 {
      exact.add(large)
      plain += large
    }
    exact.add(Decimal(string: "0.5")!)
    plain += Decimal(string: "0.5")!
    #expect(exact.value == plain)
    #expect(ScaledDecimal(significand: .max, exponent: 0).adding(ScaledDecimal(significand: 1, exponent: 0)) == nil)
    #expect(
      ScaledDecimal(significand: 1, exponent: -30).adding(ScaledDecimal(significand: .max / 2, exponent: 0)) == nil)
  }
}
