import ArgumentParser
import Cosolicit
import Foundation

extension CosolicitCommand {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check a workspace, or single files, and report every problem.",
      discussion: """
        Prints each problem as 'path:line:column: error|warning: message' on standard error, then a summary \
        line. Exits 0 when there are no errors, 1 when there are, 2 on usage errors.
        """
    )

    @Argument(help: "A workspace folder (default: the current folder), or solicitation, catalog and needs files.")
    var paths: [String] = []

    @Option(help: "How to print the problems: text (on standard error) or json (an array on standard output).")
    var format: ValidationReport.Format = .text

    @Flag(help: "Show no progress bar, even on a terminal.")
    var quiet = false

    func validate() throws {
      for path in paths where !FileManager.default.fileExists(atPath: path) {
        throw ValidationError("no such file or folder: \(path)")
      }
    }

    func run() throws {
      let targets = paths.isEmpty ? ["."] : paths
      let folders = targets.filter(isFolder)
      let files = targets.filter { !isFolder($0) }
      let progress = TerminalProgress(label: "reading needs files", quiet: quiet)
      // A workspace is also aggregated, so that what validate accepts, aggregate and build accept.
      var intakes = folders.map { Aggregator.validate(Intake.load(workspace: $0, progress: progress.update)) }
      progress.finish()
      if !files.isEmpty { intakes.append(Intake.load(files: files)) }
      let report = ValidationReport(Intake.merging(intakes))
      switch format {
      case .text: Terminal.writeError(report.findings(as: .text))
      case .json: Terminal.write(report.findings(as: .json))
      }
      Terminal.writeError(report.summary + "\n")
      if report.failed { throw Terminal.failure }
    }

    private func isFolder(_ path: String) -> Bool {
      var folder: ObjCBool = false
      return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
  }
}

extension ValidationReport.Format: ExpressibleByArgument {}
