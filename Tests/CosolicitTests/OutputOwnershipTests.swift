import CosolicitTestSupport
import Foundation
import Testing

@testable import Cosolicit

/// Outputs never replace or delete what the tool did not write: a build replaces only a package it built, and
/// an output file is never renamed over a device, a pipe or one of the workspace's own inputs.
@Suite struct OutputOwnershipTests {
  static let id = "JS-2027-001"

  /// Builds the fixture workspace into `output`; the findings when nothing was written.
  func build(into output: URL) throws -> [Diagnostic]? {
    let sandbox = try Sandbox()
    let (outcome, diagnostics) = PackageBuild.run(
      workspace: sandbox.root.path, output: output.path, variants: [.joint], templates: nil)
    return outcome == nil ? diagnostics : nil
  }

  @Test func aUsersFolderNamedLikeThePackageIsNeitherReplacedNorDeleted() throws {
    let output = try makeTemporaryFolder("own")
    defer { try? FileManager.default.removeItem(at: output) }
    let mine = output.appendingPathComponent(Self.id)
    try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
    try Data("my notes".utf8).write(to: mine.appendingPathComponent("notes.txt"))
    let refused = try #require(try build(into: output), "the build must refuse")
    #expect(refused.contains { $0.message.contains("without a Cosolicit manifest") && $0.message.contains(Self.id) })
    #expect(try String(contentsOf: mine.appendingPathComponent("notes.txt"), encoding: .utf8) == "my notes")
    #expect(try FileManager.default.contentsOfDirectory(atPath: mine.path) == ["notes.txt"])
  }

  @Test func aFileOrLinkNamedLikeThePackageIsKept() throws {
    let output = try makeTemporaryFolder("own")
    defer { try? FileManager.default.removeItem(at: output) }
    let file = output.appendingPathComponent(Self.id)
    try Data("a file".utf8).write(to: file)
    #expect(try build(into: output)?.contains { $0.message.contains("is not a folder") } == true)
    #expect(try String(contentsOf: file, encoding: .utf8) == "a file")
    try FileManager.default.removeItem(at: file)
    let elsewhere = try makeTemporaryFolder("elsewhere")
    defer { try? FileManager.default.removeItem(at: elsewhere) }
    try FileManager.default.createSymbolicLink(at: file, withDestinationURL: elsewhere)
    #expect(try build(into: output)?.contains { $0.message.contains("symbolic link") } == true)
    #expect(FileManager.default.fileExists(atPath: elsewhere.path))
  }

  @Test func aPackageOfAnotherSolicitationOrAForeignManifestIsKept() throws {
    let output = try makeTemporaryFolder("own")
    defer { try? FileManager.default.removeItem(at: output) }
    let folder = output.appendingPathComponent(Self.id)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let manifest = folder.appendingPathComponent("manifest.json")
    try Data(#"{"format": "cosolicit.manifest/1", "solicitation": "OTHER-1", "files": []}"#.utf8).write(to: manifest)
    #expect(try build(into: output)?.contains { $0.message.contains("another solicitation") } == true)
    try Data(#"{"name": "my project"}"#.utf8).write(to: manifest)
    #expect(try build(into: output)?.contains { $0.message.contains("not a Cosolicit package manifest") } == true)
    #expect(try String(contentsOf: manifest, encoding: .utf8) == #"{"name": "my project"}"#)
  }

  @Test func aPackageThisToolBuiltIsReplaced() throws {
    let output = try makeTemporaryFolder("own")
    defer { try? FileManager.default.removeItem(at: output) }
    #expect(try build(into: output) == nil)
    #expect(try build(into: output) == nil, "a second build replaces the first")
  }
}

/// An output file is written through a device or pipe, refused for what it must not replace, and never
/// renamed over anything but a regular file.
@Suite struct OutputTargetTests {
  func kind(_ path: String) -> mode_t {
    var status = stat()
    return stat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
  }

  @Test func devNullStaysADevice() throws {
    try AtomicFile.write("written through\n", to: "/dev/null")
    #expect(kind("/dev/null") == S_IFCHR)
  }

  @Test func aNamedPipeIsWrittenThroughToItsReader() throws {
    let folder = try makeTemporaryFolder("pipe")
    defer { try? FileManager.default.removeItem(at: folder) }
    let pipe = folder.appendingPathComponent("out.json").path
    #expect(mkfifo(pipe, 0o600) == 0)
    let received = Received()
    let reader = Thread {
      received.set(FileHandle(forReadingAtPath: pipe)?.readDataToEndOfFile() ?? Data())
    }
    reader.start()
    // The writer opens without waiting; give the reader a moment to open its end first.
    var written = false
    for _ in 0..<200 where !written {
      do {
        try AtomicFile.write("through the pipe", to: pipe)
        written = true
      } catch {
        usleep(10_000)
      }
    }
    #expect(written)
    while received.value == nil { usleep(1_000) }
    #expect(String(decoding: received.value ?? Data(), as: UTF8.self) == "through the pipe")
    #expect(kind(pipe) == S_IFIFO)
  }

  @Test func aPipeNobodyReadsIsAnErrorNotAWait() throws {
    let folder = try makeTemporaryFolder("pipe")
    defer { try? FileManager.default.removeItem(at: folder) }
    let pipe = folder.appendingPathComponent("out.json").path
    #expect(mkfifo(pipe, 0o600) == 0)
    #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("x", to: pipe) }
    #expect(kind(pipe) == S_IFIFO)
  }

  @Test func aFolderOrAnInputIsRefused() throws {
    let folder = try makeTemporaryFolder("target")
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: AtomicFile.Failure.self) { try AtomicFile.write("x", to: folder.path) }
    let input = folder.appendingPathComponent("needs.csv")
    try Data("agency_id\n".utf8).write(to: input)
    let otherName = folder.appendingPathComponent("alias.csv")
    #expect(link(input.path, otherName.path) == 0)
    #expect(throws: AtomicFile.Failure.self) {
      try AtomicFile.write(to: otherName.path, sparing: [input.path]) { emit in try emit("overwritten") }
    }
    #expect(try String(contentsOf: input, encoding: .utf8) == "agency_id\n")
  }

