import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The workspace's own RFP sections (`sections/NN-slug.md`): merged with the standard sections by number, a file
/// of a standard section's slug replacing it, every mistake reported with its file, and the untrusted text kept
/// text in every format.
@Suite struct WorkspaceSectionsTests {
  /// The anchors of the part "Instructions and conditions" of `markdown`, in order.
  static func order(_ markdown: String) -> [String] {
    ContentWorkspace.instructions(markdown).components(separatedBy: "<a id=\"section-").dropFirst().map {
      String($0.prefix { $0 != "\"" })
    }
  }

  /// The body of section `slug` in an HTML RFP.
  static func htmlSection(_ page: String, _ slug: String) -> String {
    guard let start = page.range(of: "<section class=\"rfp-section\" id=\"section-\(slug)\">"),
      let end = page.range(of: "</section>", range: start.upperBound..<page.endIndex)
    else { return "" }
    return String(page[start.upperBound..<end.lowerBound])
  }

  /// The body of section `slug` in a Markdown RFP: from its heading to the next.
  static func markdownSection(_ page: String, _ slug: String) -> String {
    guard let start = page.range(of: "<a id=\"section-\(slug)\"></a>") else { return "" }
    let heading = page[start.upperBound...].firstIndex(of: "\n") ?? page.endIndex
    let next = page.range(of: "\n### <a id=", range: heading..<page.endIndex)?.lowerBound
    let end = next ?? page.range(of: "\n## ", range: heading..<page.endIndex)?.lowerBound ?? page.endIndex
    return String(page[heading..<end])
  }

