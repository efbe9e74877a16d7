import Foundation

/// One scheduled delivery of a needs line that is delivered in several releases over the term: a date and
/// the quantity due then, in the unit the participant wrote the line in. A line's releases sum exactly to its
/// quantity.
public struct DeliveryRelease: Sendable, Equatable {
  /// The date the release is needed by.
  public var date: CalendarDate
  /// The quantity due, in the line's unit as written; more than zero.
  public var quantity: Decimal

  /// The release of `quantity` on `date`.
  public init(date: CalendarDate, quantity: Decimal) {
    self.date = date
    self.quantity = quantity
  }

  /// The release as bidders read it: "400 on July 1, 2027" (with `unit` after the quantity when given:
  /// "400 XCS on July 1, 2027").
  public func text(unit: String? = nil) -> String {
    "\(DecimalText.grouped(quantity))\(unit.map { " \($0)" } ?? "") on \(Self.longDate(date))"
  }

  /// `releases` as one phrase: "400 on July 1, 2027; 600 on January 15, 2028".
  public static func text(_ releases: [DeliveryRelease], unit: String? = nil) -> String {
    releases.map { $0.text(unit: unit) }.joined(separator: "; ")
  }

  /// The form a needs table's `releases` cell takes: `2027-07-01: 400; 2028-01-15: 600`.
  public static func cellText(_ releases: [DeliveryRelease]) -> String {
    releases.map { "\($0.date): \(DecimalText.format($0.quantity))" }.joined(separator: "; ")
  }

  private static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]

  /// `date` as people read it: "July 1, 2027".
  static func longDate(_ date: CalendarDate) -> String { "\(monthNames[date.month - 1]) \(date.day), \(date.year)" }
}
