// PLACEHOLDER for the lead engineer's markdown corner (libcmark through CCMark), written against its API in the
// common brief so that the content helper's sections compile and render before the corner is on main. It
// understands only what the standard section templates write (paragraphs, `-` and `1.` lists, `#` headings,
// `**strong**`, `*emphasis*`, backslash escapes, `[text](url)` links); every other character is text. At the
// merge this file is replaced by the corner's own `MarkdownDocument`.

/// What Markdown links become.
public enum MarkdownLinks: Sendable {
  /// Every link is shown as its text.
  case asText
  /// `http`, `https` and `mailto` links stay links; any other scheme is text.
  case allowed
}

/// A parsed Markdown document, rendered to HTML, safe Markdown and WordprocessingML.
public struct MarkdownDocument: Sendable {
  enum Span: Sendable {
    case text(String)
    case strong([Span])
    case emphasis([Span])
    case link(String, [Span])
  }

  enum Block: Sendable {
    case heading(Int, [Span])
    case paragraph([Span])
    case bullets([[Span]])
    case numbered([[Span]])
  }

  let blocks: [Block]

  /// Parses `text`; links become links only with `.allowed`, and only for http, https and mailto.
  public static func parse(_ text: String, links: MarkdownLinks) -> MarkdownDocument {
    var blocks: [Block] = []
    var paragraph: [String] = []
    var items: [String] = []
    var isNumbered = false
    func inline(_ text: String) -> [Span] {
      var reader = Inline(Array(text.unicodeScalars), links: links)
      return reader.spans()
    }
    func flush() {
      if !paragraph.isEmpty { blocks.append(.paragraph(inline(paragraph.joined(separator: " ")))) }
      if !items.isEmpty { blocks.append(isNumbered ? .numbered(items.map(inline)) : .bullets(items.map(inline))) }
      paragraph = []
      items = []
    }
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(raw).trimmed
      if line.isEmpty {
        flush()
      } else if line.hasPrefix("#"), let space = line.firstIndex(of: " "), line[..<space].allSatisfy({ $0 == "#" }) {
        flush()
        blocks.append(
          .heading(min(line.distance(from: line.startIndex, to: space), 3), inline(String(line[space...]).trimmed)))
      } else if line.hasPrefix("- ") {
        if !paragraph.isEmpty || isNumbered { flush() }
        isNumbered = false
        items.append(String(line.dropFirst(2)))
      } else if let dot = line.firstIndex(of: "."), line[..<dot].allSatisfy(\.isNumber), dot != line.startIndex,
        line[line.index(after: dot)...].hasPrefix(" ")
      {
        if !paragraph.isEmpty || (!items.isEmpty && !isNumbered) { flush() }
        isNumbered = true
        items.append(String(line[line.index(dot, offsetBy: 2)...]))
      } else if !items.isEmpty {
        items[items.count - 1] += " " + line
      } else {
        paragraph.append(line)
      }
    }
    flush()
    return MarkdownDocument(blocks: blocks)
  }

  /// An HTML fragment.
  public var html: String {
    blocks.map { block in
      switch block {
      case .heading(let level, let spans): "<h\(level + 2)>\(Self.html(spans))</h\(level + 2)>\n"
      case .paragraph(let spans): "<p>\(Self.html(spans))</p>\n"
      case .bullets(let items): "<ul>\n" + items.map { "<li>\(Self.html($0))</li>\n" }.joined() + "</ul>\n"
      case .numbered(let items): "<ol>\n" + items.map { "<li>\(Self.html($0))</li>\n" }.joined() + "</ol>\n"
      }
    }.joined()
  }

  /// Safe CommonMark.
  public var markdown: String {
    blocks.map { block in
      switch block {
      case .heading(let level, let spans): String(repeating: "#", count: level + 3) + " " + Self.markdown(spans) + "\n"
      case .paragraph(let spans): Self.markdown(spans) + "\n"
      case .bullets(let items): items.map { "- " + Self.markdown($0) + "\n" }.joined()
      case .numbered(let items):
        items.enumerated().map { "\($0.offset + 1). " + Self.markdown($0.element) + "\n" }
          .joined()
      }
    }.joined(separator: "\n")
  }

  /// WordprocessingML paragraphs.
  public var wordML: String {
    func paragraph(_ style: String, _ spans: [Span], prefix: String = "") -> String {
      "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr>" + (prefix.isEmpty ? "" : Self.run(prefix, []))
        + Self.word(spans, []) + "</w:p>"
    }
    return blocks.map { block in
      switch block {
      case .heading(let level, let spans): paragraph("Heading\(min(level + 1, 3))", spans)
      case .paragraph(let spans): paragraph("BodyText", spans)
      case .bullets(let items): items.map { paragraph("ListBullet", $0) }.joined()
      case .numbered(let items):
        items.enumerated().map { paragraph("ListNumber", $0.element, prefix: "\($0.offset + 1).\t") }.joined()
      }
    }.joined()
  }

  private static func html(_ spans: [Span]) -> String {
    spans.map { span in
      switch span {
      case .text(let text): XMLText.escaped(text)
      case .strong(let inner): "<strong>\(html(inner))</strong>"
      case .emphasis(let inner): "<em>\(html(inner))</em>"
      case .link(let url, let inner): "<a href=\"\(XMLText.escaped(url))\">\(html(inner))</a>"
      }
    }.joined()
  }

  private static func markdown(_ spans: [Span]) -> String {
    spans.map { span in
      switch span {
      case .text(let text): ContentTypes.markdown(text)
      case .strong(let inner): "**\(markdown(inner))**"
      case .emphasis(let inner): "*\(markdown(inner))*"
      case .link(let url, let inner): "[\(markdown(inner))](<\(url)>)"
      }
    }.joined()
  }

  private static func word(_ spans: [Span], _ marks: [String]) -> String {
    spans.map { span in
      switch span {
      case .text(let text): run(text, marks)
      case .strong(let inner): word(inner, marks + ["<w:b/>"])
      case .emphasis(let inner): word(inner, marks + ["<w:i/>"])
      case .link(_, let inner): word(inner, marks)
      }
    }.joined()
  }

  private static func run(_ text: String, _ marks: [String]) -> String {
    "<w:r>" + (marks.isEmpty ? "" : "<w:rPr>\(marks.joined())</w:rPr>")
      + "<w:t xml:space=\"preserve\">\(XMLText.escaped(text))</w:t></w:r>"
  }

  /// Reads one block's inline text.
  private struct Inline {
    let text: [Unicode.Scalar]
    let links: MarkdownLinks
    var index = 0

    init(_ text: [Unicode.Scalar], links: MarkdownLinks) {
      self.text = text
      self.links = links
    }

    mutating func spans(until stop: String? = nil) -> [Span] {
      var spans: [Span] = []
      var plain = String.UnicodeScalarView()
      func flush() {
        if !plain.isEmpty { spans.append(.text(String(plain))) }
        plain = String.UnicodeScalarView()
      }
      while index < text.count {
        if let stop, matches(stop) {
          index += stop.unicodeScalars.count
          flush()
          return spans
        }
        let scalar = text[index]
        if scalar == "\\", index + 1 < text.count, text[index + 1].isASCII, text[index + 1].properties.isPatternSyntax {
          plain.append(text[index + 1])
          index += 2
        } else if matches("**"), stop != "**", closes("**", from: index + 2) {
          flush()
          index += 2
          spans.append(.strong(self.spans(until: "**")))
        } else if scalar == "*", stop != "*", closes("*", from: index + 1) {
          flush()
          index += 1
          spans.append(.emphasis(self.spans(until: "*")))
        } else if scalar == "[", let link = link() {
          flush()
          spans.append(link)
        } else {
          plain.append(scalar)
          index += 1
        }
      }
      flush()
      return spans
    }

    private func matches(_ token: String) -> Bool {
      let scalars = Array(token.unicodeScalars)
      return index + scalars.count <= text.count && Array(text[index..<index + scalars.count]) == scalars
    }

    private func closes(_ token: String, from start: Int) -> Bool {
      var copy = self
      copy.index = start
      while copy.index < text.count {
        if text[copy.index] == "\\" {
          copy.index += 2
          continue
        }
        if copy.matches(token) { return copy.index > start }
        copy.index += 1
      }
      return false
    }

    private mutating func link() -> Span? {
      guard let close = text[index...].firstIndex(of: "]"), close + 1 < text.count, text[close + 1] == "(",
        let end = text[(close + 1)...].firstIndex(of: ")")
      else { return nil }
      let label = String(String.UnicodeScalarView(text[(index + 1)..<close]))
      var url = String(String.UnicodeScalarView(text[(close + 2)..<end])).trimmed
      if url.hasPrefix("<"), url.hasSuffix(">") { url = String(url.dropFirst().dropLast()) }
      index = end + 1
      var inner = Inline(Array(label.unicodeScalars), links: links)
      let spans = inner.spans()
      let lower = url.lowercased()
      let safe = ["http://", "https://", "mailto:"].contains { lower.hasPrefix($0) }
      guard links == .allowed, safe else { return .text(label + " (" + url + ")") }
      return .link(url, spans)
    }
  }
}
