import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// `releases` on a needs line: a quantity delivered in several releases over the term instead of by one date.
/// Read from YAML, JSON, CSV and workbooks; checked (dates, positive quantities, an exact sum, not on an
/// as-needed line); kept per share; listed in the RFPs' delivery schedule; carried by the JSON output.
@Suite struct ReleasesTests {
  /// MONITOR-24, 1,000 EA in two releases, and LAPTOP-14 by one date.
  static let yaml = AsNeededTests.yaml(
    """
      - item: MONITOR-24
        quantity: 1000
        unit: EA
        releases:
          - {date: 2027-07-01, quantity: 400}
          - {date: 2028-01-15, quantity: 600}
      - {item: LAPTOP-14, quantity: 5, unit: EA, need_by: 2027-08-01}

    """)

  static let expectedReleases = [
    DeliveryRelease(date: CalendarDate(year: 2027, month: 7, day: 1)!, quantity: 400),
    DeliveryRelease(date: CalendarDate(year: 2028, month: 1, day: 15)!, quantity: 600),
  ]

  /// Checks that `joint`'s MONITOR-24 share carries the two releases, which sum to its quantity, and that the
  /// line is needed by the first; LAPTOP-14's share has none.
  static func expectReleases(_ joint: JointSolicitation) throws {
    let monitor = try QuantityWorkspace.line(joint, "MONITOR-24")
    let share = try #require(monitor.shares.first)
    #expect(share.releases == expectedReleases)
    let sum = (share.releases ?? []).reduce(Decimal(0)) { $0 + $1.quantity }
    #expect(sum == share.originalQuantity && share.quantity == 1000, "conservation: the releases sum to the share")
    #expect(share.needBy == CalendarDate(year: 2027, month: 7, day: 1), "needed by its first release")
    #expect(monitor.earliestNeedBy == CalendarDate(year: 2027, month: 7, day: 1))
    let laptop = try QuantityWorkspace.line(joint, "LAPTOP-14")
    #expect(laptop.shares.first.map { $0.releases == nil } == true)
  }

  @Test func yamlReleasesAreKeptPerShare() throws {
    try Self.expectReleases(QuantityWorkspace.joint(needs: [Self.yaml]))
  }

  @Test func jsonReleasesAreKeptPerShare() throws {
    let json = """
      {"agency": {"id": "city-1", "name": "City One", "type": "city"}, "deliver_to": "Hall",
       "items": [{"item": "MONITOR-24", "quantity": 1000, "unit": "EA",
                  "releases": [{"date": "2027-07-01", "quantity": 400}, {"date": "2028-01-15", "quantity": "600"}]},
                 {"item": "LAPTOP-14", "quantity": 5, "unit": "EA"}]}
      """
    try Self.expectReleases(QuantityWorkspace.joint(needs: [("needs/city-1.json", json)]))
  }

  static let csv = """
    agency_id,agency_name,agency_type,item,quantity,unit,deliver_to,releases
    sd-1,District One,k12,MONITOR-24,"1,000",EA,Depot,"2027-07-01: 400; 2028-01-15: 600"
    sd-1,District One,k12,LAPTOP-14,5,EA,Depot,

    """

  @Test func csvReleasesAreReadByTheFullReaderWhichTheScannerLeavesThemTo() throws {
    try Self.expectReleases(QuantityWorkspace.joint(needs: [("needs/sd.csv", Self.csv)]))
    // The fast scanner declines the file: the row with releases is the full reader's.
    let intake = try QuantityWorkspace.intake(needs: [])
    let resolver = NeedsResolver(solicitation: intake.solicitation, catalog: intake.catalog, catalogKnown: true)
    #expect(NeedsTableScanner.read(SourceFile(path: "needs/sd.csv", text: Self.csv), resolver: resolver) == nil)
  }

