extension JointSolicitation {
  /// The forms `cosolicit aggregate` writes.
  public enum Format: String, CaseIterable, Sendable {
    /// A readable summary with aligned columns.
    case table
    /// The JSON contract later stages read.
    case json
    /// One row per share, for spreadsheets.
    case csv

    /// The format a file name's extension asks for (`.json`, `.csv`), if any.
    public init?(fileName: String) {
      let lower = fileName.lowercased()
      if lower.hasSuffix(".json") {
        self = .json
      } else if lower.hasSuffix(".csv") {
        self = .csv
      } else if lower.hasSuffix(".txt") {
        self = .table
      } else {
        return nil
      }
    }
  }

  /// The joint solicitation written in `format`.
  public func rendered(as format: Format) -> String {
    switch format {
    case .table: table
    case .json: jsonText
    case .csv: csv
    }
  }

  /// Writes the joint solicitation in `format` to `emit`, in parts, so that a large one is never held whole.
  public func write(as format: Format, to emit: (String) throws -> Void) rethrows {
    switch format {
    case .table: try emit(table)
    case .json: try writeJSON(emit)
    case .csv: try writeCSV(emit)
    }
  }
}
