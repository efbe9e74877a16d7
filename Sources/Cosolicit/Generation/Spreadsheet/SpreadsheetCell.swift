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

/// A data validation on a range of one column: the values a person may type into its cells.
public struct SpreadsheetValidation: Sendable, Equatable {
  /// What the cells accept.
  public enum Rule: Sendable, Equatable {
    /// One of these texts, offered in a drop-down list.
    case list([String])
    /// A number greater than this.
    case decimalGreaterThan(Decimal)
    /// A text of exactly this many characters.
    case textLength(Int)
  }

  /// What the cells accept.
  public var rule: Rule
  /// The column, from 0.
  public var column: Int
  /// The rows, from 1 (the header row).
  public var rows: ClosedRange<Int>
  /// Whether a value outside the rule is refused (stop) or only questioned (a warning the person may overrule).
  public var isStrict: Bool
  /// A hint shown when a cell is selected (at most 255 characters).
  public var prompt: String?
  /// What a refused or questioned value is told (at most 225 characters).
  public var error: String?

  /// A validation of `rule` on `rows` of `column`.
  public init(
    _ rule: Rule, column: Int, rows: ClosedRange<Int>, isStrict: Bool = true, prompt: String? = nil,
    error: String? = nil
  ) {
    self.rule = rule
    self.column = column
    self.rows = rows
    self.isStrict = isStrict
    self.prompt = prompt
    self.error = error
  }
}
