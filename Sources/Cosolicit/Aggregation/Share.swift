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
  /// Whether the participant wrote the line `as-needed`: no quantity (``quantity`` is 0), never binding.
  public var isAsNeeded = false
  /// A partial commitment's guaranteed minimum (`minimum_quantity`) in the line's base unit; nil for none.
  public var partialMinimum: Decimal?
  /// The band the share's binding quantity commits within; nil commits exactly.
  public var band: CommitmentBand?
  /// The deliveries the share is split into, in the unit the participant wrote (``originalUnit``); nil for
  /// one delivery by ``needBy``.
  public var releases: [DeliveryRelease]? = nil

  /// The guaranteed minimum, nominal and maximum quantities, and the binding part.
  public var quantities: ShareQuantities {
    ShareQuantities(
      nominal: quantity, commitment: commitment, partialMinimum: partialMinimum, band: band, isAsNeeded: isAsNeeded)
  }
  /// The quantity the participant guarantees to buy.
  public var minimumQuantity: Decimal { quantities.minimum }
  /// The most the participant may order.
  public var maximumQuantity: Decimal { quantities.maximum }
}
