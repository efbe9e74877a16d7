import ArgumentParser
import Cosolicit
import Foundation

extension CosolicitCommand {
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

    @Flag(help: "Show no progress bar, even on a terminal.")
    var quiet = false

    func validate() throws {
      try requireFolder(workspace, "workspace")
    }

    func run() throws {
      let progress = TerminalProgress(label: "reading needs files", quiet: quiet)
      let intake = Intake.load(workspace: workspace, progress: progress.update)
      progress.finish()
      FileHandle.standardError.write(Data(ValidationReport(intake).findings(as: .text).utf8))
      let joint: JointSolicitation
      switch Aggregator.aggregate(intake) {
      case .success(let result): joint = result
      case .failure(let failure):
        FileHandle.standardError.write(Data(failure.diagnostics.map { "\($0)\n" }.joined().utf8))
        FileHandle.standardError.write(Data("error: \(failure); nothing was written\n".utf8))
        throw ExitCode.failure
      }
      let chosen =
        format ?? out.flatMap(JointSolicitation.Format.init(fileName:))
        ?? (isatty(STDOUT_FILENO) != 0 && out == nil ? .table : .json)
      guard let out else {
        joint.write(as: chosen) { FileHandle.standardOutput.write(Data($0.utf8)) }
        return
      }
      do {
        try AtomicFile.write(to: out) { emit in try joint.write(as: chosen, to: emit) }
      } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode.failure
      }
      FileHandle.standardError.write(
        Data("wrote \(out): \(joint.lines.count) lines, \(joint.participants.count) participants\n".utf8))
    }
  }
}

extension JointSolicitation.Format: ExpressibleByArgument {}
