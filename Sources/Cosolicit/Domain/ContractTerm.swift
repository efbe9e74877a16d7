/// The resulting contract's initial term and renewal options.
public struct ContractTerm: Sendable {
  /// The first day of the initial term.
  public var start: Located<CalendarDate>
  /// The initial term's length in months.
  public var months: Int
  /// How many renewals the lead agency may exercise.
  public var renewalOptions: Int
  /// The length of each renewal in months.
  public var renewalMonths: Int

  /// The last day of the initial term.
  public var end: CalendarDate { start.value.adding(months: months).previousDay }

  /// The last day of the term if every renewal is exercised.
  public var endWithRenewals: CalendarDate {
    start.value.adding(months: months + renewalOptions * renewalMonths).previousDay
  }
}
