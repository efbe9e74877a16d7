import Foundation

/// The combined value against the formal-bid threshold, and who would fall below it alone: the case for buying
/// jointly.
public struct ThresholdCheck: Sendable {
  /// A participant's own value.
  public struct ParticipantValue: Sendable {
    /// The agency id.
    public var agencyID: String
    /// Its committed and estimated quantities at the estimated unit prices.
    public var value: Decimal
  }

  /// The amount above which a formal competitive process is required, if the definition gives one.
  public var formalBidThreshold: Decimal?
  /// Every line's committed and estimated quantity at its estimated unit price.
  public var combinedValue: Decimal
  /// Lines without an estimated price, left out of the values.
  public var unpricedLineCount: Int
  /// Each participant's own value, ordered by agency id.
  public var participantValues: [ParticipantValue]

  /// Whether the combined value is above the threshold; nil without a threshold.
  public var requiresFormalProcess: Bool? { formalBidThreshold.map { combinedValue > $0 } }

  /// The participants whose own value is at or below the threshold.
  public var participantsBelow: [ParticipantValue] {
    guard let threshold = formalBidThreshold else { return [] }
    return participantValues.filter { $0.value <= threshold }
  }
}