  @Test func sectionsMergeByNumberAndReplaceStandardOnesOfTheirSlug() throws {
    let workspace = try ContentWorkspace()
    try workspace.section("05-background.md", "# About the cities\n\nThe cities have bought together since 2020.\n")
    try workspace.section("60-protests.md", "Protests go to the city attorney within seven days.\n")
    try workspace.section("10-zeta.md", "Zeta.\n")
    try workspace.section("10-alpha.md", "Alpha.\n")
    try workspace.section("95-local-preference.md", "No local preference applies.\n")
    let documents = try workspace.documents()
    let markdown = try #require(documents["public/joint/rfp.md"])
    #expect(
      Self.order(markdown) == [
        "background", "submission", "alpha", "zeta", "questions-addenda", "modification-withdrawal",
        "mistakes-informalities", "rejection", "protests", "local-preference",
      ])
    #expect(markdown.contains("### <a id=\"section-background\"></a>9.1. About the cities"))
    #expect(!Self.markdownSection(markdown, "background").contains("About the cities"), "the heading leaves the body")
    #expect(markdown.contains("9.9. Protests\n\nProtests go to the city attorney within seven days."))
    #expect(!markdown.contains("A protest must be signed"), "the standard protests section is replaced")
    #expect(markdown.contains("9.10. Local preference\n"), "the title from the slug")
    let html = try #require(documents["public/joint/rfp.html"])
    #expect(html.contains("<h3>9.1. About the cities</h3>"))
    #expect(Self.htmlSection(html, "local-preference").contains("<p>No local preference applies.</p>"))
    #expect(documents["public/piggyback/rfp.md"].map(Self.order) == Self.order(markdown))
  }

  @Test func theSectionsFolderIsAnInput() throws {
    let workspace = try ContentWorkspace()
    try workspace.section("05-background.md", "Background.\n")
    let intake = workspace.intake()
    #expect(intake.files.contains { $0.hasSuffix("/sections/05-background.md") })
    #expect(Workspace.reads(workspace.sandbox.path("sections/05-background.md"), root: workspace.sandbox.root.path))
  }

  @Test func mistakesAreReportedWithTheirFiles() throws {
    let workspace = try ContentWorkspace()
    try workspace.section("background.md", "No number.\n")
    try workspace.section("07-Local_Preference.md", "Bad slug.\n")
    try workspace.section("05-background.md", "First.\n")
    try workspace.section("06-background.md", "Second.\n")
    try workspace.section("20-empty.md", " \n\n")
    try workspace.section("30-control.md", "Fine line.\nA \u{1B} escape.\n")
    try workspace.section("40-huge.md", String(repeating: "Long text. ", count: 30_000))
    try Data([0x48, 0x69, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: workspace.sandbox.path("sections/50-latin.md")))
    try workspace.section("notes.txt", "Not Markdown.\n")
    let intake = workspace.intake()
    for name in ["background.md", "07-Local_Preference.md", "notes.txt"] {
      intake.expect(.warning, at: "sections/\(name)", 1, 1, "is ignored; a section file is named NN-slug.md")
    }
    intake.expect(.error, at: "sections/06-background.md", 1, 1, "section 'background' is given twice")
    intake.expect(.error, at: "sections/20-empty.md", 1, 1, "the section file is empty")
    intake.expect(.error, at: "sections/30-control.md", 2, 3, "control character U+001B")
    intake.expect(.error, at: "sections/40-huge.md", 1, 1, "a section may be at most 262144 bytes")
    intake.expect(.error, at: "sections/50-latin.md", 1, 3, "not valid UTF-8")
    #expect(intake.errorCount == 5, "\(intake.listing)")
  }

  @Test(arguments: [false, true])
  func linksAreTextUnlessTheSolicitationAllowsThem(allowed: Bool) throws {
    let workspace = try ContentWorkspace(allowed ? "section_links: allowed" : "")
    try workspace.section(
      "05-links.md",
      "See [the rules](https://example.gov/rules), [mail](mailto:bids@example.gov) and [x](javascript:alert(1)).\n")
    let documents = try workspace.documents()
    let html = Self.htmlSection(try #require(documents["public/joint/rfp.html"]), "links")
    #expect(html.contains("<a href=\"https://example.gov/rules\">the rules</a>") == allowed, "\(html)")
    #expect(html.contains("<a href=\"mailto:bids@example.gov\">mail</a>") == allowed, "\(html)")
    #expect(!html.contains("javascript:"), "\(html)")
    let markdown = Self.markdownSection(try #require(documents["public/joint/rfp.md"]), "links")
    #expect(HostileTextTests.unescaped(markdown).contains("](<https://example.gov/rules>)") == allowed, "\(markdown)")
    #expect(!markdown.contains("javascript:"), "\(markdown)")
  }

  /// The whole hostile corpus, one paragraph per string and one as the heading, in a section file: the HTML has no
  /// element the corner does not write (no script, no raw HTML), no link unless allowed and never a
  /// `javascript:` address; the Markdown has no raw HTML and no link syntax unless allowed.
  @Test(arguments: [false, true])
  func hostileTextInASectionStaysText(allowed: Bool) throws {
    let samples = HostileTextTests.corpus("strings.txt").map(\.text)
    let workspace = try ContentWorkspace(allowed ? "section_links: allowed" : "")
    let body = samples.map { $0.replacingOccurrences(of: "\u{0}", with: "") }.joined(separator: "\n\n")
    try workspace.section("05-hostile.md", "# <script>alert(1)</script> [x](javascript:alert(1))\n\n" + body + "\n")
    let documents = try workspace.documents()
    let page = try #require(documents["public/joint/rfp.html"])
    let html = Self.htmlSection(page, "hostile")
    #expect(!html.isEmpty)
    var allowedTags: Set<String> = ["p", "ul", "ol", "li", "strong", "em", "code", "pre", "blockquote", "hr", "br"]
    allowedTags.formUnion(["h1", "h2", "h3", "h4", "h5", "h6"])
    if allowed { allowedTags.insert("a") }
    let tags = Set(
      HostileTextTests.tags(html).map { tag in String(tag.drop { $0 == "/" }.prefix { $0 != " " && $0 != ">" }) })
    #expect(tags.subtracting(allowedTags).isEmpty, "elements from the input: \(tags.subtracting(allowedTags))")
    #expect(!html.lowercased().contains("href=\"javascript"), "a javascript: link")
    #expect(!page.contains("<script>alert"), "a script element")
    #expect(page.contains("<h3>9.1. &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))</h3>"))
    let markdown = Self.markdownSection(try #require(documents["public/joint/rfp.md"]), "hostile")
    // The corner writes a link's address in angle brackets, `[text](<https://…>)`; any other `<` is raw HTML.
    let unescaped = ["](<http", "](<mailto"].reduce(HostileTextTests.unescaped(markdown)) {
      $0.replacingOccurrences(of: $1, with: "](")
    }
    #expect(!unescaped.contains("<"), "raw HTML or an autolink in the Markdown: \(markdown.prefix(400))")
    for link in allowed ? [] : ["](", "]:"] {
      #expect(!unescaped.contains(link), "a link in the Markdown: \(link)")
    }
    #expect(!markdown.lowercased().contains("](javascript"), "a javascript: link")
    // The Word document: well-formed, the heading as its text, no address but as text, and no hyperlink.
    let word = try #require(documents["public/joint/rfp.docx"])
    #expect(XMLWellFormedness.check(word, path: "word/document.xml").isEmpty)
    #expect(word.contains(">9.1. &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))</w:t>"))
    #expect(!word.contains("<script") && !word.contains("<w:hyperlink"))
    #expect(
      word.components(separatedBy: "javascript:").count == 3,
      "only the heading's text (and its contents entry) names javascript:")
  }
}
