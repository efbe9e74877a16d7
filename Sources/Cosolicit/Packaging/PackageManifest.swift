import Crypto
import Foundation
import ZIPFoundation

/// The check that a built solicitation package is still what `cosolicit build` wrote, made before any of its
/// files is used.
///
/// `manifest.json` lists every file of the package with its size and SHA-256; `public/manifest.json` lists the
/// public files, and `<id>.zip` holds a copy of it (``PackageLayout``). A package is intact when its public
/// manifest is the zip's copy, both manifests agree on every public file, every file the manifest lists is there
/// with its size and SHA-256, and every file the reader needs is listed. Each difference is an error at the
/// file that differs, so a package edited after it was built (or a folder that was never built as one) is
/// refused instead of trusted.
public enum PackageManifest {
  /// The manifest's file name, in the package folder.
  public static let fileName = PackageLayout.manifest
  /// The manifest's `format`.
  static let format = "cosolicit.manifest/1"
  /// Why each finding is an error.
  static let changed = "the package was changed after it was built"

  /// One file the manifest lists.
  struct Entry {
    /// The path inside the package, with `/` separators.
    var path: String
    /// The size in bytes, when recorded.
    var bytes: Int?
    /// The SHA-256, lowercase hexadecimal.
    var sha256: String
  }

  /// The problems of the package in `folder` (empty when intact): its manifest against the zip's copy, every
  /// listed file against the manifest, and each of `needed` (paths inside the package) listed.
  public static func verify(package folder: String, needing needed: [String]) -> [Diagnostic] {
    let manifestPath = join(folder, fileName)
    let manifestStart = SourceLocation.start(of: manifestPath)
    guard FileManager.default.fileExists(atPath: manifestPath) else {
      return [
        Diagnostic(
          .error,
          "the package \(folder) has no \(fileName), so its files cannot be verified; use a package written by "
            + "cosolicit build", at: manifestStart)
      ]
    }
    let manifest: SourceFile
    switch SourceFile.read(manifestPath) {
    case .success(let file): manifest = file
    case .failure(let problem): return [problem]
    }
    let solicitation: String
    let entries: [Entry]
    switch parse(Data(manifest.text.utf8)) {
    case .success(let parsed): (solicitation, entries) = parsed
    case .failure(let problem):
      return [
        Diagnostic(.error, "\(fileName) is not a package manifest: \(problem.message); \(changed)", at: manifestStart)
      ]
    }
    if let problem = verifyPublicManifest(folder: folder, solicitation: solicitation, entries: entries) {
      return [problem]
    }
    var diagnostics = DiagnosticCollector()
    for entry in entries {
      let path = join(folder, entry.path)
      let here = SourceLocation.start(of: path)
      guard let (size, hash) = digest(of: path) else {
        diagnostics.error(
          "\(entry.path) is listed in \(fileName) but missing or not an ordinary file; \(changed)", at: here)
        continue
      }
      if let bytes = entry.bytes, bytes != size {
        diagnostics.error(
          "\(entry.path) does not match the manifest's SHA-256 (it is \(size) bytes, the manifest records "
            + "\(bytes)); \(changed)", at: here)
      } else if hash != entry.sha256 {
        diagnostics.error(
          "\(entry.path) does not match the manifest's SHA-256 (the manifest records \(entry.sha256.prefix(12))…, "
            + "the file has \(hash.prefix(12))…); \(changed)", at: here)
      }
    }
    let listed = Set(entries.map(\.path))
    for path in needed where !listed.contains(path) {
      diagnostics.error(
        "\(path) is not listed in the package's \(fileName); \(changed)", at: .start(of: join(folder, path)))
    }
    return diagnostics.diagnostics
  }

  /// Why a manifest cannot be read.
  struct Problem: Error {
    var message: String
  }

