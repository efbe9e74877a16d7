import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// What validate accepts, aggregate and build accept: a total that cannot be exact is a validation error,
/// named at the file as the user gave it, like every other finding.
@Suite struct ValidationAgreementTests {
  @Test func aTotalThatCannotBeExactIsAValidationError() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "catalog.csv",
      """
      item,description,classification,unit,estimated_unit_price,packs
      LAPTOP-14,Laptop,UNSPSC:43211503,EA,99999999999999,XCS=999999999999999
      MONITOR-24,Monitor,UNSPSC:43211902,EA,0.0000000000001,
      TOWEL-MF,Towel,UNSPSC:14111703,EA,2.10,XCS=16
      FLOOR-CLEANER,Floor cleaner,UNSPSC:47131801,GLL,1,

      """)
    try sandbox.write(
      "needs/huge.yaml",
      "agency: {id: huge, name: Huge, type: state}\ndeliver_to: Depot\nitems:\n"
        + "  - {item: LAPTOP-14, quantity: 999999999999999, unit: XCS}\n"
        + "  - {item: MONITOR-24, quantity: 0.00000000000001, unit: EA}\n")
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