  @Test func aTemporaryFileOfAKilledWriterIsRemovedByTheNextWrite() throws {
    let folder = try makeTemporaryFolder("debris")
    defer { try? FileManager.default.removeItem(at: folder) }
    // A process id that is not running: the largest the kernel hands out, plus one.
    let maximum =
      (try? String(contentsOfFile: "/proc/sys/kernel/pid_max", encoding: .utf8))
      .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 4_194_304
    let debris = folder.appendingPathComponent(".out.json.\(maximum + 1).1234.tmp")
    try Data("half".utf8).write(to: debris)
    try AtomicFile.write("{}", to: folder.appendingPathComponent("out.json").path)
    #expect(!FileManager.default.fileExists(atPath: debris.path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.json"])
  }

  @Test func workspaceInputsAreKnownByPlace() {
    #expect(Workspace.reads("/w/needs/new.csv", root: "/w"))
    #expect(Workspace.reads("/w/./catalog.csv", root: "/w/"))
    #expect(!Workspace.reads("/w/needs/notes.txt", root: "/w"))
    #expect(!Workspace.reads("/w/joint.json", root: "/w"))
  }
}

/// A value a thread hands to another.
private final class Received: @unchecked Sendable {
  private let lock = NSLock()
  private var data: Data?

  var value: Data? { lock.withLock { data } }

  func set(_ value: Data) { lock.withLock { data = value } }
}

/// A file operation that fails says what failed and why, in the operating system's words, never
/// "NSCocoaErrorDomain error 512".
@Suite struct FileProblemTests {
  @Test func aPackageUnderAFileSaysItIsNotAFolder() throws {
    let folder = try makeTemporaryFolder("problem")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("plain")
    try Data("x".utf8).write(to: file)
    let sandbox = try Sandbox()
    let (outcome, diagnostics) = PackageBuild.run(
      workspace: sandbox.root.path, output: file.appendingPathComponent("out").path, variants: [.joint],
      templates: nil)
    #expect(outcome == nil)
    let text = diagnostics.map(\.description).joined(separator: "\n")
    #expect(text.contains("Not a directory") && !text.contains("NSCocoaErrorDomain"), "\(text)")
  }

  @Test func anOutputFileInAMissingFolderSaysSo() {
    do {
      try AtomicFile.write("x", to: "/nonexistent-\(UUID().uuidString)/out.json")
      Issue.record("the write must fail")
    } catch {
      #expect(error.reason.contains("No such file or directory") && !error.reason.contains("NSCocoaErrorDomain"))
    }
  }
}
