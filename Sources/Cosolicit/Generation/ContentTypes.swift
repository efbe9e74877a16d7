import Mustache

/// The escaping each kind of generated document needs, registered with swift-mustache by name and chosen in a
/// template with `{{%CONTENT_TYPE: XML}}` or `{{%CONTENT_TYPE: MARKDOWN}}` (HTML is the default).
enum ContentTypes {
  /// Registers the content types once, before the first template is parsed.
  static let registered: Bool = {
    MustacheContentTypes.register(XMLText(), named: "XML")
    MustacheContentTypes.register(MarkdownText(), named: "MARKDOWN")
    return true
  }()

  /// XML 1.0 text and attribute values: the five predefined entities, and characters XML forbids removed.
  struct XMLText: MustacheContentType {
    func escapeText(_ text: String) -> String { ContentTypes.xml(text) }
  }

  /// Markdown: characters that start Markdown syntax are backslash-escaped and HTML is written as entities, so
  /// input text renders as the same text; line breaks become spaces so a table cell stays one cell.
  struct MarkdownText: MustacheContentType {
    func escapeText(_ text: String) -> String { ContentTypes.markdown(text) }
  }

  static func xml(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&apos;"
      case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
      default:
        let value = scalar.value
        let allowed = value >= 0x20 && !(0xFFFE...0xFFFF).contains(value)
        if allowed { output.unicodeScalars.append(scalar) }
      }
    }
    return output
  }

  static func markdown(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\n", "\r", "\t": output += " "
      case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!": output += "\\" + String(scalar)
      default:
        if scalar.value >= 0x20 { output.unicodeScalars.append(scalar) }
      }
    }
    return output
  }
}
