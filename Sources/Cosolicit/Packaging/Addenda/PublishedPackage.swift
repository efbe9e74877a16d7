import Foundation

/// What bidders saw of a built solicitation package: its public files, read from the package folder (verified
/// against its manifests first) or from the published `<id>.zip` (through the guarded reader workbooks are read
/// with, each file checked against the zip's `public/manifest.json`).
struct PublishedPackage {
  /// The solicitation id.
  var id: String
  /// The public files by their path in the package (`public/…`), the public manifest left out.
  var files: [String: Data]
  /// Where the package was read from, for findings.
  var origin: String

  /// Why a package cannot be read: the findings.
  struct Unusable: Error {
    var diagnostics: [Diagnostic]
  }

  /// The text of the public file `path`, if the package has it.
  func text(_ path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }

  /// The variants the package has a bid form for, in the usual order.
  var variants: [DocumentVariant] {
    DocumentVariant.allCases.filter { files[PackageLayout.public($0, "bid-form.xml")] != nil }
  }

  /// Reads the package folder or published zip at `path`; the problems when it is neither, or was changed.
  static func read(_ path: String) -> Result<PublishedPackage, Unusable> {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      return .failure(
        Unusable(diagnostics: [Diagnostic(.error, "no such package folder or zip: \(path)", at: .start(of: path))]))
    }
    return isFolder.boolValue ? readFolder(path) : readZip(path)
  }

  /// The public files of the package folder `folder`, once its manifests verify.
  static func readFolder(_ folder: String) -> Result<PublishedPackage, Unusable> {
    let problems = PackageManifest.verify(package: folder, needing: [PackageLayout.publicManifest])
    guard problems.isEmpty else { return .failure(Unusable(diagnostics: problems)) }
    let manifestPath = Workspace.join(folder, PackageLayout.publicManifest)
    guard let data = FileManager.default.contents(atPath: manifestPath),
      case .success(let (id, entries)) = PackageManifest.parse(data)
    else {
      return .failure(
        Unusable(diagnostics: [
          Diagnostic(.error, "\(PackageLayout.publicManifest) cannot be read", at: .start(of: manifestPath))
        ]))
    }
    var files: [String: Data] = [:]
    for entry in entries {
      files[entry.path] = FileManager.default.contents(atPath: Workspace.join(folder, entry.path))
    }
    return .success(PublishedPackage(id: id, files: files, origin: folder))
  }

  /// The public files of the published zip `path` (`<id>.zip` holding `<id>/public/…`), each checked against
  /// the zip's public manifest.
  static func readZip(_ path: String) -> Result<PublishedPackage, Unusable> {
    let here = SourceLocation.start(of: path)
    func failure(_ message: String) -> Result<PublishedPackage, Unusable> {
      .failure(Unusable(diagnostics: [Diagnostic(.error, message, at: here)]))
    }
    let name = (path as NSString).lastPathComponent
    guard name.hasSuffix(".zip"), Identifier.isValid(String(name.dropLast(4))) else {
      return failure("\(path) is neither a package folder nor a published <id>.zip")
    }
    let id = String(name.dropLast(4))
    guard let bytes = FileManager.default.contents(atPath: path) else { return failure("cannot read \(path)") }
    do {
      var archive = try WorkbookArchive(bytes: [UInt8](bytes))
      guard let manifest = try archive.part("\(id)/\(PackageLayout.publicManifest)"),
        case .success(let (solicitation, entries)) = PackageManifest.parse(Data(manifest)), solicitation == id
      else { return failure("\(name) holds no \(id)/\(PackageLayout.publicManifest) of solicitation \(id)") }
      var files: [String: Data] = [:]
      for entry in entries {
        guard PackageLayout.isPublic(entry.path), let part = try archive.part("\(id)/\(entry.path)"),
          SolicitationPackage.sha256(Data(part)) == entry.sha256
        else {
          return failure(
            "\(entry.path) in \(name) is missing or does not match the zip's manifest; the zip was changed after "
              + "it was built")
        }
        files[entry.path] = Data(part)
      }
      return .success(PublishedPackage(id: id, files: files, origin: path))
    } catch {
      return failure("\(name) cannot be read as a published package: \(error.message)")
    }
  }
}
