import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// A built package edited afterwards is noticed: check-bid verifies the package's manifest before it reads the
/// blank form or the schema, and names the file that differs.
@Suite struct PackageTamperingTests {
  /// Builds the example workspace into a new folder; returns the package folder.
  static func build() throws -> URL {
    let output = try makeTemporaryFolder("tampering")
    let (outcome, diagnostics) = PackageBuild.run(
      workspace: repositoryRoot.appendingPathComponent("Examples/cascade-valley").path, output: output.path,
      variants: [.joint, .piggyback], templates: nil)
    let built = try #require(outcome, "\(diagnostics)")
    return URL(fileURLWithPath: built.folder)
  }

  /// Replaces the first `old` in the package file `path` with `new`, which has as many bytes.
  static func edit(_ folder: URL, _ path: String, replacing old: String, with new: String) throws {
    let file = folder.appendingPathComponent(path)
    let text = try String(contentsOf: file, encoding: .utf8)
    let range = try #require(text.range(of: old), "\(old) is not in \(path)")
    try Data(text.replacingCharacters(in: range, with: new).utf8).write(to: file)
  }

  /// Loads the joint blank form of the package in `folder` as check-bid does.
  static func load(_ folder: URL) throws -> Result<BidReference, BidReference.Failure> {
    BidReference.load(
      folder.path, variant: .joint, solicitationID: nil, defaultSchema: try #require(BidCheck.defaultSchema))
  }

  /// The one error of a refused load, which must be at line 1, column 1 of `path` in `folder`.
  static func expectRefused(
    _ folder: URL, naming path: String, saying words: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    guard case .failure(let failure) = try load(folder) else {
      Issue.record("the changed package was used", sourceLocation: sourceLocation)
      return
    }
    let errors = failure.diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1, "\(errors)", sourceLocation: sourceLocation)
    let error = try #require(errors.first)
    #expect(
      error.location == .start(of: folder.appendingPathComponent(path).path), "\(error)", sourceLocation: sourceLocation
    )
    #expect(error.message.contains(words), "\(error)", sourceLocation: sourceLocation)
    #expect(error.message.hasSuffix("the package was changed after it was built"), sourceLocation: sourceLocation)
  }

  @Test func anUntouchedPackageIsUsed() throws {
    let folder = try Self.build()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    #expect(try Self.load(folder).get().form.kind == .blankForm)
    #expect(PackageManifest.verify(package: folder.path, needing: ["public/joint/bid-form.xml"]).isEmpty)
  }

  @Test func anEditedBidFormIsRefused() throws {
    let folder = try Self.build()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    try Self.edit(folder, "public/joint/bid-form.xml", replacing: "<quantity>", with: "<quantity>1")
    try Self.expectRefused(folder, naming: "public/joint/bid-form.xml", saying: "does not match the manifest's SHA-256")
  }

  @Test func anEditedSchemaOfTheSameSizeIsRefused() throws {
    let folder = try Self.build()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    try Self.edit(folder, "public/joint/bid-form.xsd", replacing: "value=\"2000\"", with: "value=\"9000\"")
    try Self.expectRefused(folder, naming: "public/joint/bid-form.xsd", saying: "does not match the manifest's SHA-256")
  }

  /// Changes the first digit of the SHA-256 the manifest at `manifest` records for `path`.
  static func editHash(_ folder: URL, in manifest: String, of path: String) throws {
    let text = try String(contentsOf: folder.appendingPathComponent(manifest), encoding: .utf8)
    let entry = try #require(text.range(of: "\"\(path)\""), "\(path) is not in \(manifest)")
    let hash = try #require(text[entry.upperBound...].firstMatch(of: #/"sha256":\s*"([0-9a-f])/#))
    let digit = hash.output.1 == "0" ? "1" : "0"
    let edited = text.replacingCharacters(in: hash.range, with: hash.output.0.dropLast() + digit)
    try Data(edited.utf8).write(to: folder.appendingPathComponent(manifest))
  }

  @Test func anEditedPublicManifestIsRefused() throws {
    let folder = try Self.build()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    try Self.editHash(folder, in: "public/manifest.json", of: "public/joint/bid-form.xml")
    try Self.expectRefused(
      folder, naming: "public/manifest.json", saying: "public/manifest.json does not match its copy in CVPC-2027-01.zip"
    )
  }

  /// The manifest's entry of a public file must agree with the public manifest, which the zip holds a copy of.
  @Test func anEditedManifestIsRefused() throws {
    let folder = try Self.build()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    try Self.editHash(folder, in: "manifest.json", of: "public/joint/bid-form.xml")
    try Self.expectRefused(
      folder, naming: "public/joint/bid-form.xml",
      saying: "manifest.json and public/manifest.json disagree on public/joint/bid-form.xml")
  }

  /// An internal file is verified against the manifest too, though only the public files travel in the zip.
  @Test func anEditedInternalFileIsRefused() throws {
    let folder = try Self.build()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    try Self.edit(folder, "internal/compare.md", replacing: "Cascade", with: "Cascadf")
    try Self.expectRefused(folder, naming: "internal/compare.md", saying: "does not match the manifest's SHA-256")
  }

  @Test func aMissingOrUnlistedFileIsRefused() throws {
    let folder = try Self.build()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    try FileManager.default.removeItem(at: folder.appendingPathComponent("public/joint/rfp.md"))
    try Self.expectRefused(folder, naming: "public/joint/rfp.md", saying: "is listed in manifest.json but missing")
    let sandbox = try Sandbox(copying: "bids")
    try sandbox.writePackage("P-1", in: ".", files: ["public/joint/bid-form.xml": try BidCheckTests.text("form.xml")])
    try sandbox.write("P-1/public/joint/bid-form.xsd", try #require(BidCheck.defaultSchema))
    try Self.expectRefused(
      sandbox.root.appendingPathComponent("P-1"), naming: "public/joint/bid-form.xsd", saying: "is not listed")
  }

  @Test func aFolderWithoutAManifestIsRefused() throws {
    let folder = try Self.build()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    try FileManager.default.removeItem(at: folder.appendingPathComponent("manifest.json"))
    guard case .failure(let failure) = try Self.load(folder) else {
      Issue.record("a package without a manifest was used")
      return
    }
    #expect(failure.diagnostics.map(\.location) == [.start(of: folder.appendingPathComponent("manifest.json").path)])
    #expect(failure.diagnostics.first?.message.contains("has no manifest.json") == true)
  }

  /// The blank form named as a file is verified too when it lies in a built package.
  @Test func aFormNamedAsAFileInAPackageIsVerified() throws {
    let folder = try Self.build()
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    let form = folder.appendingPathComponent("public/joint/bid-form.xml").path
    let schema = try #require(BidCheck.defaultSchema)
    #expect(throws: Never.self) {
      try BidReference.load(form, variant: .joint, solicitationID: nil, defaultSchema: schema).get()
    }
    try Self.edit(folder, "public/joint/bid-form.xml", replacing: "<quantity>", with: "<quantity>1")
    #expect(throws: BidReference.Failure.self) {
      try BidReference.load(form, variant: .joint, solicitationID: nil, defaultSchema: schema).get()
    }
  }

  /// The manifest cannot send the check outside the package.
  @Test func manifestPathsStayInsideThePackage() {
    for path in ["../x", "/etc/passwd", "a/../../b", "a//b", "./a", "a\\b", ""] {
      #expect(!PackageManifest.isInside(path), "\(path)")
    }
    #expect(PackageManifest.isInside("public/joint/bid-form.xml"))
  }
}
