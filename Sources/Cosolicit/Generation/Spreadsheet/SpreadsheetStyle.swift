/// The formats a cell can have; every workbook carries the same fixed table of them.
public enum SpreadsheetStyle: Int, CaseIterable, Sendable {
  /// The default: General number format, regular font.
  case plain
  /// A header cell: bold on a light fill.
  case header
  /// A heading on an instructions sheet: bold, larger.
  case title
  /// Text that wraps inside its column, aligned to the top.
  case wrapped
  /// The Text number format (`@`): what a person types stays text as typed, a date or a leading `=` too.
  case text
  /// A price: thousands separators, at least two decimals and up to four.
  case price
}

/// The workbook's fixed style table (`xl/styles.xml`): each style twice, plain and with Excel's quote prefix, which
/// keeps a text starting with `=`, `+`, `-` or `@` a text when a person edits the cell.
extension SpreadsheetStyle {
  /// The index in `cellXfs` of `style`, with the quote prefix when `quoted`.
  static func index(of style: SpreadsheetStyle, quoted: Bool) -> Int { style.rawValue * 2 + (quoted ? 1 : 0) }

  /// The custom number format of prices.
  private static let priceFormat = 164

  /// The `<xf>` attributes and children of `style`.
  private static func format(_ style: SpreadsheetStyle) -> (attributes: String, alignment: String?) {
    switch style {
    case .plain: (#"numFmtId="0" fontId="0" fillId="0""#, nil)
    case .header: (#"numFmtId="0" fontId="1" fillId="2" applyFont="1" applyFill="1""#, nil)
    case .title: (#"numFmtId="0" fontId="2" fillId="0" applyFont="1""#, nil)
    case .wrapped: (#"numFmtId="0" fontId="0" fillId="0" applyAlignment="1""#, #"wrapText="1" vertical="top""#)
    case .text: (#"numFmtId="49" fontId="0" fillId="0" applyNumberFormat="1""#, nil)
    case .price: (#"numFmtId="\#(priceFormat)" fontId="0" fillId="0" applyNumberFormat="1""#, nil)
    }
  }

  /// The part's text.
  static var stylesPart: String {
    var xfs = ""
    for style in allCases {
      let (attributes, alignment) = format(style)
      for quoted in [false, true] {
        let prefix = quoted ? #" quotePrefix="1""# : ""
        let opening = #"<xf \#(attributes) borderId="0" xfId="0"\#(prefix)"#
        xfs += alignment.map { #"\#(opening)><alignment \#($0)/></xf>"# } ?? opening + "/>"
      }
    }
    let font = #"<sz val="11"/><name val="Calibri"/><family val="2"/>"#
    return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
      + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
      + ##"<numFmts count="1"><numFmt numFmtId="\##(priceFormat)" formatCode="#,##0.00##"/></numFmts>"##
      + #"<fonts count="3"><font>\#(font)</font><font><b/>\#(font)</font>"#
      + #"<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>"#
      + #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
      + #"<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>"#
      + #"</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
      + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
      + #"<cellXfs count="\#(SpreadsheetStyle.allCases.count * 2)">\#(xfs)</cellXfs>"#
      + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
      + #"<dxfs count="0"/><tableStyles count="0"/></styleSheet>"#
  }
}
