import Foundation
import Testing

@testable import Cosolicit

@Suite struct StarterWorkspaceTests {
  func temporaryPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("cosolicit-init-\(UUID().uuidString)").path
  }

  @Test func starterWorkspaceValidatesClean() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    try StarterWorkspace.write(to: path)
    let intake = Intake.load(workspace: path)
    #expect(intake.diagnostics.isEmpty, "\(intake.listing)")
    #expect(intake.participants.count == 3)
  }

  @Test func starterWorkspaceFillsAnEmptyFolder() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    try StarterWorkspace.write(to: path)
    #expect(FileManager.default.fileExists(atPath: path + "/solicitation.yaml"))
  }

  @Test func refusesToOverwriteAnExistingWorkspace() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    try Data("mine".utf8).write(to: URL(fileURLWithPath: path + "/solicitation.yaml"))
    #expect(throws: StarterWorkspace.Failure.self) { try StarterWorkspace.write(to: path) }
    let kept = try String(contentsOfFile: path + "/solicitation.yaml", encoding: .utf8)
    #expect(kept == "mine")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
    #expect(!leftovers.contains { $0.hasPrefix("." + (path as NSString).lastPathComponent) })
  }
}

extension StarterWorkspaceTests {
  @Test func anExistingEmptyFolderIsFilledNotReplaced() throws {
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    try FileManager.default.createDirectory(
      atPath: path, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    let before = try FileManager.default.attributesOfItem(atPath: path)
    try StarterWorkspace.write(to: path)
    let after = try FileManager.default.attributesOfItem(atPath: path)
    #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int, "the same folder, not a new one")
    #expect((after[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: path).sorted() == [
        "catalog.csv", "needs", "solicitation.yaml",
      ])
  }
}
