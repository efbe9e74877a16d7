import Foundation

/// An addendum the lead agency issued to the solicitation (`addenda` in `solicitation.yaml`): its number, the date
/// it was issued and what it changes in a sentence. The RFPs list the addenda issued and the bid forms ask bidders
/// to acknowledge each.
public struct Addendum: Sendable {
  /// The addendum's number: a positive integer, increasing in the order the addenda were issued.
  public var number: Located<Int>
  /// The date it was issued.
  public var issued: Located<CalendarDate>
  /// What it changes, in a sentence; nil when the definition gives none.
  public var summary: String?

  /// Creates an addendum record.
  public init(number: Located<Int>, issued: Located<CalendarDate>, summary: String? = nil) {
    self.number = number
    self.issued = issued
    self.summary = summary
  }
}
