/// The resulting contract's initial term and renewal options.
///
/// Every period follows one rule (`CalendarDate.lastDayOfPeriod(months:)`): a period of N months that starts on
/// day D ends the day before day D of the month N months later; when the start is the last day of its month, or
/// that later month has no day D, it ends on the last day of that later month. Each renewal starts the day
/// after the previous period ends, so the initial term and the renewals meet with no gap and no overlap.
public struct ContractTerm: Sendable {
  /// One period of the contract: the initial term or a renewal.
  public struct Period: Sendable, Equatable {
    /// The first day.
    public let start: CalendarDate
    /// The last day.
    public let end: CalendarDate
    /// The length in months.
    public let months: Int
  }

  /// The first day of the initial term.
  public let start: Located<CalendarDate>
  /// The initial term's length in months.
  public let months: Int
  /// How many renewals the lead agency may exercise.
  public let renewalOptions: Int
  /// The length of each renewal in months.
  public let renewalMonths: Int
  /// The initial term.
  public let initialPeriod: Period
  /// The renewal periods, in order, if every option is exercised.
  public let renewals: [Period]

  /// Works out the periods; nil when a period would end after 9999-12-31 (or has no months), since a date the
  /// calendar cannot hold is never clamped to one it can.
  public init?(start: Located<CalendarDate>, months: Int, renewalOptions: Int, renewalMonths: Int) {
    guard let initial = Self.period(from: start.value, months: months) else { return nil }
    var renewals: [Period] = []
    var previous = initial
    for _ in 0..<max(0, renewalOptions) {
      guard let next = previous.end.nextDay, let renewal = Self.period(from: next, months: renewalMonths) else {
        return nil
      }
      renewals.append(renewal)
      previous = renewal
    }
    self.start = start
    self.months = months
    self.renewalOptions = renewalOptions
    self.renewalMonths = renewalMonths
    self.initialPeriod = initial
    self.renewals = renewals
  }

  /// The last day of the initial term.
  public var end: CalendarDate { initialPeriod.end }

  /// The last day of the term if every renewal is exercised.
  public var endWithRenewals: CalendarDate { renewals.last?.end ?? initialPeriod.end }

  private static func period(from start: CalendarDate, months: Int) -> Period? {
    start.lastDayOfPeriod(months: months).map { Period(start: start, end: $0, months: months) }
  }
}
