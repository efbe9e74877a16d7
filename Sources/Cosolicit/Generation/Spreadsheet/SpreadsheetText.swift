import Foundation

/// Text as SpreadsheetML holds it: XML-escaped, with the characters XML 1.0 cannot carry written the OOXML way,
/// and cell references (`A1`, `$A$1:$A$9`, `'sheet name'!A1`).
enum SpreadsheetText {
  /// `text` as the content of a cell's `<t>` element (OOXML `ST_Xstring`): `&`, `<` and `>` escaped; a control
  /// character XML forbids (U+0000–U+001F but tab and line feed; U+FFFE, U+FFFF) written `_xHHHH_`, which Excel
  /// reads back as the character; a carriage return as `&#13;`, which an XML parser keeps; and a text that already
  /// looks like such an escape keeps its underscore as `_x005F_`, so that it reads back as written.
  static func cell(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\r": result += "&#13;"
      case "\t", "\n": result.unicodeScalars.append(scalar)
      case "_" where looksLikeEscape(scalars, at: index): result += "_x005F_"
      default:
        if XMLText.isForbidden(scalar) {
          result += "_x" + hex(scalar.value) + "_"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// Whether a text needs `xml:space="preserve"` to keep its leading or trailing white space.
  static func needsPreserve(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
    return [" ", "\t", "\n", "\r"].contains(first) || [" ", "\t", "\n", "\r"].contains(last)
  }

  /// `text` cut to `limit` UTF-16 code units, ending with "…" when cut; never splits a character.
  static func clipped(_ text: String, to limit: Int) -> String {
    guard text.utf16.count > limit else { return text }
    var kept = ""
    var units = 0
    for character in text {
      let size = character.utf16.count
      guard units + size <= limit - 1 else { break }
      kept.append(character)
      units += size
    }
    return kept + "…"
  }

  /// The letters of the column at `index` (from 0): `A`, …, `Z`, `AA`, …, as findings name cells.
  static func column(_ index: Int) -> String { SourceLocation.columnName(index + 1) }

  /// The reference of a cell: column `column` (from 0), row `row` (from 1), such as `C7`.
  static func reference(column: Int, row: Int) -> String { "\(self.column(column))\(row)" }

  /// The absolute reference of rows `rows` of column `column`: `$C$2:$C$9`.
  static func absolute(column: Int, rows: ClosedRange<Int>) -> String {
    let letters = self.column(column)
    return "$\(letters)$\(rows.lowerBound):$\(letters)$\(rows.upperBound)"
  }

  /// A sheet's name as formulas write it: as it is when it is letters, digits and `_` only and starts with a
  /// letter, else in single quotes with each quote doubled.
  static func sheetName(_ name: String) -> String {
    let plain =
      name.unicodeScalars.first.map { $0.properties.isAlphabetic && $0.isASCII } == true
      && name.unicodeScalars.allSatisfy {
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
      }
    return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// Whether `_xHHHH_` (four hexadecimal digits) starts at `index`.
  private static func looksLikeEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
    return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
