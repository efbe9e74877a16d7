import Foundation

/// A day, and optionally a wall-clock time on it, as the solicitation writes it: `2027-03-09`, `2027-03-09T14:00`
/// or `2027-03-09 14:00` (seconds optional). It names no time zone itself: the solicitation's `timezone` says
/// where the clock hangs, so the instant is computed only with one (``instant(in:)``).
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// A wall-clock time of day.
  public struct TimeOfDay: Hashable, Comparable, Sendable {
    /// The hour, 0 through 23.
    public let hour: Int
    /// The minute, 0 through 59.
    public let minute: Int
    /// The second, 0 through 59.
    public let second: Int

    /// Creates a time, or nil when a part is out of range.
    public init?(hour: Int, minute: Int, second: Int = 0) {
      guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
      self.hour = hour
      self.minute = minute
      self.second = second
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
      (lhs.hour, lhs.minute, lhs.second) < (rhs.hour, rhs.minute, rhs.second)
    }
  }

  /// The day.
  public let date: CalendarDate
  /// The time of day, if one is given.
  public let time: TimeOfDay?

  /// A day with an optional time.
  public init(date: CalendarDate, time: TimeOfDay? = nil) {
    self.date = date
    self.time = time
  }

  /// Parses `YYYY-MM-DD`, optionally followed by `T` or one space and `HH:MM` or `HH:MM:SS` (24-hour clock);
  /// returns nil for anything else, including days and times that do not exist.
  public init?(iso text: String) {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count >= 10, let date = CalendarDate(iso: String(String.UnicodeScalarView(scalars[0..<10])))
    else { return nil }
    guard scalars.count > 10 else {
      self.init(date: date)
      return
    }
    guard scalars[10] == "T" || scalars[10] == " ", [16, 19].contains(scalars.count) else { return nil }
    let clock = Array(scalars[11...])
    func number(_ at: Int) -> Int? {
      guard at + 1 < clock.count, let tens = clock[at].asciiDigit, let ones = clock[at + 1].asciiDigit else {
        return nil
      }
      return tens * 10 + ones
    }
    guard clock[2] == ":", clock.count == 5 || clock[5] == ":", let hour = number(0), let minute = number(3)
    else { return nil }
    var second = 0
    if clock.count == 8 {
      guard let value = number(6) else { return nil }
      second = value
    }
    guard let time = TimeOfDay(hour: hour, minute: minute, second: second) else { return nil }
    self.init(date: date, time: time)
  }

  /// Whether a time of day is given.
  public var hasTime: Bool { time != nil }

  /// The instant this wall-clock time names in `zone`; a date alone names its midnight. A time that falls in a
  /// daylight-saving gap moves forward by the gap, as clocks do; one that occurs twice names the first.
  public func instant(in zone: TimeZone) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let components = DateComponents(
      timeZone: zone, year: date.year, month: date.month, day: date.day, hour: time?.hour ?? 0,
      minute: time?.minute ?? 0, second: time?.second ?? 0)
    return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
  }

  /// `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` with a time: `xs:date` and `xs:dateTime` shapes.
  public var description: String {
    guard let time else { return date.description }
    return "\(date)T\(Self.two(time.hour)):\(Self.two(time.minute)):\(Self.two(time.second))"
  }

  /// With a time, `YYYY-MM-DDTHH:MM:SS±HH:MM`: the wall-clock time with `zone`'s offset from UTC at that
  /// instant, an `xs:dateTime` any reader can place without knowing the zone. A date alone is `YYYY-MM-DD`.
  public func isoText(in zone: TimeZone?) -> String {
    guard hasTime, let zone else { return description }
    let offset = zone.secondsFromGMT(for: instant(in: zone))
    let minutes = abs(offset) / 60
    return description + (offset < 0 ? "-" : "+") + Self.two(minutes / 60) + ":" + Self.two(minutes % 60)
  }

  /// As people read it: `March 9, 2027, 2:00 p.m. Pacific Time`; a date alone as `YYYY-MM-DD`, as every
  /// document prints dates. Seconds show only when not zero; noon and midnight are written `12:00 p.m.`
  /// and `12:00 a.m.`.
  public func spelled(in zone: TimeZone?) -> String {
    guard let time else { return date.description }
    let month = Self.monthNames[date.month - 1]
    let hour12 = time.hour % 12 == 0 ? 12 : time.hour % 12
    let seconds = time.second == 0 ? "" : ":" + Self.two(time.second)
    let meridiem = time.hour < 12 ? "a.m." : "p.m."
    let zoneName = zone.map { " " + TimeZoneName.generic(of: $0) } ?? ""
    return "\(month) \(date.day), \(date.year), \(hour12):\(Self.two(time.minute))\(seconds) \(meridiem)\(zoneName)"
  }

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]

  private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

  /// Earlier day first; on one day, a date alone (its start) before any time.
  public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
    if lhs.date != rhs.date { return lhs.date < rhs.date }
    switch (lhs.time, rhs.time) {
    case (nil, nil), (_, nil): return false
    case (nil, _): return true
    case (let left?, let right?): return left < right
    }
  }
}

extension Unicode.Scalar {
  /// The value of an ASCII digit `0`–`9`; nil for any other character.
  fileprivate var asciiDigit: Int? { ("0"..."9").contains(self) ? Int(value - 48) : nil }
}
