/// A calendar day written `YYYY-MM-DD` (ISO 8601), free of time zones so that results never depend on where
/// the tool runs.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year, 1 through 9999.
  public let year: Int
  /// The month, 1 through 12.
  public let month: Int
  /// The day of the month, 1 through the month's length.
  public let day: Int

  /// Creates a date, or nil when the day does not exist (such as February 30).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CalendarDate.length(ofMonth: month, in: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses exactly `YYYY-MM-DD`; returns nil for anything else, including days that do not exist.
  public init?(iso text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for byte in bytes[range] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      return nil
    }
    self.init(year: year, month: month, day: day)
  }

  /// The date `months` calendar months later, clamped to the end of a shorter month (Jan 31 + 1 = Feb 28) and to
  /// the years 1–9999. Contract periods do not use it: see `lastDayOfPeriod(months:)`, which never clamps.
  public func adding(months: Int) -> CalendarDate {
    let total = year * 12 + (month - 1) + months
    let newYear = min(max(total / 12, 1), 9999)
    let newMonth = total % 12 + 1
    let newDay = min(day, CalendarDate.length(ofMonth: newMonth, in: newYear))
    return CalendarDate(year: newYear, month: newMonth, day: newDay) ?? self
  }

  /// The last day of a period of `months` calendar months (at least 1) that starts on this day, or nil when that
  /// day would fall after 9999-12-31, the last day a `CalendarDate` holds. The rule, for a start on day D of
  /// month M and the target month T, `months` months after M:
  ///
  /// - When D is the last day of M, or T has no day D (a start on the 29th, 30th or 31st), the period ends on
  ///   the last day of T: 2028-02-29 + 12 ends 2029-02-28, 2027-01-31 + 1 ends 2027-02-28, 2027-04-30 + 1 ends
  ///   2027-05-31.
  /// - Otherwise it ends the day before day D of T: 2027-07-01 + 36 ends 2030-06-30, 2027-01-29 + 13 ends
  ///   2028-02-28, 2027-03-30 + 1 ends 2027-04-29.
  ///
  /// The next period starts the day after, so consecutive periods meet with no gap and no overlap.
  public func lastDayOfPeriod(months: Int) -> CalendarDate? {
    guard months >= 1 else { return nil }
    let (index, overflow) = (year * 12 + month - 1).addingReportingOverflow(months)
    guard !overflow else { return nil }
    let (targetYear, targetMonth) = (index / 12, index % 12 + 1)
    let targetLength = CalendarDate.length(ofMonth: targetMonth, in: targetYear)
    if day == CalendarDate.length(ofMonth: month, in: year) || day > targetLength {
      return CalendarDate(year: targetYear, month: targetMonth, day: targetLength)
    }
    if day > 1 { return CalendarDate(year: targetYear, month: targetMonth, day: day - 1) }
    // A start on the 1st ends on the last day of the month before the target, which may be in 9999.
    let (endYear, endMonth) = ((index - 1) / 12, (index - 1) % 12 + 1)
    return CalendarDate(year: endYear, month: endMonth, day: CalendarDate.length(ofMonth: endMonth, in: endYear))
  }

  /// The day after this one, or nil after 9999-12-31.
  public var nextDay: CalendarDate? {
    if day < CalendarDate.length(ofMonth: month, in: year) {
      return CalendarDate(year: year, month: month, day: day + 1)
    }
    if month < 12 { return CalendarDate(year: year, month: month + 1, day: 1) }
    return CalendarDate(year: year + 1, month: 1, day: 1)
  }

  /// The day before this one.
  public var previousDay: CalendarDate {
    if day > 1 { return CalendarDate(year: year, month: month, day: day - 1) ?? self }
    let (y, m) = month == 1 ? (year - 1, 12) : (year, month - 1)
    guard y >= 1 else { return self }
    return CalendarDate(year: y, month: m, day: CalendarDate.length(ofMonth: m, in: y)) ?? self
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  static func length(ofMonth month: Int, in year: Int) -> Int {
    switch month {
    case 2:
      let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      return leap ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
