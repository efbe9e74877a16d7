import CosolicitTestSupport
import Foundation
import Testing

/// `cosolicit forms` end to end: forms for the example's invited agencies, exit codes, and kits in which a
/// participant checks its filled form with `cosolicit validate`.
@Suite struct FormsCommandTests {
  func run(_ arguments: [String], in folder: URL = repositoryRoot) throws -> ProgramRun {
    try ProgramRun.cosolicit(arguments, in: folder)
  }

  @Test func writesAFormPerParticipantAndTheSameBytesEachTime() throws {
    let output = try makeTemporaryFolder("forms")
    defer { try? FileManager.default.removeItem(at: output) }
    let arguments = ["forms", "Examples/cascade-valley", "--participant", "pine-ridge-fire", "--participant"]
    let first = try run(arguments + ["riverton-sd-12", "--out", output.appendingPathComponent("a").path])
    #expect(first.status == 0, "\(first.errorOutput)")
    #expect(first.output.contains("wrote 4 files to") && first.output.contains("  pine-ridge-fire-needs.xlsx\n"))
    let second = try run(arguments + ["riverton-sd-12", "--out", output.appendingPathComponent("b").path])
    #expect(second.status == 0, "\(second.errorOutput)")
    for name in ["pine-ridge-fire-needs.xlsx", "pine-ridge-fire-needs.csv", "riverton-sd-12-needs.xlsx"] {
      let a = try Data(contentsOf: output.appendingPathComponent("a/\(name)"))
      #expect(try Data(contentsOf: output.appendingPathComponent("b/\(name)")) == a, "\(name)")
    }
    // The roster's entry for Riverton SD 12 gives no signer; its needs file does, and the form says so.
    let workbook = try InspectedWorkbook.read(output.appendingPathComponent("a/riverton-sd-12-needs.xlsx").path)
    let needs = try #require(workbook.sheet("needs"))
    #expect(needs.cell("agency_name", row: 2)?.value == "Riverton School District 12")
    #expect(needs.cell("signer_name", row: 2)?.value == "Kevin Albrecht")
    #expect(needs.rows.count == 1 + 24 + 10)
  }

  @Test func anUnknownParticipantExitsOneAndWritesNothing() throws {
    let output = try makeTemporaryFolder("forms")
    defer { try? FileManager.default.removeItem(at: output) }
    let target = output.appendingPathComponent("out").path
    let result = try run(["forms", "Examples/cascade-valley", "--out", target, "--participant", "pine-ridge-fir"])
    #expect(result.status == 1)
    #expect(result.errorOutput.contains("error: participant 'pine-ridge-fir' is not invited"))
    #expect(result.errorOutput.contains("(did you mean 'pine-ridge-fire'?)"))
    #expect(result.errorOutput.hasSuffix("error: no form was written\n"))
    #expect(!FileManager.default.fileExists(atPath: target))
    #expect(try run(["forms", "Examples/cascade-valley"]).status == 2, "--out is required")
    #expect(try run(["forms", "Examples/invalid", "--out", target]).status == 1, "a workspace with errors")
    #expect(!FileManager.default.fileExists(atPath: target))
  }

