import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// `sample` refuses arguments whose workspace the readers would refuse, before it writes anything.
@Suite struct SampleLimitsTests {
  /// Each oversized argument, and the limit its message names.
  static let oversized: [(arguments: [String], limit: String)] = [
    (["--participants", "999999999999"], "at most \(SampleWorkspace.maximumParticipants) participants"),
    (["--participants", "\(SampleWorkspace.maximumParticipants + 1)"], "at most 99999 participants"),
    (["--items", "100000000"], "at most \(SampleWorkspace.maximumItems) items"),
    (["--items", "1000000"], "at most \(SourceFile.maximumLines) lines"),
    (["--items", "\(SampleWorkspace.maximumItems + 1)"], "at most 199999 items"),
    (["--lines", "\(SampleWorkspace.maximumLines(formats: .mixed) + 1)"], "--formats mixed at most 28570 lines"),
    (["--lines", "28571", "--formats", "yaml"], "--formats yaml at most 28570 lines"),
    (["--lines", "125000", "--formats", "json"], "--formats json at most 124999 lines"),
    (["--lines", "200000", "--formats", "csv"], "--formats csv at most 199999 lines"),
    (["--lines", "\(Int.max)", "--formats", "csv"], "\(SourceFile.maximumLines) lines"),
    (["--participants", "0"], "must be at least 1"),
  ]

  @Test func eachOversizedArgumentIsAUsageErrorNamingTheLimitAndWritesNothing() throws {
    let parent = try makeTemporaryFolder("sample-limits")
    defer { try? FileManager.default.removeItem(at: parent) }
    for (arguments, limit) in Self.oversized {
      let folder = parent.appendingPathComponent("workspace")
      let run = try ProgramRun.cosolicit(["sample", folder.path] + arguments)
      #expect(run.status == 2, "\(arguments): \(run.errorOutput)")
      #expect(run.errorOutput.contains(limit), "\(arguments): \(run.errorOutput)")
      #expect(!FileManager.default.fileExists(atPath: folder.path), "\(arguments) wrote \(folder.path)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
  }

  /// The bounds follow from the readers' limits, and `--help` states the largest accepted values.
  @Test func theLargestValuesAreDerivedAndInTheHelp() throws {
    #expect(SampleWorkspace.maximumItems == SourceFile.maximumLines - 1)
    #expect(SampleWorkspace.maximumLines(formats: .csv) == SourceFile.maximumLines - 1)
    #expect(SampleWorkspace.maximumLines(formats: .json) == (JSONDocumentReader.maximumNodes - 8) / 8)
    #expect(SampleWorkspace.maximumLines(formats: .yaml) == (SourceFile.maximumLines - 7) / 7)
    #expect(SampleWorkspace.maximumLines(formats: .mixed) == SampleWorkspace.maximumLines(formats: .yaml))
    let help = try ProgramRun.cosolicit(["sample", "--help"])
    #expect(help.status == 0)
    let text = help.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    for value in [
      SampleWorkspace.maximumParticipants, SampleWorkspace.maximumItems, SampleWorkspace.maximumLines(formats: .csv),
      SampleWorkspace.maximumLines(formats: .json), SampleWorkspace.maximumLines(formats: .yaml),
    ] {
      #expect(text.contains("at most \(value)") || text.contains(" \(value) in "), "\(value) is not in the help")
    }
  }

  /// At the largest accepted number of lines, a JSON needs file (the format nearest its value limit) is read
  /// back without a finding.
  @Test func theLargestAcceptedSampleValidates() throws {
    let parent = try makeTemporaryFolder("sample-largest")
    defer { try? FileManager.default.removeItem(at: parent) }
    let folder = parent.appendingPathComponent("workspace")
    let lines = SampleWorkspace.maximumLines(formats: .json)
    let written = try ProgramRun.cosolicit([
      "sample", folder.path, "--participants", "1", "--lines", "\(lines)", "--formats", "json",
    ])
    #expect(written.status == 0, "\(written.errorOutput)")
    let validated = try ProgramRun.cosolicit(["validate", folder.path])
    #expect(validated.status == 0, "\(validated.errorOutput)")
    #expect(
      (validated.output + validated.errorOutput).contains("\(lines) lines; 0 errors, 0 warnings"),
      "\(validated.output)\(validated.errorOutput)")
  }
}
