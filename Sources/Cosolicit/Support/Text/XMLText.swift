/// Text made safe for the XML the tool writes (bid forms, workbooks): one rule for every XML output.
public enum XMLText {
  /// `text` as XML element content or a quoted attribute value: `&`, `<`, `>`, `"` and `'` as entities, and the
  /// characters XML 1.0 cannot carry (``isForbidden(_:)``) left out. Tabs and line breaks are kept as they are,
  /// or written as character references when `breaksAsReferences` (in attribute values, which a parser would
  /// otherwise read with spaces in their place).
  public static func escaped(_ text: String, breaksAsReferences: Bool = false) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&apos;"
      case "\t" where breaksAsReferences: output += "&#9;"
      case "\n" where breaksAsReferences: output += "&#10;"
      case "\r" where breaksAsReferences: output += "&#13;"
      default: if !isForbidden(scalar) { output.unicodeScalars.append(scalar) }
      }
    }
    return output
  }

  /// Whether XML 1.0 forbids `scalar` in a document: a control character other than tab, line feed and carriage
  /// return, U+FFFE or U+FFFF.
  public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar)) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
  }
}
