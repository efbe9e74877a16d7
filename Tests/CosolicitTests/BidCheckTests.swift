import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// `check-bid`'s library side: schema validation, comparison with the blank form, no-bid rules and arithmetic.
@Suite struct BidCheckTests {
  /// `Tests/Fixtures/bids`.
  static let bids = fixtures.appendingPathComponent("bids")

  /// The full path of the bid fixture `name`.
  static func path(_ name: String) -> String { bids.appendingPathComponent(name).path }

  /// The text of the bid fixture `name`.
  static func text(_ name: String) throws -> String {
    try String(contentsOf: bids.appendingPathComponent(name), encoding: .utf8)
  }

  /// The bid-form schema built into the library.
  static func schema() throws -> String { try #require(BidCheck.defaultSchema) }

  /// The exact decimal written as `text`.
  static func decimal(_ text: String) throws -> Decimal { try #require(Decimal(string: text)) }

  /// The blank form fixture `name`, read and validated, with `edit` applied to its text first.
  static func form(_ name: String, edit: (String) -> String = { $0 }) throws -> BidDocument {
    let loaded = BidDocument.load(
      edit(try text(name)), path: path(name), schema: try schema(), expecting: .blankForm)
    #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
    return try #require(loaded.document)
  }

  /// Checks the bid fixture `name` (with `edit` applied to its text and, when given, to the form's) against the
  /// blank form fixture `form`, or against the schema only when `form` is nil.
  static func check(
    _ name: String, against formName: String? = "form.xml", edit: (String) -> String = { $0 }
  ) throws -> BidCheckReport {
    let reference = try formName.map { try form($0, edit: edit) }
    return BidCheck.check(bid: edit(try text(name)), path: path(name), schema: try schema(), reference: reference)
  }

  /// Records an issue unless `report` has a finding of `severity` at `line:column` of the bid whose message
  /// contains every fragment.
  static func expect(
    _ report: BidCheckReport, _ severity: Diagnostic.Severity, at line: Int, _ column: Int, _ fragments: String...,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let found = report.diagnostics.contains { diagnostic in
      diagnostic.severity == severity && diagnostic.location.path == report.path && diagnostic.location.line == line
        && diagnostic.location.column == column && fragments.allSatisfy { diagnostic.message.contains($0) }
    }
    if !found {
      let listing = report.diagnostics.map(\.description).joined(separator: "\n")
      Issue.record(
        "no \(severity) at \(line):\(column) containing \(fragments); found:\n\(listing)",
        sourceLocation: sourceLocation)
    }
  }

  // MARK: - Conforming bids

  @Test func defaultSchemaIsTheTemplate() throws {
    let template = try String(
      contentsOf: repositoryRoot.appendingPathComponent("Templates/bid-form.xsd"), encoding: .utf8)
    #expect(try Self.schema() == template)
  }

  @Test func validFilledBidConforms() throws {
    let report = try Self.check("filled.xml", against: "blank.xml")
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    #expect(report.conforming)
    #expect(report.total == (try Self.decimal("629314.50")))
    #expect(report.pricedLines == 1)
    #expect(report.noBidLines == 0)
    #expect(report.reference == Self.path("blank.xml"))
    #expect(report.summary.contains("Bidder:       Acme Supply"))
    #expect(report.summary.contains("Solicitation: CVPC-2027-01"))
    #expect(report.summary.hasSuffix("Result:       conforming: 0 errors, 0 warnings"))
  }

  @Test func aBidWithoutTheNonCollusionCertificationIsNotConforming() throws {
    let report = try Self.check("filled.xml", against: "blank.xml") {
      $0.replacingOccurrences(of: "<nonCollusion>true</nonCollusion>", with: "<nonCollusion>false</nonCollusion>")
    }
    #expect(!report.conforming)
    #expect(report.diagnostics.contains { $0.severity == .error && $0.message.contains("non-collusion") })
  }

  @Test func validFilledBidConformsWithoutASolicitation() throws {
    let report = try Self.check("filled.xml", against: nil)
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    #expect(report.conforming)
    #expect(report.summary.contains("the schema only"))
  }

  @Test func bidWithTwoLotsConformsAndRoundsHalfUp() throws {
    let report = try Self.check("bid.xml")
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    #expect(report.conforming)
    // Line 2 is 12.345 × 5 = 61.725, which counts 61.73 (half up; half to even would give 61.72).
    #expect(report.lots.map(\.id) == ["L1", "L2"])
    #expect(report.lots.map(\.subtotal) == [try Self.decimal("108060.53"), try Self.decimal("1744.66")])
    #expect(report.total == (try Self.decimal("109805.19")))
    #expect(report.summary.contains("Lot L1 Office technology: 2 lines priced, 0 no-bid; subtotal 108,060.53 USD"))
    #expect(report.summary.contains("Total:        109,805.19 USD (4 lines priced, 0 no-bid)"))
  }

  @Test(arguments: [
    ("12.345", "5", "61.73"), ("0.125", "1", "0.13"), ("0.005", "1", "0.01"), ("1000.50", "629", "629314.50"),
    ("17.333", "12.5", "216.66"), ("0", "40", "0"), ("0.333333333333333", "3", "1.00"),
  ])
  func extendedPriceIsRoundedHalfUpToCents(unitPrice: String, quantity: String, expected: String) throws {
    let computed = BidCheck.extendedPrice(unitPrice: try Self.decimal(unitPrice), quantity: try Self.decimal(quantity))
    #expect(computed == (try Self.decimal(expected)))
  }

  @Test func xsdDecimalFormsAreReadExactly() throws {
    #expect(try BidDocument.decimal(".5").get() == (try Self.decimal("0.5")))
    #expect(try BidDocument.decimal("5.").get() == 5)
    #expect(try BidDocument.decimal(" +1.10 ").get() == (try Self.decimal("1.1")))
    #expect(throws: DecimalText.Problem.tooManyDigits) { try BidDocument.decimal("1234567890123456").get() }
  }

  // MARK: - The schema

  @Test func negativePriceIsRejectedBySchemaWithItsPosition() throws {
    let report = try Self.check("negative.xml", against: nil)
    #expect(!report.conforming)
    #expect(report.document == nil)
    #expect(report.diagnostics.count == 1, "\(report.diagnostics)")
    Self.expect(report, .error, at: 18, 7, "'unitPrice'", "minInclusive", "'-1'", "(in lot L1, line 1, <unitPrice>)")
    #expect(report.summary.contains("NOT conforming: 1 error, 0 warnings"))
  }

  @Test func missingPriceIsRejectedBySchemaWithItsPosition() throws {
    let report = try Self.check("missing.xml", against: "blank.xml")
    #expect(!report.conforming)
    #expect(report.diagnostics.count == 1, "\(report.diagnostics)")
    Self.expect(
      report, .error, at: 19, 7, "'extendedPrice': This element is not expected",
      "asNeeded, zone, unitPrice, noBid, price )",
      "(in lot L1, line 1, <extendedPrice>)")
  }

  @Test func blankFormGivenAsABidIsAnError() throws {
    let report = try Self.check("blank.xml", against: nil)
    #expect(!report.conforming)
    #expect(report.diagnostics.count == 1, "\(report.diagnostics)")
    Self.expect(report, .error, at: 2, 1, "this is the blank form, not a filled bid")
  }

  @Test func doctypeAndExternalEntitiesAreRejectedWithoutReadingTheFile() throws {
    // The bid declares an external entity for secret.txt, beside it; the file must never be read.
    let secret = try Self.text("secret.txt").trimmingCharacters(in: .whitespacesAndNewlines)
    let report = try Self.check("doctype-xxe.xml", against: "blank.xml")
    #expect(!report.conforming)
    #expect(report.diagnostics.count == 1, "\(report.diagnostics)")
    Self.expect(report, .error, at: 2, 1, "DOCTYPE")
    #expect(!report.diagnostics.contains { $0.message.contains(secret) })
    #expect(!report.summary.contains(secret))
    let tree = XMLElementTree.parse(try Self.text("doctype-xxe.xml"), path: Self.path("doctype-xxe.xml"))
    #expect(tree.root == nil)
  }

  @Test func hostileTextInTheBidderNameIsData() throws {
    let report = try Self.check("hostile-name.xml", against: "blank.xml")
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    #expect(report.conforming)
    let name = #"<script>alert(1)</script> ]]> & "Acme" 'Supply'"#
    #expect(report.document?.bidder.name.value == name)
    #expect(report.document?.lots.first?.lines.first?.brandModel?.value == "<b>Acme X1</b> & co")
    #expect(report.summary.contains("Bidder:       \(name)"))
  }

  @Test func lineBreaksInTheBidCannotForgeSummaryLines() throws {
    let report = try Self.check("filled.xml", against: nil) {
      $0.replacingOccurrences(of: "<name>Acme Supply</name>", with: "<name>Acme\nResult:       conforming</name>")
        .replacingOccurrences(of: "<unitPrice>1000.50</unitPrice>", with: "<unitPrice>-1</unitPrice>")
    }
    #expect(!report.conforming)
    #expect(report.summary.split(separator: "\n").filter { $0.hasPrefix("Result:") }.count == 1)
  }

  // MARK: - Against the solicitation

  @Test func changedQuantityAndUnitAreErrorsAtTheirLines() throws {
    let report = try Self.check("changed-terms.xml")
    #expect(!report.conforming)
    #expect(report.errorCount == 2, "\(report.diagnostics)")
    #expect(report.warningCount == 0)
    Self.expect(report, .error, at: 17, 7, "line 1: the quantity is 100, but the solicitation asks for 120")
    Self.expect(report, .error, at: 39, 7, "line 3: the unit is 'EA', but the solicitation asks for 'XCS'")
    let notes = report.diagnostics.filter { $0.severity == .note }.map(\.location)
    #expect(
      notes == [
        SourceLocation(path: Self.path("form.xml"), line: 17, column: 7),
        SourceLocation(path: Self.path("form.xml"), line: 39, column: 7),
      ])
  }

  @Test func missingAndExtraLinesAndLotsAreErrors() throws {
    let report = try Self.check("missing-line.xml")
    #expect(report.errorCount == 2, "\(report.diagnostics)")
    Self.expect(report, .error, at: 35, 3, "line 4 (Floor cleaner, neutral pH) of lot L2 is missing")
    Self.expect(report, .error, at: 49, 3, "lot L9 is not in the solicitation's bid form")
  }

  @Test func missingLotIsAnError() throws {
    let form = try Self.form("form.xml")
    var text = try Self.text("bid.xml")
    let start = try #require(text.range(of: "  <lot id=\"L2\""))
    let end = try #require(text.range(of: "  <total>"))
    text.replaceSubrange(start.lowerBound..<end.lowerBound, with: "")
    let report = BidCheck.check(bid: text, path: "bid.xml", schema: try Self.schema(), reference: form)
    #expect(report.errorCount == 1, "\(report.diagnostics)")
    Self.expect(
      report, .error, at: 2, 1,
      "lot L2 (Custodial supplies) of the solicitation is missing; answer each of its 2 "
        + "lines with a price or <noBid/>")
  }

  @Test func changedCurrencyIsAnError() throws {
    let form = try Self.form("form.xml")
    let text = try Self.text("bid.xml").replacingOccurrences(of: "currency=\"USD\"", with: "currency=\"EUR\"")
    let report = BidCheck.check(bid: text, path: "bid.xml", schema: try Self.schema(), reference: form)
    #expect(report.errorCount == 1, "\(report.diagnostics)")
    Self.expect(report, .error, at: 2, 1, "currency is 'EUR', but the solicitation's bid form says 'USD'")
  }

  @Test func bidForAnotherSolicitationIsOneError() throws {
    let report = try Self.check("filled.xml", against: "form.xml")
    #expect(report.errorCount == 1, "\(report.diagnostics)")
    Self.expect(report, .error, at: 2, 1, "the bid is for solicitation 'CVPC-2027-01', but the bid form is for")
  }

  @Test func duplicateLineIsAnError() throws {
    let report = try Self.check("bid.xml") {
      $0.replacingOccurrences(of: "<line number=\"2\" item=\"TECH-CBL-2M\">", with: "<line number=\"1\">")
    }
    Self.expect(report, .error, at: 22, 5, "line 1 appears twice in lot L1")
    #expect(!report.conforming)
  }

  // MARK: - Arithmetic

  @Test func wrongExtendedPriceIsAWarningAndTheUnitPriceGoverns() throws {
    let report = try Self.check("wrong-extended.xml")
    #expect(report.conforming)
    #expect(report.errorCount == 0)
    #expect(report.warningCount == 3, "\(report.diagnostics)")
    Self.expect(
      report, .warning, at: 19, 7,
      "line 1: extended price 107,999.80 does not equal unit price 899.99 × quantity 120 = 107,998.80; the unit "
        + "price governs, so the line counts 107,998.80")
    Self.expect(report, .warning, at: 33, 5, "lot L1: subtotal 108,061.53", "the lot counts 108,060.53")
    Self.expect(report, .warning, at: 60, 3, "total 109,806.19", "the bid totals 109,805.19")
    #expect(report.lots.first?.subtotal == (try Self.decimal("108060.53")))
    #expect(report.total == (try Self.decimal("109805.19")))
    #expect(report.summary.contains("Total:        109,805.19 USD"))
    #expect(report.summary.hasSuffix("conforming: 0 errors, 3 warnings"))
  }

  // MARK: - No-bid rules

  @Test(arguments: [
    ("nobid-line.xml", "by-line", true), ("nobid-line.xml", "by-lot", false), ("nobid-line.xml", "all-or-none", false),
    ("nobid-lot.xml", "by-line", true), ("nobid-lot.xml", "by-lot", true), ("nobid-lot.xml", "all-or-none", false),
  ])
  func noBidRulesFollowTheAwardMethod(fixture: String, awardMethod: String, conforming: Bool) throws {
    let report = try Self.check(fixture) {
      $0.replacingOccurrences(of: "awardMethod=\"by-lot\"", with: "awardMethod=\"\(awardMethod)\"")
    }
    #expect(report.conforming == conforming, "\(report.diagnostics)")
    #expect(report.warningCount == 0, "\(report.diagnostics)")
    switch (fixture, awardMethod) {
    case ("nobid-line.xml", "by-lot"):
      Self.expect(report, .error, at: 10, 3, "lot L1 mixes priced and no-bid lines (no-bid: 2)")
    case ("nobid-line.xml", "all-or-none"):
      Self.expect(report, .error, at: 29, 7, "line 2 is marked no-bid, but the award method is all-or-none")
    case ("nobid-lot.xml", "all-or-none"):
      #expect(report.errorCount == 2)
    default:
      #expect(report.errorCount == 0)
    }
    #expect(report.noBidLines == (fixture == "nobid-line.xml" ? 1 : 2))
  }

  @Test func aBidMustPriceAtLeastOneLine() throws {
    let report = try Self.check("nobid.xml", against: "blank.xml") {
      $0.replacingOccurrences(of: "awardMethod=\"by-lot\"", with: "awardMethod=\"by-line\"")
    }
    #expect(!report.conforming)
    #expect(report.errorCount == 1, "\(report.diagnostics)")
    Self.expect(report, .error, at: 2, 1, "the bid prices no line")
    // The written subtotal and total count a declined line; the recomputed ones do not.
    Self.expect(report, .warning, at: 20, 5, "the lot counts 0.00")
    #expect(report.total == 0)
  }

  // MARK: - Finding the solicitation

  @Test func packageOneLevelDownIsFound() throws {
    let sandbox = try Sandbox(copying: "bids")
    let form = try Self.text("form.xml")
    try sandbox.writePackage(
      "CVPC-2027-02", in: "package",
      files: ["public/joint/bid-form.xml": form, "public/joint/bid-form.xsd": try Self.schema()])
    try sandbox.writePackage("OTHER-1", in: "package", files: ["public/joint/bid-form.xml": form])
    let found = try BidReference.load(
      sandbox.path("package"), variant: .joint, solicitationID: "CVPC-2027-02", defaultSchema: "not used"
    ).get()
    #expect(found.form.solicitation.value == "CVPC-2027-02")
    #expect(found.form.kind == .blankForm)
    #expect(found.schemaPath == sandbox.path("package/CVPC-2027-02/public/joint/bid-form.xsd"))
    // Two packages and no name to pick one by.
    let ambiguous = BidReference.load(
      sandbox.path("package"), variant: .joint, solicitationID: "X", defaultSchema: try Self.schema())
    #expect(throws: BidReference.Failure.self) { try ambiguous.get() }
  }

  @Test func packageWithoutTheBidsVariantIsExplained() throws {
    let sandbox = try Sandbox(copying: "bids")
    try sandbox.writePackage("package", in: ".", files: ["public/joint/bid-form.xml": try Self.text("form.xml")])
    let found = BidReference.load(
      sandbox.path("package"), variant: .piggyback, solicitationID: nil, defaultSchema: try Self.schema())
    #expect(throws: BidReference.Failure.self) { try found.get() }
    if case .failure(let failure) = found {
      #expect(failure.message.contains("has no public/piggyback/bid-form.xml"))
    }
    let joint = BidReference.load(
      sandbox.path("package"), variant: nil, solicitationID: nil, defaultSchema: try Self.schema())
    #expect(try joint.get().schemaPath == "bid-form.xsd")
  }

  @Test func filledBidIsNotABlankForm() throws {
    let found = BidReference.load(
      Self.path("bid.xml"), variant: .joint, solicitationID: nil, defaultSchema: try Self.schema())
    guard case .failure(let failure) = found else {
      Issue.record("a filled bid was accepted as the blank form")
      return
    }
    #expect(failure.diagnostics.contains { $0.message.contains("this is a filled bid, not the blank form") })
  }

  @Test func aWorkspaceGivesItsBlankFormForTheBidsVariant() throws {
    for variant in DocumentVariant.allCases {
      let found = try BidReference.load(
        fixtures.appendingPathComponent("workspace").path, variant: variant, solicitationID: nil,
        defaultSchema: try Self.schema()
      ).get()
      #expect(found.form.kind == .blankForm)
      #expect(found.form.variant.value == variant)
      #expect(found.form.solicitation.value == "JS-2027-001")
      // The fixture's lines: LAPTOP-14 160 committed; in the piggyback variant only the lead city's 40 are.
      let laptop = found.form.lots.flatMap(\.lines).first { $0.item?.value == "LAPTOP-14" }
      #expect(laptop?.committedQuantity.value == (variant == .joint ? 160 : 40))
    }
  }

  // MARK: - The element tree

  @Test func elementTreeKeepsNamesTextAndPositions() throws {
    let text = """
      <?xml version="1.0"?>
      <p:root xmlns:p="urn:x" a="1 &amp; 2"><p:item n="1">one</p:item><p:item n="2">t<![CDATA[<w>]]>o</p:item>
        <other xmlns="urn:y">text<!-- note --> more</other>
      </p:root>
      """
    let parsed = XMLElementTree.parse(text, path: "tree.xml")
    #expect(parsed.diagnostics.isEmpty)
    let root = try #require(parsed.root)
    #expect(root.name == "root")
    #expect(root.namespace == "urn:x")
    #expect(root.attribute("a") == "1 & 2")
    #expect(root.children(named: "item").map(\.text) == ["one", "t<w>o"])
    #expect(root.children(named: "item").map(\.column) == [39, 65])
    #expect(root.children.map(\.line) == [2, 2, 3])
    #expect(root.child("other") == nil)
    let other = root.children[2]
    #expect(other.namespace == "urn:y")
    #expect(other.text == "text more")
    #expect(other.column == 3)
  }

  @Test func elementTreeReportsMalformedXMLWithItsPosition() throws {
    let parsed = XMLElementTree.parse("<bid>\n  <lot>\n</bid>\n", path: "bad.xml")
    #expect(parsed.root == nil)
    #expect(parsed.diagnostics.first?.location.line == 3)
    #expect(parsed.diagnostics.first?.severity == .error)
  }
}
