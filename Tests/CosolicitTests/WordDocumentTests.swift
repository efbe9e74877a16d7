import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// `rfp.docx`: each variant's RFP as a Word document that mirrors rfp.html, with the styles, tables, fields,
/// header, footer and signature page a lead agency needs to edit and publish it.
@Suite struct WordDocumentTests {
  /// The example's package, built once: every file by its path.
  static let example: [String: Data]? = {
    guard let output = try? makeTemporaryFolder("word") else { return nil }
    defer { try? FileManager.default.removeItem(at: output) }
    let (outcome, _) = PackageBuild.run(
      workspace: repositoryRoot.appendingPathComponent("Examples/cascade-valley").path, output: output.path,
      variants: [.joint, .piggyback], templates: nil)
    guard let outcome else { return nil }
    var files: [String: Data] = [:]
    for path in outcome.files {
      files[path] = try? Data(contentsOf: URL(fileURLWithPath: outcome.folder).appendingPathComponent(path))
    }
    return files
  }()

  static let pinnedParagraphStyles = [
    "Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Normal", "BodyText", "ListBullet", "ListNumber", "Quote",
    "SourceCode", "TableText", "TableHeading", "Note", "SignatureLine",
  ]

  @Test(arguments: ["joint", "piggyback"])
  func theDocumentHasItsPartsStylesHeaderFooterAndProperties(variant: String) throws {
    let files = try #require(Self.example, "the example builds")
    let docx = try #require(files["public/\(variant)/rfp.docx"])
    let document = try WordDocument(docx)
    #expect(
      document.parts.map(\.path) == [
        "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "word/_rels/document.xml.rels",
        "word/document.xml", "word/footer1.xml", "word/header1.xml", "word/numbering.xml", "word/settings.xml",
        "word/styles.xml",
      ])
    for (path, text) in document.parts where path.hasSuffix(".xml") || path.hasSuffix(".rels") {
      #expect(XMLWellFormedness.check(text, path: path).isEmpty, "\(path)")
    }
    // Styles: every pinned id, headings with outline levels 0-2 (Word's levels 1-3), bullets through numId 1.
    let styles = try #require(XMLElementTree.parse(document.part("word/styles.xml"), path: "styles.xml").root)
    let byID = Dictionary(
      styles.children(named: "style").map { ($0.value("styleId") ?? "", $0) }, uniquingKeysWith: { $1 })
    for id in Self.pinnedParagraphStyles {
      #expect(byID[id]?.value("type") == "paragraph", "paragraph style \(id)")
    }
    #expect(byID["VerbatimChar"]?.value("type") == "character")
    #expect(byID["CosolicitTable"]?.value("type") == "table")
    for level in 1...3 {
      #expect(byID["Heading\(level)"]?.child("pPr")?.child("outlineLvl")?.value("val") == "\(level - 1)")
    }
    #expect(byID["ListBullet"]?.child("pPr")?.child("numPr")?.child("numId")?.value("val") == "1")
    #expect(document.part("word/numbering.xml").contains("<w:num w:numId=\"1\">"))
    // Bullets at every level Word has (0-8): nested Markdown lists use them.
    for level in 0...8 {
      #expect(
        document.part("word/numbering.xml").contains(
          "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>"))
    }
    // Every paragraph style the body names is defined.
    let used = Set(document.paragraphs.map(WordDocument.style(of:)).filter { !$0.isEmpty })
    #expect(used.isSubset(of: Set(byID.keys)), "undefined styles: \(used.subtracting(byID.keys).sorted())")

    // Header "Solicitation <id> · <title>", footer "Page X of Y" from PAGE and NUMPAGES fields.
    let title = "Classroom and Office Technology, Custodial Supplies, and Grounds Maintenance Services"
    #expect(document.part("word/header1.xml").contains(">Solicitation CVPC-2027-01 · \(title)</w:t>"))
    let footer = document.part("word/footer1.xml")
    #expect(footer.contains(">Page </w:t>") && footer.contains(" of </w:t>"))
    #expect(footer.contains("w:instr=\" PAGE ") && footer.contains("w:instr=\" NUMPAGES "))
    // Each section (portrait, then the landscape appendix) has the header and footer, which the rels resolve.
    let sections = WordDocument.elements(document.body).filter { $0.name == "sectPr" }
    #expect(sections.count == 2)
    for section in sections {
      #expect(section.child("headerReference")?.value("id") == "rIdHeader1")
      #expect(section.child("footerReference")?.value("id") == "rIdFooter1")
    }
    #expect(sections.map { $0.child("pgSz")?.value("orient") } == [nil, "landscape"])
    let relationships = document.part("word/_rels/document.xml.rels")
    #expect(relationships.contains("Id=\"rIdHeader1\"") && relationships.contains("Target=\"header1.xml\""))
    #expect(relationships.contains("Id=\"rIdFooter1\"") && relationships.contains("Target=\"footer1.xml\""))

    // Core properties: title, subject = variant, creator = lead agency, and no time stamps.
    let core = document.part("docProps/core.xml")
    #expect(core.contains("<dc:title>CVPC-2027-01: \(title)</dc:title>"))
    let variantTitle = try #require(DocumentVariant(rawValue: variant)).title
    #expect(core.contains("<dc:subject>\(variantTitle)</dc:subject>"))
    #expect(core.contains("<dc:creator>Alder County</dc:creator>"))
    #expect(!core.contains("dcterms:created") && !core.contains("dcterms:modified"))
  }

  @Test(arguments: ["joint", "piggyback"])
  func theBodyMirrorsTheHTMLWithTablesThatFitAndRepeatTheirHeader(variant: String) throws {
    let files = try #require(Self.example, "the example builds")
    let docx = try #require(files["public/\(variant)/rfp.docx"])
    let document = try WordDocument(docx)
    let htmlData = try #require(files["public/\(variant)/rfp.html"])
    let html = String(decoding: htmlData, as: UTF8.self)
    let page = try #require(XMLElementTree.parse(HostileTextTests.withoutDoctype(html), path: "rfp.html").root)
    let htmlElements = WordDocument.elements(page)
    func htmlTexts(_ name: String) -> [String] {
      htmlElements.filter { $0.name == name }.map { WordDocument.elements($0).map(\.text).joined() }
    }
    // The same numbered sections, in the same order, and the same lots and sub-headings.
    let headings = document.texts(ofStyle: "Heading1")
    #expect(headings == htmlTexts("h2"), "\(headings)")
    #expect(headings.first == "1. Schedule of events")
    #expect(document.texts(ofStyle: "Heading2") == htmlTexts("h3"))
    #expect(
      headings.contains("8. Commitment and ordering") && headings.contains("10. Bidder information and signature"))
    #expect(document.texts(ofStyle: "Heading2").contains("Cooperative purchasing clause") == (variant == "piggyback"))

    // The table of contents: a TOC \o "1-3" field whose entries are every section heading, written out.
    let instructions = WordDocument.elements(document.body).filter { $0.name == "instrText" }.map(\.text)
    #expect(instructions.contains { $0.contains("TOC \\o \"1-3\"") })
    #expect(document.texts(ofStyle: "TOC1") == headings)
    #expect(Set(document.texts(ofStyle: "TOC2")).isSubset(of: Set(document.texts(ofStyle: "Heading2"))))

    // Every line's description, and its item id unbroken: written with non-breaking hyphens, never a plain `-`.
    let json = try #require(files["internal/solicitation.json"])
    let joint = try JSONSerialization.jsonObject(with: json)
    let lines = ((joint as? [String: Any])?["lots"] as? [[String: Any]] ?? []).flatMap {
      $0["lines"] as? [[String: Any]] ?? []
    }
    #expect(lines.count > 20)
    let text = document.text
    for line in lines {
      #expect(text.contains(line["description"] as? String ?? "?"), "\(line["description"] ?? "")")
    }
    let itemTexts = WordDocument.elements(document.body).filter { $0.name == "t" }.map(\.text)
    for item in lines.compactMap({ $0["item"] as? String }) where item.contains("-") {
      #expect(!itemTexts.contains { $0.contains(item) }, "\(item) can break at its hyphen")
      #expect(text.contains(item), "\(item)")
    }

    // Tables: the pinned style, fixed widths that fit the page, a repeating header row, rows that do not split.
    let body = try #require(document.body.child("body"))
    var width = 9360  // Letter portrait, 1-inch margins; after the first section break, landscape
    var tables = 0
    for block in body.children {
      if block.name == "p", block.child("pPr")?.child("sectPr") != nil { width = 12960 }
      guard block.name == "tbl" else { continue }
      tables += 1
      let properties = try #require(block.child("tblPr"))
      #expect(properties.child("tblStyle")?.value("val") == "CosolicitTable")
      #expect(properties.child("tblLayout")?.value("type") == "fixed")
      let columns = block.child("tblGrid")?.children(named: "gridCol").compactMap { Int($0.value("w") ?? "") }
      #expect((columns ?? []).reduce(0, +) <= width && properties.child("tblW")?.value("w") == "\(width)")
      let rows = block.children(named: "tr")
      #expect(rows.first?.child("trPr")?.child("tblHeader") != nil, "a table without a repeating header row")
      #expect(rows.dropFirst().allSatisfy { $0.child("trPr")?.child("tblHeader") == nil })
      #expect(rows.allSatisfy { $0.child("trPr")?.child("cantSplit") != nil })
      #expect(rows.allSatisfy { $0.children(named: "tc").count == columns?.count })
    }
    #expect(tables >= 8)

    // The signature page: a page of its own, with room to write on each fill-in line.
    let signature = document.paragraphs.first {
      WordDocument.style(of: $0) == "Heading1" && WordDocument.text(of: $0) == "10. Bidder information and signature"
    }
    #expect(signature?.child("pPr")?.child("pageBreakBefore") != nil)
    #expect(
      document.texts(ofStyle: "SignatureLine") == [
        "Company name \t", "Address \t", "Contact, email, phone \t", "Authorized signer \t", "Title \t",
        "Signature \t", "Date \t", "Addenda acknowledged: Nos. \t",
      ])
    #expect(
      document.part("word/styles.xml").contains("<w:tab w:val=\"right\" w:leader=\"underscore\" w:pos=\"9360\"/>"))
  }

  /// A template override that breaks a part's XML is reported at the template, and nothing is built.
  @Test func aBodyTemplateThatIsNotXMLIsAnError() throws {
    let folder = try makeTemporaryFolder("word-templates")
    defer { try? FileManager.default.removeItem(at: folder) }
    let body = try #require(DefaultTemplates.files["rfp.docx.mustache"])
    try Data(body.replacingOccurrences(of: "</w:body>", with: "").utf8)
      .write(to: folder.appendingPathComponent("rfp.docx.mustache"))
    let output = folder.appendingPathComponent("dist")
    let (outcome, diagnostics) = PackageBuild.run(
      workspace: repositoryRoot.appendingPathComponent("Examples/cascade-valley").path, output: output.path,
      variants: [.joint], templates: folder.path)
    #expect(outcome == nil)
    let errors = diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1 && errors.allSatisfy { $0.location.path.hasSuffix("/rfp.docx.mustache") }, "\(errors)")
    #expect(errors.first?.message.contains("word/document.xml part of rfp.docx is not well-formed XML") == true)
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }

  @Test func itemIDsAreWrittenWithNonBreakingHyphensAndEscaped() {
    #expect(
      WordRuns.unbreakable("A-<b>&-") == "<w:t xml:space=\"preserve\">A</w:t><w:noBreakHyphen/>"
        + "<w:t xml:space=\"preserve\">&lt;b&gt;&amp;</w:t><w:noBreakHyphen/><w:t xml:space=\"preserve\"></w:t>")
  }
}
