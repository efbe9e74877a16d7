import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The default templates, their overrides, and their errors.
@Suite struct TemplateTests {
  static let example = repositoryRoot.appendingPathComponent("Examples/cascade-valley").path

  func temporaryFolder() throws -> URL { try makeTemporaryFolder("templates") }

  @Test func theEmbeddedDefaultsAreTheFilesInTemplates() throws {
    let folder = repositoryRoot.appendingPathComponent("Templates")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "README.md" }.sorted()
    #expect(TemplateSet.defaultNames == names)
    for name in names {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      #expect(DefaultTemplates.files[name] == text, "\(name) is embedded as it is in Templates/")
    }
  }

  @Test func anOverrideReplacesOneTemplateAndTheRestFallBack() throws {
    let templates = try temporaryFolder()
    let output = try temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: templates)
      try? FileManager.default.removeItem(at: output)
    }
    try "{{%CONTENT_TYPE: MARKDOWN}}\nCustom RFP for {{solicitation.id}}: {{participantCount}} participants\n"
      .write(to: templates.appendingPathComponent("rfp.md.mustache"), atomically: true, encoding: .utf8)
    let (outcome, diagnostics) = PackageBuild.run(
      workspace: Self.example, output: output.path, variants: [.joint], templates: templates.path)
    let folder = try #require(outcome?.folder, "\(diagnostics)")
    #expect(
      try String(contentsOfFile: folder + "/public/joint/rfp.md", encoding: .utf8)
        == "Custom RFP for CVPC-2027-01: 7 participants\n")
    #expect(
      try String(contentsOfFile: folder + "/public/joint/rfp.html", encoding: .utf8).contains("Schedule of events"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/piggyback"), "only the variant asked for")
  }

  /// `templates export` writes every default template and the guide byte for byte as Templates/ holds them, and
  /// the folder passed back with --templates builds the very same package, with no finding about the guide.
  @Test func exportedTemplatesBuildTheSamePackageAsTheDefaults() throws {
    let parent = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let exported = parent.appendingPathComponent("templates")
    try TemplateExport.write(to: exported.path)
    let names = try FileManager.default.contentsOfDirectory(atPath: exported.path).sorted()
    #expect(names == (TemplateSet.defaultNames + ["README.md"]).sorted())
    for name in names {
      let shipped = try Data(contentsOf: repositoryRoot.appendingPathComponent("Templates/\(name)"))
      #expect(try Data(contentsOf: exported.appendingPathComponent(name)) == shipped, "\(name) as shipped")
    }
    var packages: [String] = []
    for templates in [nil, exported.path] {
      let output = parent.appendingPathComponent("out-\(packages.count)")
      let (outcome, diagnostics) = PackageBuild.run(
        workspace: Self.example, output: output.path, variants: [.joint, .piggyback], templates: templates)
      let built = try #require(outcome, "\(diagnostics)")
      #expect(!diagnostics.contains { $0.location.path.hasPrefix(exported.path) }, "\(diagnostics)")
      packages.append(built.zipSHA256)
    }
    #expect(packages[0] == packages[1], "the same package zip, byte for byte")
  }

  /// Export never writes into a folder that has files, and leaves them as they were.
  @Test func exportRefusesAFolderWithFiles() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let mine = folder.appendingPathComponent("rfp.md.mustache")
    try Data("my own RFP".utf8).write(to: mine)
    #expect(throws: StarterWorkspace.Failure.self) { try TemplateExport.write(to: folder.path) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["rfp.md.mustache"])
    #expect(try Data(contentsOf: mine) == Data("my own RFP".utf8))
  }

  /// The wording partials are templates like the others: an override changes every document including them.
  @Test func anOverriddenPartialChangesTheDocumentsThatIncludeIt() throws {
    let templates = try temporaryFolder()
    let output = try temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: templates)
      try? FileManager.default.removeItem(at: output)
    }
    try "event {{code}}".write(
      to: templates.appendingPathComponent("schedule-event.mustache"), atomically: true, encoding: .utf8)
    try "{{#solicitation.isAwardedByLot}}lot by lot{{/solicitation.isAwardedByLot}}".write(
      to: templates.appendingPathComponent("award-method.mustache"), atomically: true, encoding: .utf8)
    let (outcome, diagnostics) = PackageBuild.run(
      workspace: Self.example, output: output.path, variants: [.piggyback], templates: templates.path)
    let folder = try #require(outcome?.folder, "\(diagnostics)")
    let markdown = try String(contentsOfFile: folder + "/public/piggyback/rfp.md", encoding: .utf8)
    #expect(markdown.contains("| event responses_due |"))
    #expect(markdown.contains("Award is lot by lot."))
    #expect(markdown.contains("and award lot by lot against the published evaluation criteria"))
    #expect(
      try String(contentsOfFile: folder + "/public/piggyback/rfp.html", encoding: .utf8).contains(
        "<td>event issue</td>"))
  }

  @Test func aBrokenTemplateNamesItsFileAndLineAndLeavesThePreviousPackage() throws {
    let templates = try temporaryFolder()
    let output = try temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: templates)
      try? FileManager.default.removeItem(at: output)
    }
    let first = PackageBuild.run(workspace: Self.example, output: output.path, variants: [.joint], templates: nil)
    let folder = try #require(first.outcome?.folder)
    let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/CVPC-2027-01.zip"))
    let broken = templates.appendingPathComponent("compare.html.mustache")
    try "<html>\n<body>\n{{#lots}}\n<p>{{id}}</p>\n</body>\n".write(to: broken, atomically: true, encoding: .utf8)
    try "ignored".write(to: templates.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let second = PackageBuild.run(
      workspace: Self.example, output: output.path, variants: [.joint], templates: templates.path)
    #expect(second.outcome == nil)
    let error = try #require(second.diagnostics.first { $0.severity == .error })
    #expect(error.location.path == broken.path && error.location.line >= 3, "\(error)")
    #expect(second.diagnostics.contains { $0.severity == .warning && $0.location.path.hasSuffix("notes.txt") })
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/CVPC-2027-01.zip")) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["CVPC-2027-01"], "nothing left over")
  }

  /// Every name a template uses must be in its model: Mustache renders an unknown name as nothing, silently.
  @Test func templatesReferenceOnlyNamesTheirModelHas() throws {
    var diagnostics = DiagnosticCollector()
    let templates = try #require(TemplateSet.load(overrides: nil, &diagnostics), "\(diagnostics.diagnostics)")
    #expect(diagnostics.diagnostics.isEmpty)
    #expect(templates.unknownNames().isEmpty)
  }
}
