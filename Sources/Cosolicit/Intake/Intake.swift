import Foundation

/// Everything read from a workspace or from files named on the command line, checked, with every finding.
public struct Intake: Sendable {
  /// The lead agency's definition, if it could be read.
  public var solicitation: Solicitation?
  /// The catalog, if the workspace has one and it could be read.
  public var catalog: Catalog?
  /// The needs files read, in name order.
  public var needs: [NeedsFile]
  /// The input files examined.
  public var files: [String]
  /// The workspace folder, when a whole workspace was read.
  public var root: String? = nil
  /// Every finding, ordered by file and position.
  public var diagnostics: [Diagnostic]

  /// The participants found in the needs files.
  public var participants: [Participant] { needs.flatMap(\.participants) }
  /// How many participants the needs files name, without building them.
  public var participantCount: Int { needs.reduce(0) { $0 + $1.participantCount } }
  /// The number of needs lines read, including lines too broken to keep.
  public var lineCount: Int { needs.reduce(0) { $0 + $1.lineCount } }
  /// Whether every needs line was resolved against the workspace's solicitation and catalog (its lot and base
  /// quantity known), as a workspace read whole with no errors is.
  public var isResolved: Bool { solicitation != nil && needs.allSatisfy(\.isResolved) }
  /// The number of errors.
  public var errorCount: Int { diagnostics.count { $0.severity == .error } }
  /// The number of warnings.
  public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

  /// Reads and checks the workspace folder at `root`. `progress`, if given, hears how many needs files of how
  /// many have been read, from whichever thread read the last one.
  public static func load(
    workspace root: String, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
  ) -> Intake {
    var diagnostics = DiagnosticCollector()
    let workspace = Workspace.locate(root, &diagnostics)
    return load(workspace, reading: SourceFile.read, progress: progress, diagnostics)
  }

  /// Reads and checks the files of `workspace`, each read by `read`, after the findings in `diagnostics`.
  static func load(
    _ workspace: Workspace, reading read: @Sendable (String) -> Result<SourceFile, Diagnostic>,
    progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil, _ diagnostics: DiagnosticCollector
  ) -> Intake {
    var diagnostics = diagnostics
    var solicitation = workspace.solicitationPath.flatMap { SolicitationReader.read(read($0), path: $0, &diagnostics) }
    let sections = SectionsReader.read(workspace: workspace.root, &diagnostics)
    solicitation?.sections = sections
    let catalog = workspace.catalogPath.flatMap { CatalogReader.read(read($0), path: $0, &diagnostics) }
    // A catalog that exists but cannot be read is reported as such; its items are not then called unknown.
    let catalogKnown = workspace.catalogPath == nil || catalog != nil
    let resolver = NeedsResolver(solicitation: solicitation, catalog: catalog, catalogKnown: catalogKnown)
    // Needs files are independent: read, check and resolve them on every core, then gather their findings in
    // file order.
    let counter = ProgressCounter(total: workspace.needsPaths.count, report: progress)
    let read = ConcurrentMap.map(workspace.needsPaths) { path -> (NeedsFile?, [Diagnostic]) in
      var findings = DiagnosticCollector()
      let file = NeedsReader.read(read(path), path: path, resolver: resolver, &findings)
      counter.step()
      return (file, findings.diagnostics)
    }
    for (_, findings) in read { diagnostics.append(contentsOf: findings) }
    let needs = read.compactMap(\.0)
    crossCheck(solicitation, catalog, needs, everyFile: needs.count == read.count, &diagnostics)
    let files =
      [workspace.solicitationPath, workspace.catalogPath].compactMap { $0 } + workspace.needsPaths
      + sections.map { Workspace.join(workspace.root, $0.source) }
    return Intake(
      solicitation: solicitation, catalog: catalog, needs: needs, files: files, root: workspace.root,
      diagnostics: diagnostics.sorted)
  }

