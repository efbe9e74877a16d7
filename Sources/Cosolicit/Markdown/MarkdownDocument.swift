/// A Markdown text, parsed by CommonMark's reference parser into the blocks and inlines a solicitation's
/// sections use, ready to be rendered as HTML (``html``), Markdown (``markdown``) or WordprocessingML
/// (``wordML``). Whatever the text holds stays text: raw HTML is written as the characters it is made of, an
/// image as its description, and a link is a link only when ``MarkdownLinks/allowed`` and its address is
/// `http`, `https` or `mailto`.
public struct MarkdownDocument: Sendable, Equatable {
  /// A block: a heading, paragraph, list, quotation, code block or rule.
  public indirect enum Block: Sendable, Equatable {
    /// A heading of `level` 1 to 6.
    case heading(level: Int, [Inline])
    /// A paragraph.
    case paragraph([Inline])
    /// A list; each item is a run of blocks. `start` is the first number of an ordered list.
    case list(ordered: Bool, start: Int, items: [[Block]])
    /// A block quotation.
    case quote([Block])
    /// Preformatted text, each line as written.
    case code(String)
    /// A horizontal rule.
    case rule
  }

  /// A run of text and its emphasis.
  public indirect enum Inline: Sendable, Equatable {
    /// Plain text.
    case text(String)
    /// Code, in a fixed-width font.
    case code(String)
    /// Emphasised (italic) text.
    case emphasis([Inline])
    /// Strongly emphasised (bold) text.
    case strong([Inline])
    /// A link to `address` (always `http`, `https` or `mailto`).
    case link(address: String, [Inline])
    /// A hard line break.
    case lineBreak
  }

  /// The blocks, in order.
  public var blocks: [Block]

  /// A document of `blocks`.
  public init(blocks: [Block]) {
    self.blocks = blocks
  }

  /// The document `text` holds, as CommonMark reads it; links become links as `links` says.
  public static func parse(_ text: String, links: MarkdownLinks) -> MarkdownDocument {
    CommonMarkConverter(links: links).convert(text)
  }

  /// An HTML fragment; a `#` heading is `<h3>` (a section's own title is `<h2>`), deeper ones follow to `<h6>`.
  public var html: String { MarkdownHTMLRenderer().render(self) }

  /// CommonMark that reads back as this document; a `#` heading is written `###`, like ``html``.
  public var markdown: String { MarkdownTextRenderer().render(self) }

  /// WordprocessingML paragraphs (`<w:p>`) in the package's style ids (`Heading3`, `BodyText`, `ListBullet`…).
  public var wordML: String { MarkdownWordRenderer().render(self) }

  /// WordprocessingML paragraphs whose `#` headings are `Heading<level>` (1 to 3), deeper ones following.
  public func wordML(firstHeadingLevel level: Int) -> String {
    MarkdownWordRenderer(firstHeadingLevel: level).render(self)
  }

  /// The text of the document without its markup, one block a line.
  public var plainText: String {
    func text(_ inlines: [Inline]) -> String {
      inlines.map { inline in
        switch inline {
        case .text(let text), .code(let text): text
        case .emphasis(let inner), .strong(let inner), .link(_, let inner): text(inner)
        case .lineBreak: " "
        }
      }.joined()
    }
    func lines(_ blocks: [Block]) -> [String] {
      blocks.flatMap { block -> [String] in
        switch block {
        case .heading(_, let inlines), .paragraph(let inlines): [text(inlines)]
        case .list(_, _, let items): items.flatMap(lines)
        case .quote(let inner): lines(inner)
        case .code(let code): [code]
        case .rule: []
        }
      }
    }
    return lines(blocks).joined(separator: "\n")
  }
}

/// Whether a Markdown text's links are kept as links.
public enum MarkdownLinks: Sendable {
  /// Links are written as their text followed by the address in parentheses (an address with a scheme other
  /// than `http`, `https` or `mailto` is left out).
  case asText
  /// `http`, `https` and `mailto` links are links; others are their text only.
  case allowed

  /// Whether `address` may be a link or be shown at all: `http`, `https` and `mailto` only.
  static func isSafe(_ address: String) -> Bool {
    let lowered = address.lowercased()
    return ["http://", "https://", "mailto:"].contains { lowered.hasPrefix($0) }
      && !address.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
  }
}
