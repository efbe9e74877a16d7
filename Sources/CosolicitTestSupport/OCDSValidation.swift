import Foundation

/// Runs `Tests/OCDS/validate_ocds.py` (OCDS 1.1.5 schemas with the lots, bids, techniques and contract buyer
/// extensions, offline, plus a strict pass that fails any field the schema does not define) on release packages.
public enum OCDSValidation {
  /// The validation script.
  public static let script = repositoryRoot.appendingPathComponent("Tests/OCDS/validate_ocds.py")

  /// Validates the release package files at `paths`; status 0 when every one is valid, else one line per problem.
  public static func run(_ paths: [String]) throws -> ProgramRun {
    try ProgramRun.run("/usr/bin/env", ["python3", script.path] + paths)
  }

  /// Writes `text` (a release package) to a temporary file named `name` and validates it.
  public static func run(text: String, name: String = "ocds.json") throws -> ProgramRun {
    let folder = try makeTemporaryFolder("ocds")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: file)
    return try run([file.path])
  }
}
