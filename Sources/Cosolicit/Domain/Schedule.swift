/// The solicitation's schedule of events, in the order they happen.
public struct Schedule: Sendable {
  /// An event of the schedule.
  public enum Event: String, CaseIterable, Sendable {
    case issue
    case questionsDue = "questions_due"
    case preBidConference = "pre_bid_conference"
    case responsesDue = "responses_due"
    case awardTarget = "award_target"

    /// Whether the event may be left out.
    public var isOptional: Bool { self == .preBidConference }
  }

  /// The dates given, by event.
  public var dates: [Event: Located<CalendarDate>]

  /// The date of `event`, if given.
  public subscript(event: Event) -> CalendarDate? { dates[event]?.value }
}
