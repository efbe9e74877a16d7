import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Bid forms and bids priced per zone and option: the generated forms validate, a correct bid is accepted, and
/// check-bid names the place of each mistake and recomputes each option's totals.
@Suite struct PricedBidTests {
  /// The documents of the fuel fixture (zones north and south; option A a differential over a reference price
  /// of 2.45, option B a unit price), by path.
  static func documents() throws -> [String: String] {
    let intake = try PriceZoneTests.intake(
      MarkedText(
        """
        award_method: by-line
        zones:
          - {id: north, title: North valley, participants: [town-a, town-b]}
          - {id: south, title: South valley, participants: [town-c, cedar-sd, town-d]}
        price_options:
          - {id: A, title: "Option A: rack plus differential", basis: index-differential, index: OPIS rack ULSD, reference_price: 2.45}
          - {id: B, title: "Option B: fixed price", basis: unit-price}
        award_price_option: lowest

        """))
    #expect(intake.errorCount == 0, "\(intake.listing)")
    let joint = try Aggregator.aggregate(intake).get()
    return try renderedDocuments(of: joint)
  }

  /// The joint blank form filled in: option A at a differential of -0.05, option B at 2.50, extended prices and
  /// sums left out of the prices and written as 0 in the sums, then `edit` applied.
  static func bid(from form: String, edit: (String) -> String = { $0 }) -> String {
    var text = form.replacingOccurrences(of: "<bidForm ", with: "<bid ")
      .replacingOccurrences(of: "</bidForm>", with: "</bid>")
    let bidder = """
      <bidder><name>Valley Oil Co</name><address/><contact/><email/><phone/><signer>Jo Doe</signer><signerTitle/>\
      <date>2027-03-20</date><addendaAcknowledged/><nonCollusion>true</nonCollusion></bidder>
      """
    if let start = text.range(of: "<bidder>"), let end = text.range(of: "</bidder>") {
      text.replaceSubrange(start.lowerBound..<end.upperBound, with: bidder)
    }
    text = text.replacingOccurrences(
      of: "<differential></differential><extendedPrice></extendedPrice>", with: "<differential>-0.05</differential>")
    text = text.replacingOccurrences(
      of: "<unitPrice></unitPrice><extendedPrice></extendedPrice>", with: "<unitPrice>2.50</unitPrice>")
    text = text.replacingOccurrences(of: "<brandModel></brandModel>", with: "<brandModel>n/a</brandModel>")
    for (open, close) in [("<subtotal ", "></subtotal>"), ("<total ", "></total>")] {
      var parts = text.components(separatedBy: close)
      for index in parts.indices.dropLast() where parts[index].contains(open) {
        parts[index] += ">0</" + close.dropFirst(3)
      }
      text = parts.joined(separator: "")
    }
    return edit(text)
  }

  static func check(_ bid: String, form: String) throws -> BidCheckReport {
    let schema = try #require(BidCheck.defaultSchema)
    let reference = try BidReference.read(form, path: "bid-form.xml", schema: schema, schemaPath: "bid-form.xsd").get()
    return BidCheck.check(bid: bid, path: "bid.xml", schema: schema, reference: reference.form)
  }

  @Test func generatedFormsValidateAndListZonesOptionsAndPrices() throws {
    let files = try Self.documents()
    let schema = try #require(BidCheck.defaultSchema)
    let validator = try XMLSchemaValidator(schema: schema, path: "bid-form.xsd")
    for variant in ["joint", "piggyback"] {
      let form = try #require(files["public/\(variant)/bid-form.xml"])
      #expect(validator.validate(form, path: "public/\(variant)/bid-form.xml").isEmpty)
      #expect(form.contains(#"<zone id="north" title="North valley" participants="town-a town-b"/>"#))
      #expect(form.contains(#"<priceOptions award="lowest">"#))
      #expect(form.contains(#"basis="index-differential" index="OPIS rack ULSD" referencePrice="2.45"/>"#))
      #expect(form.contains(#"<price zone="north" option="A"><differential></differential>"#))
      #expect(form.contains(#"<price zone="south" option="B"><unitPrice></unitPrice>"#))
      #expect(form.contains(#"<total zone="south" option="B"></total>"#))
    }
    // Gasoline has demand in the north only: no south price for line 2.
    let joint = try #require(files["public/joint/bid-form.xml"])
    let gasoline = try #require(joint.range(of: #"<line number="2""#)).lowerBound
    let end = try #require(joint.range(of: "</line>", range: gasoline..<joint.endIndex)).lowerBound
    #expect(!joint[gasoline..<end].contains(#"zone="south""#))
    // The piggyback variant commits only the lead agency's quantities, per zone too (the lead buys nothing).
    let piggyback = try #require(files["public/piggyback/bid-form.xml"])
    #expect(piggyback.contains(#"<zone id="north"><committedQuantity>0</committedQuantity><estimatedQuantity>17000"#))
  }

