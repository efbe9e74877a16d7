import Foundation

/// `cosolicit forms`: reads a workspace's solicitation and catalog and writes a needs request form, as a workbook
/// and a CSV, for each participant named (or one blank form), flat or as kits a participant can validate in.
public enum NeedsRequestBuild {
  /// What a successful run wrote.
  public struct Outcome: Sendable {
    /// The output folder.
    public var folder: String
    /// The files written, relative to the folder.
    public var files: [String]
  }

  /// Writes the forms of `participants` (agency ids), and of every agency on the invited roster when
  /// `everyInvited`, for the workspace at `workspace` into `output` (neither: one blank form), each participant's
  /// files in a kit folder `output/<id>/` when `kits`. A workspace whose solicitation or catalog has errors, an
  /// unknown participant, or `everyInvited` without a roster, writes nothing; needs files are not required.
  public static func run(
    workspace: String, output: String, participants: [String], everyInvited: Bool = false, kits: Bool
  ) -> (outcome: Outcome?, diagnostics: [Diagnostic]) {
    var diagnostics = DiagnosticCollector()
    var located = DiagnosticCollector()
    let files = Workspace.locate(workspace, &located)
    // Forms come before needs: what the workspace's needs folder lacks or holds does not concern them.
    let needsFolder = Workspace.join(workspace, "needs")
    diagnostics.append(
      contentsOf: located.diagnostics.filter {
        $0.location.path != needsFolder && !$0.location.path.hasPrefix(needsFolder + "/")
      })
    guard let solicitationPath = files.solicitationPath,
      let solicitation = SolicitationReader.read(solicitationPath, &diagnostics)
    else { return (nil, diagnostics.sorted) }
    let catalog = files.catalogPath.flatMap { CatalogReader.read($0, &diagnostics) }
    if let catalog { CatalogChecks.check(catalog, against: solicitation, &diagnostics) }
    guard !diagnostics.hasErrors else { return (nil, diagnostics.sorted) }
    for item in catalog?.items ?? [] where item.description.utf16.count > SpreadsheetCell.maximumTextLength {
      diagnostics.warning(
        "catalog item '\(item.id.value)': the description is longer than a spreadsheet cell holds "
          + "(\(SpreadsheetCell.maximumTextLength) characters); the workbook shows it cut, ending with '…' (the CSV "
          + "has it whole)", at: item.id.location)
    }

    let known = NeedsRequestParticipants(solicitation: solicitation, needsPaths: files.needsPaths)
    var agencies: [Agency?] = []
    var asked: [String] = []
    if everyInvited, solicitation.invited == nil {
      diagnostics.error(
        "--invited: solicitation.yaml lists no invited agencies; list them under 'invited', or name each "
          + "participant with --participant", at: .start(of: solicitationPath))
    }
    let roster = everyInvited ? (solicitation.invited ?? []).map(\.id.value) : []
    for id in participants + roster where !asked.contains(Identifier.key(id)) {
      asked.append(Identifier.key(id))
      guard let agency = known.agency(withID: id) else {
        diagnostics.error(known.unknownMessage(id), at: .start(of: solicitationPath))
        continue
      }
      agencies.append(agency)
    }
    if participants.isEmpty && !everyInvited { agencies = [nil] }
    guard !diagnostics.hasErrors else { return (nil, diagnostics.sorted) }

    var contents: [DocumentSet.File] = []
    for agency in agencies {
      let form = NeedsRequestForm(solicitation: solicitation, catalog: catalog, agency: agency)
      let workbook: Data
      do {
        workbook = try NeedsRequestWorkbook.workbook(form).data()
      } catch {
        diagnostics.error(error.description, at: .start(of: output))
        return (nil, diagnostics.sorted)
      }
      let folder = kits ? "\(agency?.id.value ?? "blank")/" : ""
      contents.append(DocumentSet.File(path: "\(folder)\(form.fileStem).xlsx", data: workbook))
      contents.append(DocumentSet.File(path: "\(folder)\(form.fileStem).csv", data: Data(form.csv.utf8)))
      guard kits else { continue }
      for path in [solicitationPath, files.catalogPath].compactMap({ $0 }) {
        guard let bytes = FileManager.default.contents(atPath: path) else {
          diagnostics.error("cannot read \(path) to copy it into the kit", at: .start(of: path))
          return (nil, diagnostics.sorted)
        }
        contents.append(DocumentSet.File(path: folder + (path as NSString).lastPathComponent, data: bytes))
      }
      contents.append(
        DocumentSet.File(
          path: "\(folder)README.txt",
          data: Data(
            NeedsRequestKit.readme(form, catalog: files.catalogPath.map { ($0 as NSString).lastPathComponent }).utf8)))
    }
    let inputs = [solicitationPath, files.catalogPath].compactMap { $0 } + files.needsPaths
    guard NeedsRequestOutput.write(contents, to: output, workspace: workspace, sparing: inputs, &diagnostics) else {
      return (nil, diagnostics.sorted)
    }
    return (Outcome(folder: output, files: contents.map(\.path)), diagnostics.sorted)
  }
}
