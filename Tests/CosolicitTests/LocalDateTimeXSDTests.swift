import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// A bid's `<received>` (`xs:dateTime`) as a wall time in the solicitation's time zone: an offset converts the
/// instant, no offset keeps the written time, across daylight-saving changes and day and year boundaries.
@Suite struct LocalDateTimeXSDTests {
  static let pacific = TimeZone(identifier: "America/Los_Angeles")!
  static let eastern = TimeZone(identifier: "America/New_York")!

  static func wall(_ text: String, _ zone: TimeZone? = pacific) -> String? {
    LocalDateTime(xsdDateTime: text, in: zone)?.description
  }

  @Test(arguments: [
    // Without an offset: the written wall time, whatever the zone.
    ("2027-03-09T13:52:00", "2027-03-09T13:52:00"),
    ("2027-03-09T13:52:07.5", "2027-03-09T13:52:07"),
    // With an offset: the instant's wall time in Los Angeles.
    ("2027-03-09T13:52:00-08:00", "2027-03-09T13:52:00"),
    ("2027-03-09T16:52:00-05:00", "2027-03-09T13:52:00"),
    ("2027-03-09T21:52:00Z", "2027-03-09T13:52:00"),
    ("2027-03-09T21:52:00+00:00", "2027-03-09T13:52:00"),
    ("2027-03-10T03:22:00+05:30", "2027-03-09T13:52:00"),
    ("2027-03-09T21:52:59.999Z", "2027-03-09T13:52:59"),
    // Across the day and the year.
    ("2027-03-10T02:00:00Z", "2027-03-09T18:00:00"),
    ("2027-01-01T03:00:00+00:00", "2026-12-31T19:00:00"),
    // 24:00:00 is the next day's midnight.
    ("2027-03-09T24:00:00", "2027-03-10T00:00:00"),
    ("2027-12-31T24:00:00.000-08:00", "2028-01-01T00:00:00"),
    // Daylight saving starts 2027-03-14 at 02:00 PST (10:00 UTC): the clock jumps to 03:00 PDT.
    ("2027-03-14T09:59:59Z", "2027-03-14T01:59:59"),
    ("2027-03-14T10:00:00Z", "2027-03-14T03:00:00"),
    ("2027-03-14T02:30:00-08:00", "2027-03-14T03:30:00"),
    // It ends 2027-11-07 at 02:00 PDT (09:00 UTC): 01:30 happens twice, an hour apart.
    ("2027-11-07T08:30:00Z", "2027-11-07T01:30:00"),
    ("2027-11-07T09:30:00Z", "2027-11-07T01:30:00"),
    ("2027-11-07T10:00:00Z", "2027-11-07T02:00:00"),
  ])
  func wallTimeInTheSolicitationsZone(text: String, expected: String) {
    #expect(Self.wall(text) == expected)
  }

  @Test func anOffsetWithoutAZoneKeepsTheWrittenTime() {
    #expect(Self.wall("2027-03-09T16:52:00-05:00", nil) == "2027-03-09T16:52:00")
    #expect(Self.wall("2027-03-09T16:52:00Z", nil) == "2027-03-09T16:52:00")
    #expect(Self.wall("2027-03-09T16:52:00", nil) == "2027-03-09T16:52:00")
    #expect(Self.wall("2027-03-09T21:52:00Z", Self.eastern) == "2027-03-09T16:52:00")
  }

  @Test(arguments: [
    "", "2027-03-09", "2027-03-09T13:52", "2027-03-09 13:52:00", "2027-03-09T13:52:00+15:00",
    "2027-03-09T13:52:00+14:30", "2027-03-09T13:52:00.", "2027-03-09T13:52:00-0800", "2027-03-09T13:52:60",
    "2027-03-09T24:00:01", "2027-03-09T24:00:00.5", "2027-03-09T13:52:00Zjunk", "2027-02-29T10:00:00",
    "2027-03-09T13:52:00-08:60", "2027-03-09t13:52:00", "9999-12-31T24:00:00", "2027-03-09T13:52:00 Z",
    "+2027-03-09T13:52:00",
  ])
  func refusedForms(text: String) {
    #expect(LocalDateTime(xsdDateTime: text, in: Self.pacific) == nil)
  }

  /// What ``LocalDateTime/isoText(in:)`` writes reads back as the same wall time, every 15 minutes through both
  /// days that change the clocks (but for the hour the spring change skips, which no clock shows).
  @Test func theOffsetFormReadsBackAcrossDaylightSavingChanges() throws {
    for day in ["2027-03-14", "2027-11-07", "2027-07-01"] {
      for minute in stride(from: 0, to: 24 * 60, by: 15) {
        let text = day + String(format: "T%02d:%02d", minute / 60, minute % 60)
        let wall = try #require(LocalDateTime(iso: text))
        if day == "2027-03-14", minute / 60 == 2 { continue }
        let written = wall.isoText(in: Self.pacific)
        #expect(LocalDateTime(xsdDateTime: written, in: Self.pacific) == wall, "\(written)")
        // The same instant written in UTC reads back as the same wall time too.
        let utc = ISO8601DateFormatter().string(from: wall.instant(in: Self.pacific))
        #expect(LocalDateTime(xsdDateTime: utc, in: Self.pacific) == wall, "\(utc)")
      }
    }
  }

  @Test func epochDaysRoundTrip() throws {
    for days in stride(from: -719_162, through: 2_932_896, by: 997) {
      let date = try #require(LocalDateTime.civilDate(fromEpochDays: days), "\(days)")
      #expect(LocalDateTime.epochDays(of: date) == days)
    }
    #expect(LocalDateTime.civilDate(fromEpochDays: 0)?.description == "1970-01-01")
    #expect(LocalDateTime.civilDate(fromEpochDays: 20_819)?.description == "2027-01-01")
    #expect(LocalDateTime.civilDate(fromEpochDays: -719_163) == nil, "year 0")
  }
}
