import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// `award.yaml`, the lead agency's record of tie resolutions and the award date: read with exact positions,
/// every problem at once, and no record at all when the file is missing.
@Suite struct AwardRecordReaderTests {
  /// Reads `text` as `award.yaml`.
  static func read(_ text: MarkedText) -> (AwardRecord, DiagnosticCollector) {
    var diagnostics = DiagnosticCollector()
    let record = AwardRecordReader.read(
      .success(SourceFile(path: "award.yaml", text: text.text)), path: "award.yaml", &diagnostics)
    return (record, diagnostics)
  }

  @Test func aRecordIsReadWithItsPlaces() throws {
    let text = MarkedText(
      """
      awarded: 1️⃣2027-04-13
      ties:
        - 2️⃣lot: L1
          line: 3
          zone: north
          winner: 3️⃣valley-office
          method: drawing
          date: 2027-03-10
          witnesses: [Ana Ruiz, Tom Becker]
        - {winner: Summit Paper Co., method: coin toss, date: 2027-03-11, witnesses: Lee Park}

      """)
    let (record, diagnostics) = Self.read(text)
    #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.diagnostics)")
    #expect(record.path == "award.yaml")
    #expect(record.awarded?.value == CalendarDate(year: 2027, month: 4, day: 13))
    #expect(record.awarded.map { place($0.location) } == place(text.positions["1️⃣"]))
    try #require(record.ties.count == 2)
    let first = record.ties[0]
    #expect(first.lot?.value == "L1" && first.line?.value == 3 && first.zone?.value == "north")
    #expect(first.winner.value == "valley-office" && place(first.winner.location) == place(text.positions["3️⃣"]))
    #expect(first.method == "drawing" && first.date == CalendarDate(year: 2027, month: 3, day: 10))
    #expect(first.witnesses == ["Ana Ruiz", "Tom Becker"])
    #expect(place(first.location) == place(text.positions["2️⃣"]))
    let whole = record.ties[1]
    #expect(whole.lot == nil && whole.line == nil && whole.zone == nil, "an all-or-none award names no unit")
    #expect(whole.winner.value == "Summit Paper Co." && whole.witnesses == ["Lee Park"])
  }

  @Test func aMissingFileIsNoRecordAndNoFinding() throws {
    let sandbox = try Sandbox()
    var diagnostics = DiagnosticCollector()
    let record = AwardRecordReader.read(sandbox.path("award.yaml"), &diagnostics)
    #expect(diagnostics.diagnostics.isEmpty)
    #expect(record.ties.isEmpty && record.awarded == nil && record.path == sandbox.path("award.yaml"))
  }

  @Test func aFileOnDiskIsRead() throws {
    let sandbox = try Sandbox()
    let path = sandbox.path("award.yaml")
    try "ties:\n  - {lot: L2, winner: acme, method: drawing, date: 2027-03-10, witnesses: [A. Clerk]}\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    var diagnostics = DiagnosticCollector()
    let record = AwardRecordReader.read(path, &diagnostics)
    #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.diagnostics)")
    #expect(record.ties.map(\.winner.value) == ["acme"] && record.ties.first?.location.path == path)
  }

  @Test func everyProblemIsFoundAtOnceWhereItIsWritten() throws {
    let text = MarkedText(
      """
      awarded: 1️⃣April 13
      2️⃣award_date: 2027-04-13
      ties:
        - lot: L1
          line: 3
          winner: valley-office
          method: drawing
          date: 2027-03-10
          witnesses: [Ana Ruiz]
        - 3️⃣lot: l1
          line: 3
          winner: summit
          method: drawing
          date: 2027-03-10
          witnesses: [Ana Ruiz]
        - 4️⃣{lot: L2, method: drawing, date: 5️⃣2027-02-30, witnesses: 6️⃣[], 7️⃣witness: Tom}
        - {lot: L3, line: 8️⃣zero, winner: a, method: drawing, date: 2027-03-10, witnesses: [9️⃣[Ana]]}

      """)
    let (record, diagnostics) = Self.read(text)
    for (marker, fragment) in [
      ("1️⃣", "award: 'awarded' 'April 13' is not a date; expected YYYY-MM-DD"),
      ("2️⃣", "award: unknown field 'award_date'"),
      ("3️⃣", "ties #2: the tie for lot l1, line 3 is already resolved by an earlier entry; record each tie once"),
      ("4️⃣", "ties #3: missing required field 'winner'"),
      ("5️⃣", "ties #3: 'date' '2027-02-30' is not a date"),
      ("6️⃣", "ties #3: 'witnesses' is empty; name at least one person"),
      ("7️⃣", "ties #3: unknown field 'witness' (did you mean 'witnesses'?)"),
      ("8️⃣", "ties #4: 'line' 'zero' must be a whole number"),
      ("9️⃣", "ties #4: each witness must be a person's name, found a list"),
    ] {
      expect(diagnostics, .error, at: text, marker, fragment)
    }
    #expect(diagnostics.errorCount == 9, "\(diagnostics.diagnostics)")
    #expect(diagnostics.diagnostics.contains { $0.severity == .note && $0.message.contains("first resolved here") })
    #expect(record.ties.map(\.winner.value) == ["valley-office"], "entries with problems are left out")
  }

  @Test func aFileOfCommentsOnlyIsNoRecordAndNoFinding() {
    let (record, diagnostics) = Self.read(MarkedText("# Tie resolutions go here.\n\n  # none yet\n"))
    #expect(diagnostics.diagnostics.isEmpty && record.ties.isEmpty && record.awarded == nil)
  }