  /// Reads and checks single files, each against the workspace it sits in (the folder holding
  /// `solicitation.yaml`, found beside the file or one folder up). Findings are reported for the named files
  /// only; the workspace's other files serve as context.
  public static func load(files paths: [String]) -> Intake {
    var diagnostics = DiagnosticCollector()
    var unique: [String] = []
    for path in paths where !unique.contains(path) { unique.append(path) }
    let paths = unique
    var intake = Intake(solicitation: nil, catalog: nil, needs: [], files: paths, diagnostics: [])
    // Files of one workspace are checked together, so that a duplicate agency across them is found.
    var groups: [(root: String?, paths: [String])] = []
    for path in paths {
      let root = workspaceRoot(of: path)
      if let index = groups.firstIndex(where: { $0.root == root }) {
        groups[index].paths.append(path)
      } else {
        groups.append((root, [path]))
      }
    }
    for group in groups {
      var context = DiagnosticCollector()
      let named = Set(group.paths)
      let contextWorkspace = group.root.map { Workspace.locate($0, &context) }
      func read<T>(_ given: String?, _ fallback: String?, _ reader: (String, inout DiagnosticCollector) -> T?) -> T? {
        if let given { return reader(given, &diagnostics) }
        return fallback.flatMap { reader($0, &context) }
      }
      let solicitationFile = group.paths.first { role(of: $0) == .solicitation }
      let catalogFile = group.paths.first { role(of: $0) == .catalog }
      let solicitation = read(solicitationFile, contextWorkspace?.solicitationPath, SolicitationReader.read)
      let catalog = read(catalogFile, contextWorkspace?.catalogPath, CatalogReader.read)
      let catalogPath = catalogFile ?? contextWorkspace?.catalogPath
      let catalogKnown = (group.root != nil || catalogFile != nil) && (catalogPath == nil || catalog != nil)
      let resolver = NeedsResolver(solicitation: solicitation, catalog: catalog, catalogKnown: catalogKnown)
      var needs: [NeedsFile] = []
      for path in group.paths where role(of: path) == .needs {
        if FileFormat(path: path) == nil {
          diagnostics.error(
            "unsupported file type; needs files are \(Workspace.needsTypes) (save spreadsheets as .xlsx or CSV)",
            at: .start(of: path))
        } else if let file = NeedsReader.read(path, resolver: resolver, &diagnostics) {
          needs.append(file)
        }
      }
      if group.root == nil {
        for path in group.paths where role(of: path) == .needs {
          diagnostics.warning(
            "no solicitation.yaml beside this file or one folder up; checked the file alone (catalog items, "
              + "lots and dates were not checked)", at: .start(of: path))
        }
      }
      if let contextWorkspace {
        let broken = [contextWorkspace.solicitationPath, contextWorkspace.catalogPath].compactMap { $0 }.filter {
          file in
          !named.contains(file) && context.diagnostics.contains { $0.severity == .error && $0.location.path == file }
        }
        for path in group.paths where !broken.isEmpty && role(of: path) == .needs {
          diagnostics.warning(
            "\(broken.joined(separator: " and ")) \(broken.count == 1 ? "has" : "have") errors, so some checks of this "
              + "file were skipped; validate the whole workspace (\(contextWorkspace.root)) to see them",
            at: .start(of: path))
        }
      }
      // The workspace's other needs files come first, so that a duplicate agency is reported in the named file.
      // Only their agencies matter here, read on every core; their own findings are not reported. A file that
      // does not even hold the text of a named agency's id cannot name that agency, and is not read further.
      let ids = needs.flatMap { file in file.sections.compactMap { $0.agency?.id.value } }
      let otherPaths = ids.isEmpty ? [] : (contextWorkspace?.needsPaths ?? []).filter { !named.contains($0) }
      let otherNeeds = ConcurrentMap.map(otherPaths) { path -> NeedsFile? in
        guard NeedsReader.mayName(anyOf: ids, path) else { return nil }
        var ignored = DiagnosticCollector()
        return NeedsReader.readAgencies(path, &ignored)
      }.compactMap { $0 }
      var crossChecked = DiagnosticCollector()
      crossCheck(solicitation, catalog, otherNeeds + needs, everyFile: false, &crossChecked)
      diagnostics.append(contentsOf: crossChecked.diagnostics.filter { named.contains($0.location.path) })
      intake.solicitation = intake.solicitation ?? solicitation
      intake.catalog = intake.catalog ?? catalog
      intake.needs += needs
    }
    intake.diagnostics = diagnostics.sorted
    return intake
  }

  /// The intakes of several workspaces and file groups as one, findings kept in order.
  public static func merging(_ intakes: [Intake]) -> Intake {
    Intake(
      solicitation: intakes.lazy.compactMap(\.solicitation).first,
      catalog: intakes.lazy.compactMap(\.catalog).first, needs: intakes.flatMap(\.needs),
      files: intakes.flatMap(\.files), diagnostics: intakes.flatMap(\.diagnostics))
  }

  /// Checks the files against each other; `everyFile` when `needs` are all the workspace's needs files.
  private static func crossCheck(
    _ solicitation: Solicitation?, _ catalog: Catalog?, _ needs: [NeedsFile], everyFile: Bool,
    _ diagnostics: inout DiagnosticCollector
  ) {
    if let catalog, let solicitation {
      CatalogChecks.check(catalog, against: solicitation, &diagnostics)
    }
    NeedsChecks(solicitation: solicitation, everyFile: everyFile).check(needs, &diagnostics)
    ZoneChecks(solicitation: solicitation, everyFile: everyFile).check(needs, &diagnostics)
  }

  private enum Role { case solicitation, catalog, needs }

  private static func role(of path: String) -> Role {
    let name = (path as NSString).lastPathComponent.lowercased()
    if name == "solicitation.yaml" || name == "solicitation.yml" { return .solicitation }
    if Workspace.catalogNames.contains(name) { return .catalog }
    return .needs
  }

  private static func workspaceRoot(of path: String) -> String? {
    let folder = (path as NSString).deletingLastPathComponent
    let candidates = [
      folder.isEmpty ? "." : folder, (folder.isEmpty ? ".." : (folder as NSString).deletingLastPathComponent),
    ]
    return candidates.map { $0.isEmpty ? "." : $0 }.first {
      FileManager.default.fileExists(atPath: Workspace.join($0, "solicitation.yaml"))
    }
  }
}
