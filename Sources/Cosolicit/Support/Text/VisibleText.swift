/// Text for a terminal, a finding or a spreadsheet cell, where a control character would act instead of show:
/// a line break would forge a second finding, ESC would drive the terminal. Control characters (C0 other than
/// tab, DEL and the C1 range) are written as escapes (`\n`, `\r`, `\u{1B}`); everything else is left as it is.
enum VisibleText {
  /// `text` with its control characters escaped; line feeds and carriage returns too unless
  /// `keepingLineBreaks`.
  static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
    // Fast path: the bytes of such characters are below 0x20, 0x7F, or 0xC2 (which starts U+0080 to U+009F).
    guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x0A where keepingLineBreaks, 0x0D where keepingLineBreaks, 0x09:
        result.append(scalar)
      case 0x0A: result.append(contentsOf: "\\n".unicodeScalars)
      case 0x0D: result.append(contentsOf: "\\r".unicodeScalars)
      case 0x00..<0x20, 0x7F, 0x80...0x9F:
        result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
      default: result.append(scalar)
      }
    }
    return String(result)
  }
}
