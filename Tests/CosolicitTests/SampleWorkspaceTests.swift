import Foundation
import Testing

@testable import Cosolicit

@Suite struct SampleWorkspaceTests {
  func folder() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("cosolicit-sample-\(UUID().uuidString)").path
  }

  @Test func aSampleValidatesAggregatesAndMixesFormats() throws {
    let path = folder()
    defer { try? FileManager.default.removeItem(atPath: path) }
    try SampleWorkspace(participants: 20, lines: 30, items: 25, seed: 7).write(to: path)
    let intake = Intake.load(workspace: path)
    #expect(intake.errorCount == 0, "\(intake.listing)")
    #expect(intake.participants.count == 20 && intake.lineCount == 600)
    #expect(Set(intake.needs.compactMap { FileFormat(path: $0.path) }) == [.csv, .yaml, .json])
    #expect(intake.catalog?.items.count == 25)
    let lines = intake.participants.flatMap(\.lines)
    #expect(lines.contains { $0.commitment == .estimate })
    #expect(lines.contains { $0.unit.value.isPackage })
    #expect(lines.contains { if case .writeIn = $0.item { true } else { false } })
    guard case .success(let joint) = Aggregator.aggregate(intake) else {
      Issue.record("a sample must aggregate")
      return
    }
    #expect(joint.lots.count == 4)
  }

  @Test func theSameSeedWritesTheSameFiles() throws {
    let (first, second, other) = (folder(), folder(), folder())
    defer { for path in [first, second, other] { try? FileManager.default.removeItem(atPath: path) } }
    try SampleWorkspace(participants: 12, lines: 10, seed: 3).write(to: first)
    try SampleWorkspace(participants: 12, lines: 10, seed: 3).write(to: second)
    try SampleWorkspace(participants: 12, lines: 10, seed: 4).write(to: other)
    let names = try FileManager.default.contentsOfDirectory(atPath: first + "/needs").sorted()
    var differs = false
    for name in names {
      let a = try Data(contentsOf: URL(fileURLWithPath: first + "/needs/" + name))
      #expect(a == (try Data(contentsOf: URL(fileURLWithPath: second + "/needs/" + name))), "\(name)")
      let b = try Data(contentsOf: URL(fileURLWithPath: other + "/needs/" + name))
      differs = differs || a != b
    }
    #expect(differs, "another seed writes other needs")
  }
}

extension SampleWorkspaceTests {
  @Test(arguments: [SampleWorkspace.Formats.csv, .yaml, .json])
  func aSampleInOneFormatHasOnlyThatFormatAndTheSameLines(formats: SampleWorkspace.Formats) throws {
    let (mixed, single) = (folder(), folder())
    defer { for path in [mixed, single] { try? FileManager.default.removeItem(atPath: path) } }
    try SampleWorkspace(participants: 10, lines: 8, seed: 5).write(to: mixed)
    try SampleWorkspace(participants: 10, lines: 8, seed: 5, formats: formats).write(to: single)
    let intake = Intake.load(workspace: single)
    #expect(intake.errorCount == 0, "\(intake.listing)")
    #expect(Set(intake.needs.compactMap { FileFormat(path: $0.path) }) == [FileFormat(rawValue: formats.rawValue)])
    // The format changes how the needs are written, not what they are.
    guard case .success(let a) = Aggregator.aggregate(Intake.load(workspace: mixed)),
      case .success(let b) = Aggregator.aggregate(intake)
    else {
      Issue.record("both samples must aggregate")
      return
    }
    #expect(a.rendered(as: .table) == b.rendered(as: .table))
  }
}
