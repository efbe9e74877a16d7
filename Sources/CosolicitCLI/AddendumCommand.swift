import ArgumentParser
import Cosolicit
import Foundation

extension CosolicitCommand {
  struct Addendum: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Issue an addendum: list every change bidders must know between a published package and a new one.",
      discussion: """
        cosolicit addendum OLD_PACKAGE NEW_PACKAGE --number N compares the public files of OLD (a package folder \
        or its published <id>.zip) with those of NEW (a package folder), writes public/addenda/addendum-N.md and \
        .html into NEW, and rewrites its manifests and zip. cosolicit addendum WORKSPACE --against OLD_PACKAGE \
        --number N builds the workspace first, as build does. NEW's bid forms must list addendum N (record it \
        under addenda in solicitation.yaml). Exits 0 on success, 1 when nothing changed or a package is unusable.
        """
    )

    @Argument(help: "The published package (folder or <id>.zip), or with --against the workspace to build.")
    var first: String

    @Argument(help: "The new package folder (not with --against).")
    var second: String?

    @Option(help: "The published package to compare a workspace against.")
    var against: String?

    @Option(help: "The addendum's number, as recorded in solicitation.yaml.")
    var number: Int

    @Option(help: "With --against: the folder to build the package into (default: WORKSPACE/dist).")
    var out: String?

    @Option(help: "With --against: a folder of templates that replace the defaults of the same name.")
    var templates: String?

    func validate() throws {
      guard number > 0 else { throw ValidationError("--number must be a positive whole number") }
      if against != nil {
        guard second == nil else { throw ValidationError("give either OLD_PACKAGE NEW_PACKAGE or WORKSPACE --against") }
        try requireFolder(first, "workspace")
      } else {
        guard second != nil else {
          throw ValidationError("give the new package folder, or --against PUBLISHED_PACKAGE with a workspace")
        }
        guard out == nil, templates == nil else { throw ValidationError("--out and --templates go with --against") }
      }
    }

    func run() throws {
      let (outcome, diagnostics) =
        if let against {
          AddendumIssue.run(workspace: first, against: against, number: number, output: out, templates: templates)
        } else {
          AddendumIssue.run(old: first, new: second ?? "", number: number)
        }
      Terminal.report(diagnostics)
      guard let outcome else {
        Terminal.error("no addendum was written")
        throw Terminal.failure
      }
      print("wrote addendum \(number) (\(outcome.changeCount) changes) into \(outcome.folder)/:")
      for file in outcome.files { print("  \(file)") }
    }
  }
}
