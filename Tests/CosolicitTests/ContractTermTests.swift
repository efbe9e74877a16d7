import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The one rule for the ends of the initial term and of each renewal, and the dates it refuses.
@Suite struct ContractTermTests {
  static func term(_ start: String, _ months: Int, renewals: Int = 0, of renewalMonths: Int = 0) -> ContractTerm? {
    guard let date = CalendarDate(iso: start) else { return nil }
    return ContractTerm(
      start: Located(date, at: .start(of: "solicitation.yaml")), months: months, renewalOptions: renewals,
      renewalMonths: renewalMonths)
  }

  /// Every period of a term, the initial one first.
  static func periods(_ term: ContractTerm) -> [ContractTerm.Period] { [term.initialPeriod] + term.renewals }

  /// The days from 0001-01-01, counted without the code under test.
  static func ordinal(_ date: CalendarDate) -> Int {
    let y = date.year - 1
    var days = y * 365 + y / 4 - y / 100 + y / 400
    for month in 1..<date.month { days += CalendarDate.length(ofMonth: month, in: date.year) }
    return days + date.day
  }

  @Test func termEndsAreTheDocumentedExamples() throws {
    let ends = { (term: ContractTerm?) in term.map { Self.periods($0).map { "\($0.start)..\($0.end)" } } ?? [] }
    #expect(
      ends(Self.term("2027-07-01", 36, renewals: 2, of: 12))
        == ["2027-07-01..2030-06-30", "2030-07-01..2031-06-30", "2031-07-01..2032-06-30"])
    #expect(
      ends(Self.term("2028-02-29", 12, renewals: 2, of: 12))
        == ["2028-02-29..2029-02-28", "2029-03-01..2030-02-28", "2030-03-01..2031-02-28"])
    #expect(
      ends(Self.term("2027-01-31", 1, renewals: 2, of: 1))
        == ["2027-01-31..2027-02-28", "2027-03-01..2027-03-31", "2027-04-01..2027-04-30"])
    #expect(ends(Self.term("2027-04-30", 1)) == ["2027-04-30..2027-05-31"])
    #expect(ends(Self.term("2027-03-30", 1)) == ["2027-03-30..2027-04-29"])
    #expect(ends(Self.term("2027-01-29", 13)) == ["2027-01-29..2028-02-28"])
    #expect(ends(Self.term("2027-01-30", 13)) == ["2027-01-30..2028-02-29"])
    #expect(ends(Self.term("2027-02-28", 12)) == ["2027-02-28..2028-02-29"])
  }

  @Test func datesPastTheLastRepresentableDayAreRefusedNotClamped() {
    #expect(Self.term("9999-12-01", 240) == nil)
    #expect(Self.term("9999-12-01", 1)?.end.description == "9999-12-31")
    #expect(Self.term("9999-12-31", 1) == nil)
    #expect(Self.term("9980-01-01", 240)?.end.description == "9999-12-31")
    #expect(Self.term("9979-01-01", 240, renewals: 1, of: 12)?.endWithRenewals.description == "9999-12-31")
    #expect(Self.term("9979-01-01", 240, renewals: 2, of: 12) == nil)
    #expect(Self.term("9999-11-30", 1, renewals: 1, of: 1) == nil)
    #expect(CalendarDate(iso: "9999-12-31")?.nextDay == nil)
    #expect(CalendarDate(iso: "2027-12-31")?.lastDayOfPeriod(months: Int.max) == nil)
  }

  /// Random starts (a third on the 28th–31st or a month's last day, Feb 29 among them), lengths and renewals:
  /// the periods meet with no gap and no overlap, and each is as many months long as stated.
  @Test func periodsAreContiguousAndAsLongAsStated() throws {
    var random = SeededRandom(seed: 29)
    for _ in 0..<20_000 {
      let year = Int.random(in: 1...9_950, using: &random)
      let month = Int.random(in: 1...12, using: &random)
      let length = CalendarDate.length(ofMonth: month, in: year)
      let day =
        Bool.random(using: &random)
        ? Int.random(in: 28...length, using: &random) : Int.random(in: 1...length, using: &random)
      let start = try #require(CalendarDate(year: year, month: month, day: day))
      let months = Int.random(in: 1...240, using: &random)
      let options = Int.random(in: 0...20, using: &random)
      let renewalMonths = Int.random(in: 1...120, using: &random)
      let term = ContractTerm(
        start: Located(start, at: .start(of: "s.yaml")), months: months, renewalOptions: options,
        renewalMonths: renewalMonths)
      // The last period ends in the month `total` months after the start's, or the one before.
      let total = months + options * renewalMonths
      let lastMonthIndex = year * 12 + month - 1 + total
      let january10000 = 10_000 * 12
      if lastMonthIndex > january10000 {
        #expect(term == nil, "\(start) + \(months), \(options) × \(renewalMonths)")
        continue
      }
      if lastMonthIndex == january10000 { continue }  // ends in December 9999 or is refused
      let found = try #require(term, "\(start) + \(months), \(options) × \(renewalMonths)")
      let periods = Self.periods(found)
      #expect(periods.map(\.months) == [months] + Array(repeating: renewalMonths, count: options))
      #expect(periods.first?.start == start)
      #expect(found.end == periods.first?.end && found.endWithRenewals == periods.last?.end)
      for (previous, next) in zip(periods, periods.dropFirst()) {
        #expect(Self.ordinal(next.start) == Self.ordinal(previous.end) + 1, "\(previous) then \(next)")
      }
      for period in periods { Self.expectLength(period) }
    }
  }

  /// A period is `months` long: it ends on the last day of the target month when it starts on a day that
  /// month lacks or on its own month's last day, on the last day of the month before the target when it
  /// starts on the 1st, and otherwise the day before the start's day of the target month.
  static func expectLength(_ period: ContractTerm.Period, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let start = period.start
    let target = start.year * 12 + start.month - 1 + period.months
    let (targetYear, targetMonth) = (target / 12, target % 12 + 1)
    let targetLength = CalendarDate.length(ofMonth: targetMonth, in: targetYear)
    let expected: (index: Int, day: Int)
    if start.day == CalendarDate.length(ofMonth: start.month, in: start.year) || start.day > targetLength {
      expected = (target, targetLength)
    } else if start.day == 1 {
      let before = target - 1
      expected = (before, CalendarDate.length(ofMonth: before % 12 + 1, in: before / 12))
    } else {
      expected = (target, start.day - 1)
    }
    let end = period.end
    #expect(
      end.year * 12 + end.month - 1 == expected.index && end.day == expected.day, "\(period)",
      sourceLocation: sourceLocation)
    #expect(ordinal(end) >= ordinal(start) + 27 * period.months, "\(period)", sourceLocation: sourceLocation)
  }

  /// A term that would end after 9999-12-31 is an error where the term is written, and no term is kept.
  @Test func aTermPastTheCalendarIsAnErrorAtTheTerm() throws {
    let fixture = try String(
      contentsOf: fixtures.appendingPathComponent("workspace/solicitation.yaml"), encoding: .utf8)
    let original = "term: {start: 2027-07-01, months: 24, renewal_options: 2, renewal_months: 12}"
    #expect(fixture.contains(original))
    for (term, fragment) in [
      ("1️⃣{start: 9999-12-01, months: 240}", "a term starting 9999-12-01 for 240 months would end after 9999-12-31"),
      ("1️⃣{start: 9990-01-01, months: 60, renewal_options: 20, renewal_months: 12}", "with every renewal"),
    ] {
      let text = MarkedText(fixture.replacingOccurrences(of: original, with: "term: \(term)"))
      let intake = Intake.load(
        WorkspaceFiles(solicitation: SourceFile(path: "solicitation.yaml", text: text.text), needs: []))
      intake.expect(.error, in: "solicitation.yaml", at: text, ["1️⃣": fragment])
      #expect(intake.solicitation?.term == nil)
    }
  }
}