  @Test func malformedYAMLIsAFindingAndNoRecord() {
    let (record, diagnostics) = Self.read(MarkedText("ties: [\n"))
    #expect(diagnostics.errorCount == 1 && record.ties.isEmpty)
    let (_, list) = Self.read(MarkedText("1️⃣- a\n- b\n"))
    #expect(list.diagnostics.first?.message.contains("award must be a mapping of fields, found a list") == true)
  }
}

/// `bids/received.yaml`, the lead agency's log of when each bid arrived.
@Suite struct ReceiptLogReaderTests {
  static func read(_ text: MarkedText) -> (ReceiptLog, DiagnosticCollector) {
    var diagnostics = DiagnosticCollector()
    let log = ReceiptLogReader.read(
      .success(SourceFile(path: "bids/received.yaml", text: text.text)), path: "bids/received.yaml", &diagnostics)
    return (log, diagnostics)
  }

  @Test func timesAreReadByFileName() throws {
    let text = MarkedText(
      """
      valley-office.xml: 1️⃣2027-03-09T13:52
      summit-supply.xml: 2027-03-09 13:58:30
      "acme supply.xml": '2027-03-09 14:00'

      """)
    let (log, diagnostics) = Self.read(text)
    #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.diagnostics)")
    #expect(log.times.keys.sorted() == ["acme supply.xml", "summit-supply.xml", "valley-office.xml"])
    #expect(log.times["valley-office.xml"]?.value.description == "2027-03-09T13:52:00")
    #expect(log.times["summit-supply.xml"]?.value.description == "2027-03-09T13:58:30")
    #expect(log.times["acme supply.xml"]?.value.description == "2027-03-09T14:00:00")
    #expect(log.times["valley-office.xml"].map { place($0.location) } == place(text.positions["1️⃣"]))
  }

  @Test func aMissingFileIsNoLogAndNoFinding() throws {
    let sandbox = try Sandbox()
    var diagnostics = DiagnosticCollector()
    let log = ReceiptLogReader.read(sandbox.path("bids/received.yaml"), &diagnostics)
    #expect(diagnostics.diagnostics.isEmpty && log.times.isEmpty)
  }

  @Test func aLogOfCommentsOnlyHoldsNoTimesAndNoFinding() {
    let (log, diagnostics) = Self.read(MarkedText("# bid file: time received\n"))
    #expect(diagnostics.diagnostics.isEmpty && log.times.isEmpty)
    let (_, list) = Self.read(MarkedText("1️⃣- valley-office.xml\n"))
    #expect(
      list.diagnostics.map(\.message) == [
        "received: expected a mapping from each bid's file name to when it was received, such as "
          + "valley-office.xml: 2027-03-09T13:52, found a list"
      ])
  }

  @Test func everyProblemIsFoundAtOnceWhereItIsWritten() {
    let text = MarkedText(
      """
      valley-office.xml: 1️⃣2027-03-09
      2️⃣summit.pdf: 2027-03-09T13:00
      3️⃣bids/acme.xml: 2027-03-09T13:00
      north.xml: 4️⃣March 9, 1:52 pm
      south.xml: 5️⃣2027-03-09T13:52-08:00
      east.xml: 6️⃣[2027-03-09T13:52]
      west.xml: 2027-03-09T13:59

      """)
    let (log, diagnostics) = Self.read(text)
    for (marker, fragment) in [
      ("1️⃣", "valley-office.xml: '2027-03-09' is a date without a time of day; give the time of day too"),
      ("2️⃣", "'summit.pdf' is not a bid's file name; expected the name of a file in bids/, ending in .xml"),
      ("3️⃣", "'bids/acme.xml' is not a bid's file name"),
      ("4️⃣", "north.xml: 'March 9, 1:52 pm' is not a local date and time"),
      ("5️⃣", "south.xml: '2027-03-09T13:52-08:00' is not a local date and time"),
      ("6️⃣", "east.xml: expected when it was received"),
    ] {
      expect(diagnostics, .error, at: text, marker, fragment)
    }
    #expect(diagnostics.errorCount == 6, "\(diagnostics.diagnostics)")
    #expect(log.times.keys.sorted() == ["west.xml"])
  }
}

/// A finding's place, to compare with a marked position.
private struct Place: Equatable {
  var line: Int
  var column: Int
}

private func place(_ location: Cosolicit.SourceLocation) -> Place {
  Place(line: location.line, column: location.column)
}

private func place(_ position: MarkedText.Position?) -> Place? {
  position.map { Place(line: $0.line, column: $0.column) }
}

/// Records an issue unless `diagnostics` holds a finding of `severity` at `marker` of `text` whose message
/// contains `fragment`.
private func expect(
  _ diagnostics: DiagnosticCollector, _ severity: Diagnostic.Severity, at text: MarkedText, _ marker: String,
  _ fragment: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  let found = diagnostics.diagnostics.contains { diagnostic in
    diagnostic.severity == severity && place(diagnostic.location) == place(text.positions[marker])
      && diagnostic.message.contains(fragment)
  }
  if !found {
    Issue.record(
      "no \(severity) at \(marker) containing '\(fragment)'; found:\n\(diagnostics.diagnostics.map(\.description).joined(separator: "\n"))",
      sourceLocation: sourceLocation)
  }
}
