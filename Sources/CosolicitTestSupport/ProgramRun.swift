import Foundation

/// What a program printed and how it ended.
public struct ProgramRun: Sendable {
  /// The exit status.
  public var status: Int32
  /// Standard output.
  public var output: String
  /// Standard error.
  public var errorOutput: String

  /// The built `cosolicit` executable, beside the test bundle.
  public static var executable: URL {
    let products =
      Bundle.main.bundleURL.lastPathComponent.hasSuffix(".xctest")
      ? Bundle.main.bundleURL.deletingLastPathComponent() : Bundle.main.bundleURL
    return products.appendingPathComponent("cosolicit")
  }

  /// Runs the built `cosolicit` with `arguments` in `folder` and collects its output.
  public static func cosolicit(_ arguments: [String], in folder: URL = repositoryRoot) throws -> ProgramRun {
    try run(executable.path, arguments, in: folder)
  }

  /// Runs any program and collects its output.
  public static func run(_ tool: String, _ arguments: [String], in folder: URL = repositoryRoot) throws -> ProgramRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.currentDirectoryURL = folder
    // Both streams go to files: reading two pipes one after the other can deadlock on a chatty program.
    let scratch = try makeTemporaryFolder("run")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let (outputURL, errorURL) = (scratch.appendingPathComponent("out"), scratch.appendingPathComponent("err"))
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    let output = try FileHandle(forWritingTo: outputURL)
    let errors = try FileHandle(forWritingTo: errorURL)
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    process.waitUntilExit()
    try output.close()
    try errors.close()
    return ProgramRun(
      status: process.terminationStatus, output: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
      errorOutput: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
  }
}
