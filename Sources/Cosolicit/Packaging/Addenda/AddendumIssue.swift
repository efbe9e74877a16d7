import Foundation

/// `cosolicit addendum`: compares what bidders saw in a published package with a new build of the same
/// solicitation, writes `public/addenda/addendum-N.md` and `.html` listing every change into the new package,
/// and rewrites its manifests and zip (atomically, as `build` does).
public enum AddendumIssue {
  /// What an addendum wrote.
  public struct Outcome: Sendable {
    /// The package folder written.
    public var folder: String
    /// The addendum's files (paths inside the package).
    public var files: [String]
    /// How many changes it lists.
    public var changeCount: Int
  }

  /// Writes addendum `number` into the package folder `new` from its differences with the package (folder or
  /// published zip) `old`.
  public static func run(old: String, new: String, number: Int) -> (outcome: Outcome?, diagnostics: [Diagnostic]) {
    switch PublishedPackage.read(old) {
    case .failure(let problems): return (nil, problems.diagnostics)
    case .success(let published): return run(old: published, new: new, number: number)
    }
  }

  /// Builds the workspace `workspace` (into `output`, default `workspace/dist`, as `build` does) and writes
  /// addendum `number` into the new package from its differences with the published package `against`.
  public static func run(
    workspace: String, against: String, number: Int, output: String? = nil, templates: String? = nil
  ) -> (outcome: Outcome?, diagnostics: [Diagnostic]) {
    // The published package is read before the build, which may replace a package of the same id.
    let published: PublishedPackage
    switch PublishedPackage.read(against) {
    case .failure(let problems): return (nil, problems.diagnostics)
    case .success(let package): published = package
    }
    let variants = published.variants.isEmpty ? DocumentVariant.allCases : published.variants
    let (built, buildDiagnostics) = PackageBuild.run(
      workspace: workspace, output: output, variants: variants, templates: templates)
    guard let built else { return (nil, buildDiagnostics) }
    let result = run(old: published, new: built.folder, number: number)
    return (result.outcome, buildDiagnostics + result.diagnostics)
  }

  /// Writes addendum `number` into the package folder `new` from its differences with `old`.
  static func run(old: PublishedPackage, new: String, number: Int) -> (outcome: Outcome?, diagnostics: [Diagnostic]) {
    let here = SourceLocation.start(of: new)
    func failure(_ message: String) -> (Outcome?, [Diagnostic]) { (nil, [Diagnostic(.error, message, at: here)]) }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: new, isDirectory: &isFolder), isFolder.boolValue else {
      return failure("the new package must be a package folder written by cosolicit build: \(new)")
    }
    let current: PublishedPackage
    switch PublishedPackage.readFolder(new) {
    case .failure(let problems): return (nil, problems.diagnostics)
    case .success(let package): current = package
    }
    guard current.id == old.id else {
      return failure(
        "the new package is of solicitation \(current.id), the published one of \(old.id); an addendum amends one "
          + "solicitation")
    }
    var issued: String?
    for variant in current.variants {
      let path = PackageLayout.public(variant, "bid-form.xml")
      guard let form = PublishedForm.read(current.text(path) ?? "", path: path) else { continue }
      guard let listed = form.addenda.first(where: { $0.number == number }) else {
        return failure(
          "the new package's \(path) does not list addendum \(number); record it in solicitation.yaml under "
            + "addenda (number \(number), the date issued, a summary) and build again")
      }
      issued = issued ?? listed.issued
    }
    for variant in old.variants {
      let path = PackageLayout.public(variant, "bid-form.xml")
      if let form = PublishedForm.read(old.text(path) ?? "", path: path),
        form.addenda.contains(where: { $0.number == number })
      {
        return failure(
          "the published package \(old.origin) already lists addendum \(number); compare against the package "
            + "published before addendum \(number), or issue the next number")
      }
    }
    let changes = AddendumChanges(old: old, new: current)
    guard !changes.isEmpty else {
      return failure(
        "nothing bidders see differs between \(old.origin) and \(new): no date, section, line, quantity, unit or "
          + "delivery changed, so there is nothing to issue an addendum for")
    }
    let form = current.variants.first.flatMap { variant -> PublishedForm? in
      let path = PackageLayout.public(variant, "bid-form.xml")
      return PublishedForm.read(current.text(path) ?? "", path: path)
    }
    let document = AddendumDocument(
      number: number, issued: issued ?? "", solicitation: current.id, title: form?.title ?? "",
      leadAgency: form?.leadAgency ?? "", changes: changes)
    let word: Data
    switch document.word {
    case .success(let data): word = data
    case .failure(let problem): return (nil, problem.diagnostics)
    }
    let added = [
      DocumentSet.File(path: PackageLayout.addendum(number, "md"), data: Data(document.markdown.utf8)),
      DocumentSet.File(path: PackageLayout.addendum(number, "html"), data: Data(document.html.utf8)),
      DocumentSet.File(path: PackageLayout.addendum(number, "docx"), data: word),
    ]
    switch packageFiles(new) {
    case .failure(let problem): return (nil, [problem])
    case .success(let files):
      let kept = files.filter { file in !added.contains { $0.path == file.path } }
      let folder = (new as NSString).standardizingPath
      guard (folder as NSString).lastPathComponent == current.id else {
        return failure("the new package folder must be named after its solicitation, \(current.id)")
      }
      do {
        let (written, _) = try SolicitationPackage.write(
          kept + added, id: current.id, to: (folder as NSString).deletingLastPathComponent)
        return (Outcome(folder: written, files: added.map(\.path), changeCount: changes.changes.count), [])
      } catch {
        return failure(error.description)
      }
    }
  }

  /// Every file of the verified package folder `folder` but its manifests and zip, from its manifest.
  static func packageFiles(_ folder: String) -> Result<[DocumentSet.File], Diagnostic> {
    let path = Workspace.join(folder, PackageLayout.manifest)
    guard let data = FileManager.default.contents(atPath: path),
      case .success(let (id, entries)) = PackageManifest.parse(data)
    else { return .failure(Diagnostic(.error, "\(PackageLayout.manifest) cannot be read", at: .start(of: path))) }
    var files: [DocumentSet.File] = []
    for entry in entries where entry.path != PackageLayout.publicManifest && entry.path != PackageLayout.zip(id) {
      guard let contents = FileManager.default.contents(atPath: Workspace.join(folder, entry.path)) else {
        return .failure(Diagnostic(.error, "cannot read \(entry.path)", at: .start(of: folder)))
      }
      files.append(DocumentSet.File(path: entry.path, data: contents))
    }
    return .success(files.sorted { $0.path < $1.path })
  }
}
