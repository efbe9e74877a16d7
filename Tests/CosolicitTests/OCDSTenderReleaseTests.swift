import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// The tender stage as OCDS: every release valid against the OCDS 1.1.5 schemas with the four extensions and the
/// strict check, for both examples and both variants; the joint solicitation's parties, items and lots where
/// OCDS puts them; the piggyback-open variant as a framework agreement; `cosolicit build` writes it internally.
@Suite struct OCDSTenderReleaseTests {
  static let examples = repositoryRoot.appendingPathComponent("Examples")

  /// The joint solicitation of example `name`.
  static func joint(_ name: String) throws -> JointSolicitation {
    let intake = Intake.load(workspace: examples.appendingPathComponent(name).path)
    guard case .success(let joint) = Aggregator.aggregate(intake) else {
      throw OCDSTestFailure("example \(name) does not aggregate")
    }
    return joint
  }

  @Test(arguments: ["cascade-valley", "tri-river-fuel"])
  func bothVariantsOfEachExampleAreValidOCDS(example: String) throws {
    let package = OCDSTenderRelease.package(try Self.joint(example), variants: [.joint, .piggyback])
    let run = try OCDSValidation.run(text: package.serialized, name: "\(example).json")
    #expect(run.status == 0, "\(run.output)\(run.errorOutput)")
    #expect(run.output.contains("valid (2 release(s))"))
  }

