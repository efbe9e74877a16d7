import CosolicitTestSupport
import Foundation
import Testing

/// The `cosolicit` executable end to end: output shape, exit codes, and the README's commands.
@Suite struct CommandLineTests {
  func run(_ arguments: [String], in folder: URL = repositoryRoot) throws -> ProgramRun {
    try ProgramRun.cosolicit(arguments, in: folder)
  }

  @Test func validateExitsZeroOnTheExample() throws {
    let result = try run(["validate", "Examples/cascade-valley"])
    #expect(result.status == 0, "\(result.errorOutput)")
    #expect(
      result.errorOutput
        == "Examples/cascade-valley/solicitation.yaml:65:9: note: invited agency 'pine-ridge-fire' (Pine Ridge Rural "
        + "Fire Protection District) has not sent a needs file\n"
        + "checked 10 files: 7 participants, 100 lines; 0 errors, 0 warnings\n")
  }

  @Test func validateDefaultsToTheCurrentFolder() throws {
    let result = try run(["validate"], in: repositoryRoot.appendingPathComponent("Examples/cascade-valley"))
    #expect(result.status == 0, "\(result.errorOutput)")
  }

  @Test func validateListsEveryProblemAndExitsOne() throws {
    let result = try run(["validate", "Examples/invalid", "Examples/invalid/empty-needs"])
    #expect(result.status == 1)
    let lines = result.errorOutput.split(separator: "\n").map(String.init)
    let shape = #/^Examples/invalid/[^:]+:\d+:\d+: (error|warning|note): .+$/#
    #expect(lines.count == 26)
    #expect(lines.dropLast().allSatisfy { $0.wholeMatch(of: shape) != nil }, "\(lines)")
    #expect(lines.last?.hasPrefix("checked 11 files") == true)
    #expect(lines.last?.hasSuffix("22 errors, 2 warnings") == true, "\(lines.last ?? "")")
  }

  @Test func jsonFormatPrintsAnArrayOnStandardOutput() throws {
    let result = try run(["validate", "--format", "json", "Examples/invalid"])
    #expect(result.status == 1)
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
    #expect(array.count == 24)
    #expect(array.allSatisfy { $0["path"] is String && $0["line"] is Int && $0["message"] is String })
    #expect(result.errorOutput.hasPrefix("checked 10 files"))
  }

  @Test func singleFilesAreCheckedAgainstTheirWorkspace() throws {
    let result = try run(["validate", "Examples/invalid/needs/alder-county.yaml"])
    #expect(result.status == 1)
    let lines = result.errorOutput.split(separator: "\n")
    #expect(lines.dropLast().allSatisfy { $0.hasPrefix("Examples/invalid/needs/alder-county.yaml:") }, "\(lines)")
    #expect(result.errorOutput.contains("unknown catalog item 'TECH-LAP-15'"))
    #expect(result.errorOutput.contains("is before the contract term starts"))
  }

  @Test func usageErrorsExitTwo() throws {
    #expect(try run(["validate", "no/such/folder"]).status == 2)
    #expect(try run(["validate", "--format", "xml", "Examples/cascade-valley"]).status == 2)
    #expect(try run(["frobnicate"]).status == 2)
    #expect(try run([]).status == 2)
  }

  @Test func initWritesAValidWorkspaceAndRefusesToOverwrite() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cosolicit-cli-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let created = try run(["init", folder.path])
    #expect(created.status == 0, "\(created.errorOutput)")
    #expect(try run(["validate", folder.path]).status == 0)
    let again = try run(["init", folder.path])
    #expect(again.status == 1)
    #expect(again.errorOutput.contains("already exists"))
  }

  @Test func templatesExportWritesTheTemplatesThatBuildTakesBack() throws {
    let folder = try makeTemporaryFolder("templates-export")
    defer { try? FileManager.default.removeItem(at: folder) }
    let templates = folder.appendingPathComponent("templates").path
    let exported = try run(["templates", "export", templates])
    #expect(exported.status == 0, "\(exported.errorOutput)")
    #expect(FileManager.default.fileExists(atPath: templates + "/rfp.html.mustache"))
    #expect(FileManager.default.fileExists(atPath: templates + "/README.md"))
    let built = try run([
      "build", "Examples/cascade-valley", "--out", folder.appendingPathComponent("dist").path, "--templates", templates,
    ])
    #expect(built.status == 0 && !built.errorOutput.contains("warning"), "\(built.errorOutput)")
    let again = try run(["templates", "export", templates])
    #expect(again.status == 1)
    #expect(again.errorOutput.contains("already exists"))
  }

  @Test func readmeStartsWithTheTwoCommands() throws {
    let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let firstBlock = try #require(readme.split(separator: "```").dropFirst().first)
    let commands = firstBlock.split(separator: "\n").filter { !$0.isEmpty && !$0.hasPrefix("#") && $0 != "sh" }
    #expect(commands == ["swift run cosolicit build Examples/cascade-valley", "swift test"])
  }

  @Test func aggregatePrintsJSONWhenPipedAndATableOnRequest() throws {
    let piped = try run(["aggregate", "Examples/cascade-valley"])
    #expect(piped.status == 0, "\(piped.errorOutput)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(piped.output.utf8)) as? [String: Any])
    #expect(json["format"] as? String == "cosolicit.joint-solicitation/1")
    #expect((json["lots"] as? [Any])?.count == 3)
    let table = try run(["aggregate", "--format", "table", "Examples/cascade-valley"])
    #expect(table.output.contains("Lot L1: Classroom and office technology"))
    #expect(table.output.contains("a formal competitive process is required"))
    let csv = try run(["aggregate", "--format", "csv", "Examples/cascade-valley"])
    #expect(csv.output.hasPrefix("lot,line,item,description,"))
    #expect(csv.output.split(separator: "\r\n").count == 101, "a header and one row per share")
  }

  @Test func aggregateWritesTheOutputFileWholeOrNotAtAll() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cosolicit-out-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let target = folder.appendingPathComponent("joint.json")
    let written = try run(["aggregate", "Examples/cascade-valley", "--out", target.path])
    #expect(written.status == 0, "\(written.errorOutput)")
    let first = try Data(contentsOf: target)
    #expect(try JSONSerialization.jsonObject(with: first) is [String: Any], "the format follows the extension")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["joint.json"], "no temporary file left")
    // The same inputs give the same bytes.
    #expect(try run(["aggregate", "Examples/cascade-valley", "--out", target.path]).status == 0)
    #expect(try Data(contentsOf: target) == first)
    // A workspace with errors writes nothing and keeps the old file.
    let refused = try run(["aggregate", "Examples/invalid", "--out", target.path])
    #expect(refused.status == 1)
    #expect(refused.errorOutput.contains("nothing was written"))
    #expect(refused.errorOutput.contains("Examples/invalid/catalog.csv:14:124: error:"))
    #expect(try Data(contentsOf: target) == first)
  }

  @Test func aggregateOutDashIsStandardOutputAndAnInputIsNeverATarget() throws {
    let piped = try run(["aggregate", "Examples/cascade-valley", "--format", "csv", "--out", "-"])
    #expect(piped.status == 0 && piped.output.hasPrefix("lot,line,"), "\(piped.errorOutput)")
    #expect(!FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent("-").path))
    let workspace = try makeTemporaryFolder("inputs")
    defer { try? FileManager.default.removeItem(at: workspace) }
    try FileManager.default.removeItem(at: workspace)
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("Examples/cascade-valley"), to: workspace)
    let needs = try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("needs").path)
    let input = workspace.appendingPathComponent("needs/\(try #require(needs.sorted().first))")
    let before = try Data(contentsOf: input)
    for target in [input.path, workspace.appendingPathComponent("needs/joint.csv").path] {
      let refused = try run(["aggregate", workspace.path, "--format", "csv", "--out", target])
      #expect(refused.status == 1 && refused.errorOutput.contains("cannot write"), "\(refused.errorOutput)")
    }
    #expect(try Data(contentsOf: input) == before)
    #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("needs/joint.csv").path))
  }

  @Test func buildWorksFromAnyFolder() throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cosolicit-cli-build-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    let example = repositoryRoot.appendingPathComponent("Examples/cascade-valley").path
    let result = try run(["build", example, "--out", output.path], in: FileManager.default.temporaryDirectory)
    #expect(result.status == 0, "\(result.errorOutput)")
    #expect(result.output.contains("CVPC-2027-01.zip"))
    for path in [
      "public/joint/rfp.html", "public/piggyback/bid-form.xml", "internal/compare.md", "manifest.json",
      "CVPC-2027-01.zip",
    ] {
      #expect(
        FileManager.default.fileExists(atPath: output.appendingPathComponent("CVPC-2027-01/\(path)").path), "\(path)")
    }
    let refused = try run([
      "build", repositoryRoot.appendingPathComponent("Examples/invalid").path, "--out", output.path,
    ])
    #expect(refused.status == 1)
    #expect(refused.errorOutput.contains("the package was not written"))
  }

  @Test func noProgressBarWhenOutputIsNotATerminal() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cosolicit-cli-sample-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let sample = try run(["sample", folder.path, "--participants", "300", "--lines", "40"])
    #expect(sample.status == 0, "\(sample.errorOutput)")
    let result = try run(["validate", folder.path])
    #expect(result.status == 0, "\(result.errorOutput)")
    #expect(!result.errorOutput.contains("\r"), "no progress bar on a pipe")
    #expect(result.errorOutput == "checked 302 files: 300 participants, 12000 lines; 0 errors, 0 warnings\n")
    #expect(try run(["sample", folder.path]).status == 1, "a sample never overwrites a folder")
  }
}
