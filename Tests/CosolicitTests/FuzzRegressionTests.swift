import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Inputs the fuzzers (`Tests/Fuzz`, run with `bash Tests/Fuzz/run.sh`) found mishandled, each minimized into
/// `Tests/Fixtures/fuzz/` and read here through the public API its fuzzer drives: every one must give a clear
/// error at a position inside the file, never a crash.
@Suite struct FuzzRegressionTests {
  /// `i:` then `i` with no final line break: libyaml puts its error one line past the end of such a file
  /// (line 3 of 2), so the finding pointed nowhere; it belongs at the end of the last line.
  @Test func yamlErrorAtTheEndOfAFileWithoutFinalLineBreakIsOnItsLastLine() throws {
    let sandbox = try Sandbox()
    try sandbox.place("fuzz/yaml-error-at-end.yaml", as: "needs/city-of-example.yaml")
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/city-of-example.yaml", 2, 2, "malformed YAML", "could not find expected ':'")
    #expect(intake.findings(.error, in: "needs/city-of-example.yaml").count == 1, "\(intake.listing)")

    // The same through the solicitation reader, with the file named on its own.
    try sandbox.place("fuzz/yaml-error-at-end.yaml", as: "solicitation.yaml")
    let named = Intake.load(files: [sandbox.path("solicitation.yaml")])
    named.expect(.error, at: "solicitation.yaml", 2, 2, "malformed YAML")
    #expect(named.diagnostics.allSatisfy { $0.location.line <= 2 }, "\(named.listing)")
  }
}

extension FuzzRegressionTests {
  /// `---` with no final line break: libyaml marks the empty document on line 2 of a one-line file, so
  /// "catalog must be a mapping" pointed past the end; it belongs at the end of the only line.
  @Test func anEmptyYAMLDocumentWithoutFinalLineBreakIsPlacedInsideTheFile() throws {
    let sandbox = try Sandbox()
    try FileManager.default.removeItem(atPath: sandbox.path("catalog.csv"))
    try sandbox.place("fuzz/empty-document-without-line-break.yaml", as: "catalog.yaml")
    let intake = sandbox.validate()
    intake.expect(.error, at: "catalog.yaml", 1, 4, "catalog must be a mapping")
    #expect(intake.diagnostics.allSatisfy { $0.location.line == 1 || !$0.location.path.hasSuffix("catalog.yaml") })
  }
}
