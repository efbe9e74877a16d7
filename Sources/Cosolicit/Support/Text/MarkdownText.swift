/// Text made safe inside a line of Markdown: one rule for the Markdown content type of templates and for the
/// Markdown the sections are written back as.
enum MarkdownText {
  /// `scalar` as Markdown that reads back as itself: characters that start markup backslash-escaped, `&`, `<`
  /// and `>` as entities, a line break or tab as a space, and other control characters left out.
  static func append(_ scalar: Unicode.Scalar, to output: inout String) {
    switch scalar {
    case "&": output += "&amp;"
    case "<": output += "&lt;"
    case ">": output += "&gt;"
    case "\n", "\r", "\t": output += " "
    case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!": output += "\\" + String(scalar)
    default: if scalar.value >= 0x20 { output.unicodeScalars.append(scalar) }
    }
  }
}
