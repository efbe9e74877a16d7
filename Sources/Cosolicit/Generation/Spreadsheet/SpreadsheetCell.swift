import Foundation

/// One cell of a worksheet: a text, which is always a string cell and never a formula, whatever it starts with; an
/// exact number; or an empty cell that only carries a format for what a person will type into it.
public enum SpreadsheetCell: Sendable, Equatable {
  /// A string cell.
  case text(String, SpreadsheetStyle = .plain)
  /// A number cell, written with every digit the decimal has.
  case number(Decimal, SpreadsheetStyle = .plain)
  /// A cell with a format and no value.
  case empty(SpreadsheetStyle)

  /// The most characters a cell holds, as Excel counts them (UTF-16 code units); a longer text is cut to fit and
  /// ends with "…".
  public static let maximumTextLength = 32_767

  /// The cell's style.
  var style: SpreadsheetStyle {
    switch self {
    case .text(_, let style), .number(_, let style), .empty(let style): style
    }
  }
}
