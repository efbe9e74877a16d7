import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// What validate accepts, aggregate and build accept: a total that cannot be exact is a validation error,
/// named at the file as the user gave it, like every other finding.
@Suite struct ValidationAgreementTests {
  @Test func aTotalThatCannotBeExactIsAValidationError() throws {
    let sandbox = try Sandbox()
    try AggregationTests.writeTotalsThatCannotBeExact(in: sandbox)
    let validated = Aggregator.validate(sandbox.validate())
    let problem = try #require(validated.diagnostics.first { $0.severity == .error }, "\(validated.listing)")
    #expect(problem.message.contains("more than 38 digits"))
    #expect(problem.location.path.hasPrefix(sandbox.root.path + "/"), "named as the user gave it: \(problem)")
    #expect(FileManager.default.fileExists(atPath: problem.location.path))
    // The command says so too, and fails.
    let run = try ProgramRun.cosolicit(["validate", sandbox.root.path])
    #expect(run.status == 1 && run.errorOutput.contains("more than 38 digits"), "\(run.errorOutput)")
  }

  @Test func aCleanWorkspaceValidatesAsBefore() throws {
    let sandbox = try Sandbox()
    let intake = sandbox.validate()
    #expect(Aggregator.validate(intake).diagnostics == intake.diagnostics)
  }
}
