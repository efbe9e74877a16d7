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

    @Option(help: "Write to this file (whole or not at all) instead of standard output; '-' is standard output.")
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
      Terminal.writeError(ValidationReport(intake).findings(as: .text))
      let joint: JointSolicitation
      switch Aggregator.aggregate(intake) {
      case .success(let result): joint = result
      case .failure(let failure):
        Terminal.report(failure.diagnostics)
        Terminal.error("\(failure); nothing was written")
        throw Terminal.failure
      }
      let out = self.out == "-" ? nil : self.out
      let chosen =
        format ?? out.flatMap(JointSolicitation.Format.init(fileName:))
        ?? (Terminal.outputIsTerminal && out == nil ? .table : .json)
      guard let out else {
        joint.write(as: chosen) { Terminal.write($0) }
        return
      }
      do {
        if Workspace.reads(out, root: workspace) {
          throw AtomicFile.Failure(
            path: out, reason: "the workspace would read it as one of its inputs; write elsewhere")
        }
        try AtomicFile.write(to: out, sparing: intake.files) { emit in try joint.write(as: chosen, to: emit) }
      } catch {
        Terminal.error("\(error)")
        throw Terminal.failure
      }
      Terminal.writeError("wrote \(out): \(joint.lines.count) lines, \(joint.participants.count) participants\n")
    }
  }
}

extension JointSolicitation.Format: ExpressibleByArgument {}
