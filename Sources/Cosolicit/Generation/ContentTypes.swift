import Mustache

/// The escaping each kind of generated document needs, registered with swift-mustache by name and chosen in a
/// template with `{{%CONTENT_TYPE: XML}}` or `{{%CONTENT_TYPE: MARKDOWN}}` (HTML is the default).
enum ContentTypes {
  /// Registers the content types once, before the first template is parsed.
  static let registered: Bool = {
    MustacheContentTypes.register(XMLContent(), named: "XML")
    MustacheContentTypes.register(MarkdownContent(), named: "MARKDOWN")
    return true
  }()

  /// XML 1.0 text and attribute values: the five predefined entities, and characters XML forbids removed.
  struct XMLContent: MustacheContentType {
    func escapeText(_ text: String) -> String { XMLText.escaped(text) }
  }

  /// Markdown: characters that start Markdown syntax are backslash-escaped (and so is a leading list marker,
  /// `- `, `+ ` or `1. `, for text that starts a line) and HTML is written as entities, so input text renders as
  /// the same text; line breaks become spaces so a table cell stays one cell.
  struct MarkdownContent: MustacheContentType {
    func escapeText(_ text: String) -> String { ContentTypes.markdown(text) }
  }

  static func markdown(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    // A text that starts a line would start a list with `- `, `+ ` or `1. `: escape that marker as well.
    let head = Array(text.unicodeScalars.prefix(11))
    func isBreak(at index: Int) -> Bool { index >= head.count || [" ", "\t", "\n", "\r"].contains(head[index]) }
    let digits = head.prefix { ("0"..."9").contains($0) }.count
    var skipped = 0
    if let first = head.first, first == "-" || first == "+", isBreak(at: 1) {
      skipped = 1
    } else if (1...9).contains(digits), digits < head.count, [".", ")"].contains(head[digits]), isBreak(at: digits + 1)
    {
      skipped = digits + 1
      output.unicodeScalars.append(contentsOf: head[..<digits])
    }
    if skipped > 0 { output += "\\" + String(head[skipped - 1]) }
    let scalars = text.unicodeScalars.dropFirst(skipped)
    for scalar in scalars {
      MarkdownText.append(scalar, to: &output)
    }
    return output
  }
}
