/// A date stored as Excel stores dates: a serial number of days, in the 1900 or the 1904 date system.
///
/// In the 1900 system (the default) day 1 is 1900-01-01, and day 60 is 1900-02-29, a day that never was
/// (Excel keeps Lotus 1-2-3's leap-year mistake), so every later day is one more than the days since
/// 1899-12-31. In the 1904 system (`<workbookPr date1904="1"/>`, old Mac workbooks) day 0 is 1904-01-01. A
/// fraction is the time of day, which a date ignores.
enum ExcelSerialDate {
  /// The date, written `yyyy-mm-dd`, of the serial number written `number` (plain decimal text, as
  /// `ExcelNumberText` writes it); or why it is no date.
  static func isoDate(_ number: String, uses1904: Bool) -> Result<String, DateProblem> {
    let whole = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
    guard !whole.hasPrefix("-") else { return .failure(.beforeFirstDay) }
    guard whole.count <= 8, let serial = Int(whole) else { return .failure(.afterLastDay) }
    let days: Int
    if uses1904 {
      days = daysFromCivil(year: 1904, month: 1, day: 1) + serial
    } else {
      guard serial >= 1 else { return .failure(.beforeFirstDay) }
      guard serial != 60 else { return .failure(.february29th1900) }
      days = daysFromCivil(year: 1899, month: 12, day: serial < 60 ? 31 : 30) + serial
    }
    let (year, month, day) = civil(fromDays: days)
    guard year <= 9999 else { return .failure(.afterLastDay) }
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return .success("\(year)-\(two(month))-\(two(day))")
  }

  /// Why a serial number is no date.
  enum DateProblem: Error, Equatable {
    /// Zero (in the 1900 system) or negative: before the first day.
    case beforeFirstDay
    /// After 9999-12-31.
    case afterLastDay
    /// Day 60 of the 1900 system, which Excel shows as 1900-02-29.
    case february29th1900

    /// What is wrong, for a finding at the cell.
    var message: String {
      switch self {
      case .beforeFirstDay: "is a date before the first day Excel counts"
      case .afterLastDay: "is a date after 9999-12-31"
      case .february29th1900: "is Excel's 1900-02-29, a day that does not exist"
      }
    }
  }

  /// Days since 1970-01-01 of a day of the proleptic Gregorian calendar.
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    CivilDays.days(year: year, month: month, day: day)
  }

  /// The day `days` after 1970-01-01.
  static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) { CivilDays.civil(fromDays: days) }
}
