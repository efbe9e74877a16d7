import Foundation

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
