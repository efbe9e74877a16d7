/// The formats input files come in, told apart by file extension.
public enum FileFormat: String, Sendable, CaseIterable {
  case yaml
  case json
  case csv

  /// The format of `path` by its extension (`.yaml`, `.yml`, `.json`, `.csv`, in any case), if supported.
  public init?(path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    switch path[path.index(after: dot)...].lowercased() {
    case "yaml", "yml": self = .yaml
    case "json": self = .json
    case "csv": self = .csv
    default: return nil
    }
  }

  /// Reads a YAML or JSON file into a tree; reports why it cannot (unreadable, malformed, empty).
  ///
  /// `expected` says what the file should hold, for the message about an empty file.
  static func readTree(
    _ path: String, format: FileFormat, expected: String, _ diagnostics: inout DiagnosticCollector
  ) -> DocumentNode? {
    let source: SourceFile
    switch SourceFile.read(path) {
    case .success(let file): source = file
    case .failure(let diagnostic):
      diagnostics.append(diagnostic)
      return nil
    }
    let result = format == .json ? JSONDocumentReader.read(source) : YAMLDocumentReader.read(source)
    switch result {
    case .failure(let diagnostic):
      diagnostics.append(diagnostic)
      return nil
    case .success(nil):
      diagnostics.error("the file is empty; expected \(expected)", at: .start(of: path))
      return nil
    case .success(let node?):
      return node
    }
  }

  /// Reads a CSV file into a table; reports why it cannot.
  static func readTable(_ path: String, _ diagnostics: inout DiagnosticCollector) -> CSVTable? {
    switch SourceFile.read(path) {
    case .success(let file): return CSVTable.read(file, diagnostics: &diagnostics)
    case .failure(let diagnostic):
      diagnostics.append(diagnostic)
      return nil
    }
  }
}
