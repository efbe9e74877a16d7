import ArgumentParser
import Cosolicit
import Foundation

extension CosolicitCommand {
  struct Forms: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write needs request forms (a workbook and a CSV) for participants to fill in.",
      discussion: """
        Writes OUT/<id>-needs.xlsx and OUT/<id>-needs.csv for each participant named (an invited agency, an \
        agency with a needs file, or the lead agency) and, with --invited, for every invited agency; without \
        either, OUT/blank-needs.xlsx and .csv. \
        With --kit, each participant's files go in OUT/<id>/ with copies of solicitation.yaml and the catalog, so \
        it can check its filled form with 'cosolicit validate'. Files the tool did not write are never replaced. \
        Exits 0 on success, 1 when the workspace's solicitation or catalog has errors or a participant is \
        unknown, 2 on usage errors.
        """
    )

    @Argument(help: "The workspace folder (default: the current folder).")
    var workspace: String = "."

    @Option(help: "The folder to write the forms into.")
    var out: String

    @Option(name: .customLong("participant"), help: "An agency id to write a form for; repeat for several.")
    var participants: [String] = []

    @Flag(help: "Write a form for every agency on the invited roster of solicitation.yaml.")
    var invited = false

    @Flag(help: "Write each participant's form into a kit folder with the solicitation and catalog.")
    var kit = false

    func validate() throws {
      try requireFolder(workspace, "workspace")
    }

    func run() throws {
      let (outcome, diagnostics) = NeedsRequestBuild.run(
        workspace: workspace, output: out, participants: participants, everyInvited: invited, kits: kit)
      Terminal.report(diagnostics)
      guard let outcome else {
        Terminal.error("no form was written")
        throw Terminal.failure
      }
      print("wrote \(outcome.files.count) files to \(outcome.folder):")
      for file in outcome.files { print("  \(file)") }
    }
  }
}
