/// The files of a workspace held in memory: what ``Intake/load(_:)`` reads instead of a folder, so that tools
/// and tests can check texts they already have. Findings name each file by its `path`.
public struct WorkspaceFiles: Sendable {
  /// The lead agency's definition, if there is one (`solicitation.yaml`).
  public var solicitation: SourceFile?
  /// The catalog, if there is one (`catalog.csv`, `catalog.xlsx`, `catalog.yaml` or `catalog.yml`); a
  /// workbook is held as its bytes (``SourceFile/init(path:workbookBytes:)``).
  public var catalog: SourceFile?
  /// The participants' needs files; workbooks held as their bytes.
  public var needs: [SourceFile]

  /// The files given.
  public init(solicitation: SourceFile?, catalog: SourceFile? = nil, needs: [SourceFile]) {
    self.solicitation = solicitation
    self.catalog = catalog
    self.needs = needs
  }
}

extension Intake {
  /// Reads and checks a workspace held in memory exactly as ``load(workspace:progress:)`` reads a folder: the
  /// same readers, checks and findings, without touching the disk.
  public static func load(_ files: WorkspaceFiles) -> Intake {
    var diagnostics = DiagnosticCollector()
    if files.solicitation == nil {
      diagnostics.error(
        "the workspace has no solicitation.yaml; every workspace needs the lead agency's definition "
          + "(run 'cosolicit init' for a starting point)", at: .start(of: "solicitation.yaml"))
    }
    let all = [files.solicitation, files.catalog].compactMap { $0 } + files.needs
    let byPath = Dictionary(all.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    let workspace = Workspace(
      root: "", solicitationPath: files.solicitation?.path, catalogPath: files.catalog?.path,
      needsPaths: files.needs.map(\.path).sorted())
    return load(
      workspace,
      reading: { path in
        byPath[path].map { .success($0) } ?? .failure(Diagnostic(.error, "no such file", at: .start(of: path)))
      }, diagnostics)
  }
}
