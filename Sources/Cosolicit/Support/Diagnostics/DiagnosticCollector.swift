/// Gathers every finding of a run so that a command reports them all and fails only at the end.
public struct DiagnosticCollector: Sendable {
  /// The findings in the order they were made; notes follow the finding they belong to.
  public private(set) var diagnostics: [Diagnostic] = []

  /// Creates an empty collector.
  public init() {}

  /// Records an error at `location`.
  public mutating func error(_ message: String, at location: SourceLocation) {
    diagnostics.append(Diagnostic(.error, message, at: location))
  }

  /// Records a warning at `location`.
  public mutating func warning(_ message: String, at location: SourceLocation) {
    diagnostics.append(Diagnostic(.warning, message, at: location))
  }

  /// Records a note at `location`, attached to the finding just made.
  public mutating func note(_ message: String, at location: SourceLocation) {
    diagnostics.append(Diagnostic(.note, message, at: location))
  }

  /// Records a note that stands alone, at `location`: something to know that is no problem and follows no
  /// other finding.
  public mutating func remark(_ message: String, at location: SourceLocation) {
    diagnostics.append(Diagnostic(.note, message, at: location, standsAlone: true))
  }

  /// Records a finding made elsewhere, such as a reader's syntax error.
  public mutating func append(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  /// Records findings made elsewhere.
  public mutating func append(contentsOf other: [Diagnostic]) {
    diagnostics.append(contentsOf: other)
  }

  /// The number of errors.
  public var errorCount: Int { diagnostics.count { $0.severity == .error } }

  /// The number of warnings.
  public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

  /// Whether any error was recorded.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// The findings ordered by file, then position, each note kept right after the finding it belongs to (a note
  /// that stands alone is ordered by its own place).
  public var sorted: [Diagnostic] {
    var groups: [[Diagnostic]] = []
    for diagnostic in diagnostics {
      if diagnostic.severity == .note, !diagnostic.standsAlone, !groups.isEmpty {
        groups[groups.count - 1].append(diagnostic)
      } else {
        groups.append([diagnostic])
      }
    }
    let ordered = groups.enumerated().sorted { lhs, rhs in
      let (l, r) = (lhs.element[0].location, rhs.element[0].location)
      return l != r ? l < r : lhs.offset < rhs.offset
    }
    return ordered.flatMap(\.element)
  }
}