  /// The solicitation id and entries of a manifest's JSON.
  static func parse(_ data: Data) -> Result<(String, [Entry]), Problem> {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      return .failure(Problem(message: "it is not a JSON object"))
    }
    guard object["format"] as? String == format else {
      return .failure(Problem(message: "its format is not \(format)"))
    }
    guard let solicitation = object["solicitation"] as? String, Identifier.isValid(solicitation) else {
      return .failure(Problem(message: "it names no valid solicitation id"))
    }
    guard let files = object["files"] as? [[String: Any]] else {
      return .failure(Problem(message: "it has no list of files"))
    }
    var entries: [Entry] = []
    for file in files {
      guard let path = file["path"] as? String, isInside(path), let sha256 = file["sha256"] as? String,
        sha256.count == 64, sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase })
      else {
        return .failure(Problem(message: "a file has no path inside the package or no SHA-256"))
      }
      let bytes = file["bytes"] as? Int
      if file["bytes"] != nil, bytes == nil {
        return .failure(Problem(message: "the size of \(path) is not a whole number"))
      }
      entries.append(Entry(path: path, bytes: bytes, sha256: sha256))
    }
    return .success((solicitation, entries))
  }

  /// Whether `path` names a file inside the package: relative, no empty, `.` or `..` component, no `\`.
  static func isInside(_ path: String) -> Bool {
    guard !path.hasPrefix("/"), !path.contains("\\") else { return false }
    return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
      !$0.isEmpty && $0 != "." && $0 != ".."
    }
  }

  /// The problem with the package's public manifest, or nil when it is the zip's copy and agrees with the
  /// manifest's `entries` on every public file.
  static func verifyPublicManifest(folder: String, solicitation: String, entries: [Entry]) -> Diagnostic? {
    let name = PackageLayout.publicManifest
    let path = join(folder, name)
    let here = SourceLocation.start(of: path)
    guard let data = FileManager.default.contents(atPath: path) else {
      return Diagnostic(
        .error, "the package has no \(name), so its public files cannot be verified; \(changed)", at: here)
    }
    if let problem = compareWithZip(data, folder: folder, solicitation: solicitation) {
      return Diagnostic(.error, problem + "; \(changed)", at: here)
    }
    guard case .success(let (publicSolicitation, publicEntries)) = parse(data), publicSolicitation == solicitation
    else {
      return Diagnostic(.error, "\(name) is not the public manifest of \(solicitation); \(changed)", at: here)
    }
    let listed = Dictionary(entries.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
    let published = Dictionary(publicEntries.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
    let inRoot = Dictionary(
      listed.filter { PackageLayout.isPublic($0.key) && $0.key != name }.map { ($0.key, $0.value) },
      uniquingKeysWith: { first, _ in first })
    let differing = Set(inRoot.keys).union(published.keys).filter { inRoot[$0] != published[$0] }.sorted()
    if let first = differing.first {
      return Diagnostic(
        .error, "\(fileName) and \(name) disagree on \(first); \(changed)", at: .start(of: join(folder, first)))
    }
    guard listed[name] != nil else {
      return Diagnostic(.error, "\(name) is not listed in the package's \(fileName); \(changed)", at: here)
    }
    return nil
  }

  /// Why the public manifest `data` is not the copy in the package's `<solicitation>.zip`, or nil when it is.
  static func compareWithZip(_ data: Data, folder: String, solicitation: String) -> String? {
    let zipName = PackageLayout.zip(solicitation)
    let zipPath = join(folder, zipName)
    let name = PackageLayout.publicManifest
    guard FileManager.default.fileExists(atPath: zipPath) else {
      return "the package has no \(zipName) to check \(name) against"
    }
    guard let archive = try? Archive(url: URL(fileURLWithPath: zipPath), accessMode: .read),
      let entry = archive["\(solicitation)/\(name)"]
    else {
      return "\(zipName) holds no \(solicitation)/\(name) to check \(name) against"
    }
    guard entry.uncompressedSize == Int64(data.count) else {
      return "\(name) does not match its copy in \(zipName)"
    }
    var copy = Data()
    do {
      _ = try archive.extract(entry, skipCRC32: false) { copy.append($0) }
    } catch {
      return "the copy of \(fileName) in \(zipName) cannot be read"
    }
    return copy == data ? nil : "\(name) does not match its copy in \(zipName)"
  }

  /// The size and SHA-256 (lowercase hexadecimal) of the ordinary file at `path`, read in chunks; nil when it is
  /// missing, not an ordinary file (a folder, a link, a device) or cannot be read.
  static func digest(of path: String) -> (Int, String)? {
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    guard attributes?[.type] as? FileAttributeType == .typeRegular, let handle = FileHandle(forReadingAtPath: path)
    else { return nil }
    defer { try? handle.close() }
    var hasher = SHA256()
    var size = 0
    while true {
      let chunk: Data?
      do { chunk = try handle.read(upToCount: 1 << 20) } catch { return nil }
      guard let chunk, !chunk.isEmpty else { break }  // nil or empty at the end of the file
      hasher.update(data: chunk)
      size += chunk.count
    }
    return (size, hasher.finalize().map { String(format: "%02x", $0) }.joined())
  }

  /// Joins a folder and a relative path without doubling the separator.
  private static func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }
}
