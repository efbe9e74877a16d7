import Foundation

/// What `cosolicit validate` prints: the findings, as text lines or a JSON array, and a summary line.
public struct ValidationReport: Sendable {
  /// How the findings are printed.
  public enum Format: String, CaseIterable, Sendable {
    /// One `path:line:column: severity: message` line per finding.
    case text
    /// A JSON array of objects with `path`, `line`, `column`, `severity` and `message`; a finding at a workbook's
    /// cell also has `sheet` and `cell` (such as `C7`), `line` and `column` then being its row and column.
    case json
  }

  /// The checked input.
  public let intake: Intake

  /// Creates the report of `intake`.
  public init(_ intake: Intake) {
    self.intake = intake
  }

  /// Whether the command fails: any error does; warnings do not.
  public var failed: Bool { intake.errorCount > 0 }

  /// The findings in `format`, ending with a newline unless there are none in text form.
  public func findings(as format: Format) -> String {
    switch format {
    case .text:
      return intake.diagnostics.map { "\($0)\n" }.joined()
    case .json:
      struct Entry: Encodable {
        let path: String
        let line: Int
        let column: Int
        let sheet: String?
        let cell: String?
        let severity: String
        let message: String
      }
      let entries = intake.diagnostics.map {
        Entry(
          path: $0.location.path, line: $0.location.line, column: $0.location.column, sheet: $0.location.sheet,
          cell: $0.location.cell, severity: $0.severity.rawValue, message: $0.message)
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
      return String(decoding: data, as: UTF8.self) + "\n"
    }
  }

  /// One line: files, participants, lines, errors and warnings.
  public var summary: String {
    func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
    return "checked \(count(intake.files.count, "file")): \(count(intake.participantCount, "participant")), "
      + "\(count(intake.lineCount, "line")); \(count(intake.errorCount, "error")), "
      + "\(count(intake.warningCount, "warning"))"
  }
}
