import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The award documents (tabulation, schedules, reconciliation) over the examples with a hand-made tabulation:
/// what each shows, in print and without colour, exactly, deterministically.
@Suite struct AwardDocumentTests {
  static func tabulation(_ example: String) throws -> BidTabulation {
    let joint = try HandTabulation.joint(example)
    return HandTabulation.make(joint, bidders: HandTabulation.bidders(for: joint))
  }

  static func csv(_ text: String) -> [[String]] {
    var diagnostics = DiagnosticCollector()
    let table = CSVTable.read(SourceFile(path: "out.csv", text: text), diagnostics: &diagnostics)
    return [table.header.map(\.text)] + table.records.map { $0.fields.map(\.text) }
  }

  @Test(arguments: AwardReconciliationTests.examples) func everyDocumentIsDeterministic(example: String) throws {
    let first = try Self.tabulation(example)
    let second = try Self.tabulation(example)
    #expect(TabulationDocument.html(first) == TabulationDocument.html(second))
    #expect(TabulationDocument.csv(first) == TabulationDocument.csv(second))
    let (a, b) = (ParticipantSchedule.schedules(for: first), ParticipantSchedule.schedules(for: second))
    for (x, y) in zip(a, b) {
      #expect(ScheduleDocument.html(x, tabulation: first) == ScheduleDocument.html(y, tabulation: second))
      #expect(ScheduleDocument.csv(x, tabulation: first) == ScheduleDocument.csv(y, tabulation: second))
    }
    #expect(
      ReconciliationDocument.csv(AwardReconciliation.make(tabulation: first, schedules: a))
        == ReconciliationDocument.csv(AwardReconciliation.make(tabulation: second, schedules: b)))
  }

  @Test(arguments: AwardReconciliationTests.examples) func theLowBidIsMarkedInTextAndBoldOnEveryRow(
    example: String
  )
    throws
  {
    let t = try Self.tabulation(example)
    let html = TabulationDocument.html(t)
    let lows = t.rows.reduce(0) { $0 + $1.lowBidIDs.count }
    #expect(lows >= t.rows.count - 1 && lows > 0)
    // The text mark, once per low cell, inside a bold cell (its class sets font-weight: bold).
    #expect(html.components(separatedBy: "<span class=\"mark\">★ LOW</span>").count - 1 == lows)
    #expect(html.components(separatedBy: "<td class=\"price low\"><span class=\"mark\">★ LOW</span>").count - 1 == lows)
    #expect(html.contains("td.low { font-weight: bold;") && html.contains(".mark { font-weight: bold;"))
    // The late bid is cheapest everywhere but never low, and shows as nonresponsive with its reason.
    #expect(t.rows.allSatisfy { !$0.lowBidIDs.contains("late-bidder") })
    #expect(html.contains("NONRESPONSIVE") && html.contains("after the responses were due"))
    // The CSV marks the same cells.
    let rows = Self.csv(TabulationDocument.csv(t))
    #expect(rows.count == t.rows.count + 1)
    #expect(rows.dropFirst().reduce(0) { $0 + $1.filter { $0 == "LOW" }.count } == lows)
    #expect(Set(rows.map(\.count)).count == 1)
  }

  @Test func theTabulationPrintsOnLandscapePagesWithHeadersRepeatedAndRowsWhole() throws {
    let html = TabulationDocument.html(try Self.tabulation("tri-river-fuel"))
    #expect(html.contains("@page { size: landscape;"))
    #expect(html.contains("thead { display: table-header-group; }"))
    #expect(html.contains("tr { page-break-inside: avoid; break-inside: avoid; }"))
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
  }

  @Test func optionsDifferentialsSubtotalsAndDeviationsShow() throws {
    let t = try Self.tabulation("tri-river-fuel")
    let html = TabulationDocument.html(t)
    // Each option of a cell, the evaluated one marked; the differential with the price it evaluates to.
    #expect(html.contains("A: index + 0.172533 = 2.622533 (evaluated)"))
    #expect(html.contains("Lot L1 subtotal, zone north") && html.contains("Total, zone south"))
    #expect(html.contains("Grand total"))
    // The as-needed B20 line's unit is evaluated by its unit price alone.
    #expect(html.contains("2.637537 per unit (as needed)"))
    // The secondary supplier of a unit, with its amount.
    let backed = try #require(t.units.first { !$0.secondary.isEmpty })
    #expect(
      html.contains(
        "<td>Valley Supply Co. (valley-supply), \(AwardPage.money(backed.secondary[0].amount)) at option A</td>"))
    let deviation = try #require(t.rows.first?.cells.first?.deviationPercent)
    #expect(html.contains("+" + DecimalText.format(deviation) + " %"))
    // The CSV keeps the exact evaluated price and differential.
    let rows = Self.csv(TabulationDocument.csv(t))
    let header = rows[0]
    let differential = try #require(header.firstIndex(of: "summit-distributors option A differential"))
    #expect(rows[1][differential] == "0.172533")
    let evaluated = try #require(header.firstIndex(of: "summit-distributors evaluated_unit_price"))
    #expect(rows[1][evaluated] == "2.622533")
  }

  @Test func noBidsBlanksUnreadableBidsTiesAndSecondarySuppliersShow() throws {
    let joint = try HandTabulation.joint("cascade-valley")
    var bidders = HandTabulation.bidders(for: joint)
    bidders[1].noBidLines = Set(joint.lines.map(\.number).filter { $0 % 4 == 3 })
    var t = HandTabulation.make(joint, bidders: bidders)
    var unreadable = TabulatedBid(id: "scanned-fax", supplier: "scanned-fax.xml", path: "bids/scanned-fax.xml")
    unreadable.reasons = ["the bid could not be read: it is not well-formed XML"]
    t.bids.append(unreadable)
    for index in t.rows.indices {
      t.rows[index].cells.append(TabulationCell(bidID: "scanned-fax", answer: .unreadable))
    }
    t.rows[0].cells[0].answer = .blank
    t.rows[0].cells[0].prices = []
    t.units[0].tieBreak = TieBreak(
      tied: ["valley-supply", "summit-distributors"], method: "drawing", date: CalendarDate(iso: "2027-05-10"),
      witnesses: ["Ann Lee", "Bo Chan"], location: SourceLocation(path: "award.yaml", line: 3, column: 5))
    let html = TabulationDocument.html(t)
    #expect(html.contains(">no bid</td>") && html.contains(">blank</td>") && html.contains(">unreadable bid</td>"))
    #expect(html.contains("it is not well-formed XML"))
    #expect(
      html.contains(
        "tied: Valley Supply Co., Summit Distributors, Inc.; broken by drawing on 2027-05-10, witnessed by Ann Lee, "
          + "Bo Chan (recorded in award.yaml)"))
    let csv = Self.csv(TabulationDocument.csv(t))
    #expect(csv.dropFirst().allSatisfy { $0[csv[0].firstIndex(of: "scanned-fax answer")!] == "unreadable" })
    #expect(csv.dropFirst().contains { $0.contains("no bid") })
    // An unresolved tie: not awarded, with what to write.
    t.units[0].winner = nil
    t.units[0].tieBreak = nil
    t.units[0].unresolvedTie = ["valley-supply", "summit-distributors"]
    t.awardedLines = []
    let unresolved = TabulationDocument.html(t)
    #expect(unresolved.contains("Not awarded yet:"))
    #expect(unresolved.contains("record the resolution in award.yaml under lot: \(t.units[0].unit.lotID ?? "")"))
  }

  @Test func eachScheduleStatesItsLinesTotalsRuleAndReconciliation() throws {
    let t = try Self.tabulation("tri-river-fuel")
    let schedules = ParticipantSchedule.schedules(for: t)
    let reconciliation = AwardReconciliation.make(tabulation: t, schedules: schedules)
    for schedule in schedules {
      let html = ScheduleDocument.html(schedule, tabulation: t, reconciliation: reconciliation)
      #expect(html == ScheduleDocument.html(schedule, tabulation: t))
      #expect(html.contains(XMLText.escaped(ScheduleDocument.roundingNote)))
      #expect(html.contains("2027-07-01 to 2028-06-30 (12 months); 2 renewal options of 12 months each"))
      #expect(html.contains("@page { size: landscape;"))
      #expect(html.contains(">\(AwardPage.money(schedule.total))</td></tr></tfoot>"))
      let own = reconciliation.lines(of: schedule.participant.id.value)
      #expect(html.components(separatedBy: "</tr>").count > own.count + schedule.lines.count)
      let rows = Self.csv(ScheduleDocument.csv(schedule, tabulation: t))
      #expect(Set(rows.map(\.count)).count == 1)
      let lines = rows.filter { $0[0] == "line" }
      #expect(lines.count == schedule.lines.count)
      let extended = rows[0].firstIndex(of: "extended_price")!
      let sum = lines.reduce(Decimal(0)) { $0 + (Decimal(string: $1[extended]) ?? 0) }
      #expect(rows.last?[0] == "total" && Decimal(string: rows.last![extended]) == sum && sum == schedule.total)
      let suppliers = rows.filter { $0[0] == "supplier" }
      #expect(suppliers.reduce(Decimal(0)) { $0 + Decimal(string: $1[extended])! } == sum)
    }
    var millbrook = try #require(schedules.first { $0.participant.id.value == "town-of-millbrook" })
    millbrook.lines[0].award?.brandModel = "Summit ULSD Winter Plus"
    let html = ScheduleDocument.html(millbrook, tabulation: t)
    #expect(html.contains("offered: Summit ULSD Winter Plus"))
    #expect(ScheduleDocument.csv(millbrook, tabulation: t).contains(",Summit ULSD Winter Plus,"))
    #expect(html.contains("committed: at least 37,800, at most 46,200"))
    #expect(html.contains("option A: OPIS rack average + 0.172533 (2.622533 at the reference price 2.45)"))
    #expect(html.contains("North zone (Millbrook and Harlow)"))
  }

  @Test(arguments: AwardReconciliationTests.examples) func theReconciliationCSVAddsUpExactly(example: String) throws {
    let t = try Self.tabulation(example)
    let reconciliation = AwardReconciliation.make(tabulation: t, schedules: ParticipantSchedule.schedules(for: t))
    let rows = Self.csv(ReconciliationDocument.csv(reconciliation))
    let header = rows[0]
    let column = { (name: String) in header.firstIndex(of: name)! }
    let number = { (row: [String], name: String) in Decimal(string: row[column(name)]) ?? 0 }
    #expect(Set(rows.map(\.count)).count == 1)
    var shares: [[String]] = []
    var current: [String]?
    func check(_ line: [String]?, _ shares: [[String]]) {
      guard let line else { return }
      #expect(shares.reduce(Decimal(0)) { $0 + number($1, "quantity") } == number(line, "quantity"))
      let cents = shares.reduce(Decimal(0)) { $0 + number($1, "extended_price") } * 100
      #expect(cents - number(line, "extended_price") * 100 == number(line, "difference_cents"))
      #expect(line[column("quantity_matches")] == "yes")
    }
    for row in rows.dropFirst() {
      switch row[0] {
      case "line":
        check(current, shares)
        (current, shares) = (row, [])
      case "share": shares.append(row)
      default: break
      }
    }
    check(current, shares)
    let total = try #require(rows.last)
    #expect(total[0] == "total" && total[column("quantity_matches")] == "yes")
    #expect(number(total, "difference_cents") == reconciliation.difference * 100)
    #expect(rows.filter { $0[0] == "line" }.count == t.awardedLines.count)
  }
}

