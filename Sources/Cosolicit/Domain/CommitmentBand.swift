import Foundation

/// The range a binding quantity commits a participant within: at least ``minimumPercent`` and at most
/// ``maximumPercent`` of the quantity stated ("90–110 %", "a 60 % minimum").
///
/// A band given with only a minimum has a maximum of 100 % (the stated quantity is the ceiling); one with only a
/// maximum has a minimum of 100 % (the stated quantity is guaranteed, more may be ordered). The minimum is never
/// above 100 % and the maximum never below, so that minimum ≤ nominal ≤ maximum always holds.
public struct CommitmentBand: Sendable, Hashable {
  /// The guaranteed part of the stated quantity, in percent (0–100).
  public var minimumPercent: Decimal
  /// The most that may be ordered, in percent of the stated quantity (100–1000).
  public var maximumPercent: Decimal

  /// The band that commits exactly the stated quantity.
  public static let exact = CommitmentBand(minimumPercent: 100, maximumPercent: 100)

  /// A band from `minimumPercent` to `maximumPercent`.
  public init(minimumPercent: Decimal, maximumPercent: Decimal) {
    self.minimumPercent = minimumPercent
    self.maximumPercent = maximumPercent
  }

  /// The band in words: "at least 90 % and at most 110 %".
  public var summary: String {
    "at least \(DecimalText.format(minimumPercent)) % and at most \(DecimalText.format(maximumPercent)) %"
  }

  /// Whether the band commits exactly the stated quantity (100–100 %).
  public var isExact: Bool { minimumPercent == 100 && maximumPercent == 100 }

  /// The guaranteed minimum of a binding `quantity`, exact (`quantity × minimum ÷ 100`).
  public func minimum(of quantity: Decimal) -> Decimal {
    minimumPercent == 100 ? quantity : quantity * minimumPercent / 100
  }

  /// The most that may be ordered of a binding `quantity`, exact (`quantity × maximum ÷ 100`).
  public func maximum(of quantity: Decimal) -> Decimal {
    maximumPercent == 100 ? quantity : quantity * maximumPercent / 100
  }

  /// The lowest and highest percent a band may give.
  public static let percentRange: ClosedRange<Decimal> = 0...1000
}

/// What one share commits its participant to, in the line's base unit: the guaranteed minimum, the nominal
/// (stated) quantity and the most that may be ordered, and how much of the nominal binds.
public struct ShareQuantities: Sendable, Equatable {
  /// The quantity the participant guarantees to buy.
  public var minimum: Decimal
  /// The quantity stated.
  public var nominal: Decimal
  /// The most the participant may order.
  public var maximum: Decimal
  /// The part of ``nominal`` that binds (the rest is estimated).
  public var committed: Decimal

  /// The part of ``nominal`` that is estimated.
  public var estimated: Decimal { nominal - committed }

  /// The quantities of a share: an as-needed share has none; an estimate guarantees nothing, up to its quantity;
  /// a partial commitment (`partialMinimum`, from `minimum_quantity`) guarantees that much, binds it, and may go
  /// up to the band's maximum of the whole quantity; a binding share binds its quantity within `band`.
  public init(
    nominal: Decimal, commitment: Commitment, partialMinimum: Decimal?, band: CommitmentBand?, isAsNeeded: Bool
  ) {
    if isAsNeeded {
      self.init(minimum: 0, nominal: 0, maximum: 0, committed: 0)
      return
    }
    switch commitment {
    case .estimate:
      self.init(minimum: 0, nominal: nominal, maximum: nominal, committed: 0)
    case .binding:
      let maximum = band?.maximum(of: nominal) ?? nominal
      if let partialMinimum {
        self.init(minimum: partialMinimum, nominal: nominal, maximum: maximum, committed: partialMinimum)
      } else {
        self.init(
          minimum: band?.minimum(of: nominal) ?? nominal, nominal: nominal, maximum: maximum, committed: nominal)
      }
    }
  }

  /// The quantities given outright.
  public init(minimum: Decimal, nominal: Decimal, maximum: Decimal, committed: Decimal) {
    self.minimum = minimum
    self.nominal = nominal
    self.maximum = maximum
    self.committed = committed
  }
}
