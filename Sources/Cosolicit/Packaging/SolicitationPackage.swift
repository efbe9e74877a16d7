import Crypto
import Foundation

/// Writes a solicitation package laid out as ``PackageLayout`` says: the rendered documents under `public/` and
/// `internal/`, `public/manifest.json` (every public file's path, size and SHA-256), `manifest.json` (every file's,
/// both trees and the public manifest), and `<id>.zip` holding `public/` alone with its manifest, the archive to
/// publish; reproducibly (fixed timestamps and permissions, sorted entries) and atomically (built beside the
/// target, then swapped in; a failure leaves the previous package untouched).
public enum SolicitationPackage {
  /// Why a package was not written.
  public struct Failure: Error, CustomStringConvertible {
    /// What went wrong.
    public var reason: String

    public var description: String { reason }
  }

  /// The manifest of `files` at `path` in the package: path, bytes and SHA-256 of each, sorted by path.
  public static func manifest(
    of files: [DocumentSet.File], solicitation: String, at path: String = PackageLayout.manifest,
    format: String = manifestFormat
  ) -> DocumentSet.File {
    let entries = files.sorted { $0.path < $1.path }.map { file -> JSONValue in
      .object([
        ("path", .string(file.path)), ("bytes", .integer(file.data.count)),
        ("sha256", .string(sha256(file.data))),
      ])
    }
    let manifest = JSONValue.object([
      ("format", .string(format)), ("solicitation", .string(solicitation)),
      ("files", .array(entries)),
    ])
    return DocumentSet.File(path: path, data: Data(manifest.serialized.utf8))
  }

  /// The `format` of a solicitation package's manifest.
  public static let manifestFormat = "cosolicit.manifest/1"

  /// The SHA-256 of `data`, in lowercase hexadecimal.
  public static func sha256(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
  }

  /// The zip of `files`, each under `folder/`, deflated, in path order, with fixed dates and permissions
  /// (``DeterministicZip``).
  public static func zip(_ files: [DocumentSet.File], folder: String) throws -> Data {
    try DeterministicZip.archive(files.map { DeterministicZip.Entry(path: "\(folder)/\($0.path)", data: $0.data) })
  }

  /// Writes `files` with their manifest and zip to `output/<id>/`, replacing a previous package only once the
  /// new one is complete. Returns the package folder and the zip's bytes.
  ///
  /// `id` names a folder and a file, so it must be a valid ``Identifier`` (no `/`, `\\`, leading dot or `..`):
  /// nothing is written outside `output`. The new package is written to `output/.<id>.building.<pid>.<uuid>`
  /// and the old one moved aside to `output/.<id>.previous.<pid>.<uuid>` for the swap; a process killed midway
  /// can leave either behind, and the next build of the same id into `output` removes those whose process has
  /// ended, first putting an old package back in place if the kill left none there.
  @discardableResult
  public static func write(
    _ files: [DocumentSet.File], id: String, to output: String
  ) throws(Failure) -> (folder: String, zip: Data) {
    guard Identifier.isValid(id) else {
      throw Failure(reason: "'\(id)' cannot name a package folder; a solicitation id has \(Identifier.rule) characters")
    }
    let (contents, published) = contents(of: files, id: id)
    let archive: Data
    do {
      archive = try zip(published, folder: id)
    } catch {
      throw Failure(reason: "\(error)")
    }
    let folder = try replace(
      folder: id, in: output, with: contents + [DocumentSet.File(path: PackageLayout.zip(id), data: archive)],
      format: manifestFormat, solicitation: id)
    return (folder, archive)
  }

  /// Writes `files` as the folder `output/<name>`, replacing what is there only when it is a package of
  /// `format` for `solicitation` that this tool wrote, and only once the new folder is complete (see
  /// ``write(_:id:to:)``). Returns the folder's path.
  public static func replace(
    folder name: String, in output: String, with files: [DocumentSet.File], format: String, solicitation: String
  ) throws(Failure) -> String {
    let id = name
    let fileManager = FileManager.default
    let root = URL(fileURLWithPath: output)
    let target = root.appendingPathComponent(id)
    // Only a package this tool built is ever replaced; anything else of that name is the user's.
    if let problem = notAPackage(target, id: solicitation, format: format) {
      throw Failure(
        reason: "\(target.path) \(problem), so it is not replaced; move it away or build into another --out folder")
    }
    let process = "\(getpid()).\(UUID().uuidString)"
    let staging = root.appendingPathComponent(".\(id).\(Leftover.Kind.building.rawValue).\(process)")
    let previous = root.appendingPathComponent(".\(id).\(Leftover.Kind.previous.rawValue).\(process)")
    do {
      try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
      recoverLeftovers(of: id, in: root)
      try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
      for file in files {
        let url = staging.appendingPathComponent(file.path)
        try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try file.data.write(to: url)
      }
    } catch {
      try? fileManager.removeItem(at: staging)
      throw Failure(reason: "cannot write \(target.path): \(FileProblem.describe(error))")
    }
    // Swap: move the old package aside, move the new one in, then delete the old one.
    let hadPrevious = fileManager.fileExists(atPath: target.path)
    if hadPrevious, rename(target.path, previous.path) != 0 {
      try? fileManager.removeItem(at: staging)
      throw Failure(reason: "cannot replace \(target.path): \(String(cString: strerror(errno)))")
    }
    guard rename(staging.path, target.path) == 0 else {
      let reason = String(cString: strerror(errno))
      if hadPrevious { _ = rename(previous.path, target.path) }
      try? fileManager.removeItem(at: staging)
      throw Failure(reason: "cannot move the package into \(target.path): \(reason)")
    }
    if hadPrevious { try? fileManager.removeItem(at: previous) }
    return target.path
  }

