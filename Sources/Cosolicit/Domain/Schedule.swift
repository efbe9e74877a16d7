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

  /// The events given with a time of day (`responses_due`, and `questions_due` from `questions.due`), by event;
  /// their days are in `dates` too.
  public var times: [Event: Located<LocalDateTime>] = [:]

  /// The date of `event`, if given.
  public subscript(event: Event) -> CalendarDate? { dates[event]?.value }

  /// The date and, if given, time of `event`.
  public func moment(_ event: Event) -> Located<LocalDateTime>? {
    times[event] ?? dates[event].map { Located(LocalDateTime(date: $0.value), at: $0.location) }
  }

  /// When responses are due: the date and, if given, the time.
  public var responsesDue: Located<LocalDateTime>? { moment(.responsesDue) }
}
