import ArgumentParser
import Cosolicit
import Foundation

/// The one place the command line writes to standard output and standard error, asks whether they are
/// terminals, and ends the process: commands report and then throw ``failure``; only ``exitForUsage(_:)`` and
/// the parser end the process directly.
enum Terminal {
  /// What a command throws after reporting why it failed: exit status 1.
  static let failure = ExitCode.failure

  /// Writes `text` to standard output as it is.
  static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// Writes `text` to standard error as it is.
  static func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Writes each finding on a line of its own to standard error.
  static func report(_ diagnostics: [Diagnostic]) {
    writeError(diagnostics.map { "\($0)\n" }.joined())
  }

  /// Writes `error: message` to standard error.
  static func error(_ message: String) {
    writeError("error: \(message)\n")
  }

  /// Whether standard output is a terminal (a person is reading, not a pipe or a file).
  static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

  /// Whether standard error is a terminal, where a progress bar may be drawn.
  static var errorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

  /// Writes a usage error's message and ends the process with status 2, as the README documents.
  static func exitForUsage(_ message: String) -> Never {
    writeError(message + "\n")
    Foundation.exit(2)
  }
}
