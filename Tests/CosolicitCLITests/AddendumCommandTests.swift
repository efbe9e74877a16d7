import CosolicitTestSupport
import Foundation
import Testing

/// `cosolicit addendum` on the command line: both forms write the addendum and say so; a usage mistake is a usage
/// error, and an addendum that cannot be issued exits 1 with its reason.
@Suite struct AddendumCommandTests {
  @Test func anAddendumIsIssuedFromTheCommandLine() throws {
    let scratch = try makeTemporaryFolder("cli-addendum")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let workspace = scratch.appendingPathComponent("workspace")
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("Examples/cascade-valley"), to: workspace)
    try? FileManager.default.removeItem(at: workspace.appendingPathComponent("dist"))
    let published = scratch.appendingPathComponent("published").path
    #expect(try ProgramRun.cosolicit(["build", workspace.path, "--out", published, "--quiet"]).status == 0)
    let definition = workspace.appendingPathComponent("solicitation.yaml")
    let text = try String(contentsOf: definition, encoding: .utf8)
    try Data(
      (text.replacingOccurrences(of: "responses_due: 2027-03-09T14:00 ", with: "responses_due: 2027-03-16T14:00 ")
        .replacingOccurrences(of: "at: 2027-03-09T14:15", with: "at: 2027-03-16T14:15")
        + "\naddenda: [{number: 1, issued: 2027-02-20}]\n").utf8
    ).write(to: definition)
    let package = published + "/CVPC-2027-01"
    let output = scratch.appendingPathComponent("out").path
    let run = try ProgramRun.cosolicit([
      "addendum", workspace.path, "--against", package + "/CVPC-2027-01.zip", "--number", "1", "--out", output,
    ])
    #expect(run.status == 0, "\(run.errorOutput)")
    #expect(run.output.contains("wrote addendum 1 (") && run.output.contains("public/addenda/addendum-1.md"))
    let markdown = try String(
      contentsOfFile: output + "/CVPC-2027-01/public/addenda/addendum-1.md", encoding: .utf8)
    #expect(
      markdown.contains(
        "- Responses due: was March 9, 2027, 2:00 p.m. Pacific Time; now March 16, 2027, 2:00 p.m. Pacific Time."))
    // The two-package form, against itself: the published package does not list addendum 1.
    let refused = try ProgramRun.cosolicit(["addendum", package, package, "--number", "1"])
    #expect(refused.status == 1)
    #expect(refused.errorOutput.contains("does not list addendum 1; record it in solicitation.yaml"))
    #expect(refused.errorOutput.contains("no addendum was written"))
    let usage = try ProgramRun.cosolicit(["addendum", package, "--number", "1"])
    #expect(usage.status == 2)
  }
}
