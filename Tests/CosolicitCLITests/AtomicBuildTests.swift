import CosolicitTestSupport
import Foundation
import Testing

/// `cosolicit build` killed midway (SIGKILL: no handler runs) leaves the package it was replacing whole, or the
/// new one whole, never a mix or nothing; the only debris is the killed process's own
/// `.<id>.building.<pid>.<uuid>` (a new package being written) or `.<id>.previous.<pid>.<uuid>` (the old one
/// moved aside) folder, which the next build removes. Also: the bytes do not depend on the time zone, umask or
/// locale of the machine that builds.
@Suite(.serialized) struct AtomicBuildTests {
  static let id = "SAMPLE-2027-01"

  /// A new temporary folder.
  static func makeFolder(_ name: String) throws -> URL { try makeTemporaryFolder(name) }

  /// Starts the built `cosolicit` with `arguments`, its output discarded, under `/bin/sh` when `shell` is given
  /// (a prefix such as `umask 077;`).
  static func start(_ arguments: [String], environment: [String: String] = [:], shell: String? = nil) throws -> Process
  {
    let process = Process()
    if let shell {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      let command = ([ProgramRun.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
      process.arguments = ["-c", "\(shell) exec \(command)"]
    } else {
      process.executableURL = ProgramRun.executable
      process.arguments = arguments
    }
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// Runs the built `cosolicit` to the end and returns its exit status.
  @discardableResult
  static func run(_ arguments: [String], environment: [String: String] = [:], shell: String? = nil) throws -> Int32 {
    let process = try start(arguments, environment: environment, shell: shell)
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// Every file of the package in `output`, by path inside it; empty when there is none.
  static func package(in output: URL) -> [String: Data] {
    let folder = output.appendingPathComponent(id)
    let paths = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []
    var files: [String: Data] = [:]
    for path in paths {
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
      if !isFolder.boolValue { files[path] = try? Data(contentsOf: folder.appendingPathComponent(path)) }
    }
    return files
  }

  static func entries(of output: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []).sorted()
  }

  @Test(.timeLimit(.minutes(10))) func aBuildKilledMidwayLeavesAWholePackageAndItsDebrisIsCleanedUp() throws {
    let scratch = try Self.makeFolder("atomic")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let workspace = scratch.appendingPathComponent("workspace")
    let output = scratch.appendingPathComponent("out")
    // 150 participants of 60 lines: a debug build takes about 3 s here, of which writing the package ~20 ms.
    #expect(try Self.run(["sample", workspace.path, "--participants", "150", "--lines", "60"]) == 0)
    let clock = ContinuousClock()
    var status: Int32 = -1
    let duration = try clock.measure { status = try Self.run(["build", workspace.path, "--out", output.path]) }
    #expect(status == 0)
    let old = Self.package(in: output)
    #expect(old.count == 21 && old["manifest.json"] != nil && old["\(Self.id).zip"] != nil)
    // The next builds read changed needs, so the old and the new package differ; the new one is built apart.
    let needs = workspace.appendingPathComponent("needs/agency-00001.csv")
    let changed = try String(contentsOf: needs, encoding: .utf8).replacingOccurrences(
      of: ",binding,", with: ",estimate,")
    try Data(changed.utf8).write(to: needs)
    let reference = scratch.appendingPathComponent("reference")
    #expect(try Self.run(["build", workspace.path, "--out", reference.path]) == 0)
    let new = Self.package(in: reference)
    #expect(new.count == 21 && new["manifest.json"] != old["manifest.json"])

    // Kill when the staging folder appears (again if the kill came too late to leave it), then at fractions of
    // the build's time.
    var leftDebris = false
    var killed: [pid_t] = []
    for moment in [nil, nil, nil, 0.3, 0.6, 0.9, 0.97] as [Double?] {
      if moment == nil, leftDebris { continue }
      let before = Self.package(in: output)
      let process = try Self.start(["build", workspace.path, "--out", output.path, "--quiet"])
      let started = clock.now
      if let moment {
        while process.isRunning, clock.now - started < duration * moment { usleep(1_000) }
      } else {
        // Poll for the staging folder; writing the package takes a few milliseconds.
        while process.isRunning, !Self.entries(of: output).contains(where: { $0.hasPrefix(".\(Self.id).building.") }) {
          usleep(200)
        }
      }
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let after = Self.package(in: output)
      #expect(after == before || after == new, "killed at \(String(describing: moment)): a mixed or missing package")
      // Debris: only folders of killed builds (a build that did not reach the writing leaves the others).
      killed.append(process.processIdentifier)
      let debris = Self.entries(of: output).filter { $0 != Self.id }
      let allowed = killed.flatMap { [".\(Self.id).building.\($0).", ".\(Self.id).previous.\($0)."] }
      #expect(
        debris.allSatisfy { name in allowed.contains { name.hasPrefix($0) } },
        "killed at \(String(describing: moment)): \(debris)")
      leftDebris = leftDebris || !debris.isEmpty
    }
    #expect(leftDebris, "a kill came while the package was being written")

    // The next build completes and removes every leftover of the killed builds.
    #expect(try Self.run(["build", workspace.path, "--out", output.path]) == 0)
    #expect(Self.entries(of: output) == [Self.id])
    #expect(Self.package(in: output) == new)
  }

  @Test func theBytesDoNotDependOnTimeZoneUmaskOrLocale() throws {
    let scratch = try Self.makeFolder("environment")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let workspace = repositoryRoot.appendingPathComponent("Examples/cascade-valley").path
    let first = scratch.appendingPathComponent("first")
    let second = scratch.appendingPathComponent("second")
    #expect(
      try Self.run(
        ["build", workspace, "--out", first.path], environment: ["TZ": "UTC", "LC_ALL": "C"], shell: "umask 022;")
        == 0)
    #expect(
      try Self.run(
        ["build", workspace, "--out", second.path],
        environment: ["TZ": "Pacific/Kiritimati", "LC_ALL": "de_DE.UTF-8", "LANG": "ar_EG.UTF-8"], shell: "umask 077;")
        == 0)
    let id = "CVPC-2027-01"
    let (one, two) = (first.appendingPathComponent(id), second.appendingPathComponent(id))
    let paths = (FileManager.default.enumerator(atPath: one.path)?.allObjects as? [String]) ?? []
    #expect(paths.contains("\(id).zip") && paths.count > 18)
    for path in paths {
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: one.appendingPathComponent(path).path, isDirectory: &isFolder)
      guard !isFolder.boolValue else { continue }
      #expect(
        try Data(contentsOf: one.appendingPathComponent(path)) == Data(contentsOf: two.appendingPathComponent(path)),
        "\(path) depends on the environment")
    }
  }
}
