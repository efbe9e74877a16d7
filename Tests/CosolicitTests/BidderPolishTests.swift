import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// What bidders read: quantities with thousands separators (never in machine values), unit names beside codes,
/// item ids that do not break, the lead agency's type in natural wording for every type, a table of contents,
/// a printed running header and page numbers, and a signature block with room to write.
@Suite struct BidderPolishTests {
  /// 12,500.5 gallons of floor cleaner and 1,270 monitors, committed by one city.
  static func files() throws -> [String: String] {
    try renderedDocuments(
      of: try QuantityWorkspace.joint(
        needs: [
          AsNeededTests.yaml(
            """
              - {item: FLOOR-CLEANER, quantity: 12500.5, unit: GLL}
              - {item: MONITOR-24, quantity: 1270, unit: EA}

            """)
        ]))
  }

  @Test func quantitiesBiddersReadHaveThousandsSeparatorsAndMachineValuesDoNot() throws {
    let files = try Self.files()
    for path in [
      "public/joint/rfp.md", "public/joint/rfp.html", "public/piggyback/rfp.md", "public/joint/bid-form.html",
    ] {
      let text = try #require(files[path], "\(path)")
      #expect(text.contains("12,500.5") && text.contains("1,270"), "\(path)")
    }
    #expect(try #require(files["internal/compare.md"]).contains("1,270 EA (each); 12,500.5 GLL (gallon)"))
    let form = try #require(files["public/joint/bid-form.xml"])
    #expect(form.contains("<quantity>12500.5</quantity>") && !form.contains("12,500"))
    // The HTML form computes extended prices from its data attributes: plain decimals there.
    let html = try #require(files["public/joint/bid-form.html"])
    #expect(html.contains("data-quantity=\"12500.5\"") && !html.contains("data-quantity=\"12,500.5\""))
    let joint = try QuantityWorkspace.joint(
      needs: [AsNeededTests.yaml("  - {item: FLOOR-CLEANER, quantity: 12500.5, unit: GLL}\n")])
    #expect(!joint.rendered(as: .json).contains("12,500") && !joint.rendered(as: .csv).contains("12,500"))
  }

