import Foundation

/// What openpyxl, a real spreadsheet library, reads from a workbook (`Tests/Forms/inspect_workbook.py`): each
/// sheet's state, frozen pane, filter, column widths, cells and data validations.
public struct InspectedWorkbook: Decodable, Sendable {
  /// One cell's value as openpyxl reads it.
  public struct Cell: Decodable, Sendable, Equatable {
    /// openpyxl's data type: `s` for text, `n` for a number, `f` for a formula.
    public var type: String
    /// The value, as text.
    public var value: String
    /// A text with OOXML's `_xHHHH_` escapes decoded, as Excel reads it.
    public var unescaped: String?
    /// Whether the cell keeps Excel's quote prefix (a text that stays text when edited).
    public var quotePrefix: Bool
    /// The number format code.
    public var format: String
  }

  /// One data validation.
  public struct Validation: Decodable, Sendable, Equatable {
    /// `list`, `decimal`, `textLength`, ….
    public var type: String?
    /// `greaterThan`, `equal`, …, if any.
    public var `operator`: String?
    /// The first formula: a quoted list, a range, a bound.
    public var formula1: String?
    /// The cell ranges, space-separated.
    public var sqref: String
    /// `stop`, `warning` or `information`; nil is `stop`.
    public var errorStyle: String?

    /// Whether the validation covers the cell `reference` (such as `H7`) of its ranges.
    public func covers(_ reference: String) -> Bool {
      sqref.split(separator: " ").contains { range in
        let ends = range.split(separator: ":").map(String.init)
        guard let first = ends.first, let (column, low) = Self.split(first),
          let (lastColumn, high) = Self.split(ends.last ?? first), let (target, row) = Self.split(reference)
        else { return false }
        return column == target && lastColumn == target && (low...high).contains(row)
      }
    }

    private static func split(_ reference: String) -> (String, Int)? {
      let letters = reference.prefix { $0.isLetter }
      return Int(reference.dropFirst(letters.count)).map { (String(letters), $0) }
    }
  }

  /// One worksheet.
  public struct Sheet: Decodable, Sendable {
    /// The tab's name.
    public var name: String
    /// `visible` or `hidden`.
    public var state: String
    /// The top-left cell of the scrolling area, when panes are frozen (`A2`: the first row frozen).
    public var freeze: String?
    /// The autofilter's range, if any.
    public var filter: String?
    /// Column widths by column letters.
    public var widths: [String: Double]
    /// The rows, from the first, each cell nil when empty.
    public var rows: [[Cell?]]
    /// The data validations.
    public var validations: [Validation]

    /// The cells of the first row as texts.
    public var header: [String] { (rows.first ?? []).map { $0?.value ?? "" } }

    /// The cell in the column named `column` (by the header) of row `row` (from 1, the header).
    public func cell(_ column: String, row: Int) -> Cell? {
      guard let index = header.firstIndex(of: column), row >= 1, row <= rows.count, index < rows[row - 1].count
      else { return nil }
      return rows[row - 1][index]
    }
  }

  /// The sheet shown when the workbook opens.
  public var active: String
  /// The sheets, in tab order.
  public var sheets: [Sheet]

  /// The sheet named `name`.
  public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

  /// Reads the workbook at `path` with openpyxl (python3 must have it: `pip install openpyxl`).
  public static func read(_ path: String) throws -> InspectedWorkbook {
    let script = repositoryRoot.appendingPathComponent("Tests/Forms/inspect_workbook.py").path
    let run = try ProgramRun.run("/usr/bin/env", ["python3", script, path])
    guard run.status == 0 else {
      throw InspectionFailure(message: "openpyxl could not read \(path): \(run.errorOutput)")
    }
    return try JSONDecoder().decode(InspectedWorkbook.self, from: Data(run.output.utf8))
  }

  /// Why a workbook could not be inspected.
  public struct InspectionFailure: Error, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    public var description: String { message }
  }
}
