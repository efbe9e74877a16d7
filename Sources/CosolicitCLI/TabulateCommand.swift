import ArgumentParser
import Cosolicit
import Foundation

extension CosolicitCommand {
  struct Tabulate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check every bid received, tabulate them and award by the solicitation's method.",
      discussion: """
        Reads the bids in WORKSPACE/bids/ (their times of receipt from each bid's <received> or \
        bids/received.yaml), checks each against the published package's joint bid form as check-bid does, marks \
        late, unsigned and otherwise nonresponsive bids with their reasons, and awards each unit (line, lot or \
        the whole, by zone) to the lowest responsive bid. Exact ties are broken by the solicitation's \
        tie_breakers, then only by a resolution recorded in WORKSPACE/award.yaml. Prints the tabulation; with \
        --out, writes the award package (bid tabulation, each participant's schedule, reconciliation, OCDS) to \
        OUT/<solicitation id>-award/, complete or not at all. Exits 0 when every unit is awarded, 1 on errors \
        (including an unresolved tie), 2 on usage errors.
        """
    )

    @Argument(help: "The workspace folder (default: the current folder).")
    var workspace: String = "."

    @Option(help: "The published package the bids answer (default: WORKSPACE/dist/<solicitation id>).")
    var package: String?

    @Option(help: "The folder to write the award package into.")
    var out: String?

    func validate() throws {
      try requireFolder(workspace, "workspace")
    }

    func run() throws {
      let (tabulation, diagnostics) = TabulationRun.run(workspace: workspace, package: package)
      // Each bid's own findings (why it is nonresponsive, where), then the run's.
      Terminal.report((tabulation?.bids ?? []).flatMap(\.diagnostics) + diagnostics)
      guard let tabulation else {
        Terminal.error("the bids were not tabulated")
        throw Terminal.failure
      }
      Terminal.write(AwardSummary.text(tabulation))
      guard !diagnostics.contains(where: { $0.severity == .error }) else {
        Terminal.error(out == nil ? "the award is not final" : "the award is not final; nothing was written")
        throw Terminal.failure
      }
      guard let out else { return }
      let files = AwardPackage.files(tabulation)
      do {
        let folder = try AwardPackage.write(files, solicitation: tabulation.joint.solicitation.id, to: out)
        Terminal.write("Wrote \(folder)/ (\(files.count + 1) files):\n")
        for file in files.map(\.path) + ["manifest.json"] { Terminal.write("  \(file)\n") }
      } catch {
        Terminal.error("\(error.description); nothing was written")
        throw Terminal.failure
      }
    }
  }
}
