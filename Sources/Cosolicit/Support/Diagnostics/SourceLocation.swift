/// A position in an input file: the path as the user gave it, and a 1-based line and column; or, in a
/// workbook, a cell of one of its sheets.
///
/// A finding about a whole file or folder (one that cannot be read, an empty folder) points at its line 1,
/// column 1, so that every finding has the same `path:line:column` shape. A cell is written as spreadsheets
/// name it: `path:Sheet!C7`.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The path of the file, as given on the command line or found in the workspace.
  public var path: String
  /// The workbook sheet the position is in, or nil for a text file (and for a workbook as a whole). When set,
  /// ``line`` is the cell's 1-based row and ``column`` its 1-based column.
  public var sheet: String?
  /// The 1-based line (in a sheet, the row).
  public var line: Int
  /// The 1-based column, counted in Unicode scalars (in a sheet, A is 1).
  public var column: Int

  /// Creates a location in `path` at `line` and `column`.
  public init(path: String, line: Int, column: Int) {
    self.path = path
    self.sheet = nil
    self.line = line
    self.column = column
  }

  /// Creates a location at the cell of `sheet` at `row` and `column`, or, when `sheet` is nil, at line `row`
  /// and `column` of a text file.
  public init(path: String, sheet: String?, row: Int, column: Int) {
    self.path = path
    self.sheet = sheet
    self.line = row
    self.column = column
  }

  /// The start of the file at `path`.
  public static func start(of path: String) -> SourceLocation {
    SourceLocation(path: path, line: 1, column: 1)
  }

  /// The cell's name, such as `C7`, when the location is in a sheet.
  public var cell: String? { sheet == nil ? nil : Self.columnName(column) + String(line) }

  /// What follows the path where a finding or a share names its place briefly: the line (`12`), or in a
  /// sheet the cell (`needs!C7`).
  public var lineOrCell: String {
    guard let sheet, let cell else { return String(line) }
    return "\(Self.reference(toSheet: sheet))!\(cell)"
  }

  /// `path:line:column`, or `path:Sheet!C7` in a sheet.
  public var description: String {
    guard sheet != nil else { return "\(path):\(line):\(column)" }
    return "\(path):\(lineOrCell)"
  }

  /// A sheet's name as a cell reference writes it: as it is when it holds only letters, digits, `_` and `.`,
  /// else in single quotes with any quote doubled (`'Needs 2027'!C7`), so that no name reads as part of the
  /// reference or of the message after it.
  public static func reference(toSheet name: String) -> String {
    let plain =
      !name.isEmpty
      && name.unicodeScalars.allSatisfy {
        $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "."
      }
    return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// The letters spreadsheets name the 1-based `column` by: A to Z, then AA, AB, …; "A" for anything below 1.
  public static func columnName(_ column: Int) -> String {
    var number = max(column, 1)
    var letters: [UInt8] = []
    while number > 0 {
      number -= 1
      letters.append(UInt8(ascii: "A") + UInt8(number % 26))
      number /= 26
    }
    return String(decoding: letters.reversed(), as: UTF8.self)
  }

  /// By path, then sheet (a file's own position first), then line and column.
  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.path, lhs.sheet == nil ? 0 : 1, lhs.sheet ?? "", lhs.line, lhs.column)
      < (rhs.path, rhs.sheet == nil ? 0 : 1, rhs.sheet ?? "", rhs.line, rhs.column)
  }
}
