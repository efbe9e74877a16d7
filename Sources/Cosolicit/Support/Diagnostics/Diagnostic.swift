/// One finding about an input file: an error, a warning, or a note, attached to another finding or standing
/// alone.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
  /// How serious a finding is.
  public enum Severity: String, Hashable, Sendable, Codable {
    /// The input cannot be used as it is; the command fails.
    case error
    /// The input is usable but probably not what its author meant.
    case warning
    /// More context for the finding before it, such as the other place of a duplicate; or, standing alone,
    /// something the reader should know that is no problem (a file left out by the lead agency's decision).
    case note
  }

  /// How serious the finding is.
  public var severity: Severity
  /// Where the finding is.
  public var location: SourceLocation
  /// What is wrong and what was expected, in one sentence without a trailing period.
  public var message: String
  /// Whether a note stands alone, ordered by its own place, rather than following the finding before it.
  public var standsAlone: Bool

  /// Creates a finding; a note follows the finding before it unless it `standsAlone`.
  public init(_ severity: Severity, _ message: String, at location: SourceLocation, standsAlone: Bool = false) {
    self.severity = severity
    self.location = location
    self.message = message
    self.standsAlone = standsAlone
  }

  /// `path:line:column: severity: message`, the form compilers and editors understand, on one line: control
  /// characters in a file's name or a quoted value are shown as escapes, so they can neither start a forged
  /// finding nor reach the terminal.
  public var description: String {
    "\(VisibleText.escaped(location.description)): \(severity.rawValue): \(VisibleText.escaped(message))"
  }
}
