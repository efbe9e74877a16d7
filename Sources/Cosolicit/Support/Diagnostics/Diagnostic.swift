/// One finding about an input file: an error, a warning, or a note attached to another finding.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
  /// How serious a finding is.
  public enum Severity: String, Hashable, Sendable, Codable {
    /// The input cannot be used as it is; the command fails.
    case error
    /// The input is usable but probably not what its author meant.
    case warning
    /// More context for the finding before it, such as the other place of a duplicate.
    case note
  }

  /// How serious the finding is.
  public var severity: Severity
  /// Where the finding is.
  public var location: SourceLocation
  /// What is wrong and what was expected, in one sentence without a trailing period.
  public var message: String
  /// Whether a note stands on its own, as an observation (an invited agency that has sent no needs yet), rather
  /// than adding context to the finding before it; sorting then places it by its own location.
  public var standsAlone = false

  /// Creates a finding.
  public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
    self.severity = severity
    self.location = location
    self.message = message
  }

  /// `path:line:column: severity: message`, the form compilers and editors understand, on one line: control
  /// characters in a file's name or a quoted value are shown as escapes, so they can neither start a forged
  /// finding nor reach the terminal.
  public var description: String {
    "\(VisibleText.escaped(location.description)): \(severity.rawValue): \(VisibleText.escaped(message))"
  }
}