/// Untrusted text stays text in the award documents: every string of `Tests/Fixtures/hostile/strings.txt` in the
/// solicitation's title, the bidders' names, the reasons, the lines' descriptions, items and delivery sites, the
/// tie's method and witnesses and the participant's name gives the same HTML as plain words there, with the
/// string shown escaped; the CSVs keep their shape and never start a cell with a formula character.
@Suite struct AwardDocumentHostileTextTests {
  /// The documents of the fuel example with `text` in every text field the documents show.
  static func documents(_ text: String) throws -> (tabulation: String, schedule: String, csvs: [String]) {
    var t = try AwardDocumentTests.tabulation("tri-river-fuel")
    t.joint.solicitation.title = text
    for index in t.bids.indices {
      t.bids[index].supplier = text
      if !t.bids[index].reasons.isEmpty { t.bids[index].reasons = [text] }
    }
    for index in t.rows.indices {
      t.rows[index].description = text
      t.rows[index].itemID = text
    }
    for index in t.awardedLines.indices {
      t.awardedLines[index].supplier = text
      t.awardedLines[index].index = text
    }
    for index in t.units.indices { t.units[index].excluded = t.units[index].excluded.map { ($0.bidID, [text]) } }
    t.units[0].tieBreak = TieBreak(
      tied: t.bids.map(\.id), method: text, date: CalendarDate(iso: "2027-05-10"), witnesses: [text, text])
    var schedule = try #require(ParticipantSchedule.schedules(for: t).first)
    schedule.participant.name = text
    for index in schedule.lines.indices {
      schedule.lines[index].description = text
      schedule.lines[index].itemID = text
      schedule.lines[index].deliverTo = text
      schedule.lines[index].award?.supplier = text
    }
    let reconciliation = AwardReconciliation.make(tabulation: t, schedules: [schedule])
    return (
      TabulationDocument.html(t), ScheduleDocument.html(schedule, tabulation: t, reconciliation: reconciliation),
      [
        TabulationDocument.csv(t), ScheduleDocument.csv(schedule, tabulation: t),
        ReconciliationDocument.csv(reconciliation),
      ]
    )
  }

