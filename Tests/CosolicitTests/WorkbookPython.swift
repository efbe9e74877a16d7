import CosolicitTestSupport
import Foundation
import Testing

/// Makes workbooks for tests with Python: openpyxl and xlsxwriter (real spreadsheet writers), or part by part
/// with `write_parts` of `Tests/Fixtures/workbooks/make_workbooks.py` for what no writer makes.
enum WorkbookPython {
  /// The fixture workbooks' folder.
  static let folder = fixtures.appendingPathComponent("workbooks")
  /// The header of the fixture workbooks' needs sheets: `COLUMNS` of the fixtures' script.
  static let columns = [
    "agency_id", "agency_name", "agency_type", "item", "description", "classification", "quantity", "unit",
    "commitment", "deliver_to", "need_by", "notes",
  ]

  /// Runs the Python `script` in `directory`, with `write_parts`, `COLUMNS` and `ROWS` of the fixtures' script
  /// imported; records an issue and throws when it fails.
  static func run(
    _ script: String, in directory: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let prelude = """
      import sys, zipfile, datetime
      sys.path.insert(0, \(quoted(folder.path)))
      from make_workbooks import write_parts, COLUMNS, ROWS

      """
    let result = try ProgramRun.run("/usr/bin/env", ["python3", "-c", prelude + script], in: directory)
    guard result.status == 0 else {
      Issue.record("python3 failed (\(result.status)): \(result.errorOutput)", sourceLocation: sourceLocation)
      throw CancellationError()
    }
  }

  /// `text` as a Python string literal.
  static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
  }
}
