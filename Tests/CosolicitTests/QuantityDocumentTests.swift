import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Commitment bands, partial commitments and as-needed lines in the documents: the RFPs' wording, the XML bid
/// form against its schema (libxml2 and xmllint), and check-bid's view of a bid on such a form.
@Suite struct QuantityDocumentTests {
  /// A band of 80–120 %, MONITOR-24 committed 1,270 EA, TOWEL-MF a partial commitment (6 of 10 cases), and
  /// FLOOR-CLEANER as needed; LAPTOP-14 quantified by one participant and as needed by the other.
  static func joint() throws -> JointSolicitation {
    try QuantityWorkspace.joint(
      band: CommitmentBandTests.band,
      needs: [
        CommitmentBandTests.needs(
          """
            - {item: MONITOR-24, quantity: 1270, unit: EA}
            - {item: TOWEL-MF, quantity: 10, unit: case, minimum_quantity: 6}
            - {item: FLOOR-CLEANER, quantity: as-needed, unit: GLL}
            - {item: LAPTOP-14, quantity: 5, unit: EA}

          """),
        CommitmentBandTests.needs("  - {item: LAPTOP-14, quantity: As-Needed, unit: EA}\n", agency: "city-2"),
      ])
  }

  @Test func theRFPsStateBandsPartialCommitmentsAndAsNeededLines() throws {
    let files = try renderedDocuments(of: try Self.joint())
    for path in ["public/joint/rfp.md", "public/joint/rfp.html"] {
      let text = try #require(files[path], "\(path)")
      #expect(text.contains("1,270 EA (each) committed: at least 1,016, at most 1,524"), "\(path)")
      // The partial commitment: 96 EA binding of 160 (cases of 16), the band widening the ceiling to 192.
      #expect(text.contains("96 EA (each) committed and 64 estimated: at least 96, at most 192"), "\(path)")
      #expect(text.contains("as needed"), "\(path)")
      #expect(text.contains("Also as needed by city-2"), "\(path)")
      #expect(text.contains("guarantees to buy at least 80 % and at most 120 %"), "\(path)")
      #expect(text.contains("left out of every total and value: 1."), "\(path)")
    }
    let markdown = try #require(files["public/joint/rfp.md"])
    #expect(markdown.contains("| GLL (gallon) | as needed | as needed |"))
    #expect(markdown.contains("| 1,270 | EA (each) | committed: at least 1,016, at most 1,524 |"))
    #expect(markdown.contains("| 160 | EA (each) | committed 96, estimated 64, at most 192 |"))
    // The piggyback-open variant: the lead coordinates here, so everything is an estimate and no band applies.
    let piggyback = try #require(files["public/piggyback/rfp.md"])
    #expect(!piggyback.contains("committed: at least"))
  }

  @Test func theComparisonCountsOnlyTheGuaranteedMinimumAsBinding() throws {
    let joint = try Self.joint()
    let figures = VariantFigures(joint, variant: .joint)
    let value = VariantFigures.Value(figures.lots.joined())
    // Guaranteed: 1,016 monitors at 180 and 96 towels at 2.10 and 5 × 80 % laptops at 950.
    let minimum = Decimal(1016) * 180 + Decimal(96) * Decimal(string: "2.1")! + Decimal(4) * 950
    #expect(AggregationPropertyTests.same(value.minimum, minimum))
    let share = try #require(ComparisonFigures.bindingShare(value))
    #expect(AggregationPropertyTests.same(share, minimum / value.combined))
    let files = try QuantityDocumentTests.files(joint)
    let compare = try #require(files["internal/compare.md"])
    #expect(compare.contains("1,116 EA (each)"), "guaranteed minimums per unit: \(compare)")
  }

  static func files(_ joint: JointSolicitation) throws -> [String: String] { try renderedDocuments(of: joint) }

  /// The joint bid form as text, with `blank.xml` for its path.
  static func form() throws -> String { try #require(try files(try joint())["public/joint/bid-form.xml"]) }

  @Test func theXMLBidFormCarriesBandsAndAsNeededAndValidates() throws {
    let form = try Self.form()
    #expect(
      form.contains(
        "<quantity>1270</quantity>\n      <minimumQuantity>1016</minimumQuantity>\n"
          + "      <maximumQuantity>1524</maximumQuantity>\n      <unitPrice></unitPrice>"))
    #expect(form.contains("<asNeeded/>\n      <unitPrice></unitPrice>\n      <brandModel></brandModel>"))
    #expect(form.components(separatedBy: "<asNeeded/>").count == 2, "one as-needed line")
    let schema = try #require(BidCheck.defaultSchema)
    let validator = try XMLSchemaValidator(schema: schema, path: "bid-form.xsd")
    #expect(validator.validate(form, path: "blank.xml").isEmpty)
    // xmllint agrees, on the form and on a filled bid.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bands-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try schema.write(to: folder.appendingPathComponent("bid-form.xsd"), atomically: true, encoding: .utf8)
    try form.write(to: folder.appendingPathComponent("blank.xml"), atomically: true, encoding: .utf8)
    try Self.filled(form).write(to: folder.appendingPathComponent("bid.xml"), atomically: true, encoding: .utf8)
    for name in ["blank.xml", "bid.xml"] {
      let run = try ProgramRun.run(
        "/usr/bin/env", ["xmllint", "--noout", "--schema", "bid-form.xsd", name], in: folder)
      #expect(run.status == 0, "\(name): \(run.errorOutput)")
    }
  }