  @Test func workbookReleasesMadeByOpenpyxlAreRead() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("releases-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try WorkbookPython.run(
      """
      import openpyxl
      book = openpyxl.Workbook()
      sheet = book.active
      sheet.title = 'needs'
      sheet.append(['agency_id', 'agency_name', 'agency_type', 'item', 'quantity', 'unit', 'deliver_to', 'releases'])
      sheet.append(['sd-1', 'District One', 'k12', 'MONITOR-24', 1000, 'EA', 'Depot', '2027-07-01: 400; 2028-01-15: 600'])
      sheet.append(['sd-1', 'District One', 'k12', 'LAPTOP-14', 5, 'EA', 'Depot', None])
      book.save('needs.xlsx')
      """, in: folder)
    let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent("needs.xlsx")))
    let solicitation = try String(
      contentsOf: fixtures.appendingPathComponent("workspace/solicitation.yaml"), encoding: .utf8)
    let intake = Aggregator.validate(
      Intake.load(
        WorkspaceFiles(
          solicitation: SourceFile(path: "solicitation.yaml", text: solicitation),
          catalog: SourceFile(path: "catalog.csv", text: QuantityWorkspace.catalog()),
          needs: [SourceFile(path: "needs/sd.xlsx", workbookBytes: bytes)])))
    #expect(intake.errorCount == 0, "\(intake.listing)")
    try Self.expectReleases(try Aggregator.aggregate(intake).get())
  }

  @Test func theRFPsListEachParticipantsReleasesInsteadOfOneDate() throws {
    let files = try renderedDocuments(of: try QuantityWorkspace.joint(needs: [Self.yaml]))
    let phrase = "400 on July 1, 2027; 600 on January 15, 2028"
    for path in ["public/joint/rfp.md", "public/joint/rfp.html"] {
      let appendix = try #require(files[path]?.components(separatedBy: "Appendix A.").last, "\(path)")
      #expect(appendix.contains(phrase), "\(path)")
      #expect(appendix.contains("2027-08-01"), "the laptops keep their one date: \(path)")
    }
    #expect(try #require(files["public/joint/rfp.html"]).contains("<td class=\"delivery\">\(phrase)</td>"))
    // The scope table's one date is the first release, and says so.
    #expect(try #require(files["public/joint/rfp.md"]).contains("| 2027-07-01 (first release; see Appendix A) |"))
    #expect(try #require(files["public/joint/rfp.html"]).contains("2027-07-01<div class=\"range\"><em>first release;"))
    #expect(try #require(files["public/joint/rfp.md"]).components(separatedBy: "first release").count == 2, "one line")
    #expect(try #require(files["public/joint/rfp.md"]).contains("| 1,000 | EA (each) | committed | Hall | \(phrase) |"))
  }

  /// Cases of 16: 4 and 6 cases are 64 and 96 each, as the share's 160 EA.
  @Test func releasesInAnotherUnitThanTheLinesAreShownInTheLinesUnit() throws {
    let needs = AsNeededTests.yaml(
      """
        - {item: TOWEL-MF, quantity: 10, unit: XCS, releases: [{date: 2027-07-01, quantity: 4}, {date: 2027-09-01, quantity: 6}]}

      """)
    let files = try renderedDocuments(of: try QuantityWorkspace.joint(needs: [needs]))
    #expect(
      try #require(files["public/joint/rfp.md"]).contains(
        "| 160 | EA (each) | committed | Hall | 64 on July 1, 2027; 96 on September 1, 2027 |"))
  }

  @Test func theJSONCarriesReleasesOnlyOnSharesThatHaveThem() throws {
    let json = try QuantityWorkspace.joint(needs: [Self.yaml]).rendered(as: .json)
    let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let lots = try #require(root["lots"] as? [[String: Any]])
    let lines = lots.flatMap { $0["lines"] as? [[String: Any]] ?? [] }
    func share(_ item: String) throws -> [String: Any] {
      let line = try #require(lines.first { $0["item"] as? String == item }, "\(item)")
      return try #require((line["shares"] as? [[String: Any]])?.first)
    }
    let releases = try #require(try share("MONITOR-24")["releases"] as? [[String: String]])
    #expect(releases == [["date": "2027-07-01", "quantity": "400"], ["date": "2028-01-15", "quantity": "600"]])
    #expect(try share("MONITOR-24")["need_by"] as? String == "2027-07-01")
    #expect(try share("LAPTOP-14")["releases"] == nil, "no member for a share delivered by one date")
  }

  @Test func theReaderReportsEveryReleaseProblemWhereItIs() throws {
    let text = MarkedText(
      """
      agency: {id: city-1, name: City One, type: city}
      deliver_to: Hall
      items:
        - {item: MONITOR-24, quantity: 1000, unit: EA, releases: 1️⃣[{date: 2027-07-01, quantity: 400}, {date: 2028-01-15, quantity: 500}]}
        - {item: LAPTOP-14, quantity: 5, unit: EA, releases: [{date: 2️⃣2027-02-30, quantity: 5}]}
        - {item: TOWEL-MF, quantity: 5, unit: EA, releases: [{date: 2027-08-01, quantity: 3️⃣0}, {date: 2027-09-01, quantity: 5}]}
        - {item: FLOOR-CLEANER, quantity: as-needed, unit: GLL, releases: 4️⃣[{date: 2027-08-01, quantity: 5}]}
        - {item: MONITOR-24, quantity: 5, unit: EA, need_by: 2027-08-01, releases: 5️⃣[{date: 2027-08-01, quantity: 5}]}
        - {item: LAPTOP-14, quantity: 5, unit: EA, releases: [{date: 6️⃣2026-01-01, quantity: 5}]}

      """)
    let intake = try QuantityWorkspace.intake(needs: [("needs/city-1.yaml", text.text)])
    intake.expect(
      .error, in: "needs/city-1.yaml", at: text,
      [
        "1️⃣": "the releases add up to 900, but the quantity is 1000; expected releases that sum exactly",
        "2️⃣": "'date' '2027-02-30' is not a date", "3️⃣": "expected a positive decimal number",
        "4️⃣": "'releases' on an as-needed line", "5️⃣": "both 'need_by' and 'releases' are given",
        "6️⃣": "release 2026-01-01 is before the contract term starts",
      ])
    #expect(intake.findings(.error, in: "needs/city-1.yaml").count == 6, "\(intake.listing)")
  }

  @Test func aTableCellOfReleasesIsCheckedPartByPart() throws {
    let csv = """
      agency_id,agency_name,agency_type,item,quantity,unit,deliver_to,releases
      sd-1,District One,k12,MONITOR-24,10,EA,Depot,2027-07-01 400
      sd-1,District One,k12,MONITOR-24,10,EA,Depot,"2027-07-01: 4; soon: 6"
      sd-1,District One,k12,MONITOR-24,10,EA,Depot,"2027-07-01: 4; 2027-08-01: -6"
      sd-1,District One,k12,MONITOR-24,10,EA,Depot,"2027-07-01: 4; 2027-08-01: 7"
      sd-1,District One,k12,MONITOR-24,10,EA,Depot,"2027-07-01: 4;; 2027-08-01: 6"
      sd-1,District One,k12,MONITOR-24,10,EA,Depot,"2027-07-01: 4; 2027-08-01: 6;"

      """
    let intake = try QuantityWorkspace.intake(needs: [("needs/sd.csv", csv)])
    let errors = intake.findings(.error, in: "needs/sd.csv")
    func expect(row: Int, _ fragment: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
      #expect(
        errors.contains { $0.location.line == row && $0.message.contains(fragment) },
        "row \(row): \(fragment)\n\(intake.listing)", sourceLocation: sourceLocation)
    }
    expect(row: 2, "releases #1 '2027-07-01 400' has no ':'; expected DATE: QUANTITY for each release")
    expect(row: 3, "releases #2: 'soon' is not a date")
    expect(row: 4, "releases #2: the quantity is -6; expected a positive decimal number")
    expect(row: 5, "the releases add up to 11, but the quantity is 10")
    expect(row: 6, "releases #2 is empty")
    // The last row ends with a harmless ';': five errors, none on it.
    #expect(errors.count == 5 && !errors.contains { $0.location.line == 7 }, "\(intake.listing)")
  }

  @Test func releaseDatesReadAsPeopleWriteThem() {
    #expect(DeliveryRelease.text(Self.expectedReleases) == "400 on July 1, 2027; 600 on January 15, 2028")
    #expect(
      DeliveryRelease.text([DeliveryRelease(date: CalendarDate(year: 2027, month: 12, day: 31)!, quantity: 12500.5)])
        == "12,500.5 on December 31, 2027")
    #expect(DeliveryRelease.cellText(Self.expectedReleases) == NeedsReader.releasesExample)
  }
}
