import Foundation
import Testing

@testable import Cosolicit

/// Reproducible output: the same inputs give the same bytes, and the same needs under other file names and in
/// another order give the same documents. Only internal provenance changes then: the `file`, `source` and
/// `sources` of `solicitation.json`, the `file` column of `participants.csv`, the sources of `review.csv`, and so
/// the manifest's entries for those files; every other file, the whole public tree and the zip to publish among
/// them, is byte-identical.
@Suite struct ReproducibleBuildTests {
  static let id = "SAMPLE-2027-01"
  static let provenanceFiles: Set<String> = [
    "internal/solicitation.json", "internal/participants.csv", "internal/review.csv", "manifest.json",
  ]

  /// A new sample workspace of every needs format, with write-ins, mixed units and several lines per item.
  static func sample() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("cosolicit-repro-\(UUID().uuidString)")
    try SampleWorkspace(participants: 14, lines: 25, items: 20, seed: 5).write(to: root.path)
    return root
  }

  /// Builds `workspace` into a new folder and returns every file of the package by its path in the package.
  static func build(_ workspace: URL) throws -> [String: Data] {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("cosolicit-repro-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    let (outcome, diagnostics) = PackageBuild.run(
      workspace: workspace.path, output: output.path, variants: [.joint, .piggyback], templates: nil)
    let built = try #require(outcome, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    var files: [String: Data] = [:]
    for path in built.files {
      files[path] = try Data(contentsOf: URL(fileURLWithPath: built.folder).appendingPathComponent(path))
    }
    return files
  }

  @Test func twoBuildsOfTheSameWorkspaceAreByteIdentical() throws {
    let workspace = try Self.sample()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let first = try Self.build(workspace)
    let second = try Self.build(workspace)
    #expect(first.count == 21 && first.keys.sorted() == second.keys.sorted())
    for (path, data) in first { #expect(second[path] == data, "\(path) differs between two builds") }
  }

  /// The needs files of `workspace` under new names, in reverse name order, each with its lines reversed.
  static func renameAndReorder(_ workspace: URL) throws {
    let needs = workspace.appendingPathComponent("needs")
    let names = try FileManager.default.contentsOfDirectory(atPath: needs.path).sorted()
    for (index, name) in names.enumerated() {
      let url = needs.appendingPathComponent(name)
      let text = try String(contentsOf: url, encoding: .utf8)
      let reordered: String
      switch url.pathExtension {
      case "csv":
        let rows = text.split(separator: "\n", omittingEmptySubsequences: true)
        reordered = ([rows[0]] + rows.dropFirst().reversed()).joined(separator: "\n") + "\n"
      case "yaml":
        let parts = text.components(separatedBy: "\n  - ")
        reordered =
          ([parts[0]] + parts.dropFirst().reversed().map { $0.trimmingCharacters(in: .newlines) })
          .joined(separator: "\n  - ") + "\n"
      default:  // JSON, one line per item
        let lines = text.split(separator: "\n")
        let head = lines.filter { !$0.hasPrefix("  {") && $0 != "]}" }.map(String.init)
        let items = lines.filter { $0.hasPrefix("  {") }.map { String($0.hasSuffix(",") ? $0.dropLast() : $0) }
        reordered = (head + [items.reversed().joined(separator: ",\n"), "]}"]).joined(separator: "\n") + "\n"
      }
      try FileManager.default.removeItem(at: url)
      let renamed = "renamed-\(names.count - index)-\(UUID().uuidString.prefix(4)).\(url.pathExtension)"
      try Data(reordered.utf8).write(to: needs.appendingPathComponent(renamed))
    }
  }

  /// A JSON value without the keys that say where an input line was, with object keys sorted.
  static func withoutProvenance(_ value: Any) -> Any {
    if let object = value as? [String: Any] {
      return object.filter { !["file", "source", "sources"].contains($0.key) }.mapValues(withoutProvenance)
    }
    if let array = value as? [Any] { return array.map(withoutProvenance) }
    return value
  }

  @Test func renamedAndReorderedNeedsFilesChangeOnlyWhereEachLineCameFrom() throws {
    let workspace = try Self.sample()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let original = try Self.build(workspace)
    try Self.renameAndReorder(workspace)
    let intake = Intake.load(workspace: workspace.path)
    #expect(intake.errorCount == 0 && intake.lineCount == 14 * 25, "\(intake.listing)")
    let reordered = try Self.build(workspace)
    #expect(original.keys.sorted() == reordered.keys.sorted())
    for (path, data) in original where !Self.provenanceFiles.contains(path) {
      #expect(reordered[path] == data, "\(path) depends on the needs files' names or order")
    }
    // solicitation.json: the same apart from provenance, which did change.
    func json(_ files: [String: Data]) throws -> Any {
      try JSONSerialization.jsonObject(with: files["internal/solicitation.json"] ?? Data())
    }
    func canonical(_ value: Any) throws -> Data {
      try JSONSerialization.data(withJSONObject: value, options: .sortedKeys)
    }
    #expect(try canonical(Self.withoutProvenance(json(original))) == canonical(Self.withoutProvenance(json(reordered))))
    #expect(try canonical(json(original)) != canonical(json(reordered)), "the sources name the new files")
    // participants.csv: the same apart from the file column.
    func rows(_ files: [String: Data]) throws -> [[String]] {
      let text = String(decoding: files["internal/participants.csv"] ?? Data(), as: UTF8.self)
      let rows = try #require(HostileTextTests.csvRows(text))
      let file = try #require(rows.first?.firstIndex(of: "file"))
      return rows.map { row in row.enumerated().filter { $0.offset != file }.map(\.element) }
    }
    #expect(try rows(original) == rows(reordered))
    #expect(original["internal/participants.csv"] != reordered["internal/participants.csv"])
  }
}
