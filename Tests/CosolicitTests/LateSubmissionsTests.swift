import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The lead agency's decisions on late needs files (`late_submissions` in solicitation.yaml): an accepted file
/// is no longer warned about and is recorded on the review list; a rejected one is left out of the aggregation
/// and the documents and said to be; a decision that cannot apply is a finding at it.
@Suite struct LateSubmissionsTests {
  /// A needs file of agency `id`, submitted on `submitted` (the fixture's window closes 2027-02-15), asking for
  /// `quantity` LAPTOP-14.
  static func needs(_ id: String, submitted: String, quantity: Int) -> SourceFile {
    SourceFile(
      path: "needs/\(id).yaml",
      text: """
        agency: {id: \(id), name: Agency \(id), type: city}
        submitted: \(submitted)
        deliver_to: Hall
        items:
          - {item: LAPTOP-14, quantity: \(quantity), unit: each}

        """)
  }

  /// The intake of the fixture's solicitation with `decisions` appended, its catalog, and `needs`.
  static func load(_ decisions: MarkedText, _ needs: [SourceFile]) throws -> Intake {
    let (solicitation, catalog) = try InMemoryDiagnosticsTests.context()
    let defined = SourceFile(path: "solicitation.yaml", text: solicitation.text + decisions.text)
    return Aggregator.validate(Intake.load(WorkspaceFiles(solicitation: defined, catalog: catalog, needs: needs)))
  }

  static let threeFiles = [
    needs("on-time", submitted: "2027-02-10", quantity: 10),
    needs("late-accepted", submitted: "2027-02-20", quantity: 20),
    needs("late-rejected", submitted: "2027-02-21", quantity: 400),
  ]

  @Test func anAcceptedLateFileIsNotWarnedAboutAndIsOnTheReviewList() throws {
    let intake = try Self.load(
      MarkedText("late_submissions: {accept: [late-accepted], reject: [Late-Rejected]}\n"), Self.threeFiles)
    #expect(intake.errorCount == 0 && intake.warningCount == 0, "\(intake.listing)")
    let joint = try #require(try? Aggregator.aggregate(intake).get())
    let accepted = joint.review.filter { $0.agencyID == "late-accepted" }
    #expect(accepted.map(\.kind) == [.lateFileAccepted], "\(joint.review.map(\.message))")
    #expect(accepted.first?.message.contains("the late file is accepted by the lead agency") == true)
    #expect(joint.participants.contains { $0.agency.id.value == "late-accepted" })
  }