  /// Every file of the package of `files` (them, the public manifest and the manifest) and the files to publish
  /// in the zip (the public ones and the public manifest).
  static func contents(
    of files: [DocumentSet.File], id: String
  ) -> (all: [DocumentSet.File], published: [DocumentSet.File]) {
    let published = files.filter { PackageLayout.isPublic($0.path) }
    let publicManifest = manifest(of: published, solicitation: id, at: PackageLayout.publicManifest)
    let everything = files + [publicManifest]
    return (everything + [manifest(of: everything, solicitation: id)], published + [publicManifest])
  }

  /// Why the existing `target` is not a package of solicitation `id` that a build may replace, or nil when it
  /// is one (a folder whose `manifest.json` is a Cosolicit manifest of `id`) or does not exist.
  static func notAPackage(_ target: URL, id: String, format: String = manifestFormat) -> String? {
    var status = stat()
    guard lstat(target.path, &status) == 0 else { return nil }
    guard status.st_mode & S_IFMT == S_IFDIR else {
      return status.st_mode & S_IFMT == S_IFLNK ? "is a symbolic link" : "exists and is not a folder"
    }
    let manifest = target.appendingPathComponent("manifest.json")
    guard lstat(manifest.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
      case .success(let source) = SourceFile.read(manifest.path),
      case .success(let tree?) = JSONDocumentReader.read(source), case .mapping(let members) = tree.value
    else { return "is a folder without a Cosolicit manifest (manifest.json)" }
    let fields = Dictionary(members.map { ($0.key, $0.value.scalarText) }, uniquingKeysWith: { first, _ in first })
    guard fields["format"] == format else {
      let found = fields["format"].flatMap { $0 } ?? ""
      return found.hasPrefix("cosolicit.")
        ? "holds another kind of Cosolicit package (\(found))"
        : "holds a manifest.json that is not a Cosolicit package manifest"
    }
    guard fields["solicitation"] == id else { return "holds the package of another solicitation" }
    return nil
  }

  /// A folder an earlier build of a package left in the output folder: `.<id>.<kind>.<pid>.<uuid>`.
  struct Leftover {
    /// What the folder holds.
    enum Kind: String, CaseIterable {
      /// A new package being written.
      case building
      /// The old package, moved aside during the swap.
      case previous
    }

    var kind: Kind
    /// The process that made it.
    var process: pid_t
    /// The folder.
    var url: URL

    /// The leftovers of packages `id` in `root`, whatever process made them.
    static func all(of id: String, in root: URL) -> [Leftover] {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
      return names.sorted().compactMap { name in
        for kind in Kind.allCases where name.hasPrefix(".\(id).\(kind.rawValue).") {
          let rest = name.dropFirst(".\(id).\(kind.rawValue).".count)
          guard let process = rest.split(separator: ".").first.flatMap({ pid_t($0) }), process > 0 else {
            return nil
          }
          return Leftover(kind: kind, process: process, url: root.appendingPathComponent(name))
        }
        return nil
      }
    }

    /// Whether the process that made it has ended (it may not be signalled: it is gone).
    var isAbandoned: Bool {
      kill(process, 0) != 0 && errno == ESRCH
    }
  }

  /// Cleans up after builds of `id` into `root` that were killed midway: puts back an old package that was
  /// moved aside when no package is in place, and removes the other leftovers of processes that have ended.
  /// Leftovers of running processes (a concurrent build) are left alone.
  static func recoverLeftovers(of id: String, in root: URL) {
    let fileManager = FileManager.default
    let abandoned = Leftover.all(of: id, in: root).filter(\.isAbandoned)
    let target = root.appendingPathComponent(id)
    if !fileManager.fileExists(atPath: target.path),
      let aside = abandoned.filter({ $0.kind == .previous }).max(by: { modified($0.url) < modified($1.url) })
    {
      _ = rename(aside.url.path, target.path)
    }
    for leftover in abandoned where fileManager.fileExists(atPath: leftover.url.path) {
      try? fileManager.removeItem(at: leftover.url)
    }
  }

  private static func modified(_ url: URL) -> Date {
    ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast
  }
}
