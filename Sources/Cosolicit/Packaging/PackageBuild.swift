import Foundation

/// `cosolicit build`: reads and aggregates a workspace, renders every document from the templates, and writes
/// the solicitation package.
public enum PackageBuild {
  /// What a successful build wrote.
  public struct Outcome: Sendable {
    /// The package folder, `output/<id>`.
    public var folder: String
    /// The files written (paths inside the package), including the manifests and the zip.
    public var files: [String]
    /// The zip's size and SHA-256.
    public var zipBytes: Int
    /// The zip's SHA-256, in hexadecimal.
    public var zipSHA256: String
  }

  /// Builds the package of the workspace at `workspace` into `output` (default `workspace/dist`); with `pdf`,
  /// each variant's `rfp.docx` is also converted to `rfp.pdf` by LibreOffice (``PDFConversion``). The findings
  /// (warnings, and errors when nothing was written) come back either way.
  public static func run(
    workspace: String, output: String?, variants: [DocumentVariant], templates: String?, pdf: Bool = false,
    progress: (@Sendable (Int, Int) -> Void)? = nil
  ) -> (outcome: Outcome?, diagnostics: [Diagnostic]) {
    var diagnostics = DiagnosticCollector()
    // Said first, and the workspace still read, so that every other problem is reported in the same run.
    let soffice = pdf ? PDFConversion.soffice() : nil
    if pdf, soffice == nil { diagnostics.error(PDFConversion.missingMessage, at: .start(of: workspace)) }
    guard let joint = Aggregator.aggregate(workspace: workspace, progress: progress, &diagnostics) else {
      return (nil, diagnostics.diagnostics)
    }
    // `other` is another public entity (a council of governments, a cooperative of public agencies): public.
    if variants.contains(.piggyback), let lead = joint.solicitation.leadAgency, lead.type ?? .nonprofit == .nonprofit {
      diagnostics.warning(
        "the lead agency is \(lead.type == nil ? "of no stated type" : "a nonprofit"); other agencies can use a "
          + "piggyback-open contract only when the lead agency is public", at: lead.id.location)
    }
    guard let templateSet = TemplateSet.load(overrides: templates, &diagnostics),
      var files = DocumentSet(variants: variants).render(joint, templates: templateSet, &diagnostics),
      !(pdf && soffice == nil)
    else { return (nil, diagnostics.diagnostics) }
    if let soffice {
      do {
        let documents = files.filter { $0.path.hasSuffix("/" + WordPackage.fileName) }
        files = (files + (try PDFConversion.convert(documents, soffice: soffice))).sorted { $0.path < $1.path }
      } catch {
        diagnostics.error(error.description, at: .start(of: workspace))
        return (nil, diagnostics.diagnostics)
      }
    }
    let output = output ?? Workspace.join(workspace, "dist")
    do {
      let (folder, zip) = try SolicitationPackage.write(files, id: joint.solicitation.id, to: output)
      let hash = SolicitationPackage.sha256(zip)
      let written =
        files.map(\.path) + [
          PackageLayout.publicManifest, PackageLayout.manifest, PackageLayout.zip(joint.solicitation.id),
        ]
      return (
        Outcome(folder: folder, files: written.sorted(), zipBytes: zip.count, zipSHA256: hash), diagnostics.diagnostics
      )
    } catch {
      diagnostics.error(error.description, at: .start(of: output))
      return (nil, diagnostics.diagnostics)
    }
  }
}
