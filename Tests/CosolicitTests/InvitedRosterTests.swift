import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The roster of invited participants (`invited` in solicitation.yaml): how it is read, and what validation says
/// about invited agencies without needs and needs from agencies not invited.
@Suite struct InvitedRosterTests {
  /// The fixture workspace's solicitation with `roster` appended (the fixture lists nobody), marked.
  static func solicitation(_ roster: String) throws -> MarkedText {
    let base = try String(
      contentsOf: fixtures.appendingPathComponent("workspace/solicitation.yaml"), encoding: .utf8)
    return MarkedText(base + roster)
  }

  /// The intake of the fixture's catalog, `solicitation` and the needs files `needs` (path and text), in memory.
  static func check(_ solicitation: MarkedText, needs: [(String, String)]) throws -> Intake {
    let catalog = try String(contentsOf: fixtures.appendingPathComponent("workspace/catalog.csv"), encoding: .utf8)
    return Intake.load(
      WorkspaceFiles(
        solicitation: SourceFile(path: "solicitation.yaml", text: solicitation.text),
        catalog: SourceFile(path: "catalog.csv", text: catalog),
        needs: needs.map { SourceFile(path: $0.0, text: $0.1) }))
  }

  static let districtNeeds = """
    agency_id,agency_name,agency_type,item,quantity,unit,deliver_to
    example-sd-1,Example School District 1,k12,LAPTOP-14,4,EA,Depot

    """

  @Test func rosterIsReadIntoTheSolicitation() throws {
    let text = try Self.solicitation(
      """
      invited:
        - {id: example-sd-1, name: Example School District 1, type: k12, state: OR}
        - id: Fire-District
          name: Pine Fire District
          type: special-district
          contact: {name: Ann Chief, email: chief@fire.example.org, phone: "555-0111"}
          signer: {name: Ann Chief, title: Fire Chief}

      """)
    let intake = try Self.check(text, needs: [("needs/sd.csv", Self.districtNeeds)])
    let roster = try #require(intake.solicitation?.invited)
    #expect(roster.map(\.id.value) == ["example-sd-1", "Fire-District"])
    #expect(roster[1].contact?.email == "chief@fire.example.org" && roster[1].signer?.title == "Fire Chief")
    #expect(intake.solicitation?.invitedAgency(withID: "fire-district")?.name == "Pine Fire District")
    #expect(intake.errorCount == 0 && intake.warningCount == 0, "\(intake.listing)")
  }

  /// The forms are pre-filled from the roster and the documents use the needs file: where they name an agency
  /// differently, a warning at the needs file's agency names each difference, with a note at the roster's entry.
  @Test func aNeedsFileThatNamesAnInvitedAgencyOtherwiseIsWarnedAbout() throws {
    let text = try Self.solicitation(
      """
      invited:
        - {id: 1️⃣example-sd-1, name: Example Township, type: city, state: WA}

      """)
    let intake = try Self.check(text, needs: [("needs/sd.csv", Self.districtNeeds)])
    intake.expect(
      .warning, at: "needs/sd.csv", 2, 1,
      "name 'Example School District 1' (the roster: 'Example Township'), type 'k12' (the roster: 'city')")
    let place = try #require(text.positions["1️⃣"])
    intake.expect(.note, at: "solicitation.yaml", place.line, place.column, "the roster's entry for 'example-sd-1'")
    #expect(intake.errorCount == 0 && intake.warningCount == 1, "\(intake.listing)")
  }

  @Test func noRosterMeansAnyAgencyMaySendNeeds() throws {
    let intake = try Self.check(try Self.solicitation(""), needs: [("needs/sd.csv", Self.districtNeeds)])
    #expect(intake.solicitation?.invited == nil)
    #expect(intake.diagnostics.isEmpty, "\(intake.listing)")
  }

  @Test func rosterMistakesAreErrorsWhereTheyAre() throws {
    let text = try Self.solicitation(
      """
      invited:
        - {id: 1️⃣example-sd-1, name: District One, type: k12}
        - {id: 2️⃣EXAMPLE-SD-1, name: District One again, type: k12}
        - {id: sd-3, name: District Three, type: 3️⃣school}
        - {id: sd-4, name: District Four, type: k12, 4️⃣emial: x@y.example}

      """)
    let intake = try Self.check(text, needs: [("needs/sd.csv", Self.districtNeeds)])
    intake.expect(
      .error, in: "solicitation.yaml", at: text,
      [
        "2️⃣": "agency 'EXAMPLE-SD-1' is invited twice", "3️⃣": "is not one of",
        "4️⃣": "unknown field 'emial'",
      ])
    intake.expect(.note, in: "solicitation.yaml", at: text, ["1️⃣": "'example-sd-1' is first listed here"])
  }

  @Test func anEmptyRosterIsAnError() throws {
    let text = try Self.solicitation("invited: 1️⃣[]\n")
    let intake = try Self.check(text, needs: [("needs/sd.csv", Self.districtNeeds)])
    intake.expect(.error, in: "solicitation.yaml", at: text, ["1️⃣": "'invited' is empty"])
    #expect(intake.warningCount == 0, "no roster to warn against: \(intake.listing)")
  }