  /// `--invited` writes a form for every agency on the roster, in its order; without a roster it is an error and
  /// nothing is written.
  @Test func invitedWritesAFormForEveryInvitedAgency() throws {
    let output = try makeTemporaryFolder("forms")
    defer { try? FileManager.default.removeItem(at: output) }
    let everyone = try run([
      "forms", "Examples/cascade-valley", "--invited", "--out", output.appendingPathComponent("all").path,
    ])
    #expect(everyone.status == 0, "\(everyone.errorOutput)")
    let roster = [
      "city-of-riverton", "riverton-sd-12", "cedar-creek-sd-31", "alder-valley-library",
      "alder-valley-cc", "cascade-valley-community-action", "pine-ridge-fire",
    ]
    let written = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("all").path)
    let expected = Set(roster.flatMap { ["\($0)-needs.xlsx", "\($0)-needs.csv"] } + [".cosolicit-forms"])
    #expect(Set(written) == expected)
    let target = output.appendingPathComponent("none").path
    let unlisted = try run(["forms", "Tests/Fixtures/workspace", "--invited", "--out", target])
    #expect(unlisted.status == 1)
    #expect(unlisted.errorOutput.contains("error: --invited: solicitation.yaml lists no invited agencies"))
    #expect(!FileManager.default.fileExists(atPath: target))
  }

  /// A kit for the invited agency that has not answered: the participant fills its CSV form in the kit with a
  /// script and checks it with `cosolicit validate`, which finds the kit's solicitation.yaml and catalog.
  static func filledKit() throws -> (folder: URL, form: URL) {
    let output = try makeTemporaryFolder("kit")
    let made = try ProgramRun.cosolicit([
      "forms", "Examples/cascade-valley", "--out", output.path, "--participant", "pine-ridge-fire", "--kit",
    ])
    #expect(made.status == 0, "\(made.errorOutput)")
    let kit = output.appendingPathComponent("pine-ridge-fire")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: kit.path).sorted() == [
        "README.txt", "catalog.csv", "pine-ridge-fire-needs.csv", "pine-ridge-fire-needs.xlsx", "solicitation.yaml",
      ])
    let form = kit.appendingPathComponent("pine-ridge-fire-needs.csv")
    // Quantities on two catalog rows, one of them in cases, and a write-in; a date before the term starts.
    let script = """
      import csv, sys
      path = sys.argv[1]
      with open(path, newline="", encoding="utf-8") as f:
          rows = list(csv.DictReader(f))
          header = list(rows[0].keys())
      for row in rows:
          if row["item"] == "TECH-LAP-14":
              row.update(quantity="12", unit="EA", commitment="binding", deliver_to="Station 1", need_by="2027-08-02")
          if row["item"] == "CUST-TWL-MF":
              row.update(quantity="3", unit="case", commitment="estimate", deliver_to="Station 1", need_by="2026-01-05")
      write_in = next(row for row in rows if not row["item"])
      write_in.update(description="Microfiber cloths, 16 x 16 in", classification="UNSPSC:47131502", quantity="5",
                      unit="DZN", deliver_to="Station 1", spec="lint free")
      with open(path, "w", newline="", encoding="utf-8") as f:
          writer = csv.DictWriter(f, fieldnames=header)
          writer.writeheader()
          writer.writerows(rows)
      """
    let filled = try ProgramRun.run("/usr/bin/env", ["python3", "-c", script, form.path])
    #expect(filled.status == 0, "\(filled.errorOutput)")
    return (output, form)
  }

  /// The whole loop: the kit's solicitation and catalog are found, the form's informational columns are taken and
  /// its untouched rows skipped, and the filled form validates with the one real mistake (a date before the term
  /// starts) found where it is: three lines (two catalog rows, one of them in cases, and a write-in).
  @Test func aFilledKitFormValidatesWithOnlyItsRealMistake() throws {
    let (output, form) = try Self.filledKit()
    defer { try? FileManager.default.removeItem(at: output) }
    let result = try run(["validate", form.path])
    #expect(result.status == 1)
    let findings = result.errorOutput.split(separator: "\n").dropLast()
    #expect(findings.count == 1, "\(result.errorOutput)")
    #expect(findings.first?.hasPrefix(form.path + ":") == true)
    #expect(findings.first?.contains("need_by 2026-01-05 is before the contract term starts on 2027-07-01") == true)
    #expect(result.errorOutput.hasSuffix("1 participant, 3 lines; 1 error, 0 warnings\n"), "\(result.errorOutput)")
  }

  /// The loop a participant in Excel goes through: the form is filled in as a workbook (numbers as numbers, one
  /// date typed as text and one as a date cell) and reads exactly as the same form filled in as CSV: the same
  /// validation and the same joint solicitation, with the workbook's lines traced to their cells.
  @Test func aFormFilledAsAWorkbookReadsAsTheSameFormFilledAsCSV() throws {
    let forms = try makeTemporaryFolder("forms")
    defer { try? FileManager.default.removeItem(at: forms) }
    let made = try run(["forms", "Examples/cascade-valley", "--out", forms.path, "--participant", "pine-ridge-fire"])
    #expect(made.status == 0, "\(made.errorOutput)")
    let script = """
      import csv, datetime, sys, openpyxl
      folder = sys.argv[1]
      fills = {
          "TECH-LAP-14": dict(quantity=12, unit="EA", commitment="binding", deliver_to="Station 1, 100 Pine Rd",
                              need_by="2027-08-02", spec="asset-tag before delivery"),
          "CUST-TWL-MF": dict(quantity=2.5, unit="XCS", commitment="estimate", deliver_to="Station 1, 100 Pine Rd",
                              need_by=datetime.date(2027, 9, 1), notes="both stations"),
          "GRD-MULCH-YD": dict(quantity=40, minimum_quantity=25, unit="YDQ", commitment="binding",
                               deliver_to="Station 1, 100 Pine Rd", need_by="2028-03-15"),
          "GRD-CREW-HR": dict(quantity="as-needed", unit="HUR", commitment="estimate", deliver_to="Station 1"),
          "": dict(description="Microfiber cloths, 16 x 16 in", classification="UNSPSC:47131502", quantity=1250,
                   unit="DZN", deliver_to="Station 2", need_by="2027-07-15"),
      }
      def text(value):
          return value.isoformat() if isinstance(value, datetime.date) else str(value)
      path = folder + "/pine-ridge-fire-needs.csv"
      with open(path, newline="", encoding="utf-8") as f:
          reader = csv.DictReader(f)
          header, rows = reader.fieldnames, list(reader)
      done = set()
      for row in rows:
          if row["item"] in fills and row["item"] not in done:
              row.update({key: text(value) for key, value in fills[row["item"]].items()})
              done.add(row["item"])
      with open(folder + "/filled.csv", "w", newline="", encoding="utf-8") as f:
          writer = csv.DictWriter(f, fieldnames=header)
          writer.writeheader()
          writer.writerows(rows)
      book = openpyxl.load_workbook(folder + "/pine-ridge-fire-needs.xlsx")
      sheet = book["needs"]
      columns = {cell.value: cell.column for cell in sheet[1]}
      done = set()
      for row in range(2, sheet.max_row + 1):
          item = sheet.cell(row, columns["item"]).value or ""
          if item in fills and item not in done:
              for key, value in fills[item].items():
                  sheet.cell(row, columns[key]).value = value
              done.add(item)
      book.save(folder + "/filled.xlsx")
      """
    let filled = try ProgramRun.run("/usr/bin/env", ["python3", "-c", script, forms.path])
    #expect(filled.status == 0, "\(filled.errorOutput)")
    var outputs: [String: [String]] = [:]
    for format in ["csv", "xlsx"] {
      let workspace = try Sandbox(copying: "../../Examples/cascade-valley")
      try FileManager.default.copyItem(
        atPath: forms.appendingPathComponent("filled.\(format)").path,
        toPath: workspace.path("needs/pine-ridge-fire.\(format)"))
      let validated = try run(["validate", workspace.root.path])
      #expect(validated.status == 0, "\(validated.errorOutput)")
      let joint = try run(["aggregate", workspace.root.path, "--format", "json"])
      #expect(joint.status == 0, "\(joint.errorOutput)")
      if format == "xlsx" {
        #expect(joint.output.contains("\"source\": \"needs/pine-ridge-fire.xlsx:needs!"), "traced to the cell")
      }
      // The form's minimum_quantity (a partial commitment) and an as-needed quantity are read as such.
      let range = #/"range": \{\s*"minimum_quantity": "25",\s*"committed_quantity": "25",\s*"maximum_quantity": "40"/#
      #expect(joint.output.contains(range), "the partial commitment: 25 of 40 committed")
      #expect(joint.output.contains("\"as_needed\": true"))
      outputs[format] = [validated.errorOutput + validated.output, joint.output].map {
        $0.replacing(workspace.root.path, with: "WORKSPACE").replacing(
          #/needs/pine-ridge-fire\.(csv|xlsx)(:[^",)\n]*)?/#, with: "SOURCE")
      }
    }
    #expect(outputs["xlsx"] == outputs["csv"])
    #expect(
      outputs["csv"]?.first?.hasSuffix("checked 11 files: 8 participants, 105 lines; 0 errors, 0 warnings\n") == true,
      "\(outputs["csv"]?.first ?? "")")
  }
}
