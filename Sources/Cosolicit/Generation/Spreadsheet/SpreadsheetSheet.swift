/// One worksheet of a ``SpreadsheetWorkbook``: rows of cells from the first row, column widths and formats, and
/// what helps a person fill it in (a frozen, filterable header row and data validations).
public struct SpreadsheetSheet: Sendable {
  /// A column's width and the format of cells typed into it.
  public struct Column: Sendable, Equatable {
    /// The width, in characters of the default font.
    public var width: Int
    /// The format of the column's cells that the sheet does not write.
    public var style: SpreadsheetStyle?

    /// A column `width` characters wide.
    public init(width: Int, style: SpreadsheetStyle? = nil) {
      self.width = width
      self.style = style
    }
  }

  /// The sheet's name: at most 31 characters, none of `[ ] : * ? / \`.
  public var name: String
  /// The columns, from the first; columns past these keep the default width.
  public var columns: [Column]
  /// The rows, from the first.
  public var rows: [[SpreadsheetCell]]
  /// Whether the first row stays in view when scrolling.
  public var freezesHeader = false
  /// Whether the first row gets filter buttons over the rows below it.
  public var filtersHeader = false
  /// The data validations.
  public var validations: [SpreadsheetValidation] = []
  /// Whether the sheet is hidden (it still exists, for list ranges).
  public var isHidden = false
  /// Whether the sheet prints shrunk to the page's width (sheets print on landscape pages either way).
  public var printsToPageWidth = false

  /// A sheet named `name` holding `rows`.
  public init(name: String, columns: [Column] = [], rows: [[SpreadsheetCell]]) {
    self.name = name
    self.columns = columns
    self.rows = rows
  }

  /// The number of columns of the widest row, or of the declared columns if more.
  var columnCount: Int { max(columns.count, rows.map(\.count).max() ?? 0) }
}