  @Test func aRejectedLateFileIsLeftOutAndSaidToBe() throws {
    let intake = try Self.load(
      MarkedText("late_submissions: {reject: [LATE-REJECTED]}\n"), Self.threeFiles)
    // The rejected file: a note at its submission date, standing alone; the undecided late file: a warning.
    intake.expect(.note, at: "needs/late-rejected.yaml", 2, 12, "are rejected as late by late_submissions", "left out")
    intake.expect(.warning, at: "needs/late-accepted.yaml", 2, 12, "the file is late")
    #expect(intake.errorCount == 0 && intake.warningCount == 1, "\(intake.listing)")
    let note = try #require(intake.diagnostics.firstIndex { $0.severity == .note })
    #expect(intake.diagnostics[note].standsAlone)
    let joint = try #require(try? Aggregator.aggregate(intake).get())
    #expect(joint.participants.map(\.agency.id.value) == ["late-accepted", "on-time"])
    let laptop = try #require(joint.lines.first { $0.itemID == "LAPTOP-14" })
    #expect(laptop.committedQuantity == 30 && laptop.shares.map(\.agencyID) == ["late-accepted", "on-time"])
    let rejected = try #require(joint.review.first { $0.kind == .lateFileRejected })
    #expect(rejected.agencyID == "late-rejected" && rejected.message.contains("its 1 line is left out"))
    #expect(joint.review.contains { $0.kind == .lateFile && $0.agencyID == "late-accepted" })
    // Nothing of the rejected agency reaches the documents; the aggregation contract and the review list, both
    // internal, list it for review.
    for (path, text) in try renderedDocuments(of: joint).sorted(by: { $0.key < $1.key }) {
      if path == "internal/solicitation.json" {
        #expect(text.contains("\"kind\": \"late-file-rejected\"") && text.contains("\"agency\": \"late-rejected\""))
        continue
      }
      if path == "internal/review.csv" {
        #expect(text.contains("late-file-rejected,,late-rejected,"))
        continue
      }
      #expect(!text.contains("late-rejected") && !text.contains("Agency late-rejected"), "\(path)")
      if path == "public/joint/rfp.md" { #expect(text.contains("Agency late-accepted")) }
    }
  }

  @Test func aDecisionThatCannotApplyIsAFindingWhereItIsWritten() throws {
    let text = MarkedText(
      """
      late_submissions:
        accept: [1️⃣on-time, 2️⃣nobody, late-accepted]
        reject: [3️⃣late-accepted, 4️⃣on-tme]

      """)
    let intake = try Self.load(text, Self.threeFiles)
    let offset = try Self.solicitationLines()
    func at(_ marker: String) -> (Int, Int) {
      let place = text.positions[marker]!
      return (place.line + offset, place.column)
    }
    for (marker, severity, fragment) in [
      ("1️⃣", Diagnostic.Severity.warning, "'on-time' is listed, but its needs file was submitted on 2027-02-10"),
      ("2️⃣", .error, "late_submissions.accept: 'nobody' is not a participant: no needs file names that agency"),
      ("3️⃣", .error, "'late-accepted' is listed under both accept and reject"),
      ("4️⃣", .error, "'on-tme' is not a participant: no needs file names that agency (did you mean 'on-time'?)"),
    ] {
      let (line, column) = at(marker)
      intake.expect(severity, at: "solicitation.yaml", line, column, fragment)
    }
    #expect(intake.errorCount == 3, "\(intake.listing)")
    // late-rejected is decided nowhere: its file is still late, and warned about.
    intake.expect(.warning, at: "needs/late-rejected.yaml", 2, 12, "the file is late")
  }

  /// Rejecting every participant leaves nothing to solicit: an error at the list, as an empty needs folder is one,
  /// rather than a package with no lines.
  @Test func rejectingEveryParticipantIsAnError() throws {
    let text = MarkedText("late_submissions: {reject: [1️⃣late-accepted, late-rejected, on-time]}\n")
    let intake = try Self.load(text, Self.threeFiles)
    let place = try #require(text.positions["1️⃣"])
    intake.expect(
      .error, at: "solicitation.yaml", place.line + (try Self.solicitationLines()), place.column,
      "every participant's needs are rejected, so nothing is left to solicit")
    #expect(intake.errorCount == 1, "\(intake.listing)")
    let some = try Self.load(
      MarkedText("late_submissions: {reject: [late-accepted, late-rejected]}\n"), Self.threeFiles)
    #expect(some.errorCount == 0, "\(some.listing)")
  }

  /// A needs file that cannot be read may be the one naming the agency: no "not a participant" error then.
  @Test func anUnreadableNeedsFileMayNameAnyAgency() throws {
    let broken = SourceFile(path: "needs/broken.yaml", text: "agency: {id: late-x, name: [\n")
    let intake = try Self.load(
      MarkedText("late_submissions: {reject: [late-x]}\n"), Self.threeFiles + [broken])
    #expect(intake.errorCount == 1, "\(intake.listing)")
    #expect(!intake.diagnostics.contains { $0.message.contains("is not a participant") })
  }

  /// The number of lines of the fixture's solicitation.yaml, after which the decisions are appended.
  static func solicitationLines() throws -> Int {
    try InMemoryDiagnosticsTests.context().solicitation.text.split(separator: "\n", omittingEmptySubsequences: false)
      .count - 1
  }
}
