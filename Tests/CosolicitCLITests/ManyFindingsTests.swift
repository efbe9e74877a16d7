import CosolicitTestSupport
import Foundation
import Testing

/// Fast feedback, nothing lost: `validate` on a workspace with 1,000 errors, across CSV, YAML and JSON needs
/// files, prints every one of them, each once, and exits 1.
@Suite struct ManyFindingsTests {
  /// The example workspace plus 400 CSV rows with a quantity that is no number, 300 YAML lines with an unknown
  /// unit and 300 JSON lines with an impossible date: one error per line, no warning.
  static func workspace() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("cosolicit-many-\(UUID().uuidString)")
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("Examples/cascade-valley"), to: root)
    try? FileManager.default.removeItem(at: root.appendingPathComponent("dist"))
    var csv = "agency_id,agency_name,agency_type,item,quantity,unit,deliver_to,need_by\n"
    for row in 1...400 { csv += "csv-agency,CSV Agency,city,TECH-LAP-14,\(row)x,each,Hall,2027-08-01\n" }
    var yaml = "agency: {id: yaml-agency, name: YAML Agency, type: county}\ndeliver_to: Hall\nitems:\n"
    for line in 1...300 { yaml += "  - {item: TECH-LAP-14, quantity: \(line), unit: bogus-unit-\(line)}\n" }
    let items = (1...300).map {
      "  {\"item\": \"TECH-LAP-14\", \"quantity\": \($0), \"unit\": \"each\", \"need_by\": \"2027-13-\($0 % 28 + 1)\"}"
    }
    let json =
      "{\"agency\": {\"id\": \"json-agency\", \"name\": \"JSON Agency\", \"type\": \"k12\"}, \"deliver_to\": \"Hall\",\n"
      + "\"items\": [\n" + items.joined(separator: ",\n") + "\n]}\n"
    for (name, text) in [("zz-many.csv", csv), ("zz-many.yaml", yaml), ("zz-many.json", json)] {
      try Data(text.utf8).write(to: root.appendingPathComponent("needs/\(name)"))
    }
    return root
  }

  @Test func validateListsAllOfAThousandErrors() throws {
    let root = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try CommandLineTests().run(["validate", root.path])
    #expect(result.status == 1)
    let lines = result.errorOutput.split(separator: "\n").map(String.init)
    // Besides the errors: the three planted agencies are not on the example's invited roster (a warning each), and
    // one invited agency has sent nothing (a note).
    let findings = lines.dropLast().filter { $0.contains(": error: ") }
    let others = lines.dropLast().filter { !$0.contains(": error: ") }
    #expect(others.count { $0.contains("warning: agency '") && $0.contains("is not on the invited roster") } == 3)
    #expect(others.count { $0.contains("note: invited agency 'pine-ridge-fire'") } == 1)
    #expect(others.count == 4, "\(others)")
    #expect(findings.count == 1000, "\(findings.prefix(5))")
    #expect(lines.last == "checked 13 files: 10 participants, 1100 lines; 1000 errors, 3 warnings")
    let shape = #/^(.+/needs/zz-many\.(csv|yaml|json)):(\d+):(\d+): error: .+$/#
    #expect(
      findings.allSatisfy { $0.wholeMatch(of: shape) != nil },
      "\(findings.filter { $0.wholeMatch(of: shape) == nil }.prefix(3))")
    let places = Set(findings.map { $0.split(separator: ":").prefix(3).joined(separator: ":") })
    #expect(places.count == 1000, "each error at its own line")
    for (format, count) in [("csv", 400), ("yaml", 300), ("json", 300)] {
      #expect(findings.count { $0.contains("zz-many.\(format):") } == count, "\(format)")
    }
    let json = try CommandLineTests().run(["validate", "--format", "json", root.path])
    #expect(json.status == 1)
    #expect((try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [Any])?.count == 1004)
  }
}
