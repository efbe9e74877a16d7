import Foundation

/// What one participant brings to the joint solicitation.
public struct ParticipantSummary: Sendable {
  /// The agency.
  public var agency: Agency
  /// The needs file it came from.
  public var path: String
  /// The submission date, if given.
  public var submitted: CalendarDate?
  /// How many needs lines it submitted.
  public var lineCount: Int
  /// How many of them bind it.
  public var bindingLineCount: Int
  /// Its binding quantities at the estimated unit prices (lines without a price count nothing).
  public var committedValue: Decimal
  /// Its non-binding quantities at the estimated unit prices.
  public var estimatedValue: Decimal
  /// Its guaranteed minimum quantities at the estimated unit prices.
  public var minimumValue: Decimal = 0
  /// Its maximum quantities at the estimated unit prices.
  public var maximumValue: Decimal = 0
  /// How many of its lines are as-needed, with no quantity and so no value.
  public var asNeededLineCount = 0
}
