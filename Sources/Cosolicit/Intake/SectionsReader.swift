import Foundation

/// Reads the workspace's own RFP sections from `sections/`: Markdown files named `NN-slug.md`, ordered by
/// number, then name. A file named otherwise is ignored with a warning; two files of one slug, a file that is
/// not UTF-8, empty, or larger than ``maximumSize`` are errors.
public enum SectionsReader {
  /// The folder, inside the workspace.
  public static let folder = "sections"
  /// The largest section file read, in bytes.
  public static let maximumSize = 256 * 1024
  /// How a section file is named, for messages.
  static let pattern =
    "NN-slug.md (digits, a hyphen, then lowercase letters, digits and hyphens, such as "
    + "05-background.md or 60-protests.md)"

  /// The sections of the workspace at `root`, sorted; none when it has no `sections/` folder.
  public static func read(workspace root: String, _ diagnostics: inout DiagnosticCollector) -> [WorkspaceSection] {
    let folder = Workspace.join(root, folder)
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else { return [] }
    guard isFolder.boolValue else {
      diagnostics.error(
        "'sections' is a file; the RFP's own sections are Markdown files in a folder named sections/",
        at: .start(of: folder))
      return []
    }
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
    } catch {
      diagnostics.error(
        "the sections folder cannot be read: \(FileProblem.describe(error))", at: .start(of: folder))
      return []
    }
    var sections: [WorkspaceSection] = []
    var firstOfSlug: [String: String] = [:]
    for name in names {
      let path = Workspace.join(folder, name)
      guard let (number, slug) = parseName(name) else {
        diagnostics.warning(
          "'\(FieldReader.shown(name))' is ignored; a section file is named \(pattern)", at: .start(of: path))
        continue
      }
      if let first = firstOfSlug[slug] {
        diagnostics.error(
          "section '\(slug)' is given twice (also in \(first)); give each section in one file",
          at: .start(of: path))
        continue
      }
      guard let text = readText(path, &diagnostics) else { continue }
      firstOfSlug[slug] = name
      let (title, body) = heading(of: text)
      sections.append(
        WorkspaceSection(
          number: number, slug: slug, title: title ?? words(slug), body: body, source: "\(Self.folder)/\(name)",
          fileName: name))
    }
    return sections.sorted { ($0.number, $0.fileName) < ($1.number, $1.fileName) }
  }

  /// The number and slug of a file named `NN-slug.md`; nil for any other name.
  static func parseName(_ name: String) -> (number: Int, slug: String)? {
    guard name.hasSuffix(".md") else { return nil }
    let stem = name.dropLast(3)
    let digits = stem.prefix { ("0"..."9").contains($0) }
    guard (1...4).contains(digits.count), let number = Int(digits) else { return nil }
    let rest = stem.dropFirst(digits.count)
    guard rest.hasPrefix("-") else { return nil }
    let slug = String(rest.dropFirst())
    let parts = slug.split(separator: "-", omittingEmptySubsequences: false)
    guard !slug.isEmpty, slug.count <= 64,
      parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) } })
    else { return nil }
    return (number, slug)
  }

  /// `questions-addenda` as `Questions addenda`.
  static func words(_ slug: String) -> String {
    let text = slug.replacingOccurrences(of: "-", with: " ")
    return text.prefix(1).uppercased() + text.dropFirst()
  }

  /// The text of a section file, or nil after reporting why it cannot be used.
  private static func readText(_ path: String, _ diagnostics: inout DiagnosticCollector) -> String? {
    let bytes: [UInt8]
    switch SourceFile.readBytes(path) {
    case .failure(let problem):
      diagnostics.append(problem)
      return nil
    case .success(let read): bytes = read
    }
    guard bytes.count <= maximumSize else {
      diagnostics.error(
        "the section file is \(bytes.count) bytes; a section may be at most \(maximumSize) bytes (256 KiB)",
        at: .start(of: path))
      return nil
    }
    let text: String
    switch SourceFile.decode(bytes, path: path) {
    case .failure(let problem):
      diagnostics.append(problem)
      return nil
    case .success(let file): text = file.text
    }
    guard !text.trimmed.isEmpty else {
      diagnostics.error(
        "the section file is empty; write the section in Markdown, or remove the file", at: .start(of: path))
      return nil
    }
    if let scalar = FieldReader.forbiddenCharacter(in: text) {
      let code = String(scalar.value, radix: 16, uppercase: true)
      let offset = text.unicodeScalars.prefix { $0 != scalar }.reduce(0) { $0 + String($1).utf8.count }
      let (line, column) = SourceFile.position(ofByte: offset, in: Array(text.utf8))
      diagnostics.error(
        "the section contains the control character U+\(String(repeating: "0", count: 4 - code.count))\(code), "
          + "which documents cannot show; remove it", at: SourceLocation(path: path, line: line, column: column))
      return nil
    }
    return text
  }

  /// The first `# Heading` line's text (when it is the file's first non-blank line) and the body without it.
  static func heading(of text: String) -> (title: String?, body: String) {
    let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
      separator: "\n", omittingEmptySubsequences: false)
    guard let first = lines.firstIndex(where: { !$0.trimmed.isEmpty }) else { return (nil, text) }
    let line = lines[first].trimmed
    guard line.hasPrefix("# ") || line == "#" else { return (nil, text) }
    var title = String(line.dropFirst(1)).trimmed
    // A closing sequence of #s is not part of the heading (CommonMark).
    while title.hasSuffix("#") { title = String(title.dropLast()).trimmed }
    let body = lines[(first + 1)...].joined(separator: "\n")
    return (title.isEmpty ? nil : title, body)
  }
}