  @Test func xmllintAcceptsTheFormAndTheBid() throws {
    let form = try #require(try Self.documents()["public/joint/bid-form.xml"])
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("priced-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(try #require(BidCheck.defaultSchema).utf8).write(to: folder.appendingPathComponent("bid-form.xsd"))
    try Data(form.utf8).write(to: folder.appendingPathComponent("form.xml"))
    try Data(Self.bid(from: form).utf8).write(to: folder.appendingPathComponent("bid.xml"))
    for name in ["form.xml", "bid.xml"] {
      let run = try ProgramRun.run(
        "/usr/bin/xmllint", ["--noout", "--nonet", "--schema", "bid-form.xsd", name], in: folder)
      #expect(run.status == 0, "\(name): \(run.errorOutput)")
    }
  }

  @Test func aCorrectBidIsAcceptedAndItsTotalsRecomputedPerZoneAndOption() throws {
    let form = try #require(try Self.documents()["public/joint/bid-form.xml"])
    let report = try Self.check(Self.bid(from: form), form: form)
    #expect(report.conforming && report.errorCount == 0, "\(report.diagnostics)")
    // North: diesel 17,000 + gasoline 8,000 gallons; south: diesel 9,000 + heating oil 35,000.
    #expect(
      report.sums.map(\.name) == [
        "zone north, option A", "zone north, option B", "zone south, option A", "zone south, option B",
      ])
    #expect(report.sums.map(\.amount) == [60000, 62500, 105600, 110000])
    #expect(report.sums[0].referencePrice == Decimal(string: "2.45") && report.sums[1].referencePrice == nil)
    #expect(
      report.summary.contains(
        "zone north, option A: 60,000.00 USD (2 prices; a differential, totalled at the reference price 2.45)"))
    // The sums were written as 0 and no price gives its extended price: each is warned about, not an error.
    #expect(report.diagnostics.count { $0.message.contains("has no extended price; the unit price governs") } == 8)
    #expect(report.warningCount == 16)
  }

  @Test func mistakesAreNamedAtTheirPlace() throws {
    let form = try #require(try Self.documents()["public/joint/bid-form.xml"])
    let bid = Self.bid(from: form) { text in
      var text = text
      // Line 2 (gasoline, north only): a price for the south, which has no demand for it.
      text = text.replacingOccurrences(
        of: #"<price zone="north" option="B"><unitPrice>2.50</unitPrice></price>"#
          + "\n      <brandModel>n/a</brandModel>\n    </line>\n    <line number=\"3\"",
        with:
          #"<price zone="north" option="B"><unitPrice>2.50</unitPrice></price><price zone="south" option="B"><unitPrice>2.60</unitPrice></price>"#
          + "\n      <brandModel>n/a</brandModel>\n    </line>\n    <line number=\"3\"")
      // Line 3: option B is left out, and option A is given as a unit price.
      let line3 = text.range(of: #"<line number="3""#)!.lowerBound
      var tail = String(text[line3...])
      tail = tail.replacingOccurrences(
        of: #"<price zone="south" option="B"><unitPrice>2.50</unitPrice></price>"#, with: "")
      tail = tail.replacingOccurrences(
        of: #"<price zone="south" option="A"><differential>-0.05</differential></price>"#,
        with:
          #"<price zone="south" option="A"><unitPrice>2.40</unitPrice></price><price zone="south" option="C"><noBid/></price>"#
      )
      // Line 1: option B given as a differential.
      let head = String(text[..<line3]).replacingOccurrences(
        of: #"<price zone="north" option="B"><unitPrice>2.50</unitPrice></price>"#,
        with: #"<price zone="north" option="B"><differential>0.05</differential></price>"#)
      return head + tail
    }
    let report = try Self.check(bid, form: form)
    let errors = report.diagnostics.filter { $0.severity == .error }.map(\.message)
    let expected = [
      "line 2: zone south has no demand for this line", "line 3: no price for zone south, option B",
      "line 3, zone south, option A: option A is a differential over OPIS rack ULSD; give <differential>, not <unitPrice>",
      "line 3: option 'C' is not a price option of the solicitation",
      "line 1, zone north, option B: option B is priced by unit price; give <unitPrice>, not <differential>",
    ]
    for fragment in expected {
      #expect(errors.contains { $0.contains(fragment) }, "\(fragment) not in \(errors)")
    }
    #expect(!report.conforming)
    // Each error points into the bid, at a line of it.
    #expect(
      report.diagnostics.filter { $0.severity == .error }.allSatisfy {
        $0.location.path == "bid.xml" && $0.location.line > 1
      })
  }

  @Test func aChangedReferencePriceOrZoneQuantityIsAnError() throws {
    let form = try #require(try Self.documents()["public/joint/bid-form.xml"])
    let bid = Self.bid(from: form) {
      $0.replacingOccurrences(of: #"referencePrice="2.45""#, with: #"referencePrice="3.00""#)
        .replacingOccurrences(of: #"<priceOptions award="lowest">"#, with: #"<priceOptions award="B">"#)
        .replacingOccurrences(of: "<quantity>17000</quantity></zone>", with: "<quantity>1700</quantity></zone>")
    }
    let report = try Self.check(bid, form: form)
    let errors = report.diagnostics.filter { $0.severity == .error }.map(\.message)
    #expect(errors.contains { $0.contains("price option A is changed: its reference price is 3.00") }, "\(errors)")
    #expect(
      errors.contains {
        $0.contains("the option that decides the award is 'B', but the solicitation's bid form says 'lowest'")
      })
    #expect(
      errors.contains { $0.contains("line 1, zone north: the quantity is 1700, but the solicitation asks for 17000") })
  }

  @Test func aZoneLeftUnbidIsFineByLineButNotUnderAllOrNone() throws {
    let form = try #require(try Self.documents()["public/joint/bid-form.xml"])
    let bid = Self.bid(from: form) {
      $0.replacingOccurrences(
        of: #"<price zone="south" option="B"><unitPrice>2.50</unitPrice></price>"#,
        with: #"<price zone="south" option="B"><noBid/></price>"#)
    }
    let report = try Self.check(bid, form: form)
    #expect(report.errorCount == 0, "\(report.diagnostics)")
    #expect(report.sums.last?.amount == 0 && report.sums.last?.pricedLines == 0)
    let allOrNone = bid.replacingOccurrences(of: #"awardMethod="by-line""#, with: #"awardMethod="all-or-none""#)
    let strictForm = form.replacingOccurrences(of: #"awardMethod="by-line""#, with: #"awardMethod="all-or-none""#)
    let strict = try Self.check(allOrNone, form: strictForm)
    #expect(
      strict.diagnostics.contains {
        $0.message.contains("zone south, option B is marked no-bid, but the award method is all-or-none")
      })
  }
}

/// The RFPs with price zones and options: the zones and their participants, the quantities per zone, the
/// options with index and reference price, which option decides, and the award units in words.
@Suite struct PricedRFPTests {
  @Test func bothRFPsShowZonesQuantitiesPerZoneAndOptions() throws {
    let files = try PricedBidTests.documents()
    for variant in ["joint", "piggyback"] {
      let markdown = try #require(files["public/\(variant)/rfp.md"])
      #expect(markdown.contains("| south | South valley | Town of Cedar, Cedar School District, Town of Dogwood |"))
      #expect(markdown.contains("| 1 | GLL | north |"), "\(variant)")
      #expect(
        markdown.contains(
          "| A | Option A: rack plus differential | differential over the index | OPIS rack ULSD | 2.45 |"))
      #expect(markdown.contains("The award is decided by the lowest option"))
      #expect(markdown.contains("each line in each zone is an award unit of its own"))
      let html = try #require(files["public/\(variant)/rfp.html"])
      #expect(html.contains(#"<tr data-line="3" data-zone="south">"#) && html.contains(#"<tr data-option="A">"#))
      #expect(html.contains("each line in each zone is an award unit of its own"))
    }
    // The joint variant commits the participants' binding shares per zone; the piggyback one only the lead's (none).
    #expect(try #require(files["public/joint/rfp.md"]).contains("| 1 | GLL | north | 12,000 | 5,000 | 17,000 |"))
    #expect(try #require(files["public/piggyback/rfp.md"]).contains("| 1 | GLL | north | 0 | 17,000 | 17,000 |"))
  }

  @Test func documentsWithoutZonesOrOptionsSayNothingOfThem() throws {
    let (_, files) = try CoordinatingLeadTests.documents(leadHasNeeds: true)
    for (path, text) in files where path.hasSuffix("rfp.md") || path.hasSuffix("bid-form.xml") {
      #expect(!text.contains("price zone") && !text.contains("<zone") && !text.contains("<price"), "\(path)")
    }
  }
}
