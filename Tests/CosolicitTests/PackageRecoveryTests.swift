import Foundation
import Testing

@testable import Cosolicit

/// What a build killed midway leaves in the output folder, and how the next build recovers: an old package moved
/// aside with none in place is put back, and folders of processes that have ended are removed; a running
/// build's folders and anything else in the output folder are left alone.
@Suite struct PackageRecoveryTests {
  static let id = "JS-2027-001"

  func files(_ version: String) -> [DocumentSet.File] {
    [
      DocumentSet.File(path: "public/joint/rfp.md", data: Data("# RFP \(version)\n".utf8)),
      DocumentSet.File(path: "internal/solicitation.json", data: Data("{\"version\": \"\(version)\"}\n".utf8)),
    ]
  }

  /// The id of a process that has ended.
  func endedProcess() throws -> pid_t {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }

  func entries(_ folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
  }

  func text(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

  @Test func aKillBetweenTheTwoRenamesIsUndoneByTheNextBuild() throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("cosolicit-recover-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    try SolicitationPackage.write(files("one"), id: Self.id, to: output.path)
    let target = output.appendingPathComponent(Self.id)
    // As a build killed after moving the old package aside, before moving the new one in, leaves things.
    let ended = try endedProcess()
    let aside = output.appendingPathComponent(".\(Self.id).previous.\(ended).A")
    let partial = output.appendingPathComponent(".\(Self.id).building.\(ended).B")
    #expect(rename(target.path, aside.path) == 0)
    try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
    // A concurrent build (this process, running) and things that are not leftovers of this package.
    let running = output.appendingPathComponent(".\(Self.id).building.\(getpid()).C")
    let others = [
      ".other", ".\(Self.id).building-legacy", ".\(Self.id)X.building.\(ended).D", ".OTHER.previous.\(ended).E",
      ".\(Self.id).previous.notapid.F",
    ]
    for name in [running.lastPathComponent] + others {
      try FileManager.default.createDirectory(
        at: output.appendingPathComponent(name), withIntermediateDirectories: true)
    }

    SolicitationPackage.recoverLeftovers(of: Self.id, in: output)
    #expect(text(target.appendingPathComponent("public/joint/rfp.md")) == "# RFP one\n", "the old package is back")
    #expect(entries(output) == ([Self.id, running.lastPathComponent] + others).sorted())

    try SolicitationPackage.write(files("two"), id: Self.id, to: output.path)
    #expect(text(target.appendingPathComponent("public/joint/rfp.md")) == "# RFP two\n")
    #expect(entries(output) == ([Self.id, running.lastPathComponent] + others).sorted())
  }

  @Test func aKillAfterTheSwapLeavesTheNewPackageAndTheOldOneIsRemoved() throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("cosolicit-recover-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    try SolicitationPackage.write(files("new"), id: Self.id, to: output.path)
    let ended = try endedProcess()
    let aside = output.appendingPathComponent(".\(Self.id).previous.\(ended).A")
    try FileManager.default.createDirectory(
      at: aside.appendingPathComponent("public/joint"), withIntermediateDirectories: true)
    try Data("# RFP old\n".utf8).write(to: aside.appendingPathComponent("public/joint/rfp.md"))
    SolicitationPackage.recoverLeftovers(of: Self.id, in: output)
    #expect(entries(output) == [Self.id])
    #expect(
      text(output.appendingPathComponent("\(Self.id)/public/joint/rfp.md")) == "# RFP new\n", "the newer package stays")
  }
}