  @Test func theStrictCheckFailsAMisspelledField() throws {
    let text = OCDSTenderRelease.package(try Self.joint("cascade-valley"), variants: [.joint]).serialized
    #expect(text.contains("\"tenderPeriod\": {"))
    let misspelled = text.replacingOccurrences(of: "\"tenderPeriod\": {", with: "\"tenderPeriods\": {")
    let run = try OCDSValidation.run(text: misspelled)
    #expect(run.status == 1)
    // Only the strict pass sees it: OCDS itself allows fields it does not define.
    let problems = run.output.split(separator: "\n").filter { $0.hasPrefix("  ") }
    #expect(problems.count == 1, "\(run.output)")
    #expect(
      problems.first?.contains("strict releases[0].tender: field(s) not defined by the schema: 'tenderPeriods'") == true
    )
  }

  @Test func theJointReleaseNamesEveryParticipantAsABuyerAndTheLeadAsProcuringEntity() throws {
    let joint = try Self.joint("cascade-valley")
    let release = OCDSJSON(OCDSTenderRelease.release(joint, variant: .joint))
    #expect(release["ocid"].string == "ocds-cosoli-CVPC-2027-01")
    #expect(release["tag"].strings == ["tender"])
    #expect(release["date"].string == "2027-02-01T00:00:00-08:00", "the issue date, midnight Pacific")
    let parties = release["parties"].array
    #expect(parties.first?["id"].string == "alder-county")
    #expect(parties.first?["roles"].strings == ["procuringEntity", "buyer"], "the lead agency has needs of its own")
    #expect(parties.count == joint.participants.count)
    #expect(parties.dropFirst().allSatisfy { $0["roles"].strings == ["buyer"] })
    #expect(Set(parties.map { $0["id"].string ?? "" }) == Set(joint.participants.map(\.agency.id.value)))
    #expect(release["buyer"]["id"].string == "alder-county")
    let tender = release["tender"]
    #expect(tender["procuringEntity"]["id"].string == "alder-county")
    #expect(tender["status"].string == "active")
    #expect(tender["mainProcurementCategory"].string == "goods")
    #expect(tender["additionalProcurementCategories"].strings == ["services"], "grounds maintenance by the month")
    #expect(tender["tenderPeriod"]["endDate"].string == "2027-03-09T14:00:00-08:00", "responses due, Pacific")
    #expect(tender["submissionMethod"].strings == ["written", "electronicSubmission"])
    #expect(tender["awardCriteriaDetails"].string?.hasPrefix("Award by lot") == true)
    #expect(tender["techniques"].isMissing, "only the piggyback-open variant is a framework agreement")
    #expect(tender["lots"].array.map { $0["id"].string ?? "" } == joint.lots.map(\.lot.id.value))
    let items = tender["items"].array
    #expect(items.count == joint.lines.count)
    for (item, line) in zip(items, joint.lines) {
      #expect(item["id"].string == String(line.number))
      #expect(item["relatedLot"].string == line.lotID)
      #expect(item["classification"]["scheme"].string == line.classification.scheme.rawValue)
      #expect(item["classification"]["id"].string == line.classification.code)
      #expect(item["unit"]["scheme"].string == "UNCEFACT")
      #expect(item["unit"]["id"].string == line.unit.code)
      #expect(item["unit"]["name"].string == line.unit.name)
      if line.isAsNeeded {
        #expect(item["quantity"].isMissing)
      } else {
        #expect(item["quantity"].decimal == line.quantity, "line \(line.number)")
      }
    }
  }

  @Test func theEstimatedValueIsWrittenOnlyWhenEstimatedValuesArePublished() throws {
    var joint = try Self.joint("cascade-valley")
    let hidden = OCDSJSON(OCDSTenderRelease.release(joint, variant: .joint))
    #expect(hidden["tender"]["value"].isMissing)
    joint.solicitation.publishEstimatedValues = true
    let shown = OCDSJSON(OCDSTenderRelease.release(joint, variant: .joint))
    let expected = joint.lines.reduce(Decimal(0)) { $0 + ($1.estimatedUnitPrice ?? 0) * $1.quantity }
    #expect(shown["tender"]["value"]["amount"].decimal == expected)
    #expect(shown["tender"]["value"]["currency"].string == "USD")
    let piggyback = OCDSJSON(OCDSTenderRelease.release(joint, variant: .piggyback))
    #expect(piggyback["tender"]["techniques"]["frameworkAgreement"]["value"]["amount"].decimal == expected)
  }

  @Test func quantitiesAreExactJSONNumbers() throws {
    let joint = try Self.joint("tri-river-fuel")
    let text = OCDSTenderRelease.package(joint, variants: [.joint]).serialized
    let line = try #require(joint.lines.first { !$0.isAsNeeded })
    #expect(text.contains("\"quantity\": \(DecimalText.format(line.quantity)),\n"))
    #expect(!text.contains("\"quantity\": \""), "a quantity is a number, never a string")
    #expect(JSONValue.number(Decimal(string: "1250.50")!).serialized == "1250.5\n")
    #expect(JSONValue.number(Decimal(string: "-0.005")!).serialized == "-0.005\n")
    #expect(
      JSONValue.number(Decimal(string: "123456789012345678901234.5")!).serialized == "123456789012345678901234.5\n")
  }

  @Test func aCoordinatingLeadIsProcuringEntityOnlyAndThePiggybackVariantIsAFrameworkAgreement() throws {
    let joint = try Self.joint("tri-river-fuel")
    let lead = try #require(joint.solicitation.leadAgency)
    let piggyback = OCDSJSON(OCDSTenderRelease.release(joint, variant: .piggyback))
    #expect(piggyback["ocid"].string == "ocds-cosoli-\(joint.solicitation.id)-piggyback")
    let leadParty = piggyback["parties"].array.first { $0["id"].string == lead.id.value }
    #expect(leadParty?["roles"].strings == ["procuringEntity"])
    let techniques = piggyback["tender"]["techniques"]
    #expect(techniques["hasFrameworkAgreement"].bool == true)
    #expect(techniques["frameworkAgreement"]["method"].string == "withoutReopeningCompetition")
    let term = try #require(joint.solicitation.term)
    #expect(
      techniques["frameworkAgreement"]["period"]["endDate"].string?.hasPrefix("\(term.endWithRenewals)T23:59:59")
        == true)
    #expect(piggyback["tender"]["id"].string == "\(joint.solicitation.id)-piggyback")
  }

  @Test func ocdsPrefixSetsTheOcidAndAMalformedOneIsAnErrorAtTheValue() throws {
    let sandbox = try Sandbox(copying: "../../Examples/tri-river-fuel")
    let path = sandbox.root.appendingPathComponent("solicitation.yaml")
    let original = try String(contentsOf: path, encoding: .utf8)
    try (original + "\nocds_prefix: ocds-ab12cd\n").write(to: path, atomically: true, encoding: .utf8)
    let intake = Intake.load(workspace: sandbox.root.path)
    #expect(intake.diagnostics.isEmpty, "\(intake.diagnostics.map(\.description))")
    let solicitation = try #require(intake.solicitation)
    #expect(OCDSPackage.ocid(solicitation) == "ocds-ab12cd-\(solicitation.id)")

    try (original + "\nocds_prefix: OCDS-AB12CD\n").write(to: path, atomically: true, encoding: .utf8)
    let wrong = Intake.load(workspace: sandbox.root.path)
    let error = try #require(wrong.diagnostics.first { $0.severity == .error })
    #expect(error.message.contains("ocds_prefix 'OCDS-AB12CD' is not an OCDS ocid prefix"))
    #expect(error.message.contains("write it in lowercase: ocds-ab12cd"))
    #expect(error.location.line == original.split(separator: "\n", omittingEmptySubsequences: false).count + 1)
    #expect(error.location.column == 14)
  }

  @Test func buildWritesTheTenderReleaseToInternalAndNotToThePublicZip() throws {
    let output = try makeTemporaryFolder("ocds-build")
    defer { try? FileManager.default.removeItem(at: output) }
    let (outcome, diagnostics) = PackageBuild.run(
      workspace: Self.examples.appendingPathComponent("cascade-valley").path, output: output.path,
      variants: [.joint, .piggyback], templates: nil)
    let built = try #require(outcome, "\(diagnostics.map(\.description))")
    #expect(built.files.contains("internal/ocds.json"))
    let manifest = try String(
      contentsOf: URL(fileURLWithPath: built.folder).appendingPathComponent("manifest.json"), encoding: .utf8)
    #expect(manifest.contains("\"internal/ocds.json\""))
    let publicManifest = try String(
      contentsOf: URL(fileURLWithPath: built.folder).appendingPathComponent("public/manifest.json"), encoding: .utf8)
    #expect(!publicManifest.contains("ocds"))
    let file = URL(fileURLWithPath: built.folder).appendingPathComponent("internal/ocds.json").path
    let run = try OCDSValidation.run([file])
    #expect(run.status == 0, "\(run.output)\(run.errorOutput)")
    #expect(run.output.contains("valid (2 release(s))"))
  }
}

/// A JSON tree as the OCDS writers build it, read by key and index; a missing member reads as missing.
struct OCDSJSON {
  var value: JSONValue?
  init(_ value: JSONValue?) { self.value = value }

  subscript(key: String) -> OCDSJSON {
    guard case .object(let members) = value else { return OCDSJSON(nil) }
    return OCDSJSON(members.first { $0.0 == key }?.1)
  }
  var array: [OCDSJSON] {
    guard case .array(let items) = value else { return [] }
    return items.map(OCDSJSON.init)
  }
  var string: String? { if case .string(let text) = value { text } else { nil } }
  var strings: [String] { array.compactMap(\.string) }
  var decimal: Decimal? { if case .number(let number) = value { number } else { nil } }
  var bool: Bool? { if case .bool(let flag) = value { flag } else { nil } }
  var integer: Int? { if case .integer(let number) = value { number } else { nil } }
  var isMissing: Bool { value == nil }
}

/// A failure to set up a test.
struct OCDSTestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
