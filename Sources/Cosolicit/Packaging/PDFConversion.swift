import Foundation

/// `build --pdf`: each variant's `rfp.docx` converted to `rfp.pdf` by LibreOffice
/// (`soffice --headless --convert-to pdf`), before the package is written, so that a failed conversion writes
/// nothing. LibreOffice runs with its own profile and `HOME` in a temporary folder that is removed afterwards,
/// and is stopped after ``secondsPerDocument`` per document; a run that converts nothing (LibreOffice can drop
/// the conversion while it sets up a new profile) is tried once more.
///
/// LibreOffice stamps each PDF with its creation time and an id drawn from it; ``PDFStamps`` fixes both, so the
/// same DOCX converted by the same LibreOffice with the same fonts gives the same PDF bytes.
public enum PDFConversion {
  /// What a build says when LibreOffice is missing.
  public static let missingMessage =
    "--pdf needs LibreOffice, and soffice is not on the PATH: "
    + "apt-get install libreoffice-writer-nogui"
  /// How long LibreOffice may take per document before the conversion counts as failed.
  public static let secondsPerDocument = 120

  /// Why the documents were not converted.
  public struct Failure: Error, CustomStringConvertible {
    /// What went wrong.
    public var reason: String

    public var description: String { "cannot convert the Word documents to PDF: \(reason)" }
  }

  /// The `soffice` executable on `searchPath` (a `PATH` value; default the process's), or nil.
  public static func soffice(searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
    for folder in (searchPath ?? "").split(separator: ":") where !folder.isEmpty {
      let candidate = Workspace.join(String(folder), "soffice")
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// The PDF of each of `documents` (Word files), beside it in the package: `joint/rfp.docx` gives
  /// `joint/rfp.pdf`.
  static func convert(_ documents: [DocumentSet.File], soffice: String) throws(Failure) -> [DocumentSet.File] {
    guard !documents.isEmpty else { return [] }
    let fileManager = FileManager.default
    let scratch = fileManager.temporaryDirectory.appendingPathComponent("cosolicit-pdf-\(UUID().uuidString)")
    defer { try? fileManager.removeItem(at: scratch) }
    let (home, input, output) = (
      scratch.appendingPathComponent("home"), scratch.appendingPathComponent("in"),
      scratch.appendingPathComponent("out")
    )
    // Each document under a name of its own: every variant's is called rfp.docx.
    let names = documents.map { $0.path.replacingOccurrences(of: "/", with: "--") }
    let inputs: [String]
    do {
      for folder in [home, input, output] {
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
      }
      inputs = try zip(documents, names).map { document, name in
        let url = input.appendingPathComponent(name)
        try document.data.write(to: url)
        return url.path
      }
    } catch {
      throw Failure(reason: "cannot prepare \(scratch.path): \(FileProblem.describe(error))")
    }
    let arguments =
      [
        "--headless", "--norestore", "--nolockcheck",
        "-env:UserInstallation=\(home.appendingPathComponent("profile").absoluteString)",
        "--convert-to", "pdf", "--outdir", output.path,
      ] + inputs
    let pdfs = names.map { output.appendingPathComponent(String($0.dropLast(".docx".count)) + ".pdf") }
    var run = try ProcessRun.run(
      soffice, arguments, home: home.path, log: scratch, timeout: secondsPerDocument * documents.count)
    // A LibreOffice that has just created its profile may restart itself and drop the conversion: once the
    // profile exists, a second run converts.
    if !pdfs.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) {
      run = try ProcessRun.run(
        soffice, arguments, home: home.path, log: scratch, timeout: secondsPerDocument * documents.count)
    }
    return try zip(documents, pdfs).map { document, pdf throws(Failure) in
      guard let data = try? Data(contentsOf: pdf), data.starts(with: Data("%PDF".utf8)) else {
        // A LibreOffice without Writer (Calc alone, say) has soffice but cannot load a Word document.
        let hint =
          run.errors.contains("source file could not be loaded")
          ? "; is LibreOffice Writer installed? apt-get install libreoffice-writer-nogui" : ""
        throw Failure(
          reason: "LibreOffice (\(soffice)) wrote no PDF of \(document.path) (exit status \(run.status))\(hint): "
            + run.errors.trimmingCharacters(in: .whitespacesAndNewlines).suffix(600))
      }
      return DocumentSet.File(
        path: String(document.path.dropLast(".docx".count)) + ".pdf", data: PDFStamps.normalized(data))
    }
  }

  /// Running a program with a time limit.
  enum ProcessRun {
    /// Runs `tool` with `arguments`, `HOME` set to `home`, its output in files under `log`; stops it (and its
    /// process group) after `timeout` seconds. Returns its exit status and what it wrote to standard error.
    static func run(
      _ tool: String, _ arguments: [String], home: String, log: URL, timeout: Int
    ) throws(Failure) -> (status: Int32, errors: String) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: tool)
      process.arguments = arguments
      var environment = ProcessInfo.processInfo.environment
      environment["HOME"] = home
      // The PDF's creation time is written in local time; in UTC its form is fixed (``PDFStamps``).
      environment["TZ"] = "UTC"
      process.environment = environment
      let outputURL = log.appendingPathComponent("soffice.out")
      let errorURL = log.appendingPathComponent("soffice.err")
      let finished = DispatchSemaphore(value: 0)
      process.terminationHandler = { _ in finished.signal() }
      do {
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
      } catch {
        throw Failure(reason: "cannot run \(tool): \(FileProblem.describe(error))")
      }
      if finished.wait(timeout: .now() + .seconds(timeout)) == .timedOut {
        let id = process.processIdentifier
        // LibreOffice's launcher starts soffice.bin as a child: stop the group when the launcher leads one.
        if getpgid(id) == id { kill(-id, SIGKILL) } else { kill(id, SIGKILL) }
        _ = finished.wait(timeout: .now() + .seconds(10))
        throw Failure(reason: "LibreOffice (\(tool)) did not finish within \(timeout) seconds and was stopped")
      }
      let errors = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
      return (process.terminationStatus, errors)
    }
  }
}