  /// `form` filled in: bidder, a unit price of 2 on every line, the extended prices they give (none on the
  /// as-needed line), subtotals and the total left to check-bid's warnings.
  static func filled(_ form: String) -> String {
    var bid = form.replacingOccurrences(of: "<bidForm ", with: "<bid ").replacingOccurrences(
      of: "</bidForm>", with: "</bid>")
    for (field, value) in [("name", "Acme"), ("signer", "Pat Lee"), ("date", "2027-03-01"), ("nonCollusion", "true")] {
      bid = bid.replacingOccurrences(of: "<\(field)></\(field)>", with: "<\(field)>\(value)</\(field)>")
    }
    // Each line's extended price: 2 × its quantity.
    var lines = bid.components(separatedBy: "<quantity>")
    for index in lines.indices.dropFirst() {
      let quantity = Decimal(string: String(lines[index].prefix { $0 != "<" }))!
      lines[index] = lines[index].replacingOccurrences(
        of: "<extendedPrice></extendedPrice>",
        with: "<extendedPrice>\(DecimalText.format(quantity * 2))</extendedPrice>")
    }
    bid = lines.joined(separator: "<quantity>")
    return bid.replacingOccurrences(of: "<unitPrice></unitPrice>", with: "<unitPrice>2</unitPrice>")
      .replacingOccurrences(of: "<subtotal></subtotal>", with: "<subtotal>0</subtotal>")
      .replacingOccurrences(of: "<total></total>", with: "<total>0</total>")
  }

  static func check(_ bid: String, form: String) throws -> BidCheckReport {
    let schema = try #require(BidCheck.defaultSchema)
    let reference = try #require(
      BidDocument.load(form, path: "blank.xml", schema: schema, expecting: .blankForm).document)
    return BidCheck.check(bid: bid, path: "bid.xml", schema: schema, reference: reference)
  }

  @Test func checkBidLeavesAsNeededLinesOutOfTheTotals() throws {
    let form = try Self.form()
    let report = try Self.check(Self.filled(form), form: form)
    #expect(report.errorCount == 0, "\(report.diagnostics)")
    #expect(report.asNeededLines == 1)
    // 2 × (5 laptops + 1,270 monitors + 160 towels); the as-needed floor cleaner counts nothing.
    #expect(AggregationPropertyTests.same(try #require(report.total), 2870))
    #expect(report.summary.contains("1 as-needed line left out (unit price only)"))
  }

  @Test func checkBidNamesAChangedBandAndAsNeededFlagWhereTheyAre() throws {
    let form = try Self.form()
    let bid = Self.filled(form)
      .replacingOccurrences(
        of: "<minimumQuantity>1016</minimumQuantity>", with: "<minimumQuantity>900</minimumQuantity>"
      )
      .replacingOccurrences(of: "      <maximumQuantity>1524</maximumQuantity>\n", with: "")
      .replacingOccurrences(
        of: "<asNeeded/>\n      <unitPrice>2</unitPrice>\n",
        with: "<asNeeded/>\n      <unitPrice>2</unitPrice>\n      <extendedPrice>5</extendedPrice>\n")
    let report = try Self.check(bid, form: form)
    let lines = bid.components(separatedBy: "\n")
    func line(of text: String) -> Int { (lines.firstIndex { $0.contains(text) } ?? -1) + 1 }
    BidCheckTests.expect(
      report, .error, at: line(of: "<minimumQuantity>900"), 7, "the minimum quantity is 900",
      "bid form has 1016")
    #expect(
      report.diagnostics.contains { $0.severity == .error && $0.message.contains("the maximum quantity is not given") })
    BidCheckTests.expect(
      report, .warning, at: line(of: "<extendedPrice>5<"), 7, "is as needed: it has no quantity",
      "extended price 5.00 is ignored")
    // Removing <asNeeded/> from a line the form marks so is an error too.
    let unflagged = Self.filled(form).replacingOccurrences(of: "      <asNeeded/>\n", with: "")
    let second = try Self.check(unflagged, form: form)
    #expect(second.diagnostics.contains { $0.severity == .error && $0.message.contains("marks it <asNeeded/>") })
    #expect(second.diagnostics.contains { $0.severity == .error && $0.message.contains("has no extended price") })
  }
}
