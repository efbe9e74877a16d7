import Foundation

/// The `Tests/Fixtures` folder.
public let fixtures = repositoryRoot.appendingPathComponent("Tests").appendingPathComponent("Fixtures")

/// The repository's root folder.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// A new, empty temporary folder whose name starts with `cosolicit-<name>-`; the caller removes it.
public func makeTemporaryFolder(_ name: String = "tests") throws -> URL {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cosolicit-\(name)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  return folder
}
