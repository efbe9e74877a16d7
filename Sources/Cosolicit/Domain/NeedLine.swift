import Foundation

/// One line of a participant's needs: what, how much, in which unit, where and when.
public struct NeedLine: Sendable {
  /// What the line asks for.
  public enum Item: Sendable {
    /// A catalog item, by id.
    case catalog(Located<String>)
    /// An item not in the catalog, described by the participant.
    case writeIn(WriteIn)
  }

  /// An item a participant describes itself because the catalog lacks it.
  public struct WriteIn: Sendable, Equatable {
    /// The participant's specification.
    public var description: String
    /// The commodity code, which places the write-in in a lot.
    public var classification: Located<Classification>
  }

  /// Where the line starts.
  public var location: SourceLocation
  /// What the line asks for.
  public var item: Item
  /// How much, in `unit`; 0 for an as-needed line.
  public var quantity: Located<Decimal>
  /// Whether the line is written `as-needed`: no quantity, never binding.
  public var isAsNeeded = false
  /// The unit the participant wrote.
  public var unit: Located<UnitOfMeasure>
  /// Whether the quantity binds the participant.
  public var commitment: Commitment
  /// The delivery site.
  public var deliverTo: String?
  /// The date the participant needs delivery by: a line delivered in releases, its first release's.
  public var needBy: Located<CalendarDate>?
  /// The deliveries the quantity is split into, in the unit written; nil for one delivery by ``needBy``.
  public var releases: [DeliveryRelease]?
  /// A requirement for the supplier ("asset-tag before delivery", "fragrance free"), shown to bidders.
  public var spec: String?
  /// Context for the lead agency ("replaces projectors in 6 classrooms"), not shown to bidders.
  public var notes: String?
  /// The quantity in the catalog item's base unit, once resolved against the workspace's catalog; a write-in's
  /// quantity as written, since its line's unit is chosen when write-ins merge.
  public var baseQuantity: Decimal?
  /// Whether ``baseQuantity`` is exact; else it is rounded to ``UnitConversion/roundingScale`` places.
  public var isExact: Bool = true
}
