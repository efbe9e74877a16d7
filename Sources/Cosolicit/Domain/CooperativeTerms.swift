import Foundation

/// Who may use the resulting contract after award, for the piggyback-open variant's cooperative clause.
public struct CooperativeTerms: Sendable {
  /// The kinds of agencies eligible to use the contract.
  public var eligible: [EntityType]
  /// Where eligible agencies must be, such as "Public agencies located in the State of Oregon".
  public var geography: String?
  /// The administrative fee on cooperative sales, in percent.
  public var adminFeePercent: Decimal?
  /// How another agency gains access, such as "a participating addendum".
  public var instrument: String?
  /// How often the contractor reports cooperative sales, such as "quarterly".
  public var usageReporting: String?
}
