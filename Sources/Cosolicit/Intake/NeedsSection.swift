import Foundation

/// What a needs file says for one agency, as read: the agency when it could be read, and every line, complete
/// or not, so that each check runs on whatever could be read and one mistake does not hide another.
struct NeedsSection: Sendable {
  /// The agency, when its id and name could be read.
  var agency: Agency?
  /// The submission date, if given.
  var submitted: Located<CalendarDate>?
  /// Every line read.
  var lines: [LineReading]

  /// The participant, when the agency could be read; it keeps only the complete lines.
  var participant: Participant? {
    agency.map { Participant(agency: $0, submitted: submitted, lines: lines.compactMap(\.line)) }
  }
}

/// A needs line as read: each field that could be read, each with its position.
struct LineReading: Sendable {
  var location: SourceLocation
  var catalogItem: Located<String>?
  var writeIn: NeedLine.WriteIn?
  var quantity: Located<Decimal>?
  var unit: Located<UnitOfMeasure>?
  var commitment: Commitment
  var deliverTo: String?
  var needBy: Located<CalendarDate>?
  var notes: String?

  /// The line, when everything it needs could be read.
  var line: NeedLine? {
    guard let quantity, let unit else { return nil }
    let item: NeedLine.Item
    if let catalogItem {
      item = .catalog(catalogItem)
    } else if let writeIn {
      item = .writeIn(writeIn)
    } else {
      return nil
    }
    return NeedLine(
      location: location, item: item, quantity: quantity, unit: unit, commitment: commitment,
      deliverTo: deliverTo, needBy: needBy, notes: notes)
  }
}
