import Foundation

/// One participant's part of a solicitation line, traceable to the needs line it came from.
public struct Share: Sendable {
  /// The participant's agency id.
  public var agencyID: String
  /// The participant's agency name.
  public var agencyName: String
  /// The quantity in the line's base unit.
  public var quantity: Decimal
  /// The quantity as the participant wrote it.
  public var originalQuantity: Decimal
  /// The unit the participant wrote.
  public var originalUnit: UnitOfMeasure
  /// Whether the quantity binds the participant.
  public var commitment: Commitment
  /// The delivery site.
  public var deliverTo: String?
  /// The date delivery is needed by.
  public var needBy: CalendarDate?
  /// The participant's requirement for the supplier.
  public var spec: String?
  /// The participant's remarks for the lead agency.
  public var notes: String?
  /// The needs line the share came from.
  public var source: SourceLocation
  /// Whether the conversion to the base unit was exact (else rounded to 6 places).
  public var isExact: Bool
}
