import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The award rules of `solicitation.yaml`: `tie_breakers` in the order applied, the lead agency's
/// `local_suppliers` and `secondary_award`; every problem a finding at the value, all at once.
@Suite struct AwardRulesTests {
  /// The intake of the fixture's solicitation with `fields` appended (and no needs files).
  static func load(_ fields: MarkedText) throws -> (Intake, offset: Int) {
    let (solicitation, catalog) = try InMemoryDiagnosticsTests.context()
    let defined = SourceFile(path: "solicitation.yaml", text: solicitation.text + fields.text)
    let intake = Intake.load(WorkspaceFiles(solicitation: defined, catalog: catalog, needs: []))
    return (intake, try LateSubmissionsTests.solicitationLines())
  }

  /// The findings in solicitation.yaml other than those of the empty needs folder.
  static func findings(_ intake: Intake) -> [Diagnostic] {
    intake.diagnostics.filter { $0.location.path == "solicitation.yaml" }
  }

  /// Records an issue unless `intake` has a finding of `severity` at each marker of `text` (appended after
  /// `offset` lines) whose message holds the fragment given for it, and no other finding in solicitation.yaml
  /// but notes.
  static func expect(
    _ intake: Intake, offset: Int, _ text: MarkedText, _ expected: [(String, Diagnostic.Severity, String)],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    for (marker, severity, fragment) in expected {
      guard let place = text.positions[marker] else {
        Issue.record("no marker \(marker)", sourceLocation: sourceLocation)
        continue
      }
      intake.expect(
        severity, at: "solicitation.yaml", place.line + offset, place.column, fragment,
        sourceLocation: sourceLocation)
    }
    let unexpected = findings(intake).filter { $0.severity != .note }
    #expect(unexpected.count == expected.count, "\(intake.listing)", sourceLocation: sourceLocation)
  }

  @Test func theRulesAreReadInOrder() throws {
    let (intake, _) = try Self.load(
      MarkedText(
        """
        tie_breakers: [Local-Preference, drawing]
        local_suppliers: ["Cascade Valley Office Supply", "  Summit   Paper Co. "]
        secondary_award: true

        """))
    #expect(Self.findings(intake).isEmpty, "\(intake.listing)")
    let solicitation = try #require(intake.solicitation)
    #expect(solicitation.tieBreakers.map(\.value) == [.localPreference, .drawing])
    #expect(solicitation.localSuppliers.map(\.value) == ["Cascade Valley Office Supply", "Summit   Paper Co."])
    #expect(solicitation.secondaryAward)
    #expect(solicitation.isLocalSupplier("cascade valley  OFFICE supply"))
    #expect(solicitation.isLocalSupplier("Summit Paper Co."))
    #expect(!solicitation.isLocalSupplier("Summit Paper"))
  }

  @Test func withoutTheFieldsThereAreNoRules() throws {
    let (intake, _) = try Self.load(MarkedText(""))
    #expect(Self.findings(intake).isEmpty, "\(intake.listing)")
    let solicitation = try #require(intake.solicitation)
    #expect(solicitation.tieBreakers.isEmpty && solicitation.localSuppliers.isEmpty && !solicitation.secondaryAward)
    let drawingOnly = try Self.load(MarkedText("tie_breakers: drawing\nsecondary_award: no\n")).0
    #expect(Self.findings(drawingOnly).isEmpty, "\(drawingOnly.listing)")
    #expect(drawingOnly.solicitation?.tieBreakers.map(\.value) == [.drawing])
    #expect(drawingOnly.solicitation?.secondaryAward == false)
  }

  @Test func everyProblemWithTheTieBreakersIsFoundAtOnce() throws {
    let text = MarkedText(
      """
      tie_breakers: [1️⃣local_preference, drawing, 2️⃣coin-toss, 3️⃣drawing, 4️⃣local-preference]
      local_suppliers: [Valley Office Supply]
      secondary_award: 5️⃣maybe

      """)
    let (intake, offset) = try Self.load(text)
    Self.expect(
      intake, offset: offset, text,
      [
        ("1️⃣", .error, "'local_preference' is not a tie-breaking rule (did you mean 'local-preference'?)"),
        ("2️⃣", .error, "'coin-toss' is not a tie-breaking rule; expected one of: local-preference, drawing"),
        ("3️⃣", .error, "drawing is listed twice"),
        ("4️⃣", .error, "local-preference follows drawing, but a drawing always decides"),
        ("5️⃣", .error, "'secondary_award' 'maybe' is not true or false"),
      ])
  }

  @Test func localPreferenceNeedsTheLocalSuppliers() throws {
    let text = MarkedText("tie_breakers: [1️⃣local-preference, drawing]\n")
    let (intake, offset) = try Self.load(text)
    Self.expect(
      intake, offset: offset, text,
      [("1️⃣", .error, "local-preference needs the list of local suppliers; add local_suppliers")])
    #expect(intake.errorCount == 1, "\(intake.listing)")
  }

  @Test func localSuppliersAreNamesGivenOnceAndUsed() throws {
    let text = MarkedText(
      """
      local_suppliers:
        4️⃣- Valley Office Supply Co.
        - 1️⃣valley  office supply CO.
        - 2️⃣[a, list]
        - 3️⃣""
        - Summit Paper

      """)
    let (intake, offset) = try Self.load(text)
    Self.expect(
      intake, offset: offset, text,
      [
        ("1️⃣", .error, "'valley  office supply CO.' is listed twice (names that differ only in case or spacing"),
        ("2️⃣", .error, "each entry must be a supplier's name, found a list"),
        ("3️⃣", .error, "each entry must be a supplier's name, found an empty value"),
        // No tie_breakers names local-preference: the list is unused.
        ("4️⃣", .warning, "local_suppliers: the list is not used, because tie_breakers does not name local-preference"),
      ])
    let empty = MarkedText("tie_breakers: [local-preference]\nlocal_suppliers: 1️⃣[]\n")
    let (emptyIntake, _) = try Self.load(empty)
    Self.expect(emptyIntake, offset: offset, empty, [("1️⃣", .error, "local_suppliers: the list is empty")])
  }
}
