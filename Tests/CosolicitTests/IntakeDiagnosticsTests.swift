import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Each planted mistake is reported, at its position, with a message saying what was expected.
@Suite struct IntakeDiagnosticsTests {
  @Test func fixtureWorkspaceIsClean() throws {
    let intake = try Sandbox().validate()
    #expect(intake.diagnostics.isEmpty, "\(intake.listing)")
    #expect(intake.participants.count == 3)
    #expect(intake.lineCount == 7)
  }

  @Test func malformedYAMLIsReportedWithItsPosition() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/malformed.yaml", as: "needs/malformed.yaml")
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/malformed.yaml", 8, 10, "malformed YAML")
    #expect(intake.findings(.error, in: "needs/malformed.yaml").count == 1)
  }

  @Test func malformedJSONIsReportedWithItsPositionAndWhatWasExpected() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/malformed.json", as: "needs/malformed.json")
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/malformed.json", 4, 41, "malformed JSON", "expected ',' or '}'")
  }

  @Test func unclosedCSVQuoteIsReportedAtTheOpeningQuote() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/unclosed-quote.csv", as: "needs/bad.csv")
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/bad.csv", 2, 48, "never closed")
  }

  @Test func textAfterClosingCSVQuoteIsReported() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/text-after-quote.csv", as: "needs/bad.csv")
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/bad.csv", 2, 57, "after a closing quote")
    // The broken row is reported once, not field by field, and the row after it is still read.
    #expect(intake.errorCount == 1, "\(intake.listing)")
    let lines = intake.participants.first { $0.agency.id.value == "bad-csv" }?.lines
    #expect(lines?.map(\.quantity.value) == [2])
  }

  @Test func csvWithByteOrderMarkCRLFAndQuotedLineBreaksReads() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/bom-crlf.csv", as: "needs/fire.csv")
    let intake = sandbox.validate()
    #expect(intake.diagnostics.isEmpty, "\(intake.listing)")
    let lines = try #require(intake.participants.first { $0.agency.id.value == "fire-1" }).lines
    #expect(lines.map(\.notes) == ["He said \"rugged\"", "two\r\nlines"])
    #expect(lines.first?.deliverTo == "Station 1, 2 Pine Rd")
  }

  @Test func missingRequiredFieldIsNamed() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/missing-name.yaml", as: "needs/district.yaml")
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/district.yaml", 2, 3, "agency: missing required field 'name'")
  }

  @Test func unknownFieldSuggestsTheNearestName() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/unknown-field.yaml", as: "needs/city.yaml")
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/city.yaml", 7, 5, "unknown field 'quantty'", "(did you mean 'quantity'?)")
  }

  @Test(arguments: [
    (7, "'quantity' is -5; expected a positive decimal number"),
    (8, "'quantity' is 0; expected a positive decimal number"),
    (9, "'quantity' 'twelve' is not a decimal number"),
    (
      10,
      "'quantity' '1,2' is ambiguous: a comma must be followed by groups of three digits; for a decimal comma write 1.2"
    ),
    (11, "'quantity' '1e3' is not a decimal number"),
  ])
  func quantityMustBeAPositiveDecimal(line: Int, message: String) throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/quantities.yaml", as: "needs/county.yaml")
    let intake = sandbox.validate()
    #expect(intake.findings(.error, in: "needs/county.yaml").count == 5, "\(intake.listing)")
    #expect(
      intake.findings(.error, in: "needs/county.yaml").contains {
        $0.location.line == line && $0.message.contains(message)
      }, "\(intake.listing)")
  }

  @Test func unknownUnitSuggestsTheNearestName() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/units.yaml", as: "needs/county.yaml")
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/county.yaml", 9, 11, "unknown unit 'eech'", "(did you mean 'each'?)")
  }

  @Test func unitNotConvertibleToTheBaseUnitIsAnError() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/units.yaml", as: "needs/county.yaml")
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/county.yaml", 12, 11, "case (XCS) cannot be converted", "lists no packs")
    intake.expect(.error, at: "needs/county.yaml", 15, 11, "kilogram (KGM) cannot be converted", "GLL")
    // 400 liters is 105.668821... gallons: usable, but not exact.
    intake.expect(.warning, at: "needs/county.yaml", 17, 15, "rounded to 105.668821 GLL")
    // Cases of an item whose packs list XCS convert cleanly.
    #expect(intake.findings(.error, in: "needs/county.yaml").count == 3)
  }

  @Test func bareTonIsReadAsShortTonWithAWarning() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/ton.yaml", as: "needs/district.yaml")
    let intake = sandbox.validate()
    intake.expect(.warning, at: "needs/district.yaml", 10, 11, "'ton' is ambiguous", "short ton (STN")
    let line = try #require(intake.participants.first { $0.agency.id.value == "ton-district" }?.lines.first)
    #expect(line.unit.value.code == "STN")
  }

  @Test func unknownCatalogItemSuggestsTheNearestId() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/references.yaml", as: "needs/city.yaml")
    let intake = sandbox.validate()
    intake.expect(
      .error, at: "needs/city.yaml", 7, 11, "unknown catalog item 'LAPTOP-15'", "(did you mean 'LAPTOP-14'?)")
  }

  @Test func writeInWithoutClassificationOrUnitIsAnError() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/references.yaml", as: "needs/city.yaml")
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/city.yaml", 10, 5, "write-in", "missing required field 'classification'")
    intake.expect(.error, at: "needs/city.yaml", 13, 5, "write-in", "missing required field 'unit'")
  }

  @Test func writeInOutsideEveryLotIsAnError() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/references.yaml", as: "needs/city.yaml")
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/city.yaml", 17, 21, "NIGP:988-36 matches no lot")
  }

  @Test func notADateIsAnError() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/dates.yaml", as: "needs/district.yaml")
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/district.yaml", 11, 14, "'2027-02-30' is not a date", "YYYY-MM-DD")
    intake.expect(.error, at: "needs/district.yaml", 19, 14, "'next week' is not a date")
  }

  @Test func needByBeforeTheTermStartIsAnError() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/dates.yaml", as: "needs/district.yaml")
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/district.yaml", 15, 14, "before the contract term starts on 2027-07-01")
  }

  @Test func submittedAfterTheOrderingWindowIsFlaggedAsLate() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/dates.yaml", as: "needs/district.yaml")
    let intake = sandbox.validate()
    intake.expect(.warning, at: "needs/district.yaml", 5, 12, "after the ordering window closed on 2027-02-15")
  }

  @Test func sameAgencyInTwoFilesNamesBothPlaces() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/duplicate-agency.json", as: "needs/zz-city-again.json")
    let intake = sandbox.validate()
    let error = try #require(intake.findings(.error, in: "needs/zz-city-again.json").first, "\(intake.listing)")
    #expect(error.location.line == 2 && error.location.column == 20)
    #expect(error.message.contains("agency 'city-of-example' already has needs at"))
    #expect(error.message.contains("needs/city-of-example.yaml:3:7"))
    intake.expect(.note, at: "needs/city-of-example.yaml", 3, 7, "first appears here")
  }

  @Test func evaluationWeightsMustSumTo100() throws {
    let sandbox = try Sandbox()
    try sandbox.place("solicitation/weights.yaml", as: "solicitation.yaml")
    let intake = sandbox.validate()
    intake.expect(.error, at: "solicitation.yaml", 46, 3, "weights sum to 95; they must sum to 100")
  }

  @Test func scheduleDatesOutOfOrderAreAnError() throws {
    let sandbox = try Sandbox()
    try sandbox.place("solicitation/schedule.yaml", as: "solicitation.yaml")
    let intake = sandbox.validate()
    intake.expect(.error, at: "solicitation.yaml", 21, 18, "questions_due 2027-02-20 must come after issue 2027-03-01")
  }

  @Test func currencyMustBeAnISOCode() throws {
    let sandbox = try Sandbox()
    try sandbox.place("solicitation/currency.yaml", as: "solicitation.yaml")
    let intake = sandbox.validate()
    intake.expect(.error, at: "solicitation.yaml", 9, 11, "write it in capitals: USD")
  }

  @Test func catalogLotThatDoesNotExistIsAnError() throws {
    let sandbox = try Sandbox()
    try sandbox.place("catalog/lots.csv", as: "catalog.csv")
    let intake = sandbox.validate()
    intake.expect(.error, at: "catalog.csv", 2, 46, "lot 'L9' does not exist", "lots are L1, L2")
  }

  @Test func catalogRowProblemsAreAllReported() throws {
    let sandbox = try Sandbox()
    try sandbox.place("catalog/lots.csv", as: "catalog.csv")
    let intake = sandbox.validate()
    intake.expect(.error, at: "catalog.csv", 6, 26, "NIGP:988-36 matches no lot")
    intake.expect(.error, at: "catalog.csv", 7, 1, "'TOWEL-MF' is listed twice")
    intake.expect(.note, at: "catalog.csv", 4, 1, "first listed here")
    intake.expect(.error, at: "catalog.csv", 8, 20, "UNSPSC:4321", "8 digits")
    intake.expect(.error, at: "catalog.csv", 8, 41, "pack size 'zero'")
  }

  @Test func yamlCatalogReadsPacksAsAMapping() throws {
    let sandbox = try Sandbox()
    try sandbox.remove("catalog.csv")
    try sandbox.place("catalog/items.yaml", as: "catalog.yaml")
    try sandbox.remove("needs/school-districts.csv")
    let intake = sandbox.validate()
    let towel = try #require(intake.catalog?.item(withID: "TOWEL-MF"))
    #expect(towel.packs == ["XCS": 16, "XBX": 4])
    // The city orders MONITOR-24 and FLOOR-CLEANER, which this catalog lacks.
    #expect(intake.findings(.error, in: "needs/city-of-example.yaml").count == 1, "\(intake.listing)")
  }

  @Test func unsupportedFileExtensionIsAnError() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/notes.txt", as: "needs/notes.txt")
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/notes.txt", 1, 1, "unsupported file type 'txt'")
  }

  @Test func emptyNeedsFolderIsAnError() throws {
    let sandbox = try Sandbox()
    try sandbox.remove("needs/city-of-example.yaml")
    try sandbox.remove("needs/school-districts.csv")
    try sandbox.write("needs/.DS_Store", "hidden files are ignored")
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs", 1, 1, "the needs folder has no needs files")
  }

  @Test func unknownCSVColumnIsNamed() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/unknown-column.csv", as: "needs/city.csv")
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/city.csv", 1, 65, "unknown column 'qty_per_site'", "expected columns:")
  }

  @Test func rowsOfOneAgencyMustAgree() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/disagreeing-agency.csv", as: "needs/pair.csv")
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/pair.csv", 3, 9, "named 'Pair SD' here")
    intake.expect(.error, at: "needs/pair.csv", 3, 17, "type 'county' here but 'k12'")
  }

  @Test func everyProblemInAFileIsReportedNotJustTheFirst() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/references.yaml", as: "needs/city.yaml")
    let intake = sandbox.validate()
    #expect(intake.findings(.error, in: "needs/city.yaml").count == 4, "\(intake.listing)")
  }

  @Test func brokenCatalogRowsDoNotCascadeIntoUnknownItemErrors() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "catalog.csv",
      """
      item,description,classification,unit,lot,estimated_unit_price,packs
      LAPTOP-14,Laptop,UNSPSC:43211503,EA,,950.00,
      MONITOR-24,Monitor,UNSPSC:432119,EA,,180.00,
      TOWEL-MF,Towel,UNSPSC:14111703,EA,,2.10,XCS=16
      FLOOR-CLEANER,Floor cleaner,UNSPSC:47131801,GLL,,18.50,XCS=4

      """)
    let intake = sandbox.validate()
    intake.expect(.error, at: "catalog.csv", 3, 20, "not a valid UNSPSC code")
    #expect(intake.errorCount == 1, "\(intake.listing)")
  }

  @Test func unreadableCatalogIsReportedOnceNotPerLine() throws {
    let sandbox = try Sandbox()
    try sandbox.write("catalog.csv", "item,description,clasification,unit\nLAPTOP-14,Laptop,UNSPSC:43211503,EA\n")
    let intake = sandbox.validate()
    intake.expect(
      .error, at: "catalog.csv", 1, 18, "unknown column 'clasification'", "(did you mean 'classification'?)")
    #expect(intake.errorCount == 2, "\(intake.listing)")
  }
}