  static let plain = try? documents("⟦Plain words⟧")

  @Test(arguments: HostileTextTests.samples) func hostileTextStaysText(sample: HostileTextTests.Sample) throws {
    let marked = "⟦" + sample.text + "⟧"
    let hostile = try Self.documents(marked)
    let plain = try #require(Self.plain)
    let mask = { (html: String, text: String) in html.replacingOccurrences(of: XMLText.escaped(text), with: "⟦⟧") }
    #expect(mask(hostile.tabulation, marked) == mask(plain.tabulation, "⟦Plain words⟧"))
    #expect(mask(hostile.schedule, marked) == mask(plain.schedule, "⟦Plain words⟧"))
    #expect(hostile.tabulation.contains(XMLText.escaped(marked)))
    // The CSVs, with the text alone in its cells: the same rows and columns, and no formula.
    let bare = try Self.documents(sample.text)
    for (csv, baseline) in zip(bare.csvs, plain.csvs) {
      let rows = AwardDocumentTests.csv(csv)
      let expected = AwardDocumentTests.csv(baseline)
      #expect(rows.map(\.count) == expected.map(\.count))
      for (row, plainRow) in zip(rows, expected) {
        for (cell, plainCell) in zip(row, plainRow) where cell != plainCell {
          #expect(!["=", "+", "-", "@", "\t", "\r"].contains(cell.unicodeScalars.first ?? " "), "\(cell.prefix(40))")
        }
      }
    }
  }

  @Test func formulaCellsAreNeutralised() throws {
    let csvs = try Self.documents("=HYPERLINK(\"http://x\",\"y\")").csvs
    for csv in csvs {
      #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""))
      #expect(!csv.contains(",=HYPERLINK") && !csv.contains(",\"=HYPERLINK"))
    }
  }
}