  @Test func invitedAgenciesWithoutNeedsAreNotedAndUninvitedOnesWarned() throws {
    let text = try Self.solicitation(
      """
      invited:
        - {id: example-sd-1, name: Example School District 1, type: k12}
        - {id: 1️⃣pine-fire, name: Pine Fire District, type: special-district}
        - {id: city-of-example, name: City of Example, type: city}

      """)
    let stranger = MarkedText(
      """
      agency: {id: 3️⃣example-sd-2, name: Example School District 2, type: k12}
      deliver_to: Depot
      items:
        - {item: LAPTOP-14, quantity: 2, unit: EA}

      """)
    let lead = """
      agency: {id: city-of-example, name: City of Example, type: city}
      deliver_to: City Hall
      items:
        - {item: MONITOR-24, quantity: 2, unit: EA}

      """
    let intake = try Self.check(
      text,
      needs: [("needs/sd.csv", Self.districtNeeds), ("needs/sd-2.yaml", stranger.text), ("needs/city.yaml", lead)])
    intake.expect(
      .note, in: "solicitation.yaml", at: text,
      ["1️⃣": "invited agency 'pine-fire' (Pine Fire District) has not sent a needs file"])
    intake.expect(
      .warning, in: "needs/sd-2.yaml", at: stranger,
      ["3️⃣": "agency 'example-sd-2' is not on the invited roster (did you mean 'example-sd-1'?)"])
    #expect(intake.warningCount == 1, "the lead agency and invited agencies are not warned: \(intake.listing)")
    #expect(intake.findings(.note, in: "solicitation.yaml").count == 1, "\(intake.listing)")
    // Notes and warnings do not stop aggregation.
    guard case .success = Aggregator.aggregate(intake) else {
      Issue.record("a workspace with roster notes and warnings must aggregate")
      return
    }
  }

  @Test func anInvitedAgencyInATableWithABadHeaderIsNotNotedAsSilent() throws {
    let text = try Self.solicitation(
      """
      invited:
        - {id: example-sd-1, name: Example School District 1, type: k12}

      """)
    let misheaded = """
      agency_id,agency_name,agency_type,item,quantity,unit,deliver_to,colour
      example-sd-1,Example School District 1,k12,LAPTOP-14,4,EA,Depot,grey

      """
    let intake = try Self.check(text, needs: [("needs/sd.csv", misheaded)])
    #expect(intake.findings(.error, in: "needs/sd.csv").count == 1, "\(intake.listing)")
    #expect(
      intake.findings(.note, in: "solicitation.yaml").isEmpty,
      "the file names example-sd-1 but could not be read; nothing says the agency sent nothing: \(intake.listing)")
  }

  @Test func theLeadAgencyIsNeverWarnedWhenNotListed() throws {
    let text = try Self.solicitation(
      """
      invited:
        - {id: example-sd-1, name: Example School District 1, type: k12}

      """)
    let lead = """
      agency: {id: City-Of-Example, name: City of Example, type: city}
      deliver_to: City Hall
      items:
        - {item: MONITOR-24, quantity: 2, unit: EA}

      """
    let intake = try Self.check(text, needs: [("needs/sd.csv", Self.districtNeeds), ("needs/city.yaml", lead)])
    #expect(intake.diagnostics.isEmpty, "\(intake.listing)")
  }

  /// A note placed by its own position is not carried along with the finding recorded before it.
  @Test func aStandaloneNoteSortsByItsOwnPlace() {
    var collector = DiagnosticCollector()
    collector.warning("late", at: SourceLocation(path: "b.yaml", line: 9, column: 1))
    collector.note("first seen", at: SourceLocation(path: "z.yaml", line: 1, column: 1))
    collector.remark("not answered", at: SourceLocation(path: "a.yaml", line: 2, column: 3))
    #expect(collector.sorted.map(\.message) == ["not answered", "late", "first seen"])
  }

  /// `validate FILE` checks the named file against the roster, but cannot know who else has answered.
  @Test func singleFilesAreWarnedButNothingIsNoted() throws {
    let sandbox = try Sandbox()
    let solicitation = try String(contentsOfFile: sandbox.path("solicitation.yaml"), encoding: .utf8)
    try sandbox.write(
      "solicitation.yaml",
      solicitation + "invited:\n  - {id: example-sd-1, name: Example School District 1, type: k12}\n"
        + "  - {id: pine-fire, name: Pine Fire District, type: special-district}\n")
    let whole = sandbox.validate()
    #expect(whole.findings(.note, in: "solicitation.yaml").count == 1, "\(whole.listing)")
    #expect(whole.findings(.warning, in: "needs/school-districts.csv").count == 1, "example-sd-2: \(whole.listing)")
    let single = Intake.load(files: [sandbox.path("needs/school-districts.csv"), sandbox.path("solicitation.yaml")])
    #expect(single.findings(.warning, in: "needs/school-districts.csv").count == 1, "\(single.listing)")
    #expect(single.findings(.note, in: "solicitation.yaml").isEmpty, "\(single.listing)")
  }
}
