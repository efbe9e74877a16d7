import Foundation

extension LocalDateTime {
  /// Parses an `xs:dateTime` as a bid's `<received>` carries it: `2027-03-09T13:52:00`, with optional fractional
  /// seconds (`13:52:00.250`, dropped: a received time is kept to the second, never later than the instant) and
  /// an optional offset, `Z` or `±HH:MM` (at most 14 hours). With an offset, the instant becomes the wall time
  /// in `timeZone` (so `2027-03-09T21:52:00Z` is 13:52 in Los Angeles); with an offset and no `timeZone`, the
  /// wall time is kept as written. Without an offset, the wall time is taken as written. `24:00:00` is the next
  /// day's midnight, as XML Schema defines. Nil for anything else, including a missing time or seconds.
  public init?(xsdDateTime text: String, in timeZone: TimeZone?) {
    let bytes = Array(text.utf8)
    guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
      bytes[16] == UInt8(ascii: ":"), let date = CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
      let hour = Self.digits(bytes, 11..<13), let minute = Self.digits(bytes, 14..<16),
      let second = Self.digits(bytes, 17..<19)
    else { return nil }
    var index = 19
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      let start = index
      while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
      guard index > start else { return nil }
    }
    var offsetSeconds: Int?
    if index < bytes.count {
      let sign = bytes[index]
      if sign == UInt8(ascii: "Z"), index + 1 == bytes.count {
        offsetSeconds = 0
      } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), index + 6 == bytes.count,
        bytes[index + 3] == UInt8(ascii: ":"), let hours = Self.digits(bytes, index + 1..<index + 3),
        let minutes = Self.digits(bytes, index + 4..<index + 6), minutes < 60, hours * 60 + minutes <= 14 * 60
      {
        offsetSeconds = (hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
      } else {
        return nil
      }
    }
    // 24:00:00 (with no fraction) ends the day: the next day's midnight.
    var day = date
    var clock = (hour, minute, second)
    if hour == 24 {
      guard minute == 0, second == 0,
        !bytes[19..<index].contains(where: { Self.isDigit($0) && $0 != UInt8(ascii: "0") }),
        let next = date.nextDay
      else { return nil }
      (day, clock) = (next, (0, 0, 0))
    }
    guard let time = TimeOfDay(hour: clock.0, minute: clock.1, second: clock.2) else { return nil }
    guard let offsetSeconds, let timeZone else {
      self.init(date: day, time: time)
      return
    }
    let instant = Self.epochSeconds(of: day) + time.hour * 3600 + time.minute * 60 + time.second - offsetSeconds
    let local = instant + timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
    let (days, secondOfDay) = (local.floorDivided(by: 86_400), local.floorModulo(86_400))
    guard let localDay = Self.civilDate(fromEpochDays: days),
      let localTime = TimeOfDay(hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60)
    else { return nil }
    self.init(date: localDay, time: localTime)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

  /// The two-digit number at `range` of `bytes`; nil when a byte is not an ASCII digit.
  private static func digits(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
    var value = 0
    for byte in bytes[range] {
      guard isDigit(byte) else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  /// Seconds from 1970-01-01T00:00:00Z to the start of `date` in UTC (proleptic Gregorian calendar).
  static func epochSeconds(of date: CalendarDate) -> Int { epochDays(of: date) * 86_400 }

  /// Days from 1970-01-01 to `date`.
  static func epochDays(of date: CalendarDate) -> Int {
    CivilDays.days(year: date.year, month: date.month, day: date.day)
  }

  /// The date `days` after 1970-01-01; nil outside years 1–9999.
  static func civilDate(fromEpochDays days: Int) -> CalendarDate? {
    let (year, month, day) = CivilDays.civil(fromDays: days)
    return CalendarDate(year: year, month: month, day: day)
  }
}

extension Int {
  /// The quotient rounded toward negative infinity.
  fileprivate func floorDivided(by divisor: Int) -> Int {
    let quotient = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }

  /// The remainder that goes with ``floorDivided(by:)``: from 0 up to `divisor`.
  fileprivate func floorModulo(_ divisor: Int) -> Int { self - floorDivided(by: divisor) * divisor }
}
