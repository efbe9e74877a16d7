import Foundation

/// The files of a solicitation workspace: a folder with `solicitation.yaml`, an optional catalog, and a
/// `needs/` folder of participants' needs files.
public struct Workspace: Sendable {
  /// The workspace folder, as given.
  public var root: String
  /// `solicitation.yaml`, if present.
  public var solicitationPath: String?
  /// `catalog.csv`, `catalog.xlsx` or `catalog.yaml`, if present.
  public var catalogPath: String?
  /// The needs files with a supported extension, sorted by name.
  public var needsPaths: [String]

  /// The names the catalog may have.
  public static let catalogNames = ["catalog.csv", "catalog.xlsx", "catalog.yaml", "catalog.yml"]

  /// The needs file types, for messages.
  static let needsTypes = ".yaml, .yml, .json, .csv or .xlsx"

  /// Finds the files of the workspace at `root`; reports what is missing or not understood.
  public static func locate(_ root: String, _ diagnostics: inout DiagnosticCollector) -> Workspace {
    let files = FileManager.default
    let solicitation = join(root, "solicitation.yaml")
    var workspace = Workspace(root: root, solicitationPath: nil, catalogPath: nil, needsPaths: [])
    if files.fileExists(atPath: solicitation) {
      workspace.solicitationPath = solicitation
    } else {
      diagnostics.error(
        "the workspace has no solicitation.yaml; every workspace needs the lead agency's definition "
          + "(run 'cosolicit init' for a starting point)", at: .start(of: solicitation))
    }
    let catalogs = catalogNames.map { join(root, $0) }.filter { files.fileExists(atPath: $0) }
    workspace.catalogPath = catalogs.first
    for extra in catalogs.dropFirst() {
      diagnostics.error(
        "the workspace has more than one catalog (\(catalogs.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))); "
          + "keep one", at: .start(of: extra))
    }
    let needs = join(root, "needs")
    var isFolder: ObjCBool = false
    guard files.fileExists(atPath: needs, isDirectory: &isFolder), isFolder.boolValue else {
      diagnostics.error(
        "the workspace has no needs folder; participants' needs files go in \(needs)/", at: .start(of: needs))
      return workspace
    }
    let listed: [String]
    do {
      listed = try files.contentsOfDirectory(atPath: needs)
    } catch {
      diagnostics.error("the needs folder cannot be read: \(FileProblem.describe(error))", at: .start(of: needs))
      return workspace
    }
    let names = listed.filter { !$0.hasPrefix(".") }.sorted()
    for name in names {
      let path = join(needs, name)
      var isSubfolder: ObjCBool = false
      _ = files.fileExists(atPath: path, isDirectory: &isSubfolder)
      if isSubfolder.boolValue {
        diagnostics.warning(
          "folder ignored; needs files are read from \(needs)/ only, not its subfolders", at: .start(of: path))
      } else if FileFormat(path: name) == nil {
        diagnostics.error(
          "unsupported file type '\((name as NSString).pathExtension)'; needs files are \(needsTypes) "
            + "(save spreadsheets as .xlsx or CSV)", at: .start(of: path))
      } else {
        workspace.needsPaths.append(path)
      }
    }
    if workspace.needsPaths.isEmpty {
      diagnostics.error(
        "the needs folder has no needs files; add one per participant (\(needsTypes))",
        at: .start(of: needs))
    }
    return workspace
  }

  /// Whether a file at `path` would be read as one of the inputs of the workspace at `root`: its definition, its
  /// catalog, a needs file (a supported file in its `needs/` folder) or a section (`sections/*.md`), whether or
  /// not it exists yet.
  public static func reads(_ path: String, root: String) -> Bool {
    let folder = physicalPath(root)
    let parent = (path as NSString).deletingLastPathComponent
    // The file as named in its folder (the folder may be a link into the workspace), and, when it exists, the
    // file it is (it may itself be a link).
    var places = [(physicalPath(parent.isEmpty ? "." : parent), (path as NSString).lastPathComponent)]
    if FileManager.default.fileExists(atPath: path) {
      let file = physicalPath(path)
      places.append(((file as NSString).deletingLastPathComponent, (file as NSString).lastPathComponent))
    }
    return places.contains { parent, name in
      let name = name.lowercased()
      if parent == folder { return name == "solicitation.yaml" || catalogNames.contains(name) }
      if parent == join(folder, SectionsReader.folder) { return name.hasSuffix(".md") }
      return parent == join(folder, "needs") && FileFormat(path: name) != nil
    }
  }

  /// `path` as the file system resolves it (absolute, every link followed), or standardized when it does not
  /// exist.
  private static func physicalPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Joins a folder and a name without doubling the separator.
  static func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }
}
