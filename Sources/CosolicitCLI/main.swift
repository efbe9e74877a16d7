import ArgumentParser
import Cosolicit
import Foundation

/// The `cosolicit` command: parses arguments and hands the work to the Cosolicit library.
struct CosolicitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cosolicit",
    abstract: "Plan joint solicitations: pool public agencies' committed needs into one competitive solicitation.",
    version: "0.1.0",
    subcommands: [
      Build.self, Validate.self, Aggregate.self, CheckBid.self, Forms.self, Templates.self, Addendum.self,
      Tabulate.self,
      Init.self, Sample.self,
    ]
  )

  /// Without a subcommand there is nothing to do: a usage error.
  func run() throws {
    throw ValidationError(
      "missing a subcommand; expected 'build', 'validate', 'aggregate', 'check-bid', 'forms', 'templates' or 'init'")
  }

  /// Runs the command; usage errors exit with status 2, as the README documents.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure { Terminal.exitForUsage(fullMessage(for: error)) }
      exit(withError: error)
    }
  }
}

/// Throws a usage error unless `path` is an existing folder.
func requireFolder(_ path: String, _ what: String) throws {
  var isFolder: ObjCBool = false
  guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
    throw ValidationError("no such \(what) folder: \(path)")
  }
}

CosolicitCommand.main()
