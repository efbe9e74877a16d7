import CosolicitTestSupport
import Foundation
import Testing

/// `check-bid --solicitation PACKAGE` refuses a package edited after it was built, naming the file.
@Suite struct CheckBidTamperingTests {
  @Test func checkBidRefusesAChangedPackage() throws {
    let output = try makeTemporaryFolder("tampering")
    defer { try? FileManager.default.removeItem(at: output) }
    let built = try ProgramRun.cosolicit(["build", "Examples/cascade-valley", "--out", output.path])
    #expect(built.status == 0, "\(built.errorOutput)")
    let package = output.appendingPathComponent("CVPC-2027-01")
    let form = package.appendingPathComponent("public/joint/bid-form.xml")
    let bid = fixtures.appendingPathComponent("bids/bid.xml").path
    let untouched = try ProgramRun.cosolicit(["check-bid", bid, "--solicitation", package.path])
    #expect(!untouched.errorOutput.contains("manifest"), "\(untouched.errorOutput)")
    let text = try String(contentsOf: form, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "<quantity>", with: "<quantity>1").utf8).write(to: form)
    let run = try ProgramRun.cosolicit(["check-bid", bid, "--solicitation", package.path])
    #expect(run.status == 1)
    #expect(
      run.errorOutput.contains(
        "\(form.path):1:1: error: public/joint/bid-form.xml does not match the manifest's SHA-256"),
      "\(run.errorOutput)")
    #expect(run.errorOutput.contains("the package was changed after it was built"))
    #expect(run.errorOutput.contains("the bid was not checked"))
  }
}
