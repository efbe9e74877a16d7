import Cosolicit
import Foundation
import Testing

/// A copy of a fixture workspace in a temporary folder, to plant one mistake in and validate.
public final class Sandbox {
  /// The sandbox's folder.
  public let root: URL

  /// Copies `Tests/Fixtures/<fixture>` (by default the small valid workspace) to a new temporary folder.
  public init(copying fixture: String = "workspace") throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("cosolicit-tests-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: fixtures.appendingPathComponent(fixture), to: root)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  /// The full path of `relative` inside the sandbox.
  public func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  /// Copies the fixture file `Tests/Fixtures/<fixture>` into the sandbox as `relative`, replacing any file there.
  public func place(_ fixture: String, as relative: String) throws {
    let target = root.appendingPathComponent(relative)
    try? FileManager.default.removeItem(at: target)
    try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: fixtures.appendingPathComponent(fixture), to: target)
  }

  /// Writes `contents` to `relative`.
  public func write(_ relative: String, _ contents: String) throws {
    let target = root.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(contents.utf8).write(to: target)
  }

  /// Writes a built solicitation package `relative/<id>/` holding `files` (path inside the package → text),
  /// with its manifest and zip, as `cosolicit build` writes them.
  public func writePackage(_ id: String, in relative: String, files: [String: String]) throws {
    let contents = files.map { DocumentSet.File(path: $0.key, data: Data($0.value.utf8)) }
    try SolicitationPackage.write(contents, id: id, to: path(relative))
  }

  /// Deletes `relative`.
  public func remove(_ relative: String) throws {
    try FileManager.default.removeItem(at: root.appendingPathComponent(relative))
  }

  /// Validates the sandbox as a workspace.
  public func validate() -> Intake { Intake.load(workspace: root.path) }
}

extension Intake {
  /// The findings in `relative` (a path inside the workspace, or a file's path in memory) of `severity`.
  public func findings(_ severity: Diagnostic.Severity, in relative: String) -> [Diagnostic] {
    diagnostics.filter { diagnostic in
      let path = diagnostic.location.path
      return diagnostic.severity == severity && (path == relative || path.hasSuffix("/" + relative))
    }
  }

  /// Records a test issue unless there is a finding of `severity` at `relative:line:column` whose message
  /// contains every fragment; the issue lists what was found instead.
  public func expect(
    _ severity: Diagnostic.Severity, at relative: String, _ line: Int, _ column: Int, _ fragments: String...,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let found = findings(severity, in: relative).contains { diagnostic in
      diagnostic.location.line == line && diagnostic.location.column == column
        && fragments.allSatisfy { diagnostic.message.contains($0) }
    }
    if !found {
      Issue.record(
        "no \(severity) at \(relative):\(line):\(column) containing \(fragments); found:\n\(listing)",
        sourceLocation: sourceLocation)
    }
  }

  /// Records a test issue unless there is a finding of `severity` at each marked position of `text`, the
  /// contents of `relative`, whose message contains the fragment given for that marker.
  public func expect(
    _ severity: Diagnostic.Severity, in relative: String, at text: MarkedText, _ fragments: [String: String],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    for (marker, fragment) in fragments.sorted(by: { $0.key < $1.key }) {
      guard let position = text.positions[marker] else {
        Issue.record("no marker \(marker) in the text", sourceLocation: sourceLocation)
        continue
      }
      expect(severity, at: relative, position.line, position.column, fragment, sourceLocation: sourceLocation)
    }
  }

  /// The findings as text, for failure messages.
  public var listing: String { diagnostics.map(\.description).joined(separator: "\n") }
}
