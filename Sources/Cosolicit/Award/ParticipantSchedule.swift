import Foundation

/// One participant's award schedule: each line it committed to or estimated, who supplies it at what price,
/// its own quantity and extended price (rounded half up to cents per line), ready to become a purchase order.
public struct ParticipantSchedule: Sendable {
  /// One line of the schedule.
  public struct Line: Sendable {
    /// The lot.
    public var lotID: String
    /// The line number within the lot.
    public var lineNumber: Int
    /// The catalog item, nil for a write-in.
    public var itemID: String?
    /// What is bought.
    public var description: String
    /// The unit of measure code.
    public var unit: String
    /// The participant's zone, when lines are priced by zone.
    public var zoneID: String?
    /// The supplier awarded; nil when the line was not awarded (no responsive bid).
    public var award: AwardedLine?
    /// The participant's quantity (committed plus estimated), nil when as needed.
    public var quantity: Decimal?
    /// The participant's commitment on the line.
    public var commitment: Commitment
    /// The guaranteed minimum and the most that may be ordered, when a band or partial commitment sets them.
    public var minimumQuantity: Decimal?
    /// The most that may be ordered, when a band sets it above the quantity.
    public var maximumQuantity: Decimal?
    /// Where to deliver, as the participant gave it.
    public var deliverTo: String?
    /// When it is needed, as the participant gave it.
    public var needBy: CalendarDate?
    /// The scheduled releases, as the participant gave them.
    public var releases: [DeliveryRelease]?
    /// The awarded unit price × the participant's quantity, rounded half up to cents; nil when not awarded or
    /// as needed.
    public var extendedPrice: Decimal?
    /// The unit code the releases are written in, when it is not ``unit`` (a participant's own unit that does
    /// not convert exactly); nil when they are in ``unit``.
    public var releaseUnit: String? = nil
  }

  /// The participant.
  public var participant: Agency
  /// Its lines, in solicitation order.
  public var lines: [Line]
  /// The sum of the lines' extended prices.
  public var total: Decimal
}
