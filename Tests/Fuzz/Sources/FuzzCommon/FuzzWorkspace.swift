import Cosolicit
import Foundation
import LibFuzzer

/// Runs libFuzzer on `test` with the process's arguments (corpus folders and `-flags`), then exits with its
/// status. Each fuzzer's `main.swift` calls this: see `Package.swift` for why libFuzzer's own `main` is not used.
public func runLibFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
  var argc = CommandLine.argc
  var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
  exit(LLVMFuzzerRunDriver(&argc, &argv, test))
}

/// The repository's root folder: `Tests/Fuzz/Sources/FuzzCommon/` is four levels down. `COSOLICIT_ROOT`
/// overrides it, for fuzz binaries run from elsewhere.
public let repositoryRoot: String =
  ProcessInfo.processInfo.environment["COSOLICIT_ROOT"]
  ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The per-process scratch folder: under `COSOLICIT_FUZZ_TMP`, else `/dev/shm` (memory), else the temporary
/// folder. Removed when the fuzzer exits normally; `run.sh` removes what a crashed run leaves.
public let scratchFolder: String = {
  let environment = ProcessInfo.processInfo.environment
  let parent =
    environment["COSOLICIT_FUZZ_TMP"]
    ?? (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
  return (parent as NSString).appendingPathComponent("cosolicit-fuzz-\(getpid())")
}()

/// Stops the fuzzer with `message`: the harness's own setup failed, so no input can be tested.
public func setupFailure(_ message: String) -> Never {
  FileHandle.standardError.write(Data("fuzz setup: \(message)\n".utf8))
  exit(3)
}

/// A copy of the small valid workspace `Tests/Fixtures/workspace` in the scratch folder, one of whose files
/// each fuzz input replaces. The whole workspace is then read with `Intake.load(workspace:)`, exactly as
/// `cosolicit validate` reads it, so the cross-file checks (lots, catalog items, duplicate agencies, dates)
/// run on the input too; input that validates cleanly is also aggregated and rendered in every format.
public final class FuzzWorkspace: Sendable {
  /// The workspace folder.
  public let root: String
  /// The file each input is written to.
  public let file: String
  /// Whether the file is a workbook, whose findings are at cells (rows and columns) or at its start.
  public let isWorkbook: Bool

  /// Copies the base workspace, deletes the files `removing` (paths inside the workspace) and tests the file
  /// `file` (a path inside the workspace), which replaces whatever the workspace had there.
  public init(file: String, removing: [String] = [], isWorkbook: Bool = false) {
    let base = (repositoryRoot as NSString).appendingPathComponent("Tests/Fixtures/workspace")
    let files = FileManager.default
    let root = (scratchFolder as NSString).appendingPathComponent("workspace")
    do {
      try? files.removeItem(atPath: scratchFolder)
      try files.createDirectory(atPath: scratchFolder, withIntermediateDirectories: true)
      try files.copyItem(atPath: base, toPath: root)
    } catch {
      setupFailure("cannot copy the base workspace \(base) to \(root): \(error)")
    }
    atexit { try? FileManager.default.removeItem(atPath: scratchFolder) }
    // The harness is only as good as its base: the unmodified copy must validate with no errors.
    let baseline = Intake.load(workspace: root)
    guard baseline.errorCount == 0, case .success = Aggregator.aggregate(baseline) else {
      setupFailure(
        "the base workspace \(base) no longer validates and aggregates cleanly:\n"
          + baseline.diagnostics.map(\.description).joined(separator: "\n"))
    }
    for relative in removing {
      try? files.removeItem(atPath: (root as NSString).appendingPathComponent(relative))
    }
    self.root = root
    self.file = (root as NSString).appendingPathComponent(file)
    self.isWorkbook = isWorkbook
  }

  /// Writes `input` as the file under test, reads and checks the workspace, renders the findings, and
  /// aggregates and renders input that validates cleanly.
  public func run(_ input: UnsafeRawBufferPointer) {
    replaceContents(of: file, with: input)
    let intake = Intake.load(workspace: root)
    let report = ValidationReport(intake)
    _ = report.findings(as: .text)
    _ = report.findings(as: .json)
    _ = report.summary
    if isWorkbook {
      checkCellPositions(intake.diagnostics, path: file)
    } else {
      checkPositions(intake.diagnostics, input: input, path: file)
    }
    guard intake.errorCount == 0 else { return }
    if case .success(let joint) = Aggregator.aggregate(intake) {
      for format in JointSolicitation.Format.allCases { _ = joint.rendered(as: format) }
    }
  }
}

/// Writes `bytes` to `path`, replacing its contents.
public func replaceContents(of path: String, with bytes: UnsafeRawBufferPointer) {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  guard descriptor >= 0 else { setupFailure("cannot open \(path) for writing (errno \(errno))") }
  defer { close(descriptor) }
  var offset = 0
  while offset < bytes.count, let base = bytes.baseAddress {
    let written = write(descriptor, base + offset, bytes.count - offset)
    guard written > 0 else { setupFailure("cannot write \(path) (errno \(errno))") }
    offset += written
  }
}

/// Traps unless every finding has a position a reader can go to: line and column from 1, and in the input's
/// own file no line past its last. Lines are counted generously (LF, CR, NEL, LS and PS each end one), since
/// YAML counts every one of them.
public func checkPositions(_ diagnostics: [Diagnostic], input: UnsafeRawBufferPointer, path: String) {
  var breaks = 0
  var previous: (UInt8, UInt8) = (0, 0)
  for byte in input {
    switch (previous.0, previous.1, byte) {
    case (_, _, UInt8(ascii: "\n")), (_, _, UInt8(ascii: "\r")), (_, 0xC2, 0x85), (0xE2, 0x80, 0xA8),
      (0xE2, 0x80, 0xA9):
      breaks += 1
    default: break
    }
    previous = (previous.1, byte)
  }
  for diagnostic in diagnostics {
    let location = diagnostic.location
    guard location.line >= 1, location.column >= 1, location.path != path || location.line <= breaks + 1,
      !diagnostic.message.isEmpty
    else {
      fatalError("a finding with an impossible position (the input has \(breaks + 1) lines): \(diagnostic)")
    }
  }
}

/// Traps unless every finding in the workbook at `path` is at its start (1:1) or at a cell Excel can have (rows
/// 1–1,048,576, columns A–XFD) with a sheet named, and every finding has a message.
public func checkCellPositions(_ diagnostics: [Diagnostic], path: String) {
  for diagnostic in diagnostics {
    let location = diagnostic.location
    let possible =
      location.path != path
      ? location.line >= 1 && location.column >= 1
      : location.sheet == nil
        ? location.line == 1 && location.column == 1
        : (1...1_048_576).contains(location.line) && (1...16_384).contains(location.column)
    guard possible, !diagnostic.message.isEmpty else {
      fatalError("a finding with an impossible position in a workbook: \(diagnostic)")
    }
  }
}
