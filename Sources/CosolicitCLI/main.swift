import ArgumentParser
import Cosolicit
import Foundation

/// The `cosolicit` command: parses arguments and hands the work to the Cosolicit library.
struct CosolicitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cosolicit",
    abstract: "Plan joint solicitations: pool public agencies' committed needs into one competitive solicitation.",
    version: "0.1.0",
    subcommands: [Build.self, Validate.self, Aggregate.self, CheckBid.self, Init.self]
  )

  /// Without a subcommand there is nothing to do: a usage error.
  func run() throws {
    throw ValidationError("missing a subcommand; expected 'build', 'validate', 'aggregate', 'check-bid' or 'init'")
  }

  /// Runs the command; usage errors exit with status 2, as the README documents.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}

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

    func validate() throws {
      for path in paths where !FileManager.default.fileExists(atPath: path) {
        throw ValidationError("no such file or folder: \(path)")
      }
    }

    func run() throws {
      let targets = paths.isEmpty ? ["."] : paths
      let folders = targets.filter(isFolder)
      let files = targets.filter { !isFolder($0) }
      var intakes = folders.map { Intake.load(workspace: $0) }
      if !files.isEmpty { intakes.append(Intake.load(files: files)) }
      let report = ValidationReport(Intake.merging(intakes))
      switch format {
      case .text: FileHandle.standardError.write(Data(report.findings(as: .text).utf8))
      case .json: FileHandle.standardOutput.write(Data(report.findings(as: .json).utf8))
      }
      FileHandle.standardError.write(Data((report.summary + "\n").utf8))
      if report.failed { throw ExitCode.failure }
    }

    private func isFolder(_ path: String) -> Bool {
      var folder: ObjCBool = false
      return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
  }

  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the solicitation package: RFPs, bid forms, the comparison report, manifest and zip.",
      discussion: """
        Writes OUT/<solicitation id>/ (default OUT: WORKSPACE/dist) complete or not at all. Exits 0 on success, \
        1 when the workspace, a template or a generated document has errors, 2 on usage errors.
        """
    )

    /// Which variants to write.
    enum Variants: String, CaseIterable, ExpressibleByArgument {
      case joint, piggyback, both
    }

    @Argument(help: "The workspace folder (default: the current folder).")
    var workspace: String = "."

    @Option(help: "The folder to write the package into (default: WORKSPACE/dist).")
    var out: String?

    @Option(help: "joint, piggyback or both.")
    var variant: Variants = .both

    @Option(help: "A folder of templates that replace the defaults of the same name, one file at a time.")
    var templates: String?

    func validate() throws {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: workspace, isDirectory: &isFolder), isFolder.boolValue else {
        throw ValidationError("no such workspace folder: \(workspace)")
      }
    }

    func run() throws {
      let variants: [DocumentVariant] =
        switch variant {
        case .joint: [.joint]
        case .piggyback: [.piggyback]
        case .both: [.joint, .piggyback]
        }
      let (outcome, diagnostics) = PackageBuild.run(
        workspace: workspace, output: out, variants: variants, templates: templates)
      FileHandle.standardError.write(Data(diagnostics.map { "\($0)\n" }.joined().utf8))
      guard let outcome else {
        FileHandle.standardError.write(Data("error: the package was not written\n".utf8))
        throw ExitCode.failure
      }
      print("wrote \(outcome.folder)/: \(outcome.files.count) files")
      for file in outcome.files { print("  \(file)") }
      print("zip: \(outcome.zipBytes) bytes, sha256 \(outcome.zipSHA256)")
    }
  }

  struct Aggregate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Merge the participants' needs into the joint solicitation's lines, totals and review list.",
      discussion: """
        Refuses, listing the problems, when the workspace has errors; prints its warnings on standard error. \
        Exits 0 on success, 1 when the workspace has errors or the output cannot be written, 2 on usage errors.
        """
    )

    @Argument(help: "The workspace folder (default: the current folder).")
    var workspace: String = "."

    @Option(
      help: """
        table, json or csv. Default: from --out's extension, else table on a terminal and json otherwise.
        """)
    var format: JointSolicitation.Format?

    @Option(help: "Write to this file (whole or not at all) instead of standard output.")
    var out: String?

    func validate() throws {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: workspace, isDirectory: &isFolder), isFolder.boolValue else {
        throw ValidationError("no such workspace folder: \(workspace)")
      }
    }

    func run() throws {
      let intake = Intake.load(workspace: workspace)
      FileHandle.standardError.write(Data(ValidationReport(intake).findings(as: .text).utf8))
      let joint: JointSolicitation
      switch Aggregator.aggregate(intake) {
      case .success(let result): joint = result
      case .failure(let failure):
        let extra = failure.diagnostics.filter { !intake.diagnostics.contains($0) }
        FileHandle.standardError.write(Data(extra.map { "\($0)\n" }.joined().utf8))
        FileHandle.standardError.write(Data("error: \(failure); nothing was written\n".utf8))
        throw ExitCode.failure
      }
      let chosen =
        format ?? out.flatMap(JointSolicitation.Format.init(fileName:))
        ?? (isatty(STDOUT_FILENO) != 0 && out == nil ? .table : .json)
      let text = joint.rendered(as: chosen)
      guard let out else {
        FileHandle.standardOutput.write(Data(text.utf8))
        return
      }
      do {
        try AtomicFile.write(text, to: out)
      } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode.failure
      }
      FileHandle.standardError.write(
        Data("wrote \(out): \(joint.lines.count) lines, \(joint.participants.count) participants\n".utf8))
    }
  }

  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a small, valid, commented workspace to start from.",
      discussion: "Refuses to write into a folder that already has files."
    )

    @Argument(help: "The folder to create.")
    var directory: String

    func run() throws {
      do {
        try StarterWorkspace.write(to: directory)
      } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode.failure
      }
      print("Wrote a workspace to \(directory): edit it, then run 'cosolicit validate \(directory)'")
    }
  }
}

extension ValidationReport.Format: ExpressibleByArgument {}
extension JointSolicitation.Format: ExpressibleByArgument {}

CosolicitCommand.main()
