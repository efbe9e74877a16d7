import Foundation

/// What a needs file says for one agency: the agency when it could be read, and its complete lines, resolved.
struct NeedsSection: Sendable, Equatable {
  /// The agency, when its id and name could be read.
  var agency: Agency?
  /// The submission date, if given.
  var submitted: Located<CalendarDate>?
  /// The lines that could be read whole, in file order.
  var lines: [ResolvedNeed]
}

/// A needs line as read: each field that could be read, each with its position, before it is checked against
/// the solicitation and the catalog and resolved.
struct LineReading: Sendable {
  var location: SourceLocation
  var catalogItem: Located<String>?
  var writeIn: NeedLine.WriteIn?
  var quantity: Located<Decimal>?
  var unit: Located<UnitOfMeasure>?
  var commitment: Commitment
  var deliverTo: String?
  var needBy: Located<CalendarDate>?
  /// A requirement for the supplier ("asset-tag before delivery"), shown to bidders beside the line.
  var spec: String?
  /// Context for the lead agency.
  var notes: String?
}
