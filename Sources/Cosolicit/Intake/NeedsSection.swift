import Foundation

/// What a needs file says for one agency: the agency when it could be read, and its complete lines, resolved.
struct NeedsSection: Sendable, Equatable {
  /// The agency, when its id and name could be read.
  var agency: Agency?
  /// The submission date, if given.
  var submitted: Located<CalendarDate>?
  /// The lines that could be read whole, in file order.
  var lines: [ResolvedNeed]
  /// The partial commitments' minimum quantities (`minimum_quantity`), by line position, in the line's base unit
  /// (a write-in's as written): few lines have one, so they are kept here and not in every ``ResolvedNeed``.
  var minimums: [Int32: Decimal] = [:]
  /// The releases of lines delivered in several (`releases`), by line position, in the unit each line was
  /// written in: few lines have them, so they are kept here and not in every ``ResolvedNeed``.
  var releases: [Int32: [DeliveryRelease]] = [:]
}

/// A needs line as read: each field that could be read, each with its position, before it is checked against
/// the solicitation and the catalog and resolved.
struct LineReading: Sendable {
  var location: SourceLocation
  var catalogItem: Located<String>?
  var writeIn: NeedLine.WriteIn?
  var quantity: Located<Decimal>?
  /// Whether the quantity is written `as-needed`: no quantity, never binding.
  var isAsNeeded = false
  /// The guaranteed part of the quantity (`minimum_quantity`), in the same unit: a partial commitment.
  var minimumQuantity: Located<Decimal>?
  var unit: Located<UnitOfMeasure>?
  var commitment: Commitment
  var deliverTo: String?
  var needBy: Located<CalendarDate>?
  /// A requirement for the supplier ("asset-tag before delivery"), shown to bidders beside the line.
  var spec: String?
  /// Context for the lead agency.
  var notes: String?
  /// The deliveries the quantity is split into, each with where its date is written; nil for one delivery.
  var releases: [Located<DeliveryRelease>]?
}
