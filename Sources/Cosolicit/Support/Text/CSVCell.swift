import Foundation

/// Writes values as RFC 4180 CSV cells that a spreadsheet shows as text, never runs as formulas.
public enum CSVCell {
  /// `text` as one cell: a leading `=`, `+`, `-`, `@`, tab or carriage return gets a `'` in front (the OWASP
  /// advice against CSV injection), and the cell is quoted when it holds a comma, quote or line break.
  /// Control characters other than tab and line breaks are shown as escapes (``VisibleText``).
  public static func escape(_ text: String) -> String {
    var cell = VisibleText.escaped(text, keepingLineBreaks: true)
    if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
      cell = "'" + cell
    }
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
      return cell
    }
    return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// The text of a cell as ``escape(_:)`` wrote it, once its quoting is read: the `'` put before a leading `=`,
  /// `+`, `-`, `@`, tab or carriage return, which only keeps a spreadsheet from running it, is dropped (so a form's
  /// `'+1 503 555 0100` reads back as the phone number it was).
  public static func unescaped(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard scalars.first == "'", let second = scalars.dropFirst().first,
      ["=", "+", "-", "@", "\t", "\r"].contains(second)
    else { return text }
    return String(scalars.dropFirst())
  }

  /// A row of cells, ended by CRLF as RFC 4180 has it.
  public static func row(_ cells: [String]) -> String {
    cells.map(escape).joined(separator: ",") + "\r\n"
  }
}