  @Test func unitNamesStandBesideCodesAndItemIdsDoNotBreak() throws {
    let files = try Self.files()
    let html = try #require(files["public/joint/rfp.html"])
    #expect(html.contains("<td class=\"item\">FLOOR-CLEANER</td>"))
    #expect(html.contains("<td class=\"unit\">GLL<span class=\"unit-name\">gallon</span></td>"))
    #expect(html.contains("td.date, td.item { white-space: nowrap; }"))
    #expect(
      try #require(files["public/joint/rfp.md"]).contains("| FLOOR-CLEANER | Neutral floor cleaner | GLL (gallon) |"))
    #expect(
      try #require(files["public/joint/bid-form.html"]).contains(
        "<abbr title=\"gallon\">GLL</abbr><span class=\"unit-name\">gallon</span>"))
    // The Word document: the name on a second, smaller line under the code; the id's hyphen does not break.
    let word = try #require(files["public/joint/rfp.docx"])
    #expect(
      word.contains(
        "GLL</w:t></w:r><w:r><w:rPr><w:sz w:val=\"14\"/></w:rPr><w:br/><w:t xml:space=\"preserve\">gallon</w:t>"))
    #expect(word.contains(">FLOOR</w:t><w:noBreakHyphen/><w:t xml:space=\"preserve\">CLEANER</w:t>"))
  }

  /// The "Public lead agency" condition of the piggyback-open RFP, for a lead agency of `type`.
  static func leadAgencyCondition(_ type: EntityType, markdown: Bool) throws -> String {
    let solicitation = try String(
      contentsOf: fixtures.appendingPathComponent("workspace/solicitation.yaml"), encoding: .utf8
    ).replacingOccurrences(of: "  type: city  ", with: "  type: \(type.rawValue)  ")
    let intake = Aggregator.validate(
      Intake.load(
        WorkspaceFiles(
          solicitation: SourceFile(path: "solicitation.yaml", text: solicitation),
          catalog: SourceFile(path: "catalog.csv", text: QuantityWorkspace.catalog()),
          needs: [
            SourceFile(
              path: "needs/city-1.yaml", text: AsNeededTests.yaml("  - {item: LAPTOP-14, quantity: 5, unit: EA}\n").1)
          ])))
    let joint = try #require(try? Aggregator.aggregate(intake).get(), "\(intake.listing)")
    let files = try renderedDocuments(of: joint)
    let text = try #require(files[markdown ? "public/piggyback/rfp.md" : "public/piggyback/rfp.html"])
    let row = try #require(text.components(separatedBy: "Public lead agency").dropFirst().first)
    return String(row.prefix { $0 != "\n" })
  }

  @Test(arguments: EntityType.allCases)
  func theLeadAgencysTypeReadsNaturally(type: EntityType) throws {
    let expected: [EntityType: String] = [
      .state: "is a state agency, a public body.", .county: "is a county government, a public body.",
      .city: "is a city government, a public body.", .k12: "is a public school district, a public body.",
      .higherEd: "is a public college or university, a public body.",
      .specialDistrict: "is a special district, a public body.",
      .nonprofit: "is listed as a nonprofit organization; a using agency must confirm",
      .other: "is listed as an entity of another kind; a using agency must confirm",
    ]
    for markdown in [true, false] {
      let row = try Self.leadAgencyCondition(type, markdown: markdown)
      #expect(row.contains("The lead agency, City of Example, \(try #require(expected[type]))"), "\(row)")
      // No "a" before a vowel sound ("a using agency" is right), no "a public" before a type public by name.
      #expect(row.range(of: #"\ba (?!us)[aeiouAEIOU]"#, options: .regularExpression) == nil, "\(row)")
      #expect(!row.contains("a public county") && !row.contains("a public city"), "\(row)")
    }
  }

  @Test func theIndefiniteArticleFollowsTheSound() {
    #expect(EntityType.withIndefiniteArticle("entity") == "an entity")
    #expect(EntityType.withIndefiniteArticle("Office") == "an Office")
    #expect(EntityType.withIndefiniteArticle("county") == "a county")
    for type in EntityType.allCases {
      let vowel = "aeiou".contains(type.kindName.first!)
      #expect(type.kindPhrase == (vowel ? "an " : "a ") + type.kindName)
    }
  }

  @Test func theRFPOpensWithAContentsListLinkingEverySection() throws {
    let html = try #require(try Self.files()["public/joint/rfp.html"])
    let ids = html.matches(of: /<h2 id="([a-z-]+)">/).map { String($0.1) }
    let allLinks = html.matches(of: /<li><a href="#([a-z-]+)">/).map { String($0.1) }
    let links = allLinks.filter { !$0.hasPrefix("section-") }
    #expect(ids.count >= 10 && links == ids, "every h2 once, in order: \(ids) vs \(links)")
    // Each of the instructions and conditions' sections is listed under its part, in order.
    let sections = html.matches(of: /<section class="rfp-section" id="([a-z0-9-]+)">/).map { String($0.1) }
    #expect(sections.count >= 6 && allLinks.filter { $0.hasPrefix("section-") } == sections)
    let toc = try #require(html.range(of: "<nav class=\"toc\""))
    #expect(toc.lowerBound < (html.range(of: "<h2")?.lowerBound ?? html.startIndex))
  }

  @Test func printedPagesCarryARunningHeaderAndPageNumbers() throws {
    let files = try Self.files()
    for path in ["public/joint/rfp.html", "internal/compare.html"] {
      let text = try #require(files[path])
      #expect(text.contains("@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages);"), "\(path)")
      #expect(text.contains("@page { @top-left { content: \"Solicitation JS\\2d 2027\\2d 001 "), "\(path)")
    }
    // Text in a CSS string cannot end it, nor the style element.
    let escaped = CSSText.string("a\"b</style>\\c\n")
    #expect(escaped == "a\\22 b\\3c \\2f style\\3e \\5c c\\a ")
  }

  @Test func theSignatureBlockHasALineForEachEntry() throws {
    let files = try Self.files()
    let labels = [
      "Company", "Address", "Authorized signer (print name)", "Title", "Signature", "Date",
      "Addenda acknowledged (numbers)",
    ]
    let html = try #require(files["public/joint/rfp.html"]?.components(separatedBy: "<table class=\"signature\">").last)
    let markdown = try #require(files["public/joint/rfp.md"]?.components(separatedBy: "| Bidder | Write here |").last)
    for label in labels {
      #expect(html.contains("<th>\(label)</th><td></td>"), "\(label)")
      #expect(markdown.contains("\n| \(label) | |"), "\(label)")
    }
    #expect(html.contains("<tr class=\"sign\"><th>Signature</th>"))
  }
}
