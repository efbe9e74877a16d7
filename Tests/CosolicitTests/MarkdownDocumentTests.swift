import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The Markdown corner: CommonMark parsed by libcmark into typed blocks, and written as HTML, Markdown and
/// WordprocessingML with every text kept text.
@Suite struct MarkdownDocumentTests {
  typealias Block = MarkdownDocument.Block

  @Test func blocksAndInlinesAreReadAsCommonMarkDefinesThem() {
    let document = MarkdownDocument.parse(
      """
      # Site visits

      Bidders *may* visit **each** yard; bring `ID`.
      Second line.

      1. Call ahead
      2. Sign in

      - North yard
      - South yard

      > Quoted

      ```
      code <here>
      ```

      ---
      """, links: .allowed)
    #expect(
      document.blocks == [
        .heading(level: 1, [.text("Site visits")]),
        .paragraph([
          .text("Bidders "), .emphasis([.text("may")]), .text(" visit "), .strong([.text("each")]),
          .text(" yard; bring "), .code("ID"), .text(". Second line."),
        ]),
        .list(ordered: true, start: 1, items: [[.paragraph([.text("Call ahead")])], [.paragraph([.text("Sign in")])]]),
        .list(
          ordered: false, start: 0, items: [[.paragraph([.text("North yard")])], [.paragraph([.text("South yard")])]]),
        .quote([.paragraph([.text("Quoted")])]),
        .code("code <here>"),
        .rule,
      ])
    #expect(document.html.contains("<h3>Site visits</h3>"))
    #expect(document.html.contains("<pre><code>code &lt;here&gt;</code></pre>"))
    #expect(document.markdown.hasPrefix("### Site visits\n\nBidders *may* visit **each** yard; bring `ID`."))
  }

  @Test func rawHTMLIsShownAsTheTextItIs() {
    let document = MarkdownDocument.parse(
      "<script>alert(1)</script>\n\nA <b onclick=\"x()\">bold</b> claim.", links: .allowed)
    #expect(!document.html.contains("<script"))
    #expect(!document.html.contains("<b "))
    #expect(document.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(document.html.contains("A &lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt; claim."))
    #expect(!document.markdown.contains("<"))
    #expect(document.plainText == "<script>alert(1)</script>\nA <b onclick=\"x()\">bold</b> claim.")
  }

  @Test func onlyWebAndMailAddressesAreLinksAndOnlyWhenAllowed() {
    let text = """
      See [the portal](https://bids.example.gov/x?a=1&b=2), [mail](mailto:buyer@example.gov),
      [a trap](javascript:alert(1)), [data](data:text/html,hi) and <https://example.gov/auto>.
      """
    let allowed = MarkdownDocument.parse(text, links: .allowed)
    #expect(allowed.html.contains("<a href=\"https://bids.example.gov/x?a=1&amp;b=2\">the portal</a>"))
    #expect(allowed.html.contains("<a href=\"mailto:buyer@example.gov\">mail</a>"))
    #expect(allowed.html.contains("<a href=\"https://example.gov/auto\">https://example.gov/auto</a>"))
    let asText = MarkdownDocument.parse(text, links: .asText)
    #expect(!asText.html.contains("<a "))
    #expect(asText.html.contains("the portal (https://bids.example.gov/x?a=1&amp;b=2)"))
    #expect(asText.html.contains("mail (buyer@example.gov)"))
    #expect(asText.html.contains(" https://example.gov/auto."))
    for document in [allowed, asText] {
      for output in [document.html, document.markdown, document.wordML] {
        #expect(!output.lowercased().contains("javascript"))
        #expect(!output.contains("data:"))
      }
      #expect(document.html.contains("a trap"))
    }
    #expect(!asText.markdown.contains("]("))
    #expect(allowed.markdown.contains("[the portal](<https://bids.example.gov/x?a=1&b=2>)"))
  }

  /// Every hostile string, read as Markdown and written back, reads as the same document (headings two levels
  /// down); written as a paragraph's text, it reads back as that text.
  @Test(arguments: HostileTextTests.samples)
  func markdownReadsBackAsTheSameDocument(_ sample: HostileTextTests.Sample) {
    let document = MarkdownDocument.parse(sample.text, links: .allowed)
    let again = MarkdownDocument.parse(document.markdown, links: .allowed)
    #expect(again == Self.shifted(document))
    let paragraph = MarkdownDocument(blocks: [.paragraph([.text(sample.text)])])
    let read = MarkdownDocument.parse(paragraph.markdown, links: .allowed)
    let expected = Self.collapsed(sample.text)
    #expect(read.blocks == (expected.isEmpty ? [] : [.paragraph([.text(expected)])]))
    #expect(!document.html.contains("<script"))
    #expect(XMLWellFormedness.check(Self.wordDocument(document.wordML), path: "document.xml").isEmpty)
    #expect(XMLWellFormedness.check("<div>\(document.html)</div>", path: "section.html").isEmpty)
  }

  /// Found by FuzzMarkdown on its first seed: an HTML block of several lines was one text with line breaks in it,
  /// which Markdown wrote as spaces. Its lines are now kept apart by line breaks in every format.
  @Test func theCorpusFileReadWholeReadsBackAsTheSameDocument() throws {
    let text = try String(contentsOf: HostileTextTests.hostile.appendingPathComponent("strings.txt"), encoding: .utf8)
    for links in [MarkdownLinks.asText, .allowed] {
      let document = MarkdownDocument.parse(text, links: links)
      let again = MarkdownDocument.parse(document.markdown, links: links)
      #expect(again == Self.shifted(document))
      #expect(again.plainText == document.plainText)
    }
  }

  /// Found by FuzzMarkdown: control characters starting a line were left out but ended the line's start, so
  /// the space after them began the line and was dropped on reading.
  @Test func controlCharactersDoNotHideASpaceThatStartsALine() {
    let document = MarkdownDocument(blocks: [.paragraph([.text("\u{04}\u{04} A bidder")])])
    #expect(MarkdownDocument.parse(document.markdown, links: .allowed).plainText == " A bidder")
  }

  /// Found by FuzzMarkdown in CI: a paragraph of a control character alone was kept, empty once written, and
  /// gone on reading. Control characters are left out as the text is read, and a paragraph of none is no paragraph.
  @Test func controlCharactersAreLeftOutAsTheTextIsRead() {
    let document = MarkdownDocument.parse("One\n\n\u{0F}\n\nTwo \u{7F}`c\u{03}`", links: .allowed)
    #expect(document.blocks == [.paragraph([.text("One")]), .paragraph([.text("Two "), .code("c")])])
    #expect(MarkdownDocument.parse(document.markdown, links: .allowed) == document)
    // Code of a control character alone is no code (its Markdown would be two backticks, read as text).
    #expect(MarkdownDocument.parse("`\u{7F}`x", links: .allowed).blocks == [.paragraph([.text("x")])])
    #expect(MarkdownDocument(blocks: [.paragraph([.code(""), .text("x")])]).markdown == "x\n")
    #expect(MarkdownDocument.parse("*\u{7F}* **\u{03}** y", links: .allowed).blocks == [.paragraph([.text("  y")])])
  }

  /// Found by FuzzMarkdown: inline HTML over two lines (a CDATA section) kept its line break inside the text,
  /// which Markdown wrote as a space.
  @Test func inlineHTMLOverLinesIsOneLineOfText() {
    #expect(MarkdownDocument.parse("a&#10;b", links: .allowed).blocks == [.paragraph([.text("a b")])])
    let document = MarkdownDocument.parse("A **b <![CDATA[\nc]]> d**", links: .allowed)
    #expect(document.blocks == [.paragraph([.text("A "), .strong([.text("b <![CDATA[ c]]> d")])])])
    #expect(MarkdownDocument.parse(document.markdown, links: .allowed) == document)
  }

  @Test func deepNestingIsFlattenedInsteadOfRecursingWithoutBound() {
    let quotes = String(repeating: ">", count: 50_000) + " deep"
    let quoted = MarkdownDocument.parse(quotes, links: .allowed)
    #expect(quoted.plainText == "deep")
    let emphasis = String(repeating: "*a ", count: 20_000) + String(repeating: "b*", count: 20_000)
    let emphasised = MarkdownDocument.parse(emphasis, links: .allowed)
    #expect(!emphasised.html.isEmpty)
    let lists = (0..<2_000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")
    #expect(MarkdownDocument.parse(lists, links: .allowed).plainText.contains("item"))
  }

  @Test func wordParagraphsUseThePackageStyles() {
    let document = MarkdownDocument.parse(
      "# Head\n\nBody *it* **b** `c`\n\n- one\n  - two\n\n3. three\n\n> quote\n\n    code\n", links: .asText)
    let word = document.wordML
    for style in ["Heading3", "BodyText", "ListBullet", "ListNumber", "Quote", "SourceCode"] {
      #expect(word.contains("<w:pStyle w:val=\"\(style)\"/>"), "\(style)")
    }
    #expect(word.contains("<w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/>"))
    #expect(word.contains("<w:rStyle w:val=\"VerbatimChar\"/>"))
    #expect(word.contains(">3.</w:t>"))
    #expect(XMLWellFormedness.check(Self.wordDocument(word), path: "document.xml").isEmpty)
  }

  static func wordDocument(_ paragraphs: String) -> String {
    "<w:body xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\(paragraphs)</w:body>"
  }

  /// `text` as a paragraph holds it: line breaks and tabs as spaces, control characters left out, spaces kept.
  static func collapsed(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
          if ["\n", "\r", "\t"].contains(scalar) { return " " }
          return scalar.value < 0x20 || scalar.value == 0x7F ? nil : scalar
        }))
  }

  /// `document` with every heading two levels down, as its Markdown writes it.
  static func shifted(_ document: MarkdownDocument) -> MarkdownDocument {
    func shift(_ blocks: [Block]) -> [Block] {
      blocks.map { block in
        switch block {
        case .heading(let level, let inlines): .heading(level: min(level + 2, 6), inlines)
        case .list(let ordered, let start, let items): .list(ordered: ordered, start: start, items: items.map(shift))
        case .quote(let inner): .quote(shift(inner))
        default: block
        }
      }
    }
    return MarkdownDocument(blocks: shift(document.blocks))
  }
}
