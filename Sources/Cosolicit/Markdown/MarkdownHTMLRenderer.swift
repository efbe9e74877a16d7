/// Writes a ``MarkdownDocument`` as an HTML fragment: every text escaped, links only as the document holds them
/// (already checked to be `http`, `https` or `mailto`).
struct MarkdownHTMLRenderer {
  /// The fragment.
  func render(_ document: MarkdownDocument) -> String {
    blocks(document.blocks)
  }

  private func blocks(_ blocks: [MarkdownDocument.Block], tight: Bool = false) -> String {
    blocks.map { block($0, tight: tight) }.joined()
  }

  private func block(_ block: MarkdownDocument.Block, tight: Bool) -> String {
    switch block {
    case .heading(let level, let content):
      let tag = "h\(min(level + 2, 6))"
      return "<\(tag)>\(inlines(content))</\(tag)>\n"
    case .paragraph(let content):
      return tight ? inlines(content) + "\n" : "<p>\(inlines(content))</p>\n"
    case .list(let ordered, let start, let items):
      let open = ordered ? (start == 1 ? "<ol>" : "<ol start=\"\(start)\">") : "<ul>"
      // An item of a single paragraph is written without <p>, as a tight list is.
      let body = items.map { item in
        let single = item.count == 1 && { if case .paragraph = item[0] { true } else { false } }()
        var text = blocks(item, tight: single)
        if text.hasSuffix("\n") { text.removeLast() }
        return "<li>\(text)</li>\n"
      }.joined()
      return "\(open)\n\(body)\(ordered ? "</ol>" : "</ul>")\n"
    case .quote(let inner):
      return "<blockquote>\n\(blocks(inner))</blockquote>\n"
    case .code(let code):
      return "<pre><code>\(XMLText.escaped(code))</code></pre>\n"
    case .rule:
      return "<hr />\n"
    }
  }

  private func inlines(_ inlines: [MarkdownDocument.Inline]) -> String {
    inlines.map { inline in
      switch inline {
      case .text(let text): XMLText.escaped(text)
      case .code(let code): "<code>\(XMLText.escaped(code))</code>"
      case .emphasis(let inner): "<em>\(self.inlines(inner))</em>"
      case .strong(let inner): "<strong>\(self.inlines(inner))</strong>"
      case .link(let address, let inner):
        "<a href=\"\(XMLText.escaped(address, breaksAsReferences: true))\">\(self.inlines(inner))</a>"
      case .lineBreak: "<br />\n"
      }
    }.joined()
  }
}
