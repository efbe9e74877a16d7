import ArgumentParser
import Cosolicit
import Foundation

extension CosolicitCommand {
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Write the solicitation package: RFPs (HTML, Markdown, Word, and PDF with --pdf), bid forms, the comparison "
        + "report, manifest and zip.",
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

    @Flag(help: "Also write rfp.pdf beside each rfp.docx, converted by LibreOffice (soffice must be on the PATH).")
    var pdf = false

    @Flag(help: "Show no progress bar, even on a terminal.")
    var quiet = false

    func validate() throws {
      try requireFolder(workspace, "workspace")
    }

    func run() throws {
      let variants: [DocumentVariant] =
        switch variant {
        case .joint: [.joint]
        case .piggyback: [.piggyback]
        case .both: [.joint, .piggyback]
        }
      let progress = TerminalProgress(label: "reading needs files", quiet: quiet)
      let (outcome, diagnostics) = PackageBuild.run(
        workspace: workspace, output: out, variants: variants, templates: templates, pdf: pdf,
        progress: progress.update)
      progress.finish()
      Terminal.report(diagnostics)
      guard let outcome else {
        Terminal.error("the package was not written")
        throw Terminal.failure
      }
      print("wrote \(outcome.folder)/: \(outcome.files.count) files")
      for file in outcome.files { print("  \(file)") }
      print("zip: \(outcome.zipBytes) bytes, sha256 \(outcome.zipSHA256)")
    }
  }
}
