import CosolicitTestSupport
import Foundation
import Testing

/// `cosolicit tabulate` on the command line: the README's walkthrough on the shipped example, the award package
/// written complete and only over an award package, and an unresolved tie that exits 1 and writes nothing.
@Suite struct TabulateCommandTests {
  /// A copy of Examples/cascade-valley (with its bids) in `scratch`, built into its default `dist/`.
  static func workspace(in scratch: URL) throws -> String {
    let workspace = scratch.appendingPathComponent("workspace")
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("Examples/cascade-valley"), to: workspace)
    try? FileManager.default.removeItem(at: workspace.appendingPathComponent("dist"))
    #expect(try ProgramRun.cosolicit(["build", workspace.path, "--quiet"]).status == 0)
    return workspace.path
  }

  @Test func theExampleIsTabulatedAndItsAwardPackageWritten() throws {
    let scratch = try makeTemporaryFolder("cli-tabulate")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let workspace = try Self.workspace(in: scratch)
    let awards = scratch.appendingPathComponent("awards").path
    let run = try ProgramRun.cosolicit(["tabulate", workspace, "--out", awards])
    #expect(run.status == 0, "\(run.errorOutput)")
    #expect(run.output.contains("CVPC-2027-01: 5 bids received, 4 responsive"))
    #expect(run.output.contains("NONRESPONSIVE: late: received March 9, 2027, 2:12 p.m. Pacific Time"))
    #expect(run.output.contains("pacific-janitorial, valley-office tied; local-preference"))
    let folder = awards + "/CVPC-2027-01-award"
    for file in [
      "tabulation.html", "tabulation.csv", "reconciliation.csv", "ocds.json", "manifest.json",
      "schedules/city-of-riverton.html", "schedules/city-of-riverton.csv",
    ] {
      #expect(FileManager.default.fileExists(atPath: folder + "/" + file), "\(file)")
    }
    // The same inputs give the same bytes; a second run replaces the first package whole.
    let first = try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))
    #expect(try ProgramRun.cosolicit(["tabulate", workspace, "--out", awards]).status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")) == first)
  }

  @Test func aFolderThatIsNotAnAwardPackageIsNeverReplaced() throws {
    let scratch = try makeTemporaryFolder("cli-tabulate-own")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let workspace = try Self.workspace(in: scratch)
    // The solicitation package's own folder is not an award package: writing the award there is refused.
    let dist = workspace + "/dist"
    try FileManager.default.createDirectory(
      atPath: dist + "/CVPC-2027-01-award", withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: URL(fileURLWithPath: dist + "/CVPC-2027-01-award/notes.txt"))
    let run = try ProgramRun.cosolicit(["tabulate", workspace, "--out", dist])
    #expect(run.status == 1)
    #expect(run.errorOutput.contains("is a folder without a Cosolicit manifest"))
    #expect(try String(contentsOfFile: dist + "/CVPC-2027-01-award/notes.txt", encoding: .utf8) == "mine")
  }

  @Test func anUnresolvedTieExitsOneAndWritesNothing() throws {
    let scratch = try makeTemporaryFolder("cli-tabulate-tie")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let workspace = try Self.workspace(in: scratch)
    // Without local preference, the custodial tie needs a drawing recorded in award.yaml.
    let definition = workspace + "/solicitation.yaml"
    let text = try String(contentsOfFile: definition, encoding: .utf8)
    try Data(
      text.replacingOccurrences(of: "tie_breakers: [local-preference, drawing]", with: "tie_breakers: [drawing]")
        .replacingOccurrences(of: "local_suppliers: [\"Cascade Valley Office Supply\"]", with: "").utf8
    ).write(to: URL(fileURLWithPath: definition))
    let awards = scratch.appendingPathComponent("awards").path
    let run = try ProgramRun.cosolicit(["tabulate", workspace, "--out", awards])
    #expect(run.status == 1)
    #expect(run.errorOutput.contains("lot L2: bids pacific-janitorial (Pacific Janitorial Supply) and valley-office"))
    #expect(run.errorOutput.contains("winner: pacific-janitorial or valley-office, method: drawing"))
    #expect(run.errorOutput.contains("the award is not final; nothing was written"))
    #expect(run.output.contains("TIED: pacific-janitorial, valley-office"))
    #expect(!FileManager.default.fileExists(atPath: awards))
    // Recorded, the award goes through.
    try Data(
      "awarded: 2027-04-13\nties:\n  - {lot: L2, winner: Pacific Janitorial Supply, method: drawing, date: 2027-03-10, witnesses: [Ana Ruiz, Tom Becker]}\n"
        .utf8
    ).write(to: URL(fileURLWithPath: workspace + "/award.yaml"))
    let resolved = try ProgramRun.cosolicit(["tabulate", workspace, "--out", awards])
    #expect(resolved.status == 0, "\(resolved.errorOutput)")
    #expect(resolved.output.contains("pacific-janitorial, valley-office tied; drawing"))
  }
}
