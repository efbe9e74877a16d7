import Foundation

/// The bid security and performance bond the solicitation requires (`bonds`), as percentages.
public struct Bonds: Sendable {
  /// Bid security, as a percentage of the bid's total (0 to 100).
  public var bidSecurityPercent: Decimal?
  /// The performance bond, as a percentage of the contract value (0 to 100).
  public var performanceBondPercent: Decimal?
}
