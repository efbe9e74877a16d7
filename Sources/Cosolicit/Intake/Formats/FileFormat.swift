/// The formats input files come in, told apart by file extension.
public enum FileFormat: String, Sendable, CaseIterable {
  case yaml
  case json
  case csv
  /// An Excel workbook (Office Open XML), read as a table from one of its sheets.
  case xlsx

  /// The format of `path` by its extension (`.yaml`, `.yml`, `.json`, `.csv`, `.xlsx`, in any case), if
  /// supported.
  public init?(path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    switch path[path.index(after: dot)...].lowercased() {
    case "yaml", "yml": self = .yaml
    case "json": self = .json
    case "csv": self = .csv
    case "xlsx": self = .xlsx
    default: return nil
    }
  }

  /// Reads a YAML or JSON file into a tree; reports why it cannot (unreadable, malformed, empty).
  ///
  /// `expected` says what the file should hold, for the message about an empty file.
  static func readTree(
    _ path: String, format: FileFormat, expected: String, _ diagnostics: inout DiagnosticCollector
  ) -> DocumentNode? {
    readTree(SourceFile.read(path), path: path, format: format, expected: expected, &diagnostics)
  }

  /// Reads a YAML or JSON tree from a file already read (or the reason it could not be).
  static func readTree(
    _ read: Result<SourceFile, Diagnostic>, path: String, format: FileFormat, expected: String,
    _ diagnostics: inout DiagnosticCollector
  ) -> DocumentNode? {
    let source: SourceFile
    switch read {
    case .success(let file): source = file
    case .failure(let diagnostic):
      diagnostics.append(diagnostic)
      return nil
    }
    if let problem = source.lineLimitProblem {
      diagnostics.append(problem)
      return nil
    }
    let (result, more) =
      format == .json ? (JSONDocumentReader.read(source), []) : YAMLDocumentReader.readReportingAll(source)
    switch result {
    case .failure(let diagnostic):
      diagnostics.append(diagnostic)
      diagnostics.append(contentsOf: more)
      return nil
    case .success(nil):
      diagnostics.error("the file is empty; expected \(expected)", at: .start(of: path))
      return nil
    case .success(let node?):
      return node
    }
  }

  /// Whether a YAML file holds nothing but white space and comments: a file kept for entries yet to come (such as
  /// the log of bids received before the first bid arrives), read as holding none rather than as an error.
  static func isBlankYAML(_ file: SourceFile) -> Bool {
    file.text.split(whereSeparator: \.isNewline).allSatisfy { line in
      let text = line.drop { $0 == " " || $0 == "\t" }
      return text.isEmpty || text.hasPrefix("#")
    }
  }

  /// The most fields a CSV file may hold, all rows together: 200,000 rows of 20 columns. Rows of bare commas
  /// would otherwise make 64 MB of input into 64 million fields.
  public static let maximumCSVFields = 4_000_000

  /// Reads a CSV file into a table; reports why it cannot.
  static func readTable(_ path: String, _ diagnostics: inout DiagnosticCollector) -> CSVTable? {
    readTable(SourceFile.read(path), &diagnostics)
  }

  /// Reads a table from a file already read (or the reason it could not be): a CSV file, or a workbook's sheet
  /// named `sheet` (in any case), else its first sheet, whose header is its first row naming one of `columns`
  /// (rows above it, such as a title, are skipped).
  static func readTable(
    _ read: Result<SourceFile, Diagnostic>, sheet: String = "", columns: [String] = [],
    _ diagnostics: inout DiagnosticCollector
  ) -> CSVTable? {
    switch read {
    case .success(let file) where FileFormat(path: file.path) == .xlsx:
      return Workbook.readTable(file, preferring: sheet, columns: columns, &diagnostics)
    case .success(let file):
      if let problem = file.lineLimitProblem {
        diagnostics.append(problem)
        return nil
      }
      if let offset = offsetOfExcessiveFields(file.bytes) {
        let (line, column) = SourceFile.position(ofByte: offset, in: file.bytes)
        diagnostics.error(
          "the file holds more than \(maximumCSVFields) fields; split it into several files",
          at: SourceLocation(path: file.path, line: line, column: column))
        return nil
      }
      return CSVTable.read(file, diagnostics: &diagnostics)
    case .failure(let diagnostic):
      diagnostics.append(diagnostic)
      return nil
    }
  }

  /// The offset of the separator that starts field `maximumCSVFields + 1`, counting commas and line breaks
  /// outside quotes (a quote written twice inside quotes toggles twice, so it needs no special case).
  static func offsetOfExcessiveFields(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { buffer -> Int? in
      var fields = 1
      var quoted = false
      for offset in 0..<buffer.count {
        switch buffer[offset] {
        case UInt8(ascii: "\""): quoted.toggle()
        case UInt8(ascii: ","), UInt8(ascii: "\n"):
          guard !quoted else { continue }
          fields += 1
          if fields > maximumCSVFields { return offset }
        default: continue
        }
      }
      return nil
    }
  }
}
