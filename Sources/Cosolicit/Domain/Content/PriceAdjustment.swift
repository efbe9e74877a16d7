import Foundation

/// Whether and how unit prices may change over the term and its renewals (`price_adjustment`).
public struct PriceAdjustment: Sendable {
  /// The rule that applies.
  public enum Kind: String, Keyword, Sendable {
    /// Prices are firm for the whole term, renewals included.
    case none
    /// Prices may change once a year by the change in a published index.
    case annualIndex = "annual-index"
    /// Prices may change once a year, at most by a stated percentage.
    case annualPercentCap = "annual-percent-cap"
  }

  /// The rule.
  public var kind: Kind
  /// The published index an annual adjustment follows: required for `annual-index`.
  public var index: String?
  /// The largest yearly increase, in percent: required for `annual-percent-cap`.
  public var capPercent: Decimal?

  /// Firm prices.
  public static let firm = PriceAdjustment(kind: .none)
}
