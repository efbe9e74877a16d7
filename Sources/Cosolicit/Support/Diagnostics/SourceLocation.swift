/// A position in an input file: the path as the user gave it, and a 1-based line and column.
///
/// A finding about a whole file or folder (one that cannot be read, an empty folder) points at its line 1,
/// column 1, so that every finding has the same `path:line:column` shape.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The path of the file, as given on the command line or found in the workspace.
  public var path: String
  /// The 1-based line.
  public var line: Int
  /// The 1-based column, counted in Unicode scalars.
  public var column: Int

  /// Creates a location in `path` at `line` and `column`.
  public init(path: String, line: Int, column: Int) {
    self.path = path
    self.line = line
    self.column = column
  }

  /// The start of the file at `path`.
  public static func start(of path: String) -> SourceLocation {
    SourceLocation(path: path, line: 1, column: 1)
  }

  /// `path:line:column`.
  public var description: String { "\(path):\(line):\(column)" }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
  }
}
