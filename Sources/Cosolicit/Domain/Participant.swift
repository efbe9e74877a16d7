/// An agency that pools its needs into the solicitation, with the lines it submitted.
public struct Participant: Sendable {
  /// The agency.
  public var agency: Agency
  /// The date the participant submitted its needs, if given.
  public var submitted: Located<CalendarDate>?
  /// Its lines, in file order.
  public var lines: [NeedLine]
}
