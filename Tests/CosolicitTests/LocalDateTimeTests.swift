import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Local dates and times: parsed as written, printed as people read them in the solicitation's time zone
/// whatever the machine's own zone and locale, and placed on the time line for lateness.
@Suite struct LocalDateTimeTests {
  @Test(arguments: [
    ("2027-03-09", "2027-03-09"), ("2027-03-09T14:00", "2027-03-09T14:00:00"),
    ("2027-03-09 14:00", "2027-03-09T14:00:00"), ("2027-03-09T09:05:30", "2027-03-09T09:05:30"),
    ("2027-03-09T00:00", "2027-03-09T00:00:00"),
  ])
  func acceptedForms(text: String, iso: String) throws {
    #expect(try #require(LocalDateTime(iso: text)).description == iso)
  }

  @Test(arguments: [
    "2027-03-09T24:00", "2027-03-09T14:60", "2027-03-09T14", "2027-03-09T1400", "2027-02-30T10:00",
    "2027-03-09  14:00", "2027-03-09T14:00Z", "2027-03-09T14:00:00-08:00", "2:00 PM", "2027-03-09T١٤:00",
  ])
  func refusedForms(text: String) {
    #expect(LocalDateTime(iso: text) == nil)
  }

  @Test func spelledAsPeopleReadIt() throws {
    let pacific = try #require(TimeZone(identifier: "America/Los_Angeles"))
    func spelled(_ text: String, _ zone: TimeZone? = pacific) throws -> String {
      try #require(LocalDateTime(iso: text)).spelled(in: zone)
    }
    #expect(try spelled("2027-03-09T14:00") == "March 9, 2027, 2:00 p.m. Pacific Time")
    #expect(try spelled("2027-07-09T14:00") == "July 9, 2027, 2:00 p.m. Pacific Time", "one name all year")
    #expect(try spelled("2027-03-09T12:00") == "March 9, 2027, 12:00 p.m. Pacific Time")
    #expect(try spelled("2027-03-09T00:30") == "March 9, 2027, 12:30 a.m. Pacific Time")
    #expect(try spelled("2027-03-09T09:05:30") == "March 9, 2027, 9:05:30 a.m. Pacific Time")
    #expect(try spelled("2027-03-09") == "2027-03-09", "a date alone prints as dates always have")
    #expect(
      try spelled("2027-05-04T11:00", TimeZone(identifier: "America/New_York"))
        == "May 4, 2027, 11:00 a.m. Eastern Time")
    #expect(
      try spelled("2027-05-04T11:00", TimeZone(identifier: "America/Chicago")) == "May 4, 2027, 11:00 a.m. Central Time"
    )
    #expect(
      try spelled("2027-05-04T11:00", TimeZone(identifier: "America/Denver")) == "May 4, 2027, 11:00 a.m. Mountain Time"
    )
    // A zone outside the table: Foundation's generic name in US English.
    #expect(
      try spelled("2027-05-04T11:00", TimeZone(identifier: "Asia/Tokyo"))
        == "May 4, 2027, 11:00 a.m. Japan Standard Time")
  }

  @Test func theInstantFollowsTheZoneAndDaylightSaving() throws {
    let pacific = try #require(TimeZone(identifier: "America/Los_Angeles"))
    let winter = try #require(LocalDateTime(iso: "2027-03-09T14:00"))
    let summer = try #require(LocalDateTime(iso: "2027-07-09T14:00"))
    // 2027-03-09 14:00 PST is 22:00 UTC; 2027-07-09 14:00 PDT is 21:00 UTC.
    #expect(winter.instant(in: pacific) == Date(timeIntervalSince1970: 1_804_629_600))
    #expect(summer.instant(in: pacific) == Date(timeIntervalSince1970: 1_815_166_800))
    #expect(winter.isoText(in: pacific) == "2027-03-09T14:00:00-08:00")
    #expect(summer.isoText(in: pacific) == "2027-07-09T14:00:00-07:00")
    let date = try #require(LocalDateTime(iso: "2027-03-09"))
    #expect(date.isoText(in: pacific) == "2027-03-09")
    #expect(date < winter && winter < summer)
  }

  /// The same workspace builds byte-identical documents under another machine time zone and the C locale.
  @Test func documentsDoNotDependOnTheMachinesZoneOrLocale() throws {
    let workspace = try ContentWorkspace(
      responsesDue: "2027-04-01T14:00", "timezone: America/Los_Angeles\nbid_opening: {at: 2027-04-01 14:30}\n")
    var packages: [String: Data] = [:]
    for (zone, language) in [("Asia/Tokyo", "C"), ("America/Los_Angeles", "en_US.UTF-8"), ("UTC", "de_DE.UTF-8")] {
      let out = workspace.sandbox.path("out-\(zone.replacingOccurrences(of: "/", with: "-"))")
      let run = try ProgramRun.run(
        "/usr/bin/env",
        [
          "TZ=\(zone)", "LANG=\(language)", "LC_ALL=\(language)", ProgramRun.executable.path, "build",
          workspace.sandbox.root.path, "--out", out, "--quiet",
        ])
      #expect(run.status == 0, "\(run.errorOutput)")
      let rfp = try String(contentsOfFile: out + "/JS-2027-001/public/joint/rfp.md", encoding: .utf8)
      #expect(rfp.contains("April 1, 2027, 2:00 p.m. Pacific Time"))
      #expect(rfp.contains("April 1, 2027, 2:30 p.m. Pacific Time"))
      packages[zone] = try Data(contentsOf: URL(fileURLWithPath: out + "/JS-2027-001/JS-2027-001.zip"))
    }
    #expect(Set(packages.values).count == 1, "the zips differ between machine time zones or locales")
  }
}
