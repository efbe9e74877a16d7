import Foundation

/// Writes needs request files into an output folder without ever replacing a file it did not write: the folder's
/// record, `.cosolicit-forms`, lists the SHA-256 of every file written, and an existing file is replaced only while
/// its bytes are still ones the record lists (a form a participant filled in, or any other file, is left alone).
/// All files are written or none: each is first written whole beside its target under a temporary name, and
/// only when every one is are they renamed into place. The record is written before the renames with both the
/// old and the new hash of each file, and after them with the new ones only, so a run killed midway leaves every
/// file recognised.
enum NeedsRequestOutput {
  /// The record's file name in the output folder.
  static let recordName = ".cosolicit-forms"
  private static let recordHeading =
    "# Files written by cosolicit forms, each with a SHA-256 of its contents: a file is replaced only while its "
    + "contents have a hash listed here.\n"

  /// Writes `files` (paths relative to `folder`) unless any would replace a file the tool did not write or one of
  /// the workspace's inputs; reports every such file and returns false, writing nothing.
  static func write(
    _ files: [DocumentSet.File], to folder: String, workspace: String, sparing inputs: [String],
    _ diagnostics: inout DiagnosticCollector
  ) -> Bool {
    let recordPath = Workspace.join(folder, recordName)
    var status = stat()
    if stat(folder, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
      diagnostics.error("\(folder) exists and is not a folder; give a folder to --out", at: .start(of: folder))
      return false
    }
    var record: [String: Set<String>] = [:]
    if lstat(recordPath, &status) == 0 {
      guard status.st_mode & S_IFMT == S_IFREG, let read = readRecord(recordPath) else {
        diagnostics.error(
          "\(recordPath) is not a record of cosolicit forms (lines of a SHA-256 and a path), so the folder's files "
            + "are not replaced; write the forms to another --out folder", at: .start(of: recordPath))
        return false
      }
      record = read
    }
    let errors = diagnostics.errorCount
    var previous: [String: String] = [:]
    var folders = Set<String>()
    for file in files {
      let target = Workspace.join(folder, file.path)
      var parent = (file.path as NSString).deletingLastPathComponent
      while !parent.isEmpty {
        folders.insert(parent)
        parent = (parent as NSString).deletingLastPathComponent
      }
      if Workspace.reads(target, root: workspace) {
        diagnostics.error(
          "\(target) would be one of the workspace's own input files, so it is not written; write the forms to "
            + "another --out folder", at: .start(of: target))
        continue
      }
      guard lstat(target, &status) == 0 else { continue }
      guard status.st_mode & S_IFMT == S_IFREG, let bytes = FileManager.default.contents(atPath: target) else {
        diagnostics.error(
          "\(target) exists and is not a regular file, so it is not replaced; move it away or write to another "
            + "--out folder", at: .start(of: target))
        continue
      }
      let hash = SolicitationPackage.sha256(bytes)
      guard record[file.path]?.contains(hash) == true else {
        diagnostics.error(
          "\(target) exists and is not a form this tool wrote, or was changed since (filled in?), so it is not "
            + "replaced; move it away or write to another --out folder", at: .start(of: target))
        continue
      }
      previous[file.path] = hash
    }
    for relative in folders.sorted() {
      let path = Workspace.join(folder, relative)
      if lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
        diagnostics.error(
          "\(path) exists and is not a folder, so no kit is written into it; move it away or write to another "
            + "--out folder", at: .start(of: path))
      }
    }
    guard diagnostics.errorCount == errors else { return false }

    // Every file is first written beside its target under a temporary name; only when all are written are they
    // renamed into place, so a failure (a full disk) leaves the folder as it was.
    var createdFolders: [String] = []
    var staged: [(temporary: String, target: String)] = []
    func undo() {
      for file in staged { unlink(file.temporary) }
      for path in createdFolders.reversed() { rmdir(path) }
    }
    do {
      for relative in [""] + folders.sorted() {
        let path = relative.isEmpty ? folder : Workspace.join(folder, relative)
        if lstat(path, &status) != 0 {
          try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
          createdFolders.append(path)
        }
      }
      let written = Dictionary(uniqueKeysWithValues: files.map { ($0.path, SolicitationPackage.sha256($0.data)) })
      for file in files {
        let target = Workspace.join(folder, file.path)
        let temporary = Workspace.join(
          (target as NSString).deletingLastPathComponent,
          ".\((target as NSString).lastPathComponent).\(getpid()).forms.tmp")
        staged.append((temporary, target))
        try AtomicFile.write(file.data, to: temporary, sparing: inputs)
      }
      var pending = record
      for (path, hash) in written { pending[path] = Set([hash] + (previous[path].map { [$0] } ?? [])) }
      try AtomicFile.write(recordText(pending), to: recordPath)
      for (index, file) in staged.enumerated() where rename(file.temporary, file.target) != 0 {
        let reason = String(cString: strerror(errno))
        for later in staged[index...] { unlink(later.temporary) }
        diagnostics.error(
          "cannot move \(file.target) into place: \(reason); the forms before it in the list were written",
          at: .start(of: file.target))
        return false
      }
      var final = pending.filter { FileManager.default.fileExists(atPath: Workspace.join(folder, $0.key)) }
      for (path, hash) in written { final[path] = [hash] }
      try AtomicFile.write(recordText(final), to: recordPath)
    } catch let failure as AtomicFile.Failure {
      undo()
      diagnostics.error(failure.description, at: .start(of: failure.path))
      return false
    } catch {
      undo()
      diagnostics.error("cannot write to \(folder): \(FileProblem.describe(error))", at: .start(of: folder))
      return false
    }
    return true
  }

  /// The record's text: a heading, then `<sha256>  <path>` lines in path and hash order.
  private static func recordText(_ record: [String: Set<String>]) -> String {
    recordHeading
      + record.keys.sorted().flatMap { path in record[path, default: []].sorted().map { "\($0)  \(path)\n" } }.joined()
  }

  /// The record at `path`, or nil when it is not one.
  private static func readRecord(_ path: String) -> [String: Set<String>]? {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
      return nil
    }
    var record: [String: Set<String>] = [:]
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let parts = line.split(separator: " ", maxSplits: 1)
      guard parts.count == 2, parts[0].count == 64, parts[0].allSatisfy(\.isHexDigit), parts[1].hasPrefix(" ") else {
        return nil
      }
      record[String(parts[1].dropFirst()), default: []].insert(String(parts[0]))
    }
    return record
  }
}
