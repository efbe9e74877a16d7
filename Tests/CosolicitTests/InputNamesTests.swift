import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Names from input never become paths: the only file and folder names taken from input are the solicitation
/// id's (`OUT/<id>/`, `<id>.zip`, the zip's top folder, the staging folders beside the package). Every id an
/// input file gives (solicitation, lead agency, participants, lots, catalog items) is checked when read, and
/// the package writer checks the id again itself, so nothing is ever written outside the output folder.
@Suite struct InputNamesTests {
  /// Ids that would name a path outside the output folder, a hidden or special entry, or that no file system
  /// treats alike.
  static let unsafeIDs = [
    "../x", "/etc/x", "a/b", "..", ".", ".hidden", "a\\b", "../../../../tmp/cosolicit-escape", "x/..", "a b",
    "C:x", "é", "x\u{202E}", String(repeating: "a", count: 65),
  ]

  /// Where an input file gives an id: the file, the text to replace, and that text with `@ID@` for the id,
  /// already quoted for the format.
  struct Place: Sendable, CustomTestStringConvertible {
    var file: String
    var original: String
    var replacement: String
    var quote: @Sendable (String) -> String
    var testDescription: String { "\(file): \(original.prefix(24))" }
  }

  static func yaml(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
  static func csv(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
  static func json(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  static let places: [Place] = [
    Place(file: "solicitation.yaml", original: "id: JS-2027-001", replacement: "id: @ID@", quote: yaml),
    Place(file: "solicitation.yaml", original: "  id: city-of-example ", replacement: "  id: @ID@ ", quote: yaml),
    Place(file: "solicitation.yaml", original: "  - id: L1", replacement: "  - id: @ID@", quote: yaml),
    Place(file: "catalog.csv", original: "LAPTOP-14,\"Laptop", replacement: "@ID@,\"Laptop", quote: csv),
    Place(
      file: "needs/city-of-example.yaml", original: "  id: city-of-example", replacement: "  id: @ID@", quote: yaml),
    Place(
      file: "needs/school-districts.csv", original: "\nexample-sd-1,Example School District 1,k12,LAPTOP-14",
      replacement: "\n@ID@,Example School District 1,k12,LAPTOP-14", quote: csv),
    Place(
      file: "needs/json-agency.json", original: "\"id\": \"json-agency\"", replacement: "\"id\": @ID@", quote: json),
  ]

  static let jsonNeeds = """
    {"agency": {"id": "json-agency", "name": "JSON Agency", "type": "city"}, "deliver_to": "Hall",
     "items": [{"item": "MONITOR-24", "quantity": 2, "unit": "each"}]}

    """

  /// Every file and folder under `folder`, relative to it.
  static func listing(_ folder: URL) -> [String] {
    (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
  }

  /// A new empty folder, to build into and look around.
  static func makeFolder() throws -> URL { try makeTemporaryFolder("names") }

  @Test(arguments: places, unsafeIDs + [""])
  func anIDThatIsNoSafeNameIsAnErrorAtItsPlace(place: Place, id: String) throws {
    let sandbox = try Sandbox()
    try sandbox.write("needs/json-agency.json", Self.jsonNeeds)
    let original = try String(contentsOfFile: sandbox.path(place.file), encoding: .utf8)
    #expect(original.components(separatedBy: place.original).count == 2, "the place is unique")
    let inserted = place.replacement.replacingOccurrences(of: "@ID@", with: place.quote(id))
    let changed = original.replacingOccurrences(of: place.original, with: inserted)
    try sandbox.write(place.file, changed)
    let before = changed.components(separatedBy: inserted)[0] + place.replacement.components(separatedBy: "@ID@")[0]
    let line = before.filter { $0 == "\n" }.count + 1
    let intake = sandbox.validate()
    let found = intake.findings(.error, in: place.file).filter {
      $0.location.line == line
        && ($0.message.contains("is not a valid id; use letters, digits") || $0.message.contains("missing required"))
    }
    #expect(found.count == 1, "no error at \(place.file):\(line) for '\(id)':\n\(intake.listing)")
  }

  /// The solicitation id names the package: a build of a workspace whose id is unsafe writes nothing at all,
  /// neither in the output folder nor beside it.
  @Test(arguments: unsafeIDs + [""])
  func aBuildWithAnUnsafeSolicitationIDWritesNothing(id: String) throws {
    let sandbox = try Sandbox()
    let definition = try String(contentsOfFile: sandbox.path("solicitation.yaml"), encoding: .utf8)
    try sandbox.write(
      "solicitation.yaml", definition.replacingOccurrences(of: "id: JS-2027-001", with: "id: \(Self.yaml(id))"))
    let workspaceBefore = Self.listing(sandbox.root)
    let parent = try Self.makeFolder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let output = parent.appendingPathComponent("a/b/out")
    let (outcome, diagnostics) = PackageBuild.run(
      workspace: sandbox.root.path, output: output.path, variants: [.joint, .piggyback], templates: nil)
    #expect(outcome == nil)
    #expect(diagnostics.contains { $0.severity == .error && $0.location.path.hasSuffix("solicitation.yaml") })
    #expect(Self.listing(parent).isEmpty, "nothing written: \(Self.listing(parent))")
    #expect(Self.listing(sandbox.root) == workspaceBefore)
  }

  /// The package writer does not rely on its caller: it refuses an id that is not a safe file name.
  @Test(arguments: unsafeIDs + [""])
  func thePackageWriterRefusesAnUnsafeID(id: String) throws {
    let parent = try Self.makeFolder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let output = parent.appendingPathComponent("a/b/out")
    let files = [DocumentSet.File(path: "public/joint/rfp.md", data: Data("# RFP\n".utf8))]
    let error = #expect(throws: SolicitationPackage.Failure.self) {
      try SolicitationPackage.write(files, id: id, to: output.path)
    }
    #expect(error?.reason.contains("cannot name a package folder") == true, "\(String(describing: error))")
    #expect(Self.listing(parent).isEmpty, "nothing written: \(Self.listing(parent))")
  }

  /// A build writes only `OUT/<id>/`: nothing else in the folder holding OUT, nothing in the workspace.
  @Test func aBuildWritesOnlyThePackageFolderInsideTheOutputFolder() throws {
    let sandbox = try Sandbox()
    let workspaceBefore = Self.listing(sandbox.root)
    let parent = try Self.makeFolder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let output = parent.appendingPathComponent("out")
    for _ in 1...2 {
      let (outcome, diagnostics) = PackageBuild.run(
        workspace: sandbox.root.path, output: output.path, variants: [.joint, .piggyback], templates: nil)
      #expect(outcome?.folder == output.appendingPathComponent("JS-2027-001").path, "\(diagnostics)")
    }
    let written = Self.listing(parent)
    #expect(written.first == "out" && written.dropFirst().allSatisfy { $0.hasPrefix("out/JS-2027-001") }, "\(written)")
    #expect(
      written.contains("out/JS-2027-001/JS-2027-001.zip") && written.contains("out/JS-2027-001/public/joint/rfp.html"))
    #expect(Self.listing(sandbox.root) == workspaceBefore, "the workspace is not written to")
  }

  /// check-bid picks a package by the bid's solicitation id only among the folders it lists; the id never
  /// becomes a path, so `../other` cannot reach a package outside the folder named.
  @Test func aBidsSolicitationIDNeverLeadsOutsideTheFolderNamed() throws {
    let parent = try Self.makeFolder()
    defer { try? FileManager.default.removeItem(at: parent) }
    for package in ["packages/A", "packages/B", "other"] {
      let folder = parent.appendingPathComponent("\(package)/public/joint")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data("<bidForm/>".utf8).write(to: folder.appendingPathComponent("bid-form.xml"))
    }
    let packages = parent.appendingPathComponent("packages").path
    for id in ["../other", "../packages/A/..", "/\(parent.path)/other", "A/../B"] {
      let chosen = BidReference.packageFolder(in: packages, variant: .joint, solicitationID: id)
      guard case .failure(let failure) = chosen else {
        Issue.record("'\(id)' chose \(chosen)")
        continue
      }
      #expect(failure.message.contains("none is named after the bid's solicitation"), "\(failure)")
    }
    let named = BidReference.packageFolder(in: packages, variant: .joint, solicitationID: "B")
    #expect((try? named.get()) == packages + "/B/public/joint")
  }
}
