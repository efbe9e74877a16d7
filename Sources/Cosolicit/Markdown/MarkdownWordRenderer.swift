/// Writes a ``MarkdownDocument`` as WordprocessingML paragraphs (`<w:p>`) in the package's style ids: headings
/// two levels down (`#` → `Heading3`, the deepest Word heading the package styles), `BodyText`, `ListBullet`
/// (bulleted by numbering 1, one indent level per nesting), `ListNumber` (the number written as text),
/// `Quote`, `SourceCode` and the character style `VerbatimChar`. A link is its text followed by its address:
/// a printed page cannot be clicked.
struct MarkdownWordRenderer {
  /// The Word heading level a `#` heading takes (deeper ones follow, down to `Heading3`).
  var firstHeadingLevel = 3

  /// The paragraphs.
  func render(_ document: MarkdownDocument) -> String {
    blocks(document.blocks, context: Context()).joined()
  }

  /// Where a block sits: inside how many lists, and whether in a quotation.
  private struct Context {
    var listDepth = 0
    var inQuote = false
    /// The text a list item's first paragraph starts with ("1." for an ordered list's item), with its style.
    var marker: (text: String, style: String)?
  }

  private func blocks(_ blocks: [MarkdownDocument.Block], context: Context) -> [String] {
    var context = context
    var paragraphs: [String] = []
    for block in blocks {
      paragraphs += self.block(block, context: context)
      context.marker = nil
    }
    return paragraphs
  }

  private func block(_ block: MarkdownDocument.Block, context: Context) -> [String] {
    switch block {
    case .heading(let level, let content):
      let style = "Heading\(min(max(firstHeadingLevel + level - 1, 1), 3))"
      return [paragraph(style: style, runs: runs(content))]
    case .paragraph(let content):
      if let marker = context.marker {
        let prefix = marker.style == "ListNumber" ? run(marker.text, style: []) + "<w:r><w:tab/></w:r>" : ""
        return [paragraph(style: marker.style, level: context.listDepth - 1, runs: prefix + runs(content))]
      }
      let style = context.inQuote ? "Quote" : "BodyText"
      return [paragraph(style: style, level: nil, indent: context.listDepth, runs: runs(content))]
    case .list(let ordered, let start, let items):
      var inner = context
      inner.listDepth += 1
      return items.enumerated().flatMap { index, item -> [String] in
        var itemContext = inner
        itemContext.marker = ordered ? ("\(start + index).", "ListNumber") : ("", "ListBullet")
        // An item that does not start with a paragraph still shows its marker.
        if case .paragraph = item.first {
          return blocks(item, context: itemContext)
        }
        return self.block(.paragraph([]), context: itemContext) + blocks(item, context: inner)
      }
    case .quote(let inner):
      var quoted = context
      quoted.inQuote = true
      quoted.marker = nil
      return blocks(inner, context: quoted)
    case .code(let code):
      let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map { run(String($0), style: []) }
      return [paragraph(style: "SourceCode", runs: lines.joined(separator: "<w:r><w:br/></w:r>"))]
    case .rule:
      return [
        "<w:p><w:pPr><w:pStyle w:val=\"BodyText\"/><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" "
          + "w:color=\"auto\"/></w:pBdr></w:pPr></w:p>"
      ]
    }
  }

  private func paragraph(style: String, level: Int? = nil, indent: Int = 0, runs: String) -> String {
    var properties = "<w:pStyle w:val=\"\(style)\"/>"
    if style == "ListBullet", let level {
      properties += "<w:numPr><w:ilvl w:val=\"\(min(max(level, 0), 8))\"/><w:numId w:val=\"1\"/></w:numPr>"
    }
    let depth = (level ?? 0) + (level == nil ? indent : 0)
    if style == "ListNumber", let level, level > 0 {
      properties += "<w:ind w:left=\"\(360 * (level + 1) + 360)\" w:hanging=\"360\"/>"
    } else if level == nil, depth > 0 {
      properties += "<w:ind w:left=\"\(360 * depth + 360)\"/>"
    }
    return "<w:p><w:pPr>\(properties)</w:pPr>\(runs)</w:p>"
  }

  /// One character property of a run.
  private enum RunStyle {
    case bold, italic, code
  }

  private func runs(_ inlines: [MarkdownDocument.Inline], style: Set<RunStyle> = []) -> String {
    inlines.map { inline in
      switch inline {
      case .text(let text): run(text, style: style)
      case .code(let code): run(code, style: style.union([.code]))
      case .emphasis(let inner): runs(inner, style: style.union([.italic]))
      case .strong(let inner): runs(inner, style: style.union([.bold]))
      case .link(let address, let inner):
        runs(inner, style: style)
          + run(" (\(address.hasPrefix("mailto:") ? String(address.dropFirst(7)) : address))", style: style)
      case .lineBreak: "<w:r><w:br/></w:r>"
      }
    }.joined()
  }

  private func run(_ text: String, style: Set<RunStyle>) -> String {
    guard !text.isEmpty else { return "" }
    var properties = ""
    if style.contains(.code) { properties += "<w:rStyle w:val=\"VerbatimChar\"/>" }
    if style.contains(.bold) { properties += "<w:b/>" }
    if style.contains(.italic) { properties += "<w:i/>" }
    let open = properties.isEmpty ? "<w:r>" : "<w:r><w:rPr>\(properties)</w:rPr>"
    return "\(open)<w:t xml:space=\"preserve\">\(XMLText.escaped(text))</w:t></w:r>"
  }
}
