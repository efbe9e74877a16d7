import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// One mistake neither hides another nor floods the output with consequences.
@Suite struct NoHiddenProblemsTests {
  @Test func aBadQuantityDoesNotHideTheLinesOtherProblems() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "needs/county.yaml",
      """
      agency: {id: county, name: County, type: county}
      deliver_to: Warehouse
      items:
        - {item: NOPE, quantity: abc, unit: each, need_by: 2020-01-01}

      """)
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/county.yaml", 4, 28, "'quantity' 'abc' is not a decimal number")
    intake.expect(.error, at: "needs/county.yaml", 4, 12, "unknown catalog item 'NOPE'")
    intake.expect(.error, at: "needs/county.yaml", 4, 54, "before the contract term starts")
  }

  @Test func aBrokenAgencyDoesNotHideTheFilesOtherProblems() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "needs/county.yaml",
      """
      agency: {id: county, type: county}
      submitted: 2030-01-01
      deliver_to: Warehouse
      items:
        - {item: NOPE, quantity: 1, unit: each}

      """)
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/county.yaml", 1, 9, "missing required field 'name'")
    intake.expect(.warning, at: "needs/county.yaml", 2, 12, "after the ordering window closed")
    intake.expect(.error, at: "needs/county.yaml", 5, 12, "unknown catalog item 'NOPE'")
  }

  @Test func csvRowsWithoutAnAgencyAreStillChecked() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "needs/rows.csv",
      "agency_id,agency_name,agency_type,item,quantity,unit,deliver_to\n,Nameless,city,NOPE,1,each,Hall\n")
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/rows.csv", 2, 1, "missing required field 'agency_id'")
    intake.expect(.error, at: "needs/rows.csv", 2, 16, "unknown catalog item 'NOPE'")
  }

  @Test func anItemOfTheWrongShapeIsNotTakenForAWriteIn() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "needs/county.yaml",
      """
      agency: {id: county, name: County, type: county}
      deliver_to: Warehouse
      items:
        - {item: [LAPTOP-14], quantity: 1, unit: each}
        - hello

      """)
    let intake = sandbox.validate()
    intake.expect(.error, at: "needs/county.yaml", 4, 12, "'item' must be a single value, found a list")
    intake.expect(.error, at: "needs/county.yaml", 5, 5, "items #2 must be a mapping of fields")
    #expect(intake.errorCount == 2, "\(intake.listing)")
  }

  @Test func oneUnreadableLotDoesNotFloodTheCatalog() throws {
    let sandbox = try Sandbox()
    let solicitation = try String(contentsOfFile: sandbox.path("solicitation.yaml"), encoding: .utf8)
    try sandbox.write("solicitation.yaml", solicitation.replacingOccurrences(of: "  - id: L1\n", with: "  - id: L 1\n"))
    try sandbox.write(
      "needs/county.yaml",
      """
      agency: {id: county, name: County, type: county}
      deliver_to: Warehouse
      items:
        - {description: Tablet, classification: "UNSPSC:43211509", quantity: 1, unit: each}

      """)
    let intake = sandbox.validate()
    intake.expect(.error, at: "solicitation.yaml", 37, 9, "'id' 'L 1' is not a valid id")
    #expect(intake.errorCount == 1, "\(intake.listing)")
  }

  @Test func packsMustBePackages() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "catalog.csv",
      """
      item,description,classification,unit,packs
      LAPTOP-14,Laptop,UNSPSC:43211503,EA,DZN=10
      MONITOR-24,Monitor,UNSPSC:43211902,EA,
      TOWEL-MF,Towel,UNSPSC:14111703,EA,XCS=16
      FLOOR-CLEANER,Floor cleaner,UNSPSC:47131801,GLL,XCS=4

      """)
    let intake = sandbox.validate()
    intake.expect(.error, at: "catalog.csv", 2, 37, "pack unit dozen (DZN) is not a package")
  }

  @Test func digitsWithCombiningMarksAreNotNumbers() {
    #expect(DecimalText.parse("5\u{338}0") == .failure(.notANumber))
    #expect(DecimalText.parse("1\u{301}") == .failure(.notANumber))
    #expect(DecimalText.parse("１２") == .failure(.notANumber))
  }

  @Test func aNamedFileIsCheckedForDuplicatesAgainstItsWorkspace() throws {
    let sandbox = try Sandbox()
    try sandbox.place("needs/duplicate-agency.json", as: "needs/aa-city-again.json")
    let intake = Intake.load(files: [sandbox.path("needs/aa-city-again.json")])
    intake.expect(.error, at: "needs/aa-city-again.json", 2, 20, "agency 'city-of-example' already has needs at")
    #expect(intake.diagnostics.allSatisfy { $0.location.path.hasSuffix("aa-city-again.json") }, "\(intake.listing)")
  }

  @Test func aNamedFileIsCheckedAgainstTheAgenciesOfItsWorkspacesCSVFiles() throws {
    // The workspace's CSV needs files are read for their agencies only; a later row's agency counts too.
    let sandbox = try Sandbox()
    try sandbox.write(
      "needs/aa-district.yaml",
      "agency: {id: example-sd-2, name: Example School District 2, type: k12}\ndeliver_to: Depot\n"
        + "items:\n  - {item: LAPTOP-14, quantity: 1, unit: EA}\n")
    let intake = Intake.load(files: [sandbox.path("needs/aa-district.yaml")])
    intake.expect(.error, at: "needs/aa-district.yaml", 1, 14, "already has needs at", "school-districts.csv:4:1")
    #expect(intake.errorCount == 1, "\(intake.listing)")
  }

  @Test func anAgencyIdSpelledWithEscapesInAnotherFileIsStillADuplicate() throws {
    // Other files are skipped when their bytes cannot hold a named agency's id; JSON escapes can spell an id
    // without its bytes, and must not hide the duplicate.
    let sandbox = try Sandbox()
    try sandbox.write(
      "needs/aa-escaped.json",
      #"{"agency": {"id": "alder-\u0063ounty", "name": "Alder County", "type": "county"}, "deliver_to": "Depot", "#
        + #""items": [{"item": "LAPTOP-14", "quantity": 1, "unit": "EA"}]}"# + "\n")
    try sandbox.write(
      "needs/zz-alder.yaml",
      "agency: {id: alder-county, name: Alder County, type: county}\ndeliver_to: Depot\n"
        + "items:\n  - {item: LAPTOP-14, quantity: 1, unit: EA}\n")
    let intake = Intake.load(files: [sandbox.path("needs/zz-alder.yaml")])
    intake.expect(.error, at: "needs/zz-alder.yaml", 1, 14, "already has needs at", "aa-escaped.json")
    #expect(intake.errorCount == 1, "\(intake.listing)")
  }

  @Test func aNamedFileWarnsWhenItsWorkspaceIsBroken() throws {
    let sandbox = try Sandbox()
    try sandbox.write("solicitation.yaml", "id: [unclosed\n")
    let intake = Intake.load(files: [sandbox.path("needs/city-of-example.yaml")])
    intake.expect(.warning, at: "needs/city-of-example.yaml", 1, 1, "solicitation.yaml has errors", "were skipped")
  }

  @Test func aFileNamedTwiceIsReadOnce() throws {
    let sandbox = try Sandbox()
    let path = sandbox.path("needs/city-of-example.yaml")
    let intake = Intake.load(files: [path, path])
    #expect(intake.diagnostics.isEmpty, "\(intake.listing)")
    #expect(intake.files.count == 1)
  }
}
